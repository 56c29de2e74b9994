/**
 * Paragraph and sentence segmentation with offsets into the file text.
 *
 * A rule-based, single-pass scanner rather than `Intl.Segmenter`: news text
 * needs abbreviation handling ICU does not do ("U.S. President", "Mr. Obama",
 * "Microsoft Corp. said"), and V8's segmenter is quadratic on long inputs.
 * Everything here is linear in the paragraph length.
 *
 * Invariants (checked by property tests): every sentence is a non-empty
 * `text.slice(start, end)`, sentences never overlap, and whatever lies
 * between two sentences of a paragraph is whitespace.
 */
import type { Paragraph, Sentence } from '../model.ts';

export interface Segmented {
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

const TERMINATORS = new Set(['.', '!', '?', '…']);
/** Marks that may close a sentence after its terminator: `."`, `?”`, `.)`. */
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
/** Ends a line that is a complete paragraph rather than a soft-wrapped one. */
const LINE_FINAL = /[.!?…:;"”’')\]]\s*$/;

// These lists fix the corpus's sentence ids (citations). Attribution keeps its own in
// src/attribution/lexicon.ts: with these, its PolNeAR dev indirect recall drops (472 → 470 found).
/** Titles that precede a name: a period after them never ends a sentence. */
const TITLE_ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr prof sen rep gov gen lt col capt cpt sgt cmdr adm maj brig st mt ft rev hon pres supt ' +
    'det insp messrs mme mlle sr jr esq vs v cf'
  ).split(' '),
);
/**
 * Abbreviations that usually continue a sentence ("Microsoft Corp. said",
 * "Jan. 5") but can end one ("… for Acme Inc. The deal …"): they end a
 * sentence only when a typical sentence-opening word follows.
 */
const WEAK_ABBREVIATIONS = new Set(
  (
    'corp inc ltd co plc bros dept univ assn no nos approx est etc al fig jan feb mar apr jun jul aug sep sept ' +
    'oct nov dec mon tue tues wed thu thurs fri sat sun ave blvd rd'
  ).split(' '),
);
const SENTENCE_OPENERS = new Set(
  (
    'the a an he she it they we i you his her its their our this that these those there here but and so yet ' +
    'or in on at for as if when while after before since although though however meanwhile still then now ' +
    'mr mrs ms dr officials police some many most one two'
  ).split(' '),
);

/** Splits a document body (from `bodyStart`) into paragraphs and sentences. */
export function segmentDocument(text: string, bodyStart: number, docId: string): Segmented {
  const paragraphs = findParagraphs(text, bodyStart);
  const sentences: Sentence[] = [];
  for (const p of paragraphs) {
    splitSentences(text, p.start, p.end).forEach(([start, end], i) => {
      sentences.push({
        id: `${docId}:${p.index}.${i + 1}`,
        docId,
        paragraph: p.index,
        index: i + 1,
        start,
        end,
        text: text.slice(start, end),
      });
    });
  }
  return { paragraphs, sentences };
}

/**
 * JavaScript's `\s` (NBSP and the other Unicode spaces included), and NEL
 * (U+0085), a line break `\s` leaves out, tested on a UTF-16 code unit.
 */
export function isWhitespace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

interface Line {
  start: number;
  /** End of the line's content, excluding the line break. */
  end: number;
  /** The line ends with a PARAGRAPH SEPARATOR (U+2029): it closes its block, as a blank line would. */
  endsParagraph: boolean;
}

/**
 * Every line break files are written with: LF, CR LF, a lone CR (old Mac
 * files), NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
 * (U+2029). A line's offsets never include its break, so they index the
 * text as read.
 */
export const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029]/g;

function* lines(text: string, from: number): Generator<Line> {
  const breaks = new RegExp(LINE_BREAK);
  breaks.lastIndex = from;
  let start = from;
  while (start < text.length) {
    const found = breaks.exec(text);
    if (!found) {
      yield { start, end: text.length, endsParagraph: false };
      return;
    }
    yield { start, end: found.index, endsParagraph: found[0] === '\u2029' };
    start = breaks.lastIndex;
  }
}

