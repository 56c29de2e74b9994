import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inQuoteMarks, quoteMarks } from '../../src/render/typography.ts';

describe('quoteMarks', () => {
  it.each([
    ['China has never interfered', ['“', '”']],
    ['The U.S. was an "empire of hackers,”', ['‘', '’']],
    ['called “unfounded accusations” of the statement', ['‘', '’']],
    ['It is the ‘wrong’ answer', ['“', '”']],
    ['He said "it is the \'wrong\' answer"', ['', '']],
    ['“a ‘so-called’ crisis”', ['', '']],
    ['«non»', ['‘', '’']],
  ] as const)('%s → %j', (text, marks) => {
    expect(quoteMarks(text)).toEqual(marks);
  });

  it('does not take apostrophes for quotation marks', () => {
    for (const text of [
      'a coup d’état in the "Iran’s" case',
      'the United States’ "internal affairs"',
      'don\'t call it "hacking"',
      'since the ’90s, "never"',
    ]) {
      expect(quoteMarks(text), text).toEqual(['‘', '’']);
    }
  });

  it('wraps text in the marks it chooses', () => {
    expect(inQuoteMarks('Title')).toBe('“Title”');
    expect(inQuoteMarks('An "empire"')).toBe('‘An "empire"’');
    expect(inQuoteMarks('"A" and ‘b’')).toBe('"A" and ‘b’');
  });

  const piece = fc.constantFrom('word', ' ', '"', '“', '”', '‘', '’', "'", 'don’t', 'States’ ', 'x');
  const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

  it('never adds a kind of mark the text already holds (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const [open, close] = quoteMarks(t);
        const doubles = /["“”]/.test(t);
        if (!doubles) expect([open, close]).toEqual(['“', '”']);
        else if (open) expect([open, close]).toEqual(['‘', '’']);
        // A single mark opening a word is a quotation mark: with doubles too, no mark fits.
        if (doubles && /(^|\s)[‘']/.test(t)) expect(open).toBe('');
        // Outer marks are always a matching pair, or none.
        expect(open === '' ? close === '' : ['“”', '‘’'].includes(open + close)).toBe(true);
      }),
    );
  });

  it('is not swayed by apostrophes inside words (property)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('’', "'"), fc.nat(), (t, apostrophe, at) => {
        // An apostrophe between two letters is one more word with an elision ("don’t").
        const withWord = `${t} do${apostrophe}n${at % 2 ? 't' : 'e'}`;
        expect(quoteMarks(withWord)).toEqual(quoteMarks(`${t} dont`));
      }),
    );
  });
});
