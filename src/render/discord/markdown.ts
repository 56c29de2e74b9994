/**
 * Discord markdown for untrusted text. Corpus text, file names and what users
 * type all pass through `escapeText` before they reach a message, so none of it
 * can ping anyone (`@everyone`, `<@id>`, `<#id>`, `</cmd:id>`) or open
 * markup that breaks the rest of the answer (`**`, `__`, `||`, `>`, `#`,
 * masked links …). `allowedMentions: { parse: [] }` stops pings on its own;
 * escaping also keeps the text from *looking* like a mention.
 */
import type { Highlight } from '../../answers/types.ts';

/**
 * Every character Discord's markdown gives a meaning to, plus `@` and `<`
 * for mentions. A backslash before any ASCII punctuation renders as that
 * character, so over-escaping shows nothing extra.
 */
const SPECIAL = /[\\*_~`|>#\-+[\]()<@]/g;
/** An ordered-list marker ("1. ") at the start of a line. */
const LIST_NUMBER = /^(\s*\d+)\./;
/** Answers put corpus text inside one line (a quote, a list item). */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/** Escapes text so Discord shows it as written, on one line. */
export function escapeText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(SPECIAL, '\\$&').replace(LIST_NUMBER, '$1\\.');
}

/** Sorted, clamped, non-empty ranges, with touching or overlapping ones merged. */
export function normaliseHighlights(length: number, highlights: readonly Highlight[]): [number, number][] {
  const ranges = highlights
    .map(([s, e]) => [Math.max(0, Math.min(s, length)), Math.max(0, Math.min(e, length))] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** Wraps a piece of escaped text in bold, keeping surrounding spaces outside the markers. */
function bold(raw: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw)!;
  const [, lead = '', core = '', trail = ''] = match;
  return core ? `${escapeText(lead)}**${escapeText(core)}**${escapeText(trail)}` : escapeText(raw);
}

/** Escapes `text` and puts the highlighted ranges (matched words) in bold. */
export function emphasise(text: string, highlights: readonly Highlight[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of normaliseHighlights(text.length, highlights)) {
    out += escapeText(text.slice(at, start)) + bold(text.slice(start, end));
    at = end;
  }
  return out + escapeText(text.slice(at));
}

/**
 * Shortens raw text to at most `max` characters at a word boundary, marking
 * the cut with an ellipsis. Highlights past the cut are dropped by
 * `emphasise`'s clamping.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  const cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/**
 * Last-resort cut of already-rendered markdown to `max` characters. Never
 * leaves a dangling escape backslash or half a surrogate pair.
 */
export function clampMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const trailingBackslashes = /\\*$/.exec(cut)![0].length;
  if (trailingBackslashes % 2 === 1) cut = cut.slice(0, -1);
  return cut + '…';
}

/** A quoted user input for headings: “like this”, escaped and kept short. */
export function quoted(input: string, max = 100): string {
  return `“${escapeText(shorten(input.trim(), max))}”`;
}
