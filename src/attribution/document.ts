/**
 * A body split for attribution: paragraphs, their quotes (with news-style
 * continuation across paragraphs), tokens with quotes as single tokens, and
 * sentences over those tokens.
 *
 * Paragraphs are the corpus loader's (src/corpus/segment.ts), so a statement
 * and its citation agree on where a paragraph ends. Sentences are not: the
 * loader splits characters, while attribution splits tokens in which a quote
 * is one token, so a sentence ending inside a quote ("… over," he said.) does
 * not end the statement's sentence (./sentences.ts).
 */
import { findParagraphs } from '../corpus/segment.ts';
import type { SentenceInfo } from './frames.ts';
import { findQuotes, opensWithQuote, type ParagraphSpan } from './quotes.ts';
import { splitSentences } from './sentences.ts';
import { type Quote, type Token, tokenize } from './tokens.ts';

export interface ParagraphInfo extends ParagraphSpan {
  index: number;
  quotes: Quote[];
  sentences: SentenceInfo[];
}

export interface DocumentInfo {
  text: string;
  paragraphs: ParagraphInfo[];
  sentences: SentenceInfo[];
}

const DATELINE_DASHES = new Set(['–', '—', '―', '-', '--']);
/** A dateline ("NEW YORK, Dec. 22 (UPI) —") ends within this many tokens, or there is none. */
const MAX_DATELINE_TOKENS = 16;

export function analyseDocument(text: string, bodyStart: number): DocumentInfo {
  const spans = findParagraphs(text, bodyStart);
  const paragraphs: ParagraphInfo[] = [];
  const sentences: SentenceInfo[] = [];
  let previousLast: Quote | undefined;
  spans.forEach((span, index) => {
    const next = spans[index + 1];
    const quotes = findQuotes(text, span, next ? opensWithQuote(text, next) : false);
    const first = quotes[0];
    if (previousLast?.continuesNext && first && first.start === span.start) first.continuesPrev = true;
    if (previousLast?.continuesNext && !(first && first.start === span.start))
      previousLast.continuesNext = false;
    previousLast = quotes[quotes.length - 1];
    const tokens = tokenize(text, span.start, span.end, quotes);
    const paragraphSentences = splitSentences(tokens, text).map((toks, i) => {
      const s: SentenceInfo = {
        index: sentences.length,
        paragraph: index,
        tokens: toks,
        floor: i === 0 ? datelineEnd(toks) : 0,
      };
      sentences.push(s);
      return s;
    });
    paragraphs.push({ ...span, index, quotes, sentences: paragraphSentences });
  });
  return { text, paragraphs, sentences };
}

/**
 * "WASHINGTON/TEHRAN/MOSCOW (Dispatches) –", "NEW YORK, Dec. 22 (UPI) —":
 * the index of the first token after a dateline, or 0.
 */
function datelineEnd(toks: readonly Token[]): number {
  const first = toks[0];
  if (first?.type !== 'word' || !isShouted(first.text)) return 0;
  for (let i = 1; i < Math.min(toks.length, MAX_DATELINE_TOKENS); i++) {
    const t = toks[i]!;
    if (t.type === 'punct' && DATELINE_DASHES.has(t.text)) return i + 1;
    if (t.type === 'quote') return 0;
  }
  return 0;
}

function isShouted(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && /\p{Lu}{2}/u.test(word);
}
