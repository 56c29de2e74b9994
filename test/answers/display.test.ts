/**
 * What answers show of a statement (src/answers/display.ts): always a
 * verbatim slice of its document, with the speaker, cue and content marked.
 * Checked on the seed corpus with the real engine, on the BBC politics
 * articles from ../shared when present, and on generated documents.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Display, displayOf } from '../../src/answers/display.ts';
import { extractStatements } from '../../src/attribution/index.ts';
import type { Corpus } from '../../src/engine/corpus.ts';
import { readCorpus } from '../../src/engine/service.ts';
import { buildBbcCorpus } from '../../src/eval/bbc.ts';
import { sharedDir } from '../../src/eval/paths.ts';
import type { CorpusDocument, Sentence, Statement } from '../../src/model.ts';

const seed = await readCorpus({ corpusDir: 'corpus', maxFileBytes: 5_000_000 });
const bbcDir = path.join(sharedDir(), 'corpora', 'bbc-news-2004-2005');
const bbcPresent = existsSync(bbcDir);

/** Every promise a display makes about itself and its statement. */
function expectSound(display: Display, s: Statement, doc: CorpusDocument) {
  const where = `${s.id} (${s.kind})`;
  expect(display.text, where).toBe(doc.text.slice(display.start, display.end));
  // The content is shown whole, and marked as such.
  expect(display.start <= s.text.start && s.text.end <= display.end, where).toBe(true);
  expect(
    display.marks.find((m) => m.role === 'content'),
    where,
  ).toEqual({
    start: s.text.start - display.start,
    end: s.text.end - display.start,
    role: 'content',
  });
  display.marks.forEach((m, i) => {
    expect(0 <= m.start && m.start < m.end && m.end <= display.text.length, where).toBe(true);
    const before = display.marks[i - 1];
    if (before)
      expect(before.start < m.start || (before.start === m.start && before.end >= m.end)).toBe(true);
    for (const other of display.marks.slice(i + 1)) {
      const disjoint = m.end <= other.start || other.end <= m.start;
      const nested =
        (m.start <= other.start && other.end <= m.end) || (other.start <= m.start && m.end <= other.end);
      expect(disjoint || nested, `${where}: marks cross`).toBe(true);
    }
  });
  if (s.kind === 'direct') expect(display.text, where).toBe(s.text.text);
}

function displayAll(corpus: Corpus): number {
  for (const s of corpus.statements) {
    const doc = corpus.documentById.get(s.docId)!;
    expectSound(displayOf(s, doc), s, doc);
  }
  return corpus.statements.length;
}

/** The seed statement by `speaker` whose content starts with `words`. */
function seedStatement(speaker: string, words: string): { s: Statement; doc: CorpusDocument; d: Display } {
  const s = seed.statements.find((x) => x.speakerName === speaker && x.text.text.startsWith(words));
  if (!s) throw new Error(`no seed statement by ${speaker}: ${words}`);
  const doc = seed.documentById.get(s.docId)!;
  return { s, doc, d: displayOf(s, doc) };
}

const marked = (d: Display) => d.marks.map((m) => [m.role, d.text.slice(m.start, m.end)]);

describe('reported speech and partial quotes are shown as their sentence', () => {
  it("shows Russia's dismissal as the sentence saying who dismissed what, not the object of “dismissed” alone", () => {
    const { d } = seedStatement('Russia', 'allegations by Microsoft');
    expect(d.text).toBe(
      'WASHINGTON/TEHRAN/MOSCOW (Dispatches) – Iran, Russia and China dismissed on Friday allegations by Microsoft Corp that hackers linked to Moscow, Beijing and Tehran were trying to spy on people tied to both U.S. President Donald Trump and Democratic challenger Joe Biden.',
    );
    expect(marked(d)).toEqual([
      ['speaker', 'Russia'],
      ['cue', 'dismissed'],
      [
        'content',
        'allegations by Microsoft Corp that hackers linked to Moscow, Beijing and Tehran were trying to spy on people tied to both U.S. President Donald Trump and Democratic challenger Joe Biden',
      ],
    ]);
  });

  it("marks the speaker's own quoted words inside the content", () => {
    const { d } = seedStatement('Sergei Lavrov', 'accusations of Russia');
    expect(d.text).toBe(
      'Lavrov, in turn, said accusations of Russia using hackers to meddle in the United States’ internal affairs were "unsubstantiated”.',
    );
    expect(marked(d)).toEqual([
      ['speaker', 'Lavrov'],
      ['cue', 'said'],
      [
        'content',
        'accusations of Russia using hackers to meddle in the United States’ internal affairs were "unsubstantiated”',
      ],
      ['quote', 'unsubstantiated'],
    ]);
  });

  it('shows a speaker named after the words (“… he said”) in the same sentence', () => {
    const { d } = seedStatement('Zhao Lijian', 'The U.S. was an');
    expect(d.text).toBe(
      'The U.S. was an "empire of hackers,” he said at his daily news briefing in Beijing.',
    );
    expect(marked(d)).toEqual([
      ['content', 'The U.S. was an "empire of hackers,”'],
      ['quote', 'empire of hackers'],
      ['speaker', 'he'],
      ['cue', 'said'],
    ]);
  });

  it('shows a direct quote as its words alone', () => {
    const { s, d } = seedStatement('Dmitry Peskov', 'Russia has not interfered');
    expect(s.kind).toBe('direct');
    expect(d.text).toBe(s.text.text);
    expect(marked(d)).toEqual([['content', s.text.text]]);
  });
});

