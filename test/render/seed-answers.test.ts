/**
 * Both renderers on real answers from the seed corpus (./corpus, the real
 * engine): reported speech is shown as its sentence with the speaker and cue
 * marked, direct quotes get the quotation marks `quoteMarks` chooses, and
 * plain text adds nothing inside a quote.
 */
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/answer.ts';
import type { Request } from '../../src/answers/requests.ts';
import type { Answer, StatementHit } from '../../src/answers/types.ts';
import { readCorpus } from '../../src/engine/service.ts';
import { renderAnswer } from '../../src/render/discord.ts';
import { renderText } from '../../src/render/text.ts';
import { displayed } from '../support/interactions.ts';

const seed = await readCorpus({ corpusDir: 'corpus', maxFileBytes: 5_000_000 });
const ask = (request: Request): Answer => answer(seed, request);
const discord = (a: Answer) => renderAnswer(a).map((p) => p.embed?.description ?? p.content);
const plain = (a: Answer) => renderText(a, { ansi: false });
const ansi = (a: Answer) => renderText(a, { ansi: true });
const ESC = '\x1b[';

const RUSSIA_SENTENCE =
  'WASHINGTON/TEHRAN/MOSCOW (Dispatches) – Iran, Russia and China dismissed on Friday allegations by Microsoft Corp that hackers linked to Moscow, Beijing and Tehran were trying to spy on people tied to both U.S. President Donald Trump and Democratic challenger Joe Biden.';
const EMPIRE_SENTENCE = 'The U.S. was an "empire of hackers,” he said at his daily news briefing in Beijing.';

describe('/deny RU', () => {
  const deny = ask({ type: 'deny', country: 'RU' });

  it('Discord: the joint dismissal as its sentence, Russia in bold, the verb underlined, in a quote block', () => {
    const [page] = discord(deny);
    expect(page).toContain(
      '> WASHINGTON/TEHRAN/MOSCOW \\(Dispatches\\) – Iran, **Russia** and China __dismissed__ on Friday allegations by Microsoft Corp that hackers linked to Moscow, Beijing and Tehran were trying to spy on people tied to both U.S. President Donald Trump and Democratic challenger Joe Biden.\n',
    );
    // The kind label stays; the legend comes once, with the first marks it explains.
    expect(page).toMatch(/\n\*\(reported speech, [a-z ]+; speaker in bold, verb underlined\)\*\n/);
    expect(page!.split('speaker in bold')).toHaveLength(2);
    expect(page).toContain('> **Lavrov**, in turn, __said__ accusations of Russia using hackers');
    // The verb shown underlined is not named again; a direct quote's verb still is.
    expect(page).not.toContain('“dismissed”');
    expect(page).toMatch(/> “Russia has not interfered, [^\n]*processes”\n\*\([a-z ]+, “told”\)\*/);
  });

  it('text: the sentence exactly as written, and a label line naming speaker and verb', () => {
    const text = plain(deny);
    expect(text).toContain(
      `\n   ${RUSSIA_SENTENCE}\n   (reported speech, denial; speaker “Russia”, verb “dismissed”)\n`,
    );
    expect(text).toContain(
      '\n   Lavrov, in turn, said accusations of Russia using hackers to meddle in the United States’ internal affairs were "unsubstantiated”.\n',
    );
    for (const added of ['**', '__', ESC, '<http']) expect(text).not.toContain(added);
  });

  it('terminal: speaker bold, verb underlined, the sentence around them dim', () => {
    const text = ansi(deny);
    expect(text).toContain(`Iran, ${ESC}22;24m${ESC}1mRussia${ESC}22;24m${ESC}2m and China ${ESC}22;24m`);
    expect(text).toContain(`${ESC}4mdismissed${ESC}22;24m`);
    expect(text).toContain(`${ESC}22;24mallegations by Microsoft Corp that hackers`);
    expect(text).not.toContain('speaker “Russia”');
    expect(text).not.toContain('**');
  });
});

