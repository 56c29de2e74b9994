/**
 * One immutable version of a text index: its segments (`segment.ts`), the
 * vocabulary they share (`vocabulary.ts`), which caller id each segment's
 * texts stand for, and the statistics BM25 needs over the live texts.
 *
 * Everything a search reads is here, so the query passes (`passes.ts`) and the
 * build and merge steps (`build.ts`) are functions of a state, and the public
 * `TextIndex` is a thin facade over one. Segments and the vocabulary may be
 * shared with other versions; everything else is this version's own, so an
 * older version keeps answering while a newer one is built.
 */
import type { IndexSegment } from './segment.ts';
import type { NearTerm, Vocabulary } from './vocabulary.ts';

const EMPTY_TOKENS = new Int32Array(0);

/** Reusable per-text accumulators for one query at a time (searches are synchronous). */
export interface Scratch {
  score: Float64Array;
  /** How many query terms each text matched. */
  matched: Uint16Array;
  /** How many query terms each text holds exactly as typed. */
  exact: Uint16Array;
  /** The last query term (by rank) that touched each text; -1 for none. */
  stamp: Int32Array;
  /** Texts touched by this query, in first-touch order. */
  touched: Int32Array;
  /** The texts that matched enough terms, with their scores and exact-term counts. */
  candidates: Int32Array;
  candidateScore: Float64Array;
  exactCount: Uint16Array;
}

/**
 * One immutable version of an index. Segments and the vocabulary may be
 * shared with other versions; everything else is this version's own.
 */
export class IndexState {
  readonly vocabulary: Vocabulary;
  readonly segments: readonly IndexSegment[];
  readonly ids: readonly Int32Array[];
  /** Texts holding each term, over live texts only. */
  readonly documentFrequency: Int32Array;
  readonly count: number;
  readonly averageLength: number;
  /** Largest id + 1: the size of per-id arrays. */
  readonly capacity: number;
  readonly #segmentOf: Uint8Array;
  readonly #localOf: Int32Array;
  #scratch: Scratch | null = null;
  /**
   * Typo expansions already looked up, by distance and term: walking the
   * radix tree is the costliest step of a search with typo tolerance, and
   * users' words repeat. Per state, since which terms are live is; bounded
   * (see `passes.ts`).
   */
  readonly typoCache = new Map<string, NearTerm[]>();

  constructor(vocabulary: Vocabulary, segments: readonly IndexSegment[], ids: readonly Int32Array[]) {
    this.vocabulary = vocabulary;
    this.segments = segments;
    this.ids = ids;
    let capacity = 0;
    let count = 0;
    let totalLength = 0;
    ids.forEach((segmentIds, s) => {
      segmentIds.forEach((id, local) => {
        if (id < 0) return;
        capacity = Math.max(capacity, id + 1);
        count++;
        totalLength += segments[s]!.fieldLength[local]!;
      });
    });
    this.capacity = capacity;
    this.count = count;
    this.averageLength = count ? totalLength / count : 0;
    this.#segmentOf = new Uint8Array(capacity);
    this.#localOf = new Int32Array(capacity).fill(-1);
    ids.forEach((segmentIds, s) => {
      segmentIds.forEach((id, local) => {
        if (id < 0) return;
        if (this.#localOf[id] !== -1) throw new Error(`text id ${id} is indexed twice`);
        this.#segmentOf[id] = s;
        this.#localOf[id] = local;
      });
    });
    this.documentFrequency = this.#countDocumentFrequencies();
  }

  /** The segment holding text `id` (which must be indexed). */
  segmentOf(id: number): number {
    return this.#segmentOf[id]!;
  }

  /** Text `id`'s number within its segment, or -1 if it is not indexed. */
  localOf(id: number): number {
    return id < this.capacity ? this.#localOf[id]! : -1;
  }

  /** The segment and local number of text `id`, or null if it is not indexed. */
  locate(id: number): { segment: IndexSegment; local: number } | null {
    const local = id < this.capacity ? this.#localOf[id]! : -1;
    return local < 0 ? null : { segment: this.segments[this.#segmentOf[id]!]!, local };
  }

  /** Text `id`'s token ids (empty when it is not indexed). */
  tokensOf(id: number): Int32Array {
    const at = this.locate(id);
    if (!at) return EMPTY_TOKENS;
    const { segment, local } = at;
    return segment.tokens.subarray(segment.tokenStart[local], segment.tokenStart[local + 1]);
  }

  scratch(): Scratch {
    this.#scratch ??= {
      score: new Float64Array(this.capacity),
      matched: new Uint16Array(this.capacity),
      exact: new Uint16Array(this.capacity),
      stamp: new Int32Array(this.capacity).fill(-1),
      touched: new Int32Array(this.capacity),
      candidates: new Int32Array(this.capacity),
      candidateScore: new Float64Array(this.capacity),
      exactCount: new Uint16Array(this.capacity),
    };
    return this.#scratch;
  }

  /** Posting list lengths, minus the postings of removed texts. */
  #countDocumentFrequencies(): Int32Array {
    const frequency = new Int32Array(this.vocabulary.size);
    this.segments.forEach((segment, s) => {
      const starts = segment.postingStart;
      for (let t = 0; t + 1 < starts.length; t++) frequency[t]! += starts[t + 1]! - starts[t]!;
      this.ids[s]!.forEach((id, local) => {
        if (id < 0) segment.forEachDistinctTerm(local, this.vocabulary, (t) => frequency[t]!--);
      });
    });
    return frequency;
  }
}
