/**
 * The index executes MiniSearch's ranking its own way (top-k over flat
 * arrays), so it is held to a reference built on MiniSearch itself: the plan
 * of passes, phrase checks and ordering as the first version of this index
 * did them, over `MiniSearch.search`. Random corpora and queries must give the
 * same hits, passes, phrase flags, matched terms and (to rounding) scores.
 */
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { type ParsedQuery, parseQuery } from '../../src/search/query.ts';
import { type TextHit, TextIndex } from '../../src/search/text-index.ts';
import { findPhrase, STOP_WORDS, tokenize } from '../../src/search/tokenize.ts';

const indexTokens = (text: string) => tokenize(text).map((t) => t.term);
const dropStopWords = (term: string) => (STOP_WORDS.has(term) ? null : term);

function fuzziness(term: string): number {
  if (term.length >= 6) return 2;
  return term.length >= 4 ? 1 : 0;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The index as it was first written: MiniSearch does the matching and scoring. */
class ReferenceIndex {
  readonly #search: MiniSearch<{ id: number; text: string }>;
  readonly #texts: string[];
  readonly #vocabulary: string[];

  constructor(texts: string[]) {
    this.#texts = texts;
    this.#search = new MiniSearch({
      fields: ['text'],
      storeFields: [],
      tokenize: indexTokens,
      processTerm: dropStopWords,
      searchOptions: { tokenize: indexTokens, processTerm: dropStopWords },
    });
    this.#search.addAll(texts.map((text, id) => ({ id, text })));
    this.#vocabulary = [...new Set(texts.flatMap(indexTokens))].filter((t) => !STOP_WORDS.has(t));
  }

  search(query: ParsedQuery, limit: number, filter?: (id: number) => boolean): TextHit[] {
    if (query.terms.length === 0) return [];
    const seen = new Set<number>();
    const hits: TextHit[] = [];
    for (const pass of query.phrases.length ? [0] : [0, 1, 2]) {
      if (hits.length >= limit) break;
      if (pass === 2 && query.terms.length === 1) break;
      const last = query.terms.length - 1;
      const results = this.#search.search(query.terms.join(' '), {
        combineWith: pass === 2 ? 'OR' : 'AND',
        prefix: (term, i) => query.prefixLast && i === last && term.length >= 3,
        fuzzy: pass === 1 ? (term) => this.#typoDistance(term) : false,
      });
      const found: TextHit[] = [];
      for (const r of results) {
        if (seen.has(r.id) || (filter && !filter(r.id))) continue;
        const tokens = tokenize(this.#texts[r.id]!);
        if (query.phrases.some((p) => findPhrase(tokens, p).length === 0)) continue;
        const phrase = query.sequence.length > 1 && findPhrase(tokens, query.sequence).length > 0;
        found.push({ id: r.id, score: r.score, terms: r.terms, phrase, pass });
      }
      found.sort(byRank);
      for (const hit of found.slice(0, limit - hits.length)) {
        seen.add(hit.id);
        hits.push(hit);
      }
    }
    return hits;
  }

  /** One edit; two (for long words) only for an unknown word no term is one edit away from. */
  #typoDistance(term: string): number {
    const allowed = fuzziness(term);
    if (allowed === 0) return 0;
    const known = this.#vocabulary.includes(term);
    const oneEdit = this.#vocabulary.some((t) => t !== term && levenshtein(t, term) === 1);
    return oneEdit || known ? 1 : allowed;
  }

  /**
   * True when the index's rule of two edits only among words with the same
   * first letter could differ here from MiniSearch's two edits anywhere.
   */
  differsOnTwoEdits(query: ParsedQuery): boolean {
    return query.terms.some(
      (term) =>
        this.#typoDistance(term) === 2 &&
        this.#vocabulary.some((t) => t[0] !== term[0] && levenshtein(t, term) === 2),
    );
  }
}

function byRank(a: TextHit, b: TextHit): number {
  return Number(b.phrase) - Number(a.phrase) || b.score - a.score || a.id - b.id;
}

/** Hits compared field by field; scores to rounding, since the two add terms up in different orders. */
function expectSameHits(actual: TextHit[], expected: TextHit[]): void {
  const shape = (hits: TextHit[]) =>
    hits.map((h) => ({ id: h.id, pass: h.pass, phrase: h.phrase, terms: [...h.terms].sort() }));
  expect(actual.map((h) => h.score)).toHaveLength(expected.length);
  actual.forEach((h, i) => {
    expect(h.score).toBeCloseTo(expected[i]!.score, 9);
  });
  expect(shape(actual)).toEqual(shape(expected));
}

