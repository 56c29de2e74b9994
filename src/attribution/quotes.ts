/**
 * Quotations in a paragraph. News text mixes straight and curly marks and
 * sometimes uses the wrong curly mark, so a mark's role (opening or closing)
 * comes first from its context (what touches it on each side) and only then
 * from its shape.
 *
 * An opening mark left unclosed at the end of a paragraph either continues in
 * the next paragraph (news style: the next paragraph reopens the quote) or
 * runs to the end of its paragraph when it opened the paragraph or followed a
 * colon; otherwise it is cut at the first sentence end, so one missing mark
 * does not swallow the rest of the paragraph.
 */

import { isWhitespace } from '../corpus/segment.ts';
import { HONORIFIC_ABBREVIATIONS, OTHER_ABBREVIATIONS } from '../lexicon/index.ts';
import type { Quote } from './tokens.ts';

/** A paragraph of the body (the corpus loader's paragraphs, src/corpus/segment.ts). */
export interface ParagraphSpan {
  start: number;
  end: number;
}

/** White space around quote marks: `\s` and, as for the tokenizer (./tokens.ts), a zero-width space. */
export function isSpace(code: number): boolean {
  return isWhitespace(code) || code === 0x200b;
}

const MARKS = new Set(['"', '“', '”', '„', '‟', '«', '»']);
const OPENING_SHAPES = new Set(['“', '„', '‟', '«']);
/** Characters after which a mark opens a quote even without a space. */
const OPENS_AFTER = new Set(['(', '[', '{', '—', '–', '―', '-', '/', ':', '…']);
/** Characters before which a mark closes a quote even without a space. */
const CLOSES_BEFORE = new Set([
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  ')',
  ']',
  '}',
  '—',
  '–',
  '―',
  '-',
  '…',
  '’',
  "'",
  '"',
  '”',
  '»',
]);

type Role = 'open' | 'close' | 'either';

/**
 * Length of the quote mark at `i`: 1 for a single-character mark, 2 for the
 * doubled apostrophes or backticks of typewriter and archive text ('' and ``),
 * 0 for none.
 */
function markLength(text: string, i: number): number {
  const ch = text[i]!;
  if (MARKS.has(ch)) return 1;
  if ((ch === "'" || ch === '`') && text[i + 1] === ch && text[i + 2] !== ch && text[i - 1] !== ch) return 2;
  return 0;
}

function roleOf(text: string, i: number, length: number, start: number, end: number): Role {
  const prev = i > start ? text[i - 1]! : ' ';
  const next = i + length < end ? text[i + length]! : ' ';
  const prevSpace = isSpace(prev.charCodeAt(0));
  const nextSpace = isSpace(next.charCodeAt(0));
  const left = !nextSpace && (prevSpace || OPENS_AFTER.has(prev) || MARKS.has(prev));
  const right = !prevSpace && !OPENS_AFTER.has(prev) && (nextSpace || CLOSES_BEFORE.has(next));
  if (left && !right) return 'open';
  if (right && !left) return 'close';
  const ch = text[i]!;
  if (OPENING_SHAPES.has(ch) || ch === '`') return 'open';
  if (ch === '”' || ch === '»') return 'close';
  return 'either';
}

/**
 * Finds the quotes of one paragraph. `nextOpensWithQuote` says the next
 * paragraph begins with a quote mark.
 */
export function findQuotes(text: string, p: ParagraphSpan, nextOpensWithQuote: boolean): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  let openLength = 1;
  for (let i = p.start; i < p.end; i++) {
    const length = markLength(text, i);
    if (length === 0) continue;
    const role = roleOf(text, i, length, p.start, p.end);
    if (open < 0) {
      if (role !== 'close') {
        open = i;
        openLength = length;
      }
    } else if (role === 'open') {
      // A second opening mark: the first quote was never closed.
      quotes.push(makeQuote(text, open, openLength, i, 0));
      open = i;
      openLength = length;
    } else {
      quotes.push(makeQuote(text, open, openLength, i + length, length));
      open = -1;
    }
    i += length - 1;
  }
  if (open >= 0) quotes.push(unclosedAtEnd(text, p, open, openLength, nextOpensWithQuote));
  const doubles = quotes.filter((q) => q.innerEnd > q.innerStart);
  return mergeByStart(doubles, singleQuotes(text, p, doubles));
}

/**
 * British-style single quotes outside any double quote: ‘ opens (it is never
 * an apostrophe), and the first ’ that can close it does — one after
 * punctuation ("strike,’ he said") or before a space or punctuation that is
 * not a plural possessive ("the players’ union").
 */
