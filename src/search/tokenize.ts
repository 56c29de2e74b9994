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
const WORD = /[\p{L}\p{N}]+(?:[.'’&][\p{L}\p{N}]+)*/gu;
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
 * thousands of distinct words: remember them. Bounded, so an adversarial
 * stream of distinct words cannot grow it without limit.
 */
const MEMO_LIMIT = 200_000;
const memo = new Map<string, string>();

function normaliseWord(word: string): string {
  let term = memo.get(word);
  if (term === undefined) {
    const lower = word.toLowerCase();
    term = PLAIN.test(lower) ? lower : normaliseTerm(word);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, term);
  }
  return term;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // An `exec` loop rather than `matchAll`: no iterator, a tenth faster on a corpus.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const term = normaliseWord(m[0]);
    if (term) tokens.push({ term, start: m.index, end: m.index + m[0].length });
  }
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
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const term = normaliseWord(m[0]);
    if (term) visit(term);
  }
}

/** Terms worth indexing or searching for: normalised, stop words removed. */
export function indexTerms(text: string): string[] {
  return tokenTerms(text).filter((t) => !STOP_WORDS.has(t));
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
