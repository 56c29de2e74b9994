/**
 * A displayed statement (src/answers/display.ts) as runs of text that each
 * play one set of roles, for renderers to style: the speaker, the cue, the
 * content, words quoted inside it, and the words that matched the query.
 * Pure and renderer-neutral: the Discord and terminal renderers each decide
 * what a role looks like.
 */
import type { Display, DisplayRole } from '../answers/display.ts';
import type { Highlight } from '../answers/types.ts';

export interface Run {
  text: string;
  speaker: boolean;
  cue: boolean;
  content: boolean;
  quote: boolean;
  /** Matched the query. */
  match: boolean;
  /** An ellipsis standing for text left out (see `fitRuns`): not corpus text. */
  cut?: true;
}

/** Each role as a bit, so a run's roles are compared in one step. */
const BIT: Record<DisplayRole, number> = { speaker: 1, cue: 2, content: 4, quote: 8 };
const MATCH = 16;

/**
 * `display.text` cut wherever a mark or highlight starts or ends, as runs in
 * order; together they spell `display.text` exactly. Marks and highlights
 * outside the text are clipped to it.
 */
export function runsOf(display: Pick<Display, 'text' | 'marks'>, highlights: readonly Highlight[]): Run[] {
  const { text, marks } = display;
  const n = text.length;
  const clip = (x: number) => (x < 0 ? 0 : x > n ? n : x);
  const cuts = [0, n];
  for (const m of marks) cuts.push(clip(m.start), clip(m.end));
  for (const h of highlights) cuts.push(clip(h[0]), clip(h[1]));
  cuts.sort(numerically);
  const runs: Run[] = [];
  let runStart = 0;
  let runMask = -1;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k]!;
    const b = cuts[k + 1]!;
    if (b <= a) continue;
    let mask = 0;
    for (const m of marks) if (m.start <= a && b <= m.end) mask |= BIT[m.role];
    for (const h of highlights) if (h[0] <= a && b <= h[1]) mask |= MATCH;
    if (mask === runMask) continue;
    if (runMask >= 0) runs.push(runOf(text.slice(runStart, a), runMask));
    runStart = a;
    runMask = mask;
  }
  if (runMask >= 0) runs.push(runOf(text.slice(runStart), runMask));
  return runs;
}

function numerically(a: number, b: number): number {
  return a - b;
}

function runOf(text: string, mask: number): Run {
  return {
    text,
    speaker: (mask & BIT.speaker) !== 0,
    cue: (mask & BIT.cue) !== 0,
    content: (mask & BIT.content) !== 0,
    quote: (mask & BIT.quote) !== 0,
    match: (mask & MATCH) !== 0,
  };
}

const PLAIN = { speaker: false, cue: false, content: false, quote: false, match: false };
const ELLIPSIS: Run = { text: '…', ...PLAIN, cut: true };
/** Text after the marked part this short ("." or " on Friday.") is kept whole when the content is cut. */
const SHORT_END = 12;

/**
 * Runs of at most `max` characters in all (ellipses included). What goes
 * first is the sentence around the marked parts (speaker, cue, content),
 * evenly before and after them, at word boundaries; then the end of the
 * content, so the speaker and cue still show. Each cut shows as one `…` run.
 */
export function fitRuns(runs: readonly Run[], max: number): Run[] {
  const text = runs.map((r) => r.text).join('');
  if (text.length <= max) return [...runs];
  if (max <= 1) return max === 1 ? [ELLIPSIS] : [];
  const starts: number[] = [];
  let at = 0;
  for (const r of runs) {
    starts.push(at);
    at += r.text.length;
  }
  const marked = runs.map((r) => r.speaker || r.cue || r.content);
  const firstMarked = marked.indexOf(true);
  if (firstMarked < 0) return [...slice(runs, starts, 0, wordCut(text, max - 1)), ELLIPSIS];
  const lastMarked = marked.lastIndexOf(true);
  const coreStart = starts[firstMarked]!;
  const coreEnd = starts[lastMarked]! + runs[lastMarked]!.text.length;
  const lead = coreStart > 0 ? 1 : 0;
  const trail = coreEnd < text.length ? 1 : 0;
  const core = coreEnd - coreStart;
  if (core + lead + trail <= max) {
    // The marked core whole, with as much context on each side as fits.
    const room = max - core - lead - trail;
    let after = Math.min(text.length - coreEnd, Math.ceil(room / 2));
    const before = Math.min(coreStart, room - after);
    after = Math.min(text.length - coreEnd, room - before);
    const from = before < coreStart ? wordStart(text, coreStart - before, coreStart) : 0;
    const to = after < text.length - coreEnd ? wordCut(text, coreEnd + after, coreEnd) : text.length;
    return [
      ...(from > 0 ? [ELLIPSIS] : []),
      ...slice(runs, starts, from, to),
      ...(to < text.length ? [ELLIPSIS] : []),
    ];
  }
  // The core alone is too long: keep the start of the content and what follows it.
  let contentEnd = coreStart;
  runs.forEach((r, k) => {
    if (r.content) contentEnd = starts[k]! + r.text.length;
  });
  // After a speaker and cue that follow the content, a few characters (the full stop) are
  // kept rather than shown as a cut.
  const tailEnd = coreEnd > contentEnd && text.length - coreEnd <= SHORT_END ? text.length : coreEnd;
  const tailTrail = tailEnd < text.length && tailEnd > contentEnd ? 1 : 0;
  const keep = max - lead - 1 - (tailEnd - contentEnd) - tailTrail;
  if (contentEnd <= coreStart || keep < Math.min(20, max / 4)) {
    return [
      ...(lead ? [ELLIPSIS] : []),
      ...slice(runs, starts, coreStart, wordCut(text, coreStart + max - lead - 1, coreStart)),
      ELLIPSIS,
    ];
  }
  const cut = wordCut(text, coreStart + keep, coreStart);
  return [
    ...(lead ? [ELLIPSIS] : []),
    ...slice(runs, starts, coreStart, cut),
    ELLIPSIS,
    // Nothing marked after the content: the ellipsis above ends the text.
    ...slice(runs, starts, contentEnd, tailEnd),
    ...(tailTrail ? [ELLIPSIS] : []),
  ];
}

/** The runs' text between offsets `from` and `to`, roles kept. */
function slice(runs: readonly Run[], starts: readonly number[], from: number, to: number): Run[] {
  const out: Run[] = [];
  runs.forEach((r, k) => {
    const s = starts[k]!;
    const e = s + r.text.length;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (b > a) out.push({ ...r, text: r.text.slice(a - s, b - s) });
  });
  return out;
}

/** `at`, moved back to just after the last space before it (not before `floor`), trailing spaces dropped. */
function wordCut(text: string, at: number, floor = 0): number {
  let cut = at;
  if (cut < text.length && !/\s/.test(text[cut]!)) {
    const space = text.lastIndexOf(' ', cut);
    if (space > floor && space > at - 40) cut = space;
  }
  while (cut > floor && /\s/.test(text[cut - 1]!)) cut--;
  return insidePair(text, cut) ? cut - 1 : cut;
}

/** `at`, moved forward to the start of the next word (not past `ceiling`). */
function wordStart(text: string, at: number, ceiling: number): number {
  let start = at;
  if (start > 0 && !/\s/.test(text[start - 1]!)) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < ceiling && space < at + 40) start = space + 1;
  }
  while (start < ceiling && /\s/.test(text[start]!)) start++;
  return insidePair(text, start) ? start + 1 : start;
}

/** Whether `at` falls between the two halves of a surrogate pair. */
function insidePair(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff;
}
