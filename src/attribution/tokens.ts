/**
 * Tokens with offsets. A quotation (from its opening to its closing mark) is
 * one opaque token, so the attribution rules see the frame around quotes
 * ("Q, he said.") and never the words inside them.
 *
 * The scanner is a single left-to-right pass with sticky regular expressions
 * that cannot backtrack catastrophically: linear in the input.
 */

import { HONORIFIC_ABBREVIATIONS, OTHER_ABBREVIATIONS } from '../lexicon/index.ts';
import { lowerWord } from '../text/fold.ts';

export interface Quote {
  /** Offset of the opening mark, or of the first quoted character when there is none. */
  start: number;
  /** Offset after the closing mark, or after the last quoted character when unclosed. */
  end: number;
  /** The quoted words, trimmed of spaces. */
  innerStart: number;
  innerEnd: number;
  closed: boolean;
  /** The quote runs on into the next paragraph, which reopens it (news style). */
  continuesNext: boolean;
  /** The quote continues one from the previous paragraph. */
  continuesPrev: boolean;
}

export type TokenType = 'word' | 'punct' | 'quote';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, curly apostrophes straightened. */
  lower: string;
  type: TokenType;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** A word that keeps its abbreviation period ("Mr.", "U.S.", "Corp."). */
  abbr: boolean;
  quote: Quote | null;
}

const SPACE = /(?:[\s\u200b\u200c\u2060\ufeff]|\u200d)+/uy;
const ACRONYM = /(?:\p{L}\.){2,}/uy;
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[-'’.&\u00ad](?=[\p{L}\p{N}]))*/uy;
const ELLIPSIS = /\.{2,}|…/y;
const DASHES = /-{2,}/y;
const ANY = /[\s\S]/uy;
const POSSESSIVE = /^(.+?)(['’][sS])$/u;

function makeToken(text: string, start: number, end: number, type: TokenType, abbr = false): Token {
  const t = text.slice(start, end);
  return {
    start,
    end,
    text: t,
    lower: lowerWord(t),
    type,
    cap: /^\p{Lu}/u.test(t),
    abbr,
    quote: null,
  };
}

function matchAt(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/** Whether a word followed by "." keeps the period as part of an abbreviation. */
function keepsPeriod(word: string): boolean {
  const lower = word.toLowerCase();
  return HONORIFIC_ABBREVIATIONS.has(lower) || OTHER_ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(word);
}

/**
 * Tokenises `text[start, end)`. Quotes (sorted, inside the range) become
 * single tokens.
 */
export function tokenize(text: string, start: number, end: number, quotes: readonly Quote[] = []): Token[] {
  const tokens: Token[] = [];
  let q = 0;
  let i = start;
  while (i < end) {
    const quote = quotes[q];
    if (quote && i >= quote.start) {
      const token = makeToken(text, quote.start, quote.end, 'quote');
      token.quote = quote;
      tokens.push(token);
      i = Math.max(i, quote.end);
      q++;
      continue;
    }
    const limit = quote ? Math.min(end, quote.start) : end;
    i = scanOne(text, i, limit, tokens);
  }
  return tokens;
}

/** Scans one token (or a run of spaces) at `i`, never past `limit`; returns the next position. */
function scanOne(text: string, i: number, limit: number, out: Token[]): number {
  const space = matchAt(SPACE, text, i);
  if (space > i) return Math.min(space, limit);
  const acronym = matchAt(ACRONYM, text, i);
  if (acronym > i && acronym <= limit) {
    out.push(makeToken(text, i, acronym, 'word', true));
    return acronym;
  }
  let word = matchAt(WORD, text, i);
  if (word > i) {
    word = Math.min(word, limit);
    pushWord(text, i, word, out);
    if (text[word] === '.' && word + 1 <= limit && keepsPeriod(text.slice(i, word))) {
      const last = out[out.length - 1]!;
      out[out.length - 1] = makeToken(text, last.start, word + 1, 'word', true);
      return word + 1;
    }
    return word;
  }
  const run = Math.max(matchAt(ELLIPSIS, text, i), matchAt(DASHES, text, i));
  if (run > i) {
    const stop = Math.min(run, limit);
    out.push(makeToken(text, i, stop, 'punct'));
    return stop;
  }
  const any = Math.min(matchAt(ANY, text, i), limit);
  out.push(makeToken(text, i, any, 'punct'));
  return any;
}

/** Pushes a word, splitting a possessive "’s" into its own token. */
function pushWord(text: string, start: number, end: number, out: Token[]): void {
  const m = POSSESSIVE.exec(text.slice(start, end));
  if (m && m[1]!.length > 0) {
    const split = start + m[1]!.length;
    out.push(makeToken(text, start, split, 'word'));
    out.push(makeToken(text, split, end, 'word'));
    return;
  }
  out.push(makeToken(text, start, end, 'word'));
}

/** The word tokens of a short phrase, as strings. */
export function wordTokens(phrase: string): string[] {
  return tokenize(phrase, 0, phrase.length)
    .filter((t) => t.type === 'word')
    .map((t) => t.text);
}