function isBlank(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) if (!isWhitespace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Paragraphs are the blocks between blank lines (a PARAGRAPH SEPARATOR also
 * ends one). Inside a block, a line break also starts a paragraph when the
 * block is written one paragraph per line (as many wire copies are); a block
 * that is hard-wrapped (some line runs on into a lower-case continuation)
 * stays one paragraph.
 */
export function findParagraphs(text: string, bodyStart: number): Paragraph[] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines(text, bodyStart)) {
    if (!isBlank(text, line)) current.push(line);
    if ((isBlank(text, line) || line.endsParagraph) && current.length) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);

  const spans: [number, number][] = [];
  for (const block of blocks) {
    if (isHardWrapped(text, block)) spans.push([block[0]!.start, block.at(-1)!.end]);
    else for (const line of block) spans.push([line.start, line.end]);
  }
  return spans.map(([s, e]) => trimSpan(text, s, e)).map(([start, end], i) => ({ index: i + 1, start, end }));
}

function isHardWrapped(text: string, block: Line[]): boolean {
  for (let i = 0; i + 1 < block.length; i++) {
    const line = text.slice(block[i]!.start, block[i]!.end);
    const next = text.slice(block[i + 1]!.start, block[i + 1]!.end).trimStart();
    if (!LINE_FINAL.test(line) && /^[\p{Ll}(,;]/u.test(next)) return true;
  }
  return false;
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/**
 * Sentence spans inside [start, end): trimmed, non-empty, in order. Attribution
 * has its own splitter (src/attribution/sentences.ts) over tokens in which a
 * quote is one token, so that "“… over.” Sanders replied." stays one sentence.
 */
export function splitSentences(text: string, start: number, end: number): [number, number][] {
  const spans: [number, number][] = [];
  let sentenceStart = start;
  let i = start;
  while (i < end) {
    if (!TERMINATORS.has(text[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && TERMINATORS.has(text[j]!)) j++;
    while (j < end && CLOSERS.has(text[j]!)) j++;
    if (j < end && !isWhitespace(text.charCodeAt(j))) {
      i = j;
      continue;
    }
    let next = j;
    while (next < end && isWhitespace(text.charCodeAt(next))) next++;
    if (next < end && endsSentence(text, sentenceStart, i, j, next)) {
      spans.push([sentenceStart, j]);
      sentenceStart = next;
    }
    i = next;
  }
  if (sentenceStart < end) spans.push([sentenceStart, end]);
  return spans.map(([s, e]) => trimSpan(text, s, e)).filter(([s, e]) => e > s);
}

/**
 * Decides whether the terminator at `at` (whose run and closers end at
 * `after`) ends the sentence, given the next non-space character at `next`.
 */
function endsSentence(text: string, sentenceStart: number, at: number, after: number, next: number): boolean {
  const following = text[next]!;
  // A lower-case continuation ("?" he asked; U.S. officials) never starts a sentence.
  if (/\p{Ll}/u.test(following)) return false;
  // Only a lone full stop with nothing after it can be an abbreviation.
  if (text[at] !== '.' || after !== at + 1) return true;
  const word = wordBefore(text, sentenceStart, at);
  if (word === '') return true;
  const bare = word.toLowerCase();
  if (TITLE_ABBREVIATIONS.has(bare)) return false;
  const nextWord = wordAfter(text, next);
  const opensSentence = SENTENCE_OPENERS.has(nextWord.toLowerCase()) || !/^\p{L}/u.test(following);
  // An initial ("George W. Bush") or a dotted abbreviation ("U.S.", "a.m.").
  if (/^\p{Lu}$/u.test(word) || word.includes('.')) return opensSentence && !/^\p{Lu}$/u.test(word);
  if (WEAK_ABBREVIATIONS.has(bare)) return opensSentence;
  return true;
}

/** The word (letters and inner dots) ending just before `at`. */
function wordBefore(text: string, floor: number, at: number): string {
  let s = at;
  while (s > floor && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  return text.slice(s, at).replace(/^\.+/, '');
}

function wordAfter(text: string, from: number): string {
  let e = from;
  while (e < text.length && /\p{L}/u.test(text[e]!)) e++;
  return text.slice(from, e);
}

/**
 * Position in `sentences` (in document order) of the sentence holding
 * `offset`: the last one starting at or before it, else the first. A binary
 * search: a file may hold 50,000 sentences.
 */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
