/**
 * The quotation marks a shown quote gets, decided in one place. Every
 * renderer (and the citation format) asks `quoteMarks` before putting marks
 * around corpus text; nothing else adds quotation marks to it.
 */

/** Double quotation marks, straight, curly, low and angle. */
const DOUBLE = /["“”„‟«»]/;
/** Single quotation marks, which are also apostrophes ("don’t", "States’", "’90s"). */
const SINGLE = /['‘’‚‛‹›]/g;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

export type QuoteMarks = readonly [open: string, close: string];

const CURLY_DOUBLE: QuoteMarks = ['“', '”'];
const CURLY_SINGLE: QuoteMarks = ['‘', '’'];
const NONE: QuoteMarks = ['', ''];

/**
 * The outer marks for `text` shown as a quote: curly double marks; curly
 * single marks when the text itself holds double marks (“…” would clash with
 * its own); none when it holds both kinds, since any mark added would pair
 * with one of its own. Apostrophes are not quotation marks.
 */
export function quoteMarks(text: string): QuoteMarks {
  if (!DOUBLE.test(text)) return CURLY_DOUBLE;
  return hasSingleQuoteMark(text) ? NONE : CURLY_SINGLE;
}

/** `text` inside the marks `quoteMarks` chooses for it. */
export function inQuoteMarks(text: string): string {
  const [open, close] = quoteMarks(text);
  return `${open}${text}${close}`;
}

/** Whether `text` holds a single quotation mark that is not an apostrophe. */
function hasSingleQuoteMark(text: string): boolean {
  for (const match of text.matchAll(SINGLE)) {
    if (!isApostrophe(text, match.index)) return true;
  }
  return false;
}

/**
 * An apostrophe, by the letters around it: inside a word ("don’t", "d’état"),
 * after a plural's s ("the States’ affairs"), or before a year's digits ("’90s").
 * ‹ and › are always quotation marks.
 */
function isApostrophe(text: string, at: number): boolean {
  const mark = text[at]!;
  if (mark === '‹' || mark === '›' || mark === '‚' || mark === '‛') return false;
  const before = text[at - 1] ?? '';
  const after = text[at + 1] ?? '';
  if (LETTER.test(before) && LETTER.test(after)) return true;
  if ((before === 's' || before === 'S') && !LETTER.test(after)) return true;
  return !LETTER.test(before) && DIGIT.test(after);
}