// A small vocabulary with near-spellings, prefixes and stop words, so that
// random texts share words, phrases repeat and typos find neighbours.
const WORDS = [
  'empire',
  'empires',
  'hackers',
  'hacker',
  'hacking',
  'election',
  'elections',
  'elect',
  'denied',
  'deny',
  'minister',
  'ministers',
  'foreign',
  'ministry',
  'said',
  'says',
  'groundless',
  'claims',
  'claim',
  'u.s.',
  "russia's",
  'état',
  'the',
  'of',
  'and',
  'a',
  'was',
  'it',
];
const word = fc.constantFrom(...WORDS);
const text = fc
  .array(word, { minLength: 1, maxLength: 12 })
  .chain((ws) => fc.constantFrom(`${ws.join(' ')}.`, ws.join(', '), `"${ws.join(' ')}," he said`));
const corpus = fc.array(text, { minLength: 1, maxLength: 40 });

/** A word as a user might type it: as is, cut short, or with one typo. */
const typed = fc.tuple(word, fc.nat(), fc.constantFrom('as is', 'cut', 'typo')).map(([w, n, how]) => {
  if (how === 'as is' || w.length < 4) return w;
  const at = 1 + (n % (w.length - 2));
  return how === 'cut' ? w.slice(0, at + 1) : w.slice(0, at) + w.slice(at + 1);
});
const query = fc
  .tuple(fc.array(typed, { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' ', 'quoted'))
  .map(([ws, end]) => (end === 'quoted' ? `"${ws.join(' ')}"` : ws.join(' ') + end));

describe('TextIndex against a MiniSearch reference', () => {
  it('finds the same hits, in the same order, with the same scores', () => {
    fc.assert(
      fc.property(
        corpus,
        fc.array(query, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 30 }),
        (texts, queries, limit) => {
          const index = new TextIndex(texts.map((t, id) => ({ id, text: t })));
          const reference = new ReferenceIndex(texts);
          for (const q of queries) {
            const parsed = parseQuery(q);
            expectSameHits(index.search(parsed, { limit }), reference.search(parsed, limit));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('applies a filter before the limit, as the reference does', () => {
    fc.assert(
      fc.property(corpus, query, fc.integer({ min: 2, max: 5 }), (texts, q, modulo) => {
        const index = new TextIndex(texts.map((t, id) => ({ id, text: t })));
        const filter = (id: number) => id % modulo === 0;
        const parsed = parseQuery(q);
        const reference = new ReferenceIndex(texts);
        if (reference.differsOnTwoEdits(parsed)) return;
        expectSameHits(index.search(parsed, { limit: 10, filter }), reference.search(parsed, 10, filter));
      }),
      { numRuns: 200 },
    );
  });

  it('stops at the first pass that finds anything when asked to', () => {
    fc.assert(
      fc.property(corpus, query, fc.integer({ min: 1, max: 30 }), (texts, q, limit) => {
        const index = new TextIndex(texts.map((t, id) => ({ id, text: t })));
        const parsed = parseQuery(q);
        const all = index.search(parsed, { limit });
        const best = all.filter((h) => h.pass === all[0]?.pass);
        expect(index.search(parsed, { limit, bestPassOnly: true })).toEqual(best);
        const byDefault = index.withDefaults({ bestPassOnly: true });
        expect(byDefault.search(parsed, { limit })).toEqual(best);
        expect(byDefault.search(parsed, { limit, bestPassOnly: false })).toEqual(all);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the first k of a longer answer for a limit of k', () => {
    fc.assert(
      fc.property(corpus, query, fc.integer({ min: 1, max: 10 }), (texts, q, k) => {
        const index = new TextIndex(texts.map((t, id) => ({ id, text: t })));
        const parsed = parseQuery(q);
        const all = index.search(parsed, { limit: 1000 });
        expect(index.search(parsed, { limit: k })).toEqual(all.slice(0, k));
      }),
      { numRuns: 200 },
    );
  });
});

describe('typos', () => {
  const index = new TextIndex(
    ['the government fell', 'the governments rose', 'a hovercraft'].map((text, id) => ({ id, text })),
  );
  const found = (q: string) => index.search(parseQuery(`${q} `), { limit: 5 }).map((h) => h.id);

  it('forgives one edit anywhere, and two in a long unknown word when its first letter is right', () => {
    expect(found('governmnt')).toEqual([0]); // one edit from "government", two from "governments"
    expect(found('gvoernment')).toEqual([0]); // two: a swap
    expect(found('governmetn')).toEqual([1, 0]); // two from both
    expect(found('ogvernment')).toEqual([]); // two, in the first letter
  });

  it('takes a word the corpus knows as meant: one edit, never two', () => {
    expect(found('hovercraft')).toEqual([2]);
    expect(found('governments')).toEqual([1, 0]);
  });
});

describe('wordsHash and sameWords', () => {
  it('sameWords holds exactly for texts with the same normalised words, whose hashes agree', () => {
    fc.assert(
      fc.property(corpus, (texts) => {
        const index = new TextIndex(texts.map((t, id) => ({ id, text: t })));
        const words = (t: string) =>
          tokenize(t)
            .map((x) => x.term)
            .join(' ');
        texts.forEach((a, i) => {
          texts.forEach((b, j) => {
            const same = words(a) === words(b);
            expect(index.sameWords(i, j)).toBe(same);
            if (same) expect(index.wordsHash(i)).toBe(index.wordsHash(j));
          });
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('TextIndex updates', () => {
  /** Random edits: each text kept, dropped or replaced, and new ones appended. */
  const edits = fc.array(fc.oneof(fc.constant<null>(null), fc.constant<'keep'>('keep'), text), {
    maxLength: 40,
  });

  it('answers exactly as an index built from scratch over the new texts', () => {
    fc.assert(
      fc.property(
        corpus,
        edits,
        edits,
        fc.array(query, { maxLength: 4 }),
        (texts, first, second, queries) => {
          let current = texts;
          let index = new TextIndex(texts.map((t, id) => ({ id, text: t })));
          for (const round of [first, second]) {
            const { next, change } = applyEdits(current, round);
            index = index.update(change);
            current = next;
          }
          const fresh = new TextIndex(current.map((t, id) => ({ id, text: t })));
          expect(index.size).toBe(fresh.size);
          for (const q of queries) {
            const parsed = parseQuery(q);
            expect(index.search(parsed, { limit: 20 })).toEqual(fresh.search(parsed, { limit: 20 }));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves the index it was made from unchanged', () => {
    const before = new TextIndex(['empire of hackers', 'foreign ministry'].map((text, id) => ({ id, text })));
    const q = parseQuery('hackers');
    const answer = before.search(q, { limit: 5 });
    before.update({ remap: Int32Array.from([-1, 0]), added: [{ id: 1, text: 'hackers hackers' }] });
    expect(before.search(q, { limit: 5 })).toEqual(answer);
  });

  it('round-trips through its parts (what a snapshot stores)', () => {
    fc.assert(
      fc.property(corpus, edits, fc.array(query, { maxLength: 4 }), (texts, round, queries) => {
        const index = new TextIndex(texts.map((t, id) => ({ id, text: t }))).update(
          applyEdits(texts, round).change,
        );
        const copy = TextIndex.fromParts(structuredClone(index.parts()));
        for (const q of queries) {
          const parsed = parseQuery(q);
          expect(copy.search(parsed, { limit: 20 })).toEqual(index.search(parsed, { limit: 20 }));
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** Applies edits (null: drop, 'keep', or a replacement text; extras appended) to texts. */
function applyEdits(texts: string[], edits: (string | null | 'keep')[]) {
  const next: string[] = [];
  const remap = new Int32Array(texts.length).fill(-1);
  const added: { id: number; text: string }[] = [];
  texts.forEach((t, i) => {
    const edit: string | null = i < edits.length ? (edits[i] ?? null) : 'keep';
    if (edit === 'keep') {
      remap[i] = next.length;
      next.push(t);
    } else if (edit !== null) {
      added.push({ id: next.length, text: edit });
      next.push(edit);
    }
  });
  for (const extra of edits.slice(texts.length)) {
    if (extra === null || extra === 'keep') continue;
    added.push({ id: next.length, text: extra });
    next.push(extra);
  }
  return { next, change: { remap, added } };
}
