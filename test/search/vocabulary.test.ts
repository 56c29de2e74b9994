import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STOP_WORDS } from '../../src/search/tokenize.ts';
import { Vocabulary } from '../../src/search/vocabulary.ts';

/** Levenshtein distance, the textbook way: the reference the lookups must agree with. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}

const word = fc.stringMatching(/^[a-eé0-9]{1,7}$/);

describe('Vocabulary.near', () => {
  it('finds exactly the searchable terms one or two edits away (stop words and the term itself excluded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(word, fc.constantFrom('a', 'an', 'be', 'the')), { maxLength: 60 }),
        word,
        (terms, query) => {
          const vocabulary = Vocabulary.from(terms);
          for (const max of [1, 2]) {
            const expected = [...new Set(terms)]

              .filter((t) => !STOP_WORDS.has(t) && t !== query && distance(t, query) <= max)
              .sort();
            const found = vocabulary.near(query, max);
            expect(found.map((t) => t.term).sort()).toEqual(expected);
            for (const t of found) {
              expect(t.distance).toBe(distance(t.term, query));
              expect(vocabulary.term(t.id)).toBe(t.term);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
