/**
 * A search index over short texts (sentences or statements): MiniSearch's
 * ranking, executed top-k.
 *
 * MiniSearch scores and sorts every text that matches any query term, so a
 * common word ("said", "year") costs time in proportion to the whole corpus.
 * This index keeps the same terms in flat arrays instead (see
 * `segment.ts`), finds prefix and typo expansions in MiniSearch's radix tree
 * (`vocabulary.ts`), scores with MiniSearch's BM25 (`scoring.ts`), and keeps
 * only the best `limit` results in a heap (`top-k.ts`). On top of that it
 * adds what MiniSearch lacks for this product:
 *
 * - phrases and a plan of passes, cheapest and strictest first, so typos cost
 *   only where they help (`passes.ts`, the query execution);
 * - updates: `update` makes a new index that shares everything unchanged with
 *   this one, so an incremental reload costs the changed texts, not the
 *   corpus (`build.ts`), and `parts`/`fromParts` turn an index into typed
 *   arrays for a snapshot.
 *
 * This module holds the public types and `TextIndex`, a facade over one
 * immutable `IndexState` (`index-state.ts`). Highlighting an answer's text
 * needs no index: see `highlight.ts`.
 */
import { buildState, updateState } from './build.ts';
import { IndexState } from './index-state.ts';
import { search } from './passes.ts';
import type { ParsedQuery } from './query.ts';
import { IndexSegment, type SegmentParts } from './segment.ts';
import { Vocabulary } from './vocabulary.ts';

export interface IndexedText {
  /** The caller's id for the text (its position in the caller's array). */
  id: number;
  text: string;
}

export interface TextHit {
  id: number;
  score: number;
  /** Index terms that matched (after prefix/fuzzy expansion), for highlighting. */
  terms: string[];
  /** The text holds the query's words as one phrase. */
  phrase: boolean;
  /** 0: all terms exactly, 1: all terms with typos, 2: some terms. */
  pass: number;
}

export interface SearchOptions {
  limit: number;
  /** Keep only hits whose id passes (applied before the limit). */
  filter?: ((id: number) => boolean) | undefined;
  /**
   * Stop at the first pass that finds anything, rather than falling back to
   * typos and then to any term until `limit` hits are found. For callers that
   * keep only the best pass's hits anyway (statements: a statement matching
   * fewer words would put words in a speaker's mouth), later passes are work
   * thrown away.
   */
  bestPassOnly?: boolean | undefined;
}

/** How the texts change from this index to the next (see `TextIndex.update`). */
export interface IndexChange {
  /** For each id of the current index: its id in the new one, or -1 when that text is gone. */
  remap: Int32Array;
  /** Texts new to the index, with their ids in the new one. */
  added: IndexedText[];
}

/** Everything an index is, as plain arrays: what a snapshot stores. */
export interface IndexParts {
  terms: readonly string[];
  segments: SegmentParts[];
  /** Per segment, the id of each of its texts, or -1 for a text since removed. */
  ids: Int32Array[];
}

/** Search options an index applies when a search does not say otherwise. */
export type SearchDefaults = Pick<SearchOptions, 'bestPassOnly'>;

export class TextIndex {
  readonly #state: IndexState;
  #defaults: SearchDefaults = {};

  /** Indexes `items` (or wraps a state built already). */
  constructor(items: Iterable<IndexedText> | IndexState) {
    this.#state = items instanceof IndexState ? items : buildState([...items]);
  }

  /** The same index (sharing everything), searching with these defaults. */
  withDefaults(defaults: SearchDefaults): TextIndex {
    const index = new TextIndex(this.#state);
    index.#defaults = { ...this.#defaults, ...defaults };
    return index;
  }

  /** An index from a snapshot's arrays (the inverse of `parts`). */
  static fromParts(parts: IndexParts): TextIndex {
    const vocabulary = Vocabulary.from(parts.terms);
    return new TextIndex(
      new IndexState(
        vocabulary,
        parts.segments.map((p) => new IndexSegment(p)),
        parts.ids,
      ),
    );
  }

  /** Makes now what a snapshot's index leaves for its first search (see `Vocabulary.from`). */
  prepare(): void {
    this.#state.vocabulary.prepare();
  }

  get size(): number {
    return this.#state.count;
  }

  /**
   * A number equal for texts with the same words (case, accents and
   * punctuation aside), from stored token ids, so without re-reading the
   * text. Different words may share a hash: confirm with `sameWords`. What
   * merging the same statement reported by several sources needs.
   */
  wordsHash(id: number): number {
    const tokens = this.#state.tokensOf(id);
    // FNV-1a over the token ids, 32 bits.
    let hash = 0x811c9dc5;
    for (let i = 0; i < tokens.length; i++) hash = Math.imul(hash ^ tokens[i]!, 0x01000193);
    return (hash ^ tokens.length) >>> 0;
  }

  /** Texts `a` and `b` have the same words, in order (see `wordsHash`). */
  sameWords(a: number, b: number): boolean {
    const x = this.#state.tokensOf(a);
    const y = this.#state.tokensOf(b);
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }

  parts(): IndexParts {
    const s = this.#state;
    return { terms: s.vocabulary.terms(), segments: s.segments.map((g) => g.parts()), ids: [...s.ids] };
  }

  /**
   * A new index with `change` applied; this one is left as it was and keeps
   * answering. Unchanged texts are not re-read: removed ones are dropped from
   * the id map and the statistics, added ones form a new segment, and the
   * segments are merged back into one when there are too many of them.
   */
  update(change: IndexChange): TextIndex {
    return new TextIndex(updateState(this.#state, change)).withDefaults(this.#defaults);
  }

  search(query: ParsedQuery, options: SearchOptions): TextHit[] {
    return search(this.#state, query, options, options.bestPassOnly ?? this.#defaults.bestPassOnly);
  }
}
