/**
 * Building index states: from texts, by update, and by merging segments.
 *
 * A first build tokenizes every text into one segment. An update never
 * re-reads unchanged texts: removed ones are dropped from the id map (and so
 * from the statistics), added ones form a new segment of their own, and the
 * segments are merged back into one, from their stored token ids, once there
 * are too many of them or too many removed texts among them. So an
 * incremental reload costs the changed texts, not the corpus.
 */
import { IndexState } from './index-state.ts';
import { type ForwardTokens, flattenTokens, IndexSegment } from './segment.ts';
import type { IndexChange, IndexedText } from './text-index.ts';
import { forEachTerm } from './tokenize.ts';
import { Vocabulary } from './vocabulary.ts';

/** Segments and removed texts an index tolerates before it merges them into one segment. */
const MAX_SEGMENTS = 4;
const MAX_DEAD_SHARE = 0.25;

/** A state holding `items` in one segment, over a vocabulary of their terms. */
export function buildState(items: IndexedText[]): IndexState {
  const vocabulary = new Vocabulary();
  const segment = buildSegment(items, vocabulary);
  return new IndexState(vocabulary, [segment], [Int32Array.from(items, (t) => t.id)]);
}

/**
 * `state` with `change` applied, as a new state sharing its vocabulary and
 * unchanged segments; merged into one segment when it needs it.
 */
export function updateState(state: IndexState, change: IndexChange): IndexState {
  const ids = state.ids.map((segmentIds) => segmentIds.map((id) => (id < 0 ? -1 : change.remap[id]!)));
  const segments = [...state.segments];
  if (change.added.length) {
    segments.push(buildSegment(change.added, state.vocabulary));
    ids.push(Int32Array.from(change.added, (t) => t.id));
  }
  const next = new IndexState(state.vocabulary, segments, ids);
  return needsMerge(next) ? mergeSegments(next) : next;
}

/** Tokenizes texts into a segment, adding their new terms to the vocabulary. */
function buildSegment(items: readonly IndexedText[], vocabulary: Vocabulary): IndexSegment {
  const tokenStart = new Int32Array(items.length + 1);
  let tokens = new Int32Array(1024);
  let count = 0;
  const add = (term: string) => {
    if (count === tokens.length) {
      const grown = new Int32Array(tokens.length * 2);
      grown.set(tokens);
      tokens = grown;
    }
    tokens[count++] = vocabulary.intern(term);
  };
  items.forEach((item, i) => {
    tokenStart[i] = count;
    forEachTerm(item.text, add);
  });
  tokenStart[items.length] = count;
  return IndexSegment.build({ tokenStart, tokens: tokens.slice(0, count) }, vocabulary);
}

/** Too many segments, or too many removed texts among them (see `MAX_SEGMENTS`, `MAX_DEAD_SHARE`). */
function needsMerge(state: IndexState): boolean {
  const slots = state.ids.reduce((n, ids) => n + ids.length, 0);
  return state.segments.length > MAX_SEGMENTS || slots - state.count > MAX_DEAD_SHARE * slots;
}

/** One segment holding the live texts in id order, rebuilt from token ids (no text is re-read). */
function mergeSegments(state: IndexState): IndexState {
  const ids: number[] = [];
  const texts: Int32Array[] = [];
  for (let id = 0; id < state.capacity; id++) {
    const at = state.locate(id);
    if (!at) continue;
    ids.push(id);
    texts.push(
      at.segment.tokens.subarray(at.segment.tokenStart[at.local], at.segment.tokenStart[at.local + 1]),
    );
  }
  const forward: ForwardTokens = flattenTokens(texts);
  return new IndexState(
    state.vocabulary,
    [IndexSegment.build(forward, state.vocabulary)],
    [Int32Array.from(ids)],
  );
}
