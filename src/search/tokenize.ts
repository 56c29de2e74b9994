/**
 * The one tokenizer: used to index, to parse queries, to match phrases and to
 * place highlights, so all four always agree on what a "word" is.
 */

export interface Token {
  /** Normalised form: lower case, no diacritics, no dots or apostrophes. */
  term: string;
  start: number;
  end: number;
}

// A word: letters/digits, joined by inner dots, apostrophes or ampersands
// ("U.S.", "d’état", "AT&T"). Hyphens split words ("election-related").
// `forEachToken` runs this pattern by hand; it is kept here as its definition.
// /[\p{L}\p{N}]+(?:[.'’&][\p{L}\p{N}]+)*/gu
const POSSESSIVE = /['’]s$/;
/** Words that normalise to their lower case: nothing to strip or decompose. */
const PLAIN = /^[a-z0-9]+$/;

/** English function words: dropped from the index, kept for phrase matching. */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its of on or our ' +
    'she so than that the their them then there these they this those to was we were what when where which ' +
    'who whom will with would you your'
  ).split(' '),
);

export function normaliseTerm(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(POSSESSIVE, '')
    .replace(/[.'’]/g, '');
}

/**
 * Normalisation is the costly part of tokenizing (Unicode decomposition and
 * three regular expressions per word), while a corpus repeats a few tens of
 * thousands of distinct words: a build remembers them. Bounded, so an
 * adversarial stream of distinct words cannot grow it without limit, and
 * emptied once a build is done (`forgetTerms`): kept, it would be megabytes
 * of strings held for nothing, and queries filling it would keep feeding the
 * collector long-lived garbage.
 */
const MEMO_LIMIT = 200_000;
const memo = new Map<string, string>();

/** How a caller tokenizes: `build` remembers normalised words, `query` only looks them up. */
export type TokenizeMode = 'build' | 'query';

function normaliseWord(word: string, mode: TokenizeMode): string {
  let term = memo.get(word);
  if (term === undefined) {
    const lower = word.toLowerCase();
    term = PLAIN.test(lower) ? lower : normaliseTerm(word);
    if (mode === 'build') {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, term);
    }
  }
  return term;
}

/** Empties the build's memory of normalised words (see `MEMO_LIMIT`). */
export function forgetTerms(): void {
  memo.clear();
}

/** A letter or digit outside ASCII, tested one code point at a time. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * How many UTF-16 units the letter or digit at `i` takes (1, or 2 for a
 * surrogate pair), or 0 when there is none there. ASCII, most of any English
 * text, is decided without a regular expression.
 */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff && WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return WORD_CHAR.test(text[i]!) ? 1 : 0;
}

/** `.`, `'`, `’` and `&`: they join letters into one word ("U.S.", "d’état", "AT&T"). */
function isJoiner(c: number): boolean {
  return c === 46 || c === 39 || c === 0x2019 || c === 38;
}

/**
 * Calls `visit` with each word of `text`: its normalised term and where it
 * stands. This is the word pattern above, run by hand: a regular expression
 * match allocates an array per word, and queries tokenize every text they
 * highlight, so the garbage adds up to collector pauses. A property test
 * keeps the two identical.
 */
export function forEachToken(
  text: string,
  visit: (term: string, start: number, end: number) => void,
  mode: TokenizeMode = 'build',
): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let width = wordCharAt(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    i += width;
    for (;;) {
      while (i < n) {
        width = wordCharAt(text, i);
        if (width === 0) break;
        i += width;
      }
      if (i + 1 < n && isJoiner(text.charCodeAt(i)) && wordCharAt(text, i + 1) > 0) i++;
      else break;
    }
    const term = normaliseWord(text.slice(start, i), mode);
    if (term) visit(term, start, i);
  }
}

export function tokenize(text: string, mode: TokenizeMode = 'build'): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, (term, start, end) => tokens.push({ term, start, end }), mode);
  return tokens;
}

/** The normalised terms of `text` in order, stop words included: `tokenize` without offsets. */
export function tokenTerms(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(text, (term) => terms.push(term));
  return terms;
}

/** Calls `visit` with each normalised term of `text` in order: `tokenTerms` without the array. */
export function forEachTerm(text: string, visit: (term: string) => void): void {
  forEachToken(text, visit);
}

/**
 * Where the phrase (a sequence of normalised terms, stop words included)
 * occurs in the tokens: [start, end) character ranges.
 */
export function findPhrase(tokens: Token[], phrase: string[]): [number, number][] {
  const found: [number, number][] = [];
  if (phrase.length === 0) return found;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j]!.term !== phrase[j]) continue outer;
    found.push([tokens[i]!.start, tokens[i + phrase.length - 1]!.end]);
  }
  return found;
}
