/**
 * Discord markdown for untrusted text. Corpus text, file names and what users
 * type all pass through `escapeText` before they reach a message, so none of it
 * can ping anyone (`@everyone`, `<@id>`, `<#id>`, `</cmd:id>`) or open
 * markup that breaks the rest of the answer (`**`, `__`, `||`, `>`, `#`,
 * masked links …). `allowedMentions: { parse: [] }` stops pings on its own;
 * escaping also keeps the text from *looking* like a mention.
 */
import type { Highlight } from '../../answers/types.ts';
import { BIDI_CONTROLS } from '../controls.ts';

/**
 * Every character Discord's markdown gives a meaning to, plus `@` and `<`
 * for mentions. A backslash before any ASCII punctuation renders as that
 * character, so over-escaping shows nothing extra.
 */
const SPECIAL = /[\\*_~`|>#\-+[\]()<@]/g;
/** An ordered-list marker ("1. ") at the start of a line. */
const LIST_NUMBER = /^(\s*\d+)\./;
/** Answers put corpus text inside one line (a quote, a list item). */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Escapes text so Discord shows it as written, on one line, in the order written. */
export function escapeText(text: string): string {
  return (
    text
      .replace(LINE_BREAKS, ' ')
      // A right-to-left override would reorder what Discord shows (see controls.ts).
      .replace(BIDI_CONTROLS, '')
      .replace(SPECIAL, '\\$&')
      .replace(LIST_NUMBER, '$1\\.')
  );
}

/**
 * What could make markup in a link: `*`, `~`, `|`, backticks and backslashes
 * anywhere; `[` and `]` (a masked link) after the host; a `_` that could open
 * emphasis (after anything but a letter or digit) or is one of `__`. A `_`
 * after a letter or digit cannot open emphasis, so `world_asia` and
 * `Foo_(bar)` stay as written.
 */
const MARKDOWN_IN_HOST = /[*~|`\\]|(?<![A-Za-z0-9])_|_(?=_)/g;
const MARKDOWN_IN_LINK = /[*~|`\\[\]]|(?<![A-Za-z0-9])_|_(?=_)/g;
const percent = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * An http(s) link as `<link>` (clickable, no preview), or null when it is not
 * one. Characters that could make markup are percent-encoded, and anything a
 * URL may not hold raw (spaces, bidi controls, other non-ASCII) is encoded by
 * the URL parser, so the link still points where it did and shows no markup.
 */
export function linkMarkdown(url: string): string | null {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return null;
  }
  if (!/^https?:\/\//.test(href)) return null;
  const pathAt = href.indexOf('/', href.indexOf('//') + 2);
  const host = pathAt === -1 ? href : href.slice(0, pathAt);
  const rest = pathAt === -1 ? '' : href.slice(pathAt);
  return `<${host.replace(MARKDOWN_IN_HOST, percent)}${rest.replace(MARKDOWN_IN_LINK, percent)}>`;
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
  return wrap(raw, '**');
}

/** Escapes `raw` inside `marker`…`marker`, keeping surrounding spaces outside them. */
function wrap(raw: string, marker: string, inner: (core: string) => string = escapeText): string {
  const core = raw.trim();
  if (!core) return escapeText(raw);
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.slice(lead + core.length);
  return `${escapeText(raw.slice(0, lead))}${marker}${inner(core)}${marker}${escapeText(trail)}`;
}

/** A piece of text styled as a whole. */
export interface StyledPiece {
  text: string;
  bold: boolean;
  underline: boolean;
}

/**
 * Escapes each piece and styles it: bold `**…**`, underline `__…__`, bold
 * nested inside underline. Neighbours of one style are merged first: two
 * bold pieces side by side would make `****`, which Discord does not read
 * as bold (and likewise `____`).
 */
export function styled(pieces: readonly StyledPiece[]): string {
  const merged: StyledPiece[] = [];
  for (const p of pieces) {
    if (!p.text) continue;
    const last = merged[merged.length - 1];
    if (last && last.bold === p.bold && last.underline === p.underline) last.text += p.text;
    else merged.push({ text: p.text, bold: p.bold, underline: p.underline });
  }
  let out = '';
  for (let i = 0; i < merged.length; ) {
    const p = merged[i]!;
    if (!p.underline) {
      out += p.bold ? bold(p.text) : escapeText(p.text);
      i++;
      continue;
    }
    // Underlined neighbours (bold or not) share one pair of `__`, with their bold inside.
    let j = i + 1;
    while (j < merged.length && merged[j]!.underline) j++;
    const group = merged.slice(i, j);
    const raw = group.map((g) => g.text).join('');
    out += wrap(raw, '__', (core) => boldPieces(group, raw.indexOf(core), core.length));
    i = j;
  }
  return out;
}

/** The pieces' text from `from`, `length` characters of it, escaped, the bold pieces in bold. */
function boldPieces(pieces: readonly StyledPiece[], from: number, length: number): string {
  let out = '';
  let at = 0;
  for (const p of pieces) {
    const a = Math.max(at, from);
    const b = Math.min(at + p.text.length, from + length);
    if (b > a) {
      const text = p.text.slice(a - at, b - at);
      out += p.bold ? bold(text) : escapeText(text);
    }
    at += p.text.length;
  }
  return out;
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
