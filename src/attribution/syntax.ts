/**
 * Shallow syntax shared by the frame rules: a sentence's tokens with quotes
 * as single tokens, token tests, and the word classes that mark clause and
 * chunk boundaries.
 */

import {
  BEFORE_VERB,
  CLAUSE_CONJUNCTIONS,
  FEMALE_GIVEN_NAMES,
  HONORIFICS,
  MALE_GIVEN_NAMES,
  MONTHS,
  RELATIVES,
  WEEKDAYS,
} from '../lexicon/index.ts';
import type { Token } from './tokens.ts';

export interface SentenceInfo {
  /** Position in the document, 0-based. */
  index: number;
  paragraph: number;
  tokens: Token[];
  /** First token after a dateline ("WASHINGTON (Reuters) –"), usually 0. */
  floor: number;
}

export interface Region {
  /** Token indices, inclusive. */
  first: number;
  last: number;
}

/**
 * Words of this many letters or fewer that end in -ly, -ing or -ed are rarely
 * adverbs or participles ("only", "king", "red").
 */
export const SHORT_WORD = 4;

export const DASHES = new Set(['–', '—', '―', '-', '--']);

export const SEPARATORS = new Set([',', ';', '–', '—', '―', '-', '--', ':', '(', ')']);

/** "strongly", "also", "has": words between a subject and its verb. */
export function isSkippableAdverb(t: Token | undefined): boolean {
  if (!isWordToken(t)) return false;
  // "Theresa May said", "Will said": a capitalised modal that is a month or a given name is a name.
  if (t.cap && (MONTHS.has(t.lower) || MALE_GIVEN_NAMES.has(t.lower) || FEMALE_GIVEN_NAMES.has(t.lower)))
    return false;
  if (BEFORE_VERB.has(t.lower) || WEEKDAYS.has(t.lower)) return true;
  return (
    !t.cap &&
    t.lower.endsWith('ly') &&
    t.lower.length > SHORT_WORD &&
    !['only', 'early', 'family', 'italy'].includes(t.lower)
  );
}

export function isWordToken(t: Token | undefined): t is Token {
  return !!t && t.type === 'word';
}

export function isPunct(t: Token | undefined, set: ReadonlySet<string>): boolean {
  return !!t && t.type === 'punct' && set.has(t.text);
}

/** What precedes token `i` lets a subject start there. */
export function startsClause(toks: readonly Token[], i: number, floor: number): boolean {
  if (i <= floor) return true;
  const prev = toks[i - 1]!;
  if (prev.type === 'quote') return true;
  if (prev.type === 'punct') return true;
  return CLAUSE_CONJUNCTIONS.has(prev.lower) || prev.lower === 'that' || RELATIVES.has(prev.lower);
}

export function isChunkBoundary(t: Token): boolean {
  return t.type === 'quote' || (t.type === 'punct' && SEPARATORS.has(t.text));
}

/** Index of the last token that can belong to content (final punctuation dropped). */
export function lastContentToken(toks: readonly Token[]): number {
  let last = toks.length - 1;
  while (last >= 0 && toks[last]!.type === 'punct' && !['(', ')'].includes(toks[last]!.text)) last--;
  return last;
}

/** "Theresa May", "Mrs May": a month right after a given name or honorific is a surname. */
export function isMonthSurname(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  const prev = toks[k - 1];
  if (!t || !prev || prev.type !== 'word' || !prev.cap || !MONTHS.has(t.lower)) return false;
  const w = prev.lower.replace(/\.$/, '');
  return HONORIFICS.has(w) || MALE_GIVEN_NAMES.has(w) || FEMALE_GIVEN_NAMES.has(w);
}

export function isWeekdayOrMonth(t: Token): boolean {
  const w = t.lower.replace(/\.$/, '');
  return WEEKDAYS.has(w) || (t.cap && MONTHS.has(w)) || /^\d{1,2}(?:st|nd|rd|th)?$/.test(w);
}