describe('/who-said "empire of hackers"', () => {
  const whoSaid = ask({ type: 'who-said', query: 'empire of hackers' });

  it('Discord: the sentence with its own quotation marks, nothing added; speaker, cue and matched words marked', () => {
    const [page] = discord(whoSaid);
    expect(page).toContain(
      '> The U.S. was an "**empire of hackers**,” **he** __said__ at his daily news briefing in Beijing.\n' +
        '*(reported speech; speaker and matched words in bold, verb underlined)*',
    );
    expect(displayed(page!)).not.toContain('“The U.S.');
  });

  it('text: the sentence as written, not wrapped in marks of its own', () => {
    const text = plain(whoSaid);
    expect(text).toContain(`\n   ${EMPIRE_SENTENCE}\n   (reported speech; speaker “he”, verb “said”)\n`);
    expect(ansi(whoSaid)).toContain(`"${ESC}1mempire of hackers${ESC}22;24m,”`);
  });

  it('a direct quote gets curly double marks', () => {
    const peskov = ask({ type: 'who-said', query: 'not interfering' });
    expect(discord(peskov)[0]).toContain('> “Russia has **not** interfered, is **not interfering** and');
    expect(plain(peskov)).toContain(
      '\n   “Russia has not interfered, is not interfering and does not intend to interfere in anyone’s internal affairs, or electoral processes”\n',
    );
  });
});

describe('/quotes Zhao Lijian', () => {
  const quotes = ask({ type: 'quotes', speaker: 'Zhao Lijian' });

  it('Discord: reported speech with its speaker and verb marked, direct quotes in marks, legend once', () => {
    const text = discord(quotes).join('\n');
    expect(text).toContain(
      '> **China’s foreign affair ministry spokesman Zhao Lijian** __said__ earlier on Friday that China has no interest',
    );
    expect(text).toContain(
      '> **Chinese Foreign Ministry spokesman Zhao Lijian** __called__ “unfounded accusations” of the statement made by Microsoft',
    );
    expect(text).toContain(
      '> “I think Microsoft should not make such unfounded accusations and \\[stop\\] bringing China into this”',
    );
    expect(text.split('speaker in bold')).toHaveLength(2);
  });

  it('text: every statement as written, the cue named for reported speech only', () => {
    const text = plain(quotes);
    expect(text).toContain(
      '\n   Chinese Foreign Ministry spokesman Zhao Lijian called “unfounded accusations” of the statement made by Microsoft, an American company,',
    );
    expect(text).toContain(
      '(reported speech, denial; speaker “Chinese Foreign Ministry spokesman Zhao Lijian”, verb “called”)',
    );
    expect(text).toContain(`\n   ${EMPIRE_SENTENCE}\n`);
    for (const added of ['**', '__', ESC]) expect(text).not.toContain(added);
  });
});

describe('nested quotation marks', () => {
  const direct = (text: string): StatementHit => ({
    statementId: 'd:s1',
    kind: 'direct',
    text,
    display: { text, start: 0, end: text.length, marks: [{ start: 0, end: text.length, role: 'content' }] },
    cue: 'said',
    denial: false,
    explicitDenial: false,
    score: 1,
    highlights: [],
    speaker: { id: 'z', name: 'Zhao Lijian', title: null, country: null, kind: 'person' },
    citations: [
      { docId: 'd', file: 'd.md', title: 'T', paragraph: 1, sentenceId: 'd:1.1', start: 0, end: 1 },
    ],
  });
  const quotesOf = (text: string): Answer => ({
    type: 'quotes',
    input: 'Zhao',
    speaker: direct(text).speaker,
    statements: [direct(text)],
  });

  it.each([
    ['The U.S. was an "empire of hackers,”', '‘The U.S. was an "empire of hackers,”’'],
    ['It is an ‘empire’ of hackers', '“It is an ‘empire’ of hackers”'],
    ['He called it "an ‘empire’"', 'He called it "an ‘empire’"'],
    ['The States’ own history', '“The States’ own history”'],
  ])('%s is shown as %s by both renderers', (text, shown) => {
    expect(plain(quotesOf(text))).toContain(`\n   ${shown}\n`);
    expect(displayed(discord(quotesOf(text))[0]!)).toContain(`> ${shown}\n`);
  });
});