function singleQuotes(text: string, p: ParagraphSpan, doubles: readonly Quote[]): Quote[] {
  const found: Quote[] = [];
  let d = 0;
  for (let i = p.start; i < p.end; i++) {
    while (d < doubles.length && doubles[d]!.end <= i) d++;
    const inside = doubles[d];
    if (inside && inside.start <= i) {
      i = inside.end - 1;
      continue;
    }
    if (text[i] !== '‘' || roleOf(text, i, 1, p.start, p.end) !== 'open') continue;
    const limit = Math.min(p.end, inside ? inside.start : p.end);
    const close = singleCloser(text, i + 1, limit);
    if (close < 0) continue;
    const q = makeQuote(text, i, 1, close + 1, 1);
    if (q.innerEnd > q.innerStart) found.push(q);
    i = close;
  }
  return found;
}

function singleCloser(text: string, from: number, limit: number): number {
  let fallback = -1;
  for (let j = from; j < limit; j++) {
    if (text[j] === '‘') return fallback;
    if (text[j] !== '’') continue;
    const prev = text[j - 1] ?? ' ';
    const next = j + 1 < limit ? text[j + 1]! : ' ';
    if (/\p{L}/u.test(next)) continue;
    if (/[,.!?;:…]/.test(prev)) return j;
    if (prev !== 's' && !isSpace(prev.charCodeAt(0))) return j;
    if (fallback < 0 && !isSpace(prev.charCodeAt(0))) fallback = j;
  }
  return fallback;
}

function mergeByStart(a: Quote[], b: Quote[]): Quote[] {
  if (b.length === 0) return a;
  return [...a, ...b].sort((x, y) => x.start - y.start);
}

/** A quote from the mark at `open` to `end`; `closeLength` is 0 when no mark closes it. */
function makeQuote(text: string, open: number, openLength: number, end: number, closeLength: number): Quote {
  const closed = closeLength > 0;
  let innerStart = open + openLength;
  let innerEnd = end - closeLength;
  while (innerStart < innerEnd && isSpace(text.charCodeAt(innerStart))) innerStart++;
  while (innerEnd > innerStart && isSpace(text.charCodeAt(innerEnd - 1))) innerEnd--;
  return {
    start: open,
    end: closed ? end : innerEnd,
    innerStart,
    innerEnd,
    closed,
    continuesNext: false,
    continuesPrev: false,
  };
}

function unclosedAtEnd(
  text: string,
  p: ParagraphSpan,
  open: number,
  openLength: number,
  nextOpensWithQuote: boolean,
): Quote {
  if (nextOpensWithQuote) return { ...makeQuote(text, open, openLength, p.end, 0), continuesNext: true };
  if (opensUnit(text, p, open)) return makeQuote(text, open, openLength, p.end, 0);
  return makeQuote(text, open, openLength, firstSentenceEnd(text, open + openLength, p.end), 0);
}

/** The quote opens its paragraph or a sentence, or follows a colon: it is not a fragment. */
function opensUnit(text: string, p: ParagraphSpan, open: number): boolean {
  let i = open - 1;
  while (i >= p.start && isSpace(text.charCodeAt(i))) i--;
  if (i < p.start || text[i] === ':') return true;
  const ch = text[i]!;
  return (ch === '.' || ch === '!' || ch === '?' || MARKS.has(ch)) && i < open - 1;
}

/** Offset just after the first sentence-ending punctuation in [from, end), or `end`. */
export function firstSentenceEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    if (j >= end) return end;
    if (!isSpace(text.charCodeAt(j))) continue;
    while (j < end && isSpace(text.charCodeAt(j))) j++;
    if (
      j < end &&
      /[\p{Lu}\p{N}"“]/u.test(text[j]!) &&
      !(ch === '.' && endsWithAbbreviation(text, from, i))
    ) {
      return i + 1;
    }
  }
  return end;
}

/** The word before a period at `dot` is an abbreviation ("Mr", "U.S", "J"). */
export function endsWithAbbreviation(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot);
  const lower = word.toLowerCase();
  if (HONORIFIC_ABBREVIATIONS.has(lower)) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return OTHER_ABBREVIATIONS.has(lower) && lower !== 'no';
}

/** The first non-space character of a paragraph is a quote mark. */
export function opensWithQuote(text: string, p: ParagraphSpan): boolean {
  return p.start < p.end && markLength(text, p.start) > 0;
}
