/**
 * Property tests: the engine never throws, every offset slices to its text,
 * output is deterministic and in document order, whatever the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../src/attribution/index.ts';
import { expectSlices } from './helpers.ts';

/** Pieces that stress the quote and sentence logic. */
const pieces = fc.constantFrom(
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  "'",
  '’',
  '\n',
  '\n\n',
  '\u00a0',
  ' ',
  '.',
  ',',
  ':',
  ' – ',
  '—',
  'said',
  ' he said',
  ' told reporters',
  'according to',
  'Mr.',
  'U.S.',
  'John Smith',
  'Smith',
  'the spokesman',
  'Russia',
  'Kremlin',
  'denied',
  'never',
  'not',
  'that',
  '---\n',
  '(R-Iowa)',
  'who',
  'and',
  'saying',
);

const newsish = fc
  .array(fc.oneof(pieces, fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 3 })), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

describe('extractStatements on arbitrary text', () => {
  it('never throws and every offset slices to its text', () => {
    fc.assert(
      fc.property(fc.oneof(newsish, fc.string({ unit: 'binary', maxLength: 200 })), fc.nat(), (text, at) => {
        const bodyStart = text.length ? at % (text.length + 1) : 0;
        const statements = extractStatements(text, { bodyStart });
        for (const s of statements) {
          expectSlices(text, s);
          expect(s.text.start).toBeGreaterThanOrEqual(bodyStart);
          expect(s.text.end).toBeGreaterThanOrEqual(s.text.start);
          expect(s.speaker.name.length).toBeGreaterThan(0);
          if (s.speaker.country !== null) expect(s.speaker.country).toMatch(/^[A-Z]{2}$/);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('is deterministic and in document order', () => {
    fc.assert(
      fc.property(newsish, (text) => {
        const a = extractStatements(text);
        expect(extractStatements(text)).toEqual(a);
        for (let i = 1; i < a.length; i++)
          expect(a[i]!.text.start).toBeGreaterThanOrEqual(a[i - 1]!.text.start);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts out-of-range and fractional bodyStart values', () => {
    const text = '"Yes," she said.';
    expect(() => extractStatements(text, { bodyStart: -5 })).not.toThrow();
    expect(extractStatements(text, { bodyStart: 1e9 })).toEqual([]);
    expect(() => extractStatements(text, { bodyStart: 2.5 })).not.toThrow();
  });
});
