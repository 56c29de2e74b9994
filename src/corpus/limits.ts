/**
 * Per-file limits on paragraphs and sentences. The byte cap (MAX_FILE_BYTES)
 * alone lets through a file no article looks like: 5 MB of 1.7 million tiny
 * paragraphs takes gigabytes and tens of seconds to segment, extract and
 * index. A file over a limit is skipped and reported like any other bad file.
 *
 * The defaults leave room for any real article, and for whole books: 5 MB of
 * BBC News prose, end to end in one file, is 12,800 paragraphs and 43,600
 * sentences.
 */
import { findParagraphs, isWhitespace, LINE_BREAK } from './segment.ts';

export interface DocumentLimits {
  /** Most paragraphs one file may have. */
  paragraphs: number;
  /** Most sentences one file may have. */
  sentences: number;
}

export const DOCUMENT_LIMITS: DocumentLimits = { paragraphs: 20_000, sentences: 50_000 };

/**
 * Why the text has too many paragraphs, worked out before segmenting it, or
 * null. Segmenting 1.7 million tiny paragraphs, sentences and all, takes
 * seconds and hundreds of MB only to skip them, so this counts first, without
 * building anything: blocks (runs of non-blank lines, each at least one
 * paragraph) and non-blank lines (each at most one). Only a file with more
 * lines than the limit but fewer blocks (one paragraph per line, or
 * hard-wrapped) has its paragraphs found, and its sentences left for later.
 */
export function tooManyParagraphs(text: string, bodyStart: number, limits = DOCUMENT_LIMITS): string | null {
  const breaks = new RegExp(LINE_BREAK);
  breaks.lastIndex = bodyStart;
  let blocks = 0;
  let lines = 0;
  let inBlock = false;
  let start = bodyStart;
  for (;;) {
    const found = breaks.exec(text);
    const end = found ? found.index : text.length;
    let blank = true;
    for (let i = start; i < end && blank; i++) blank = isWhitespace(text.charCodeAt(i));
    if (!blank) {
      lines++;
      if (!inBlock && ++blocks > limits.paragraphs)
        return tooMany('paragraphs', `at least ${blocks}`, limits);
    }
    inBlock = !blank;
    if (!found) break;
    start = breaks.lastIndex;
  }
  if (lines <= limits.paragraphs) return null;
  const paragraphs = findParagraphs(text, bodyStart).length;
  return paragraphs > limits.paragraphs ? tooMany('paragraphs', String(paragraphs), limits) : null;
}

/** Why a segmented document has too many paragraphs or sentences, or null. */
export function overLimits(paragraphs: number, sentences: number, limits = DOCUMENT_LIMITS): string | null {
  if (paragraphs > limits.paragraphs) return tooMany('paragraphs', String(paragraphs), limits);
  if (sentences > limits.sentences) return tooMany('sentences', String(sentences), limits);
  return null;
}

function tooMany(what: keyof DocumentLimits, count: string, limits: DocumentLimits): string {
  return `too many ${what} (${count}; the limit is ${limits[what]} per file)`;
}
