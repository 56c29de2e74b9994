import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Citation, StatementHit, WhoSaidAnswer } from '../../src/answers/types.ts';
import { citationMarkdown } from '../../src/render/discord/answers.ts';
import { contextButtonId } from '../../src/render/discord/ids.ts';
import {
  clampMarkdown,
  emphasise,
  escapeText,
  normaliseHighlights,
  shorten,
} from '../../src/render/discord/markdown.ts';
import {
  parseButtonId,
  renderAnswer,
  renderChoices,
  renderNotice,
  toMessage,
} from '../../src/render/discord.ts';
import { choiceViolations, limitViolations } from '../support/discord-limits.ts';
import { displayed } from '../support/interactions.ts';
import { answer, text } from './arbitraries.ts';

const messages = (a: Parameters<typeof renderAnswer>[0]) => {
  const pages = renderAnswer(a);
  return pages.map((page, index) => toMessage(page, { session: 'AbCdEfGh', index, total: pages.length }));
};

describe('limits (property)', () => {
  it('every page of every answer fits every Discord limit', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const all = messages(a);
        expect(all.length).toBeGreaterThan(0);
        for (const m of all) {
          expect(limitViolations(m)).toEqual([]);
          expect(m.allowedMentions).toEqual({ parse: [] });
          expect(m.content.length > 0 || m.embeds.length > 0).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every button id round-trips through the parser', () => {
    fc.assert(
      fc.property(answer, (a) => {
        for (const m of messages(a)) {
          for (const b of m.components.flatMap((r) => r.components))
            expect(parseButtonId(b.custom_id)).not.toBeNull();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('autocomplete choices fit too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string({ maxLength: 300 }), value: fc.string({ maxLength: 150 }) })),
        (c) => {
          expect(choiceViolations(renderChoices(c))).toEqual([]);
        },
      ),
    );
  });

  it('notices are clamped to the content limit', () => {
    expect(renderNotice('x'.repeat(5000)).content.length).toBeLessThanOrEqual(2000);
  });
});

describe('escaping', () => {
  it('shows any text as written, on one line, and nothing in it can ping or format', () => {
    fc.assert(
      fc.property(text(40), (t) => {
        const escaped = escapeText(t);
        expect(displayed(escaped)).toBe(t.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
        // No unescaped mention or markup character survives.
        expect(escaped.replace(/\\./g, '')).not.toMatch(/[@<*_~`|>#[\]()\\-]/);
      }),
    );
  });

  it('neutralises mentions', () => {
    expect(escapeText('@everyone <@123> <@&4> <#5> @here')).toBe(
      '\\@everyone \\<\\@123\\> \\<\\@&4\\> \\<\\#5\\> \\@here',
    );
  });

  it('stops a leading number from becoming a list', () => {
    expect(escapeText('1. first')).toBe('1\\. first');
  });
});

describe('emphasis', () => {
  it('bolds highlighted ranges and still displays the exact text', () => {
    fc.assert(
      fc.property(
        text(30).chain((t) =>
          fc.tuple(fc.constant(t), fc.array(fc.tuple(fc.nat(t.length), fc.nat(t.length)), { maxLength: 6 })),
        ),
        ([t, ranges]) => {
          const hl = ranges.map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
          expect(displayed(emphasise(t, hl))).toBe(escapeText(t).replace(/\\(.)/g, '$1'));
        },
      ),
    );
  });

  it('keeps spaces outside the bold markers and merges touching ranges', () => {
    expect(
      emphasise('an empire of hackers', [
        [2, 10],
        [10, 12],
      ]),
    ).toBe('an **empire of** hackers');
    expect(
      normaliseHighlights(5, [
        [4, 9],
        [0, 1],
        [1, 2],
      ]),
    ).toEqual([
      [0, 2],
      [4, 5],
    ]);
  });
});

describe('shortening', () => {
  it('cuts at a word and marks the cut', () => {
    expect(shorten('one two three four', 12)).toBe('one two…');
    expect(shorten('short', 12)).toBe('short');
  });

  it('never leaves a dangling escape', () => {
    expect(clampMarkdown('ab\\*cd', 4)).toBe('ab…');
  });
});

const CITATION: Citation = {
  docId: 'd',
  file: 'd.md',
  title: 'A *title* with @everyone',
  publisher: 'The_Paper',
  published: '2020-09-11',
  url: 'https://example.org/a_b',
  paragraph: 15,
  sentenceId: 'd:15.2',
  start: 0,
  end: 1,
};

function hit(overrides: Partial<StatementHit> = {}): StatementHit {
  const text = overrides.text ?? 'empire of hackers';
  return {
    statementId: 'd:s1',
    kind: 'direct',
    text,
    // A direct quote's display: its words, all content.
    display: { text, start: 0, end: text.length, marks: [{ start: 0, end: text.length, role: 'content' }] },
    cue: 'said',
    denial: false,
    explicitDenial: false,
    score: 1,
    highlights: [[0, 6]],
    speaker: { id: 'z', name: 'Zhao Lijian', title: 'spokesman', country: 'CN', kind: 'person' },
    citations: [CITATION],
    ...overrides,
  };
}

describe('answers', () => {
  const whoSaid = (statements: StatementHit[]): WhoSaidAnswer => ({
    type: 'who-said',
    query: 'empire',
    filters: {},
    groups: [{ speaker: statements[0]!.speaker, statements }],
    closest: [],
  });

  it('who-said: speaker line, bold match, escaped citation with a working link', () => {
    const [page] = renderAnswer(whoSaid([hit()]));
    expect(page!.embed!.description).toBe(
      '**Zhao Lijian** · spokesman · 🇨🇳 China\n> “**empire** of hackers”\n' +
        '**[1]** “A \\*title\\* with \\@everyone” — The\\_Paper, 2020\\-09\\-11, ¶15 \\[d:15.2\\] <https://example.org/a_b>',
    );
  });

  it('keeps a citation link whole and clickable when a long title is cut', () => {
    const line = citationMarkdown({ ...CITATION, title: `A ${'very '.repeat(150)}long title` });
    expect(line.length).toBeLessThanOrEqual(400);
    // The title is cut; the id (what /source takes) and the link are kept.
    expect(line).toMatch(
      /^“A very [a-z ]+…” — The\\_Paper, 2020\\-09\\-11, ¶15 \\\[d:15\.2\\\] <https:\/\/example\.org\/a_b>$/,
    );
    expect(citationMarkdown({ ...CITATION, url: undefined })).not.toContain('<');
  });

  it('cites every source of a widely reported statement, across continuation blocks if needed', () => {
    const citations = Array.from({ length: 30 }, (_, i) => ({ ...CITATION, sentenceId: `d:${i + 1}.1` }));
    const pages = renderAnswer(whoSaid([hit({ citations })]));
    const all = pages.map((p) => p.embed!.description).join('\n');
    expect(all).toContain('Reported by 30 sources:');
    for (let i = 1; i <= 30; i++) expect(all).toContain(`**[${i}]**`);
    expect(pages.flatMap((p) => p.contexts).map((c) => c.number)).toEqual(citations.map((_, i) => i + 1));
  });

  it('gives two citations of one sentence distinct Context buttons', () => {
    const [page] = renderAnswer(whoSaid([hit(), hit({ statementId: 'd:s2' })]));
    const ids = toMessage(page!, { session: 's', index: 0, total: 1 }).components.flatMap((r) =>
      r.components.map((c) => c.custom_id),
    );
    expect(ids).toEqual(['cx:1:d:15.2', 'cx:2:d:15.2']);
  });

  it('labels indirect speech and, in denials, the kind of denial and its verb', () => {
    const [page] = renderAnswer({
      type: 'deny',
      input: 'CN',
      country: { code: 'CN', name: 'China', flag: '🇨🇳' },
      total: 1,
      groups: [
        {
          speaker: hit().speaker,
          statements: [hit({ kind: 'indirect', denial: true, explicitDenial: true, cue: 'denied' })],
        },
      ],
    });
    expect(page!.embed!.description).toContain(
      '> **empire** of hackers\n*(reported speech, explicit denial, “denied”)*',
    );
  });

  it('uses a session reference when a sentence id is too long for a custom id', () => {
    const long = `${'x'.repeat(120)}:1.1`;
    expect(contextButtonId(1, long, { session: 's1', page: 2, index: 3 })).toBe('cs:s1:2:3');
    expect(parseButtonId('cs:s1:2:3')).toEqual({ kind: 'context-ref', session: 's1', page: 2, index: 3 });
    expect(parseButtonId('cx:4:doc:1.2')).toEqual({ kind: 'context', sentenceId: 'doc:1.2' });
    expect(parseButtonId('pg:s1:3:n')).toEqual({ kind: 'page', session: 's1', page: 3 });
    expect(parseButtonId('something else')).toBeNull();
  });

  it('splits a paragraph too long for one page without losing or doubling a character', () => {
    const long = `${'a'.repeat(5000)} ${'word '.repeat(1500).trim()}`;
    const pages = renderAnswer({
      type: 'source',
      input: 'd:15.2',
      context: {
        citation: CITATION,
        sentences: [
          { id: 'd:15.1', text: long, cited: false },
          { id: 'd:15.2', text: 'The cited one.', cited: true },
        ],
      },
    });
    expect(pages.length).toBeGreaterThan(2);
    const body = pages.map((p, i) =>
      i === 0 ? p.embed!.description.split('\n').at(-1)! : p.embed!.description,
    );
    const squash = (t: string) => t.replace(/\s+/g, '');
    expect(squash(displayed(body.join('')))).toBe(squash(`${long} The cited one.`));
    expect(body.some((b) => b.includes('  '))).toBe(false);
    expect(body.at(-1)).toMatch(/word \*\*The cited one\.\*\*$/);
  });
});
