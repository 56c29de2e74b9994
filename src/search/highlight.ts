/**
 * Highlighting: which character ranges of a text an answer emphasises. Works
 * on the text itself (tokenized as a query is, so offsets are the text's own),
 * from what a search reported: the query's phrases and each hit's matched
 * terms (`TextHit.terms`). Needs no index, so answers call it on any text.
 */
import { findPhrase, forEachToken, tokenize } from './tokenize.ts';

/** Character ranges to emphasise in `text`: phrases (term sequences) and matched terms. */
export function highlightRanges(
  text: string,
  phrases: readonly string[][],
  matched: string[],
): [number, number][] {
  const ranges: [number, number][] = [];
  if (phrases.length) {
    const tokens = tokenize(text, 'query');
    for (const phrase of phrases) ranges.push(...findPhrase(tokens, phrase));
  }
  if (matched.length) {
    forEachToken(
      text,
      (term, start, end) => {
        if (matched.includes(term)) ranges.push([start, end]);
      },
      'query',
    );
  }
  return mergeRanges(ranges);
}

/** Sorted, with overlapping or touching ranges joined. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const prev = out.at(-1);
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
