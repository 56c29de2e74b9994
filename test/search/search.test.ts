import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../src/search/highlight.ts';
import { parseQuery } from '../../src/search/query.ts';
import { TextIndex } from '../../src/search/text-index.ts';
import { findPhrase, tokenize } from '../../src/search/tokenize.ts';

const TEXTS = [
  'The hackers worked for an empire of spies, officials said.',
  'The U.S. was an "empire of hackers,” he said at a briefing.',
  'An empire rose; hackers fell; the end.',
  'Ministers dismissed the allegations as groundless.',
  'Nothing to see here.',
];
const index = new TextIndex(TEXTS.map((text, id) => ({ id, text })));
const ids = (q: string, limit = 10) => index.search(parseQuery(q), { limit }).map((h) => h.id);

describe('tokenize', () => {
  it('normalises case, accents, dotted abbreviations and possessives, with offsets', () => {
    const text = 'U.S. coup d’état: Iran’s ÉLAN';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.term)).toEqual(['us', 'coup', 'detat', 'iran', 'elan']);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
  });

  it('finds phrases by term sequence, across punctuation and mixed quote marks', () => {
    const text = 'an "Empire of  Hackers,” he said';
    expect(findPhrase(tokenize(text), ['empire', 'of', 'hackers'])).toEqual([[4, 22]]);
  });
});

describe('parseQuery', () => {
  it('separates quoted phrases (straight or curly) from free terms', () => {
    const q = parseQuery('“empire of hackers” briefing');
    expect(q.phrases).toEqual([['empire', 'of', 'hackers']]);
    expect(q.terms).toEqual(['empire', 'hackers', 'briefing']);
    expect(q.prefixLast).toBe(false);
  });

  it('treats a last word still being typed as a prefix', () => {
    expect(parseQuery('empire hack').prefixLast).toBe(true);
    expect(parseQuery('empire hack ').prefixLast).toBe(false);
  });

  it('drops stop words from terms but keeps them in the sequence', () => {
    const q = parseQuery('the empire of hackers');
    expect(q.terms).toEqual(['empire', 'hackers']);
    expect(q.sequence).toEqual(['the', 'empire', 'of', 'hackers']);
  });
});

describe('TextIndex', () => {
  it('ranks an exact phrase match above scattered terms', () => {
    expect(ids('empire of hackers')[0]).toBe(1);
    expect(ids('empire of hackers')).toEqual(expect.arrayContaining([0, 1, 2]));
  });

  it('returns only phrase matches for a quoted query', () => {
    expect(ids('"empire of hackers"')).toEqual([1]);
    expect(ids('"hackers of empire"')).toEqual([]);
  });

  it('matches a prefix on the last word and tolerates a typo only when needed', () => {
    expect(ids('groundl')).toEqual([3]);
    expect(ids('alegations')).toEqual([3]);
    expect(index.search(parseQuery('hackers'), { limit: 10 }).every((h) => h.pass === 0)).toBe(true);
  });

  it('falls back to any term when no text has them all, ranking full matches first', () => {
    const hits = index.search(parseQuery('dismissed hackers'), { limit: 10 });
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.every((h) => h.pass === 2)).toBe(true);
  });

  it('honours the limit and filter, and finds nothing for stop words only or unknown words', () => {
    expect(ids('hackers', 1)).toHaveLength(1);
    expect(
      index.search(parseQuery('hackers'), { limit: 10, filter: (id) => id !== 1 }).map((h) => h.id),
    ).not.toContain(1);
    expect(ids('the of and')).toEqual([]);
    expect(ids('zzzzqqq')).toEqual([]);
  });

  it('highlights the phrase and the matched terms', () => {
    const text = TEXTS[1]!;
    const q = parseQuery('"empire of hackers"');
    const [hit] = index.search(q, { limit: 1 });
    const ranges = highlightRanges(text, q.phrases, hit!.terms);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['empire of hackers']);
  });

  it('never throws on odd queries', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (q) => {
        const hits = index.search(parseQuery(q), { limit: 5 });
        expect(hits.length).toBeLessThanOrEqual(5);
      }),
      { numRuns: 300 },
    );
  });
});
