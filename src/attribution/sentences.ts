/**
 * Sentences over a paragraph's tokens, with quotes as single tokens: a quote
 * that ends in "." and is followed by a capitalised word ends a sentence; one
 * followed by "he said" does not. Abbreviations ("Mr.", "U.S.") end a
 * sentence only before a typical sentence opener.
 *
 * Not the corpus segmenter's splitter (src/corpus/segment.ts), which cuts
 * characters and so would cut inside quotes and before their attribution.
 */
import {
  AUXILIARIES,
  CUES,
  HONORIFIC_ABBREVIATIONS,
  NAME_INNER,
  SENTENCE_STARTERS,
  TITLE_WORDS,
} from '../lexicon/index.ts';
import type { Token } from './tokens.ts';

const TERMINAL = new Set(['.', '!', '?', '…', '...']);
const TRAILING_CLOSERS = new Set([')', ']', '”', '’', "'", '"', '»']);
const DASH = new Set(['–', '—', '―', '-', '--', '•']);
/** "“We lost.” said Ms Hewitt": a name-and-verb attribution after a quote is this short. */
const MAX_ATTRIBUTION_AFTER_QUOTE = 10;
/** "replied on Monday.": at most this many adverbial words after the verb before the sentence ends. */
const MAX_WORDS_TO_END = 14;

export function splitSentences(tokens: readonly Token[], text: string): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    current.push(t);
    if (!endsSentence(tokens, i, text)) continue;
    while (i + 1 < tokens.length && isTrailingCloser(tokens[i + 1]!)) current.push(tokens[++i]!);
    sentences.push(current);
    current = [];
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

/**
 * "“Is it over?” Sanders replied." / "“We lost.” said Ms Hewitt": after a
 * quote, a short name-and-verb attribution belongs to the quote's sentence.
 */
function attributionFollows(tokens: readonly Token[], from: number): boolean {
  for (let j = from; j < tokens.length && j - from <= MAX_ATTRIBUTION_AFTER_QUOTE; j++) {
    const t = tokens[j]!;
    if (t.type === 'quote') return false;
    if (t.type === 'punct') {
      if (t.text === ',' || t.text === '(' || t.text === ')' || DASH.has(t.text)) continue;
      return false;
    }
    const cue = CUES.get(t.lower);
    if (cue && !t.cap && !cue.noisy && !cue.participle) {
      return j > from ? endsSoon(tokens, j + 1) : isAttributionEnd(tokens, j + 1);
    }
    if (!t.cap && !NAME_INNER.has(t.lower) && !TITLE_WORDS.has(t.lower)) return false;
  }
  return false;
}

/** "said Ms Hewitt." — the verb-first form needs the name to end the sentence. */
function isAttributionEnd(tokens: readonly Token[], from: number): boolean {
  let j = from;
  while (
    j < tokens.length &&
    tokens[j]!.type === 'word' &&
    (tokens[j]!.cap || NAME_INNER.has(tokens[j]!.lower))
  )
    j++;
  const end = tokens[j];
  return j > from && (!end || (end.type === 'punct' && ['.', ',', '!', '?'].includes(end.text)));
}

/** Only a few adverbial words remain before the sentence ends ("replied on Monday."). */
function endsSoon(tokens: readonly Token[], from: number): boolean {
  for (let j = from; j < tokens.length && j - from <= MAX_WORDS_TO_END; j++) {
    const t = tokens[j]!;
    if (t.type === 'quote' || t.lower === 'that' || AUXILIARIES.has(t.lower)) return false;
    if (t.type === 'punct' && TERMINAL.has(t.text)) return true;
  }
  return from >= tokens.length || tokens.length - from <= MAX_WORDS_TO_END;
}

function isTrailingCloser(t: Token): boolean {
  return t.type === 'punct' && TRAILING_CLOSERS.has(t.text);
}

function endsSentence(tokens: readonly Token[], i: number, text: string): boolean {
  const t = tokens[i]!;
  const next = nextNonDash(tokens, i + 1);
  if (t.type === 'quote') {
    return quoteEndsSentence(t, text) && opensSentence(next, true) && !attributionFollows(tokens, i + 1);
  }
  if (t.type === 'punct') return TERMINAL.has(t.text) && opensSentence(next, false);
  if (t.abbr) return abbreviationEndsSentence(t, next);
  return false;
}

function nextNonDash(tokens: readonly Token[], from: number): Token | undefined {
  let j = from;
  while (j < tokens.length && tokens[j]!.type === 'punct' && DASH.has(tokens[j]!.text)) j++;
  // Closing brackets or stray marks belong to the sentence that just ended.
  while (j < tokens.length && isTrailingCloser(tokens[j]!)) j++;
  return tokens[j];
}

function opensSentence(next: Token | undefined, afterQuote: boolean): boolean {
  if (!next) return true;
  if (next.type === 'quote') return true;
  if (next.type === 'punct') return next.text === '(' || next.text === '[';
  if (/^\p{N}/u.test(next.text)) return !afterQuote;
  return next.cap;
}

/** The quoted words end with sentence punctuation ("… over."). */
function quoteEndsSentence(t: Token, text: string): boolean {
  const q = t.quote!;
  let k = q.innerEnd - 1;
  while (k > q.innerStart && TRAILING_CLOSERS.has(text[k]!)) k--;
  return TERMINAL.has(text[k]!) || text[k] === '…';
}

function abbreviationEndsSentence(t: Token, next: Token | undefined): boolean {
  if (!next) return true;
  const bare = t.lower.replace(/\.$/, '');
  if (HONORIFIC_ABBREVIATIONS.has(bare)) return false;
  if (/^\p{L}$/u.test(bare)) return false;
  return next.type === 'word' && next.cap && SENTENCE_STARTERS.has(next.lower);
}
