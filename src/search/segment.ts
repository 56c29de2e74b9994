/**
 * One immutable batch of indexed texts, in flat typed arrays:
 *
 * - the forward index: every text's tokens as term ids, stop words included,
 *   in order. Phrases are checked here, without re-tokenizing any text;
 * - the inverted index: for every searchable term, the texts holding it with
 *   the term's frequency in each (sorted by text), MiniSearch's posting lists
 *   without the per-entry objects;
 * - each text's field length as MiniSearch defines it (distinct tokens,
 *   stop words included), for BM25.
 *
 * Texts are numbered locally (0…size-1); the index maps them to its callers'
 * ids, so a batch never changes once built and several index versions can
 * share it.
 */
import type { Vocabulary } from './vocabulary.ts';

/** Token ids of many texts: text `i` is `tokens[tokenStart[i] … tokenStart[i+1])`. */
export interface ForwardTokens {
  tokenStart: Int32Array;
  tokens: Int32Array;
}

export interface SegmentParts extends ForwardTokens {
  fieldLength: Uint32Array;
  postingStart: Int32Array;
  postingText: Int32Array;
  postingFreq: Uint16Array;
}

const MAX_FREQUENCY = 0xffff;

export class IndexSegment {
  readonly tokenStart: Int32Array;
  readonly tokens: Int32Array;
  readonly fieldLength: Uint32Array;
  /** Posting list of term `t`: entries `postingStart[t] … postingStart[t+1]`, for terms known when built. */
  readonly postingStart: Int32Array;
  readonly postingText: Int32Array;
  readonly postingFreq: Uint16Array;

  constructor(parts: SegmentParts) {
    this.tokenStart = parts.tokenStart;
    this.tokens = parts.tokens;
    this.fieldLength = parts.fieldLength;
    this.postingStart = parts.postingStart;
    this.postingText = parts.postingText;
    this.postingFreq = parts.postingFreq;
  }

  /** Builds the inverted index and field lengths over texts already turned into term ids. */
  static build(forward: ForwardTokens, vocabulary: Vocabulary): IndexSegment {
    return new IndexSegment({ ...forward, ...invert(forward, vocabulary) });
  }

  get size(): number {
    return this.tokenStart.length - 1;
  }

  parts(): SegmentParts {
    return {
      tokenStart: this.tokenStart,
      tokens: this.tokens,
      fieldLength: this.fieldLength,
      postingStart: this.postingStart,
      postingText: this.postingText,
      postingFreq: this.postingFreq,
    };
  }

  /** Where term `term`'s postings are: [start, end), empty for a term this batch never saw. */
  postingRange(term: number): [number, number] {
    if (term + 1 >= this.postingStart.length) return [0, 0];
    return [this.postingStart[term]!, this.postingStart[term + 1]!];
  }

  /** True when text `local`'s tokens hold `sequence` (term ids) contiguously. */
  containsSequence(local: number, sequence: Int32Array): boolean {
    const tokens = this.tokens;
    const first = sequence[0]!;
    const last = this.tokenStart[local + 1]! - sequence.length;
    outer: for (let i = this.tokenStart[local]!; i <= last; i++) {
      if (tokens[i] !== first) continue;
      for (let j = 1; j < sequence.length; j++) if (tokens[i + j] !== sequence[j]) continue outer;
      return true;
    }
    return false;
  }

  /** Calls `visit` once per distinct searchable term of text `local`. */
  forEachDistinctTerm(local: number, vocabulary: Vocabulary, visit: (term: number) => void): void {
    const seen = new Set<number>();
    for (let i = this.tokenStart[local]!; i < this.tokenStart[local + 1]!; i++) {
      const term = this.tokens[i]!;
      if (vocabulary.isSearchable(term) && !seen.has(term)) {
        seen.add(term);
        visit(term);
      }
    }
  }
}

/** Concatenates per-text token arrays into the flat forward layout. */
export function flattenTokens(texts: readonly Int32Array[]): ForwardTokens {
  const tokenStart = new Int32Array(texts.length + 1);
  let total = 0;
  texts.forEach((t, i) => {
    tokenStart[i] = total;
    total += t.length;
  });
  tokenStart[texts.length] = total;
  const tokens = new Int32Array(total);
  texts.forEach((t, i) => {
    tokens.set(t, tokenStart[i]!);
  });
  return { tokenStart, tokens };
}

/**
 * Two passes over the forward index: count each term's texts (and each
 * text's distinct tokens), then lay the postings out term by term. `stamp`
 * marks the last text a term was seen in, so a repeated word counts once.
 */
function invert(forward: ForwardTokens, vocabulary: Vocabulary): Omit<SegmentParts, keyof ForwardTokens> {
  const { tokenStart, tokens } = forward;
  const size = tokenStart.length - 1;
  const terms = vocabulary.size;
  const stamp = new Int32Array(terms).fill(-1);
  const frequency = new Int32Array(terms);
  const fieldLength = new Uint32Array(size);
  const postingStart = new Int32Array(terms + 1);

  for (let text = 0; text < size; text++) {
    let distinct = 0;
    for (let i = tokenStart[text]!; i < tokenStart[text + 1]!; i++) {
      const term = tokens[i]!;
      if (stamp[term] === text) continue;
      stamp[term] = text;
      distinct++;
      if (vocabulary.isSearchable(term)) postingStart[term + 1]!++;
    }
    fieldLength[text] = distinct;
  }
  for (let t = 0; t < terms; t++) postingStart[t + 1]! += postingStart[t]!;

  const postingText = new Int32Array(postingStart[terms]!);
  const postingFreq = new Uint16Array(postingStart[terms]!);
  const next = postingStart.slice(0, terms);
  stamp.fill(-1);
  for (let text = 0; text < size; text++) {
    const from = tokenStart[text]!;
    const to = tokenStart[text + 1]!;
    for (let i = from; i < to; i++) frequency[tokens[i]!]!++;
    for (let i = from; i < to; i++) {
      const term = tokens[i]!;
      if (stamp[term] === text || !vocabulary.isSearchable(term)) continue;
      stamp[term] = text;
      const at = next[term]!++;
      postingText[at] = text;
      postingFreq[at] = Math.min(frequency[term]!, MAX_FREQUENCY);
    }
    for (let i = from; i < to; i++) frequency[tokens[i]!] = 0;
  }
  return { fieldLength, postingStart, postingText, postingFreq };
}