describe('the speaker and cue come from the same or an adjacent sentence of the same paragraph', () => {
  // Three sentences in paragraph one, one in paragraph two.
  const TEXT = 'Ms Lowe spoke. She said so. The plan was sound.\n\nIt was not.';
  const doc = documentOf(TEXT);
  const span = (words: string, from = 0) => {
    const start = TEXT.indexOf(words, from);
    return { start, end: start + words.length, text: words };
  };

  it('takes in the sentence before when the speaker is named there', () => {
    const s = statementOf('indirect', span('The plan was sound'), span('She'), span('said'));
    expect(displayOf(s, doc).text).toBe('She said so. The plan was sound.');
  });

  it('leaves out a speaker two sentences away, or in another paragraph', () => {
    const far = statementOf('indirect', span('The plan was sound'), span('Ms Lowe'), null);
    expect(displayOf(far, doc)).toMatchObject({ text: 'The plan was sound.', marks: [{ role: 'content' }] });
    const other = statementOf('indirect', span('It was not'), span('The plan'), span('sound'));
    expect(displayOf(other, doc).text).toBe('It was not.');
  });

  it('keeps marks from crossing: a speaker span reaching into the content is cut back', () => {
    const s = statementOf('partial', span('plan was sound'), span('The plan'), null);
    const d = displayOf(s, doc);
    expect(marked(d)).toEqual([
      ['speaker', 'The '],
      ['content', 'plan was sound'],
    ]);
  });
});

describe('every shown text is a verbatim slice of its document (property)', () => {
  it('over every statement of the seed corpus', () => {
    expect(displayAll(seed)).toBeGreaterThan(20);
  });

  it.skipIf(!bbcPresent)('over every statement of the BBC politics articles (417)', () => {
    const bbc = buildBbcCorpus(bbcDir, ['politics'], extractStatements);
    expect(bbc.documents.length).toBeGreaterThan(300);
    expect(displayAll(bbc)).toBeGreaterThan(1000);
  });

  it('over generated documents and spans, crossing or not', () => {
    const sentence = fc.stringMatching(/^[A-Z][a-z ,"“”']{0,30}\.$/);
    const paragraphs = fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(
        paragraphs.chain((ps) => {
          const text = ps.map((p) => p.join(' ')).join('\n\n');
          const n = text.length;
          const range = fc
            .tuple(fc.nat(n), fc.nat(n))
            .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
          return fc.tuple(
            fc.constant(text),
            fc.constantFrom('direct', 'partial', 'indirect'),
            range.filter(([a, b]) => b > a),
            fc.option(range, { nil: null }),
            fc.option(range, { nil: null }),
            fc.array(range, { maxLength: 3 }),
          );
        }),
        ([text, kind, content, mention, cue, quotes]) => {
          const doc = documentOf(text);
          const span = ([a, b]: readonly [number, number]) => ({ start: a, end: b, text: text.slice(a, b) });
          const s = statementOf(kind, span(content), mention && span(mention), cue && span(cue));
          s.quotes = quotes.map(span);
          expectSound(displayOf(s, doc), s, doc);
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** A document whose paragraphs are split on blank lines and sentences after ". ". */
function documentOf(text: string): CorpusDocument {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  for (const p of text.matchAll(/[^\n]+/g)) {
    paragraph++;
    let index = 0;
    for (const m of p[0].matchAll(/[^ ].*?(?:\.(?= |$)|$)/g)) {
      const start = p.index + m.index;
      index++;
      sentences.push({
        id: `d:${paragraph}.${index}`,
        docId: 'd',
        paragraph,
        index,
        start,
        end: start + m[0].length,
        text: m[0],
      });
    }
  }
  return {
    id: 'd',
    file: 'd.md',
    title: 'd',
    text,
    bodyStart: 0,
    hash: '',
    paragraphs: [],
    sentences,
  };
}

function statementOf(
  kind: Statement['kind'],
  text: Statement['text'],
  mention: Statement['text'] | null,
  cue: Statement['text'] | null,
): Statement {
  return {
    kind,
    text,
    speaker: { name: 'X', title: null, country: null, kind: 'person', mention },
    cue,
    denial: false,
    id: 'd:s1',
    docId: 'd',
    speakerId: 'x',
    speakerName: 'X',
    country: null,
    countryEvidence: null,
    paragraph: 1,
    sentenceIds: [],
  };
}
