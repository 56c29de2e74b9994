import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseTerm, tokenize, tokenTerms } from '../../src/search/tokenize.ts';

/** The tokenizer as first written: no memo, no fast path for plain words. */
function reference(text: string) {
  const word = /[\p{L}\p{N}]+(?:[.'’&][\p{L}\p{N}]+)*/gu;
  return [...text.matchAll(word)]
    .map((m) => ({ term: normaliseTerm(m[0]), start: m.index, end: m.index + m[0].length }))
    .filter((t) => t.term);
}

// Letters, digits, inner marks, a dotted capital I, the Kelvin sign and a lone combining accent.
const wordish = fc.stringMatching(/^(?:[A-Za-zÀ-ÿ0-9.'’&İK ,-]|\u0301){0,40}$/);

describe('tokenize', () => {
  it('gives what the plain tokenizer gives, for any text, however often words repeat', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), wordish),
        (text) => {
          expect(tokenize(text)).toEqual(reference(text));
          expect(tokenize(text)).toEqual(reference(text));
          expect(tokenTerms(text)).toEqual(reference(text).map((t) => t.term));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
