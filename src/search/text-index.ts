/**
 * A search index over short texts (sentences or statements): MiniSearch's
 * ranking, executed top-k.
 *
 * MiniSearch scores and sorts every text that matches any query term, so a
 * common word ("said", "year") costs time in proportion to the whole corpus.
 * This index keeps the same terms in flat arrays instead (see
 * `segment.ts`), finds prefix and typo expansions in MiniSearch's radix tree
 * (`vocabulary.ts`), scores with MiniSearch's BM25 (`scoring.ts`), and keeps
 * only the best `limit` results in a heap. On top of that it adds what
 * MiniSearch lacks for this product:
 *
 * - phrases: quoted phrases must occur, and texts holding the whole query as
 *   a phrase rank above scattered terms, checked on token ids, never by
 *   re-reading text;
 * - a plan of passes, cheapest and strictest first: all terms exactly (with
 *   prefix matching on a last word still being typed), then all terms with
 *   typo tolerance, then any term. Later passes run only while earlier ones
 *   found fewer results than asked for, so typos cost only where they help;
 * - updates: `update` makes a new index that shares everything unchanged with
 *   this one (an incremental reload costs the changed texts, not the corpus),
 *   and `parts`/`fromParts` turn an index into typed arrays for a snapshot.
 */
import type { ParsedQuery } from './query.ts';
import { BM25, fuzzyWeight, prefixWeight } from './scoring.ts';
import { type ForwardTokens, flattenTokens, IndexSegment, type SegmentParts } from './segment.ts';
import { findPhrase, forEachTerm, forEachToken, tokenize } from './tokenize.ts';
import { TopK } from './top-k.ts';
import { type NearTerm, Vocabulary } from './vocabulary.ts';

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

const EMPTY_TOKENS = new Int32Array(0);
/** Typo lookups an index state remembers (see `IndexState.typoCache`). */
const TYPO_CACHE_SIZE = 4096;

const EXACT = 0;
const FUZZY = 1;
const ANY = 2;

/** Segments and removed texts an index tolerates before it merges them into one segment. */
const MAX_SEGMENTS = 4;
const MAX_DEAD_SHARE = 0.25;

/** Edits allowed per term: none for short words, one from four letters, two from six (a swap is two). */
function fuzziness(term: string): number {
  if (term.length >= 6) return 2;
  return term.length >= 4 ? 1 : 0;
}

/** One term a query term stands for in a pass: itself, a longer form, or a near spelling. */
interface Derived {
  id: number;
  term: string;
  weight: number;
  /** The query term itself, as typed (not a longer form or a typo). */
  exact: boolean;
  /** A near spelling (typo tolerance). */
  typo: boolean;
}

/** Reusable per-text accumulators for one query at a time (searches are synchronous). */
interface Scratch {
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

/** What a pass needs besides the query: where it stands and what it may return. */
interface PassContext {
  /** What this pass may still return: the search's limit less what earlier passes found. */
  limit: number;
  seen: Set<number>;
  filter: ((id: number) => boolean) | undefined;
  /** Quoted phrases as term ids: every one must occur. */
  phrases: Int32Array[];
  /** The whole query as term ids, when it can occur as a phrase at all. */
  sequence: Int32Array | null;
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
   * users' words repeat. Per state, since which terms are live is; bounded.
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

/** Search options an index applies when a search does not say otherwise. */
export type SearchDefaults = Pick<SearchOptions, 'bestPassOnly'>;

export class TextIndex {
  readonly #state: IndexState;
  #defaults: SearchDefaults = {};

  /**
   * Indexes `items`. (The second argument, a text lookup, is no longer
   * needed: phrases are checked on token ids. It is accepted so existing
   * callers keep compiling.)
   */
  constructor(items: Iterable<IndexedText> | IndexState, _texts?: (id: number) => string) {
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
    const tokens = this.#tokensOf(id);
    // FNV-1a over the token ids, 32 bits.
    let hash = 0x811c9dc5;
    for (let i = 0; i < tokens.length; i++) hash = Math.imul(hash ^ tokens[i]!, 0x01000193);
    return (hash ^ tokens.length) >>> 0;
  }

  /** Texts `a` and `b` have the same words, in order (see `wordsHash`). */
  sameWords(a: number, b: number): boolean {
    const x = this.#tokensOf(a);
    const y = this.#tokensOf(b);
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }

  /** Text `id`'s token ids (empty when it is not indexed). */
  #tokensOf(id: number): Int32Array {
    const at = this.#state.locate(id);
    if (!at) return EMPTY_TOKENS;
    const { segment, local } = at;
    return segment.tokens.subarray(segment.tokenStart[local], segment.tokenStart[local + 1]);
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
    const s = this.#state;
    const ids = s.ids.map((segmentIds) => segmentIds.map((id) => (id < 0 ? -1 : change.remap[id]!)));
    const segments = [...s.segments];
    if (change.added.length) {
      segments.push(buildSegment(change.added, s.vocabulary));
      ids.push(Int32Array.from(change.added, (t) => t.id));
    }
    const next = new IndexState(s.vocabulary, segments, ids);
    return new TextIndex(needsMerge(next) ? mergeSegments(next) : next).withDefaults(this.#defaults);
  }

  search(query: ParsedQuery, options: SearchOptions): TextHit[] {
    if (query.terms.length === 0 || options.limit <= 0 || this.#state.count === 0) return [];
    const phrases = query.phrases.map((p) => this.#termIds(p));
    // A quoted phrase with a word no text holds cannot occur anywhere.
    if (phrases.some((p) => p === null)) return [];
    const context: PassContext = {
      limit: options.limit,
      seen: new Set(),
      filter: options.filter,
      phrases: phrases as Int32Array[],
      sequence: query.sequence.length > 1 ? this.#termIds(query.sequence) : null,
    };
    const hits: TextHit[] = [];
    const passes = query.phrases.length ? [EXACT] : [EXACT, FUZZY, ANY];
    const bestPassOnly = options.bestPassOnly ?? this.#defaults.bestPassOnly;
    for (const pass of passes) {
      if (hits.length >= options.limit || (bestPassOnly && hits.length > 0)) break;
      // With a single term, "any term" is the same as "all terms".
      if (pass === ANY && query.terms.length === 1) break;
      context.limit = options.limit - hits.length;
      for (const hit of this.#runPass(query, pass, context)) {
        context.seen.add(hit.id);
        hits.push(hit);
      }
    }
    return hits;
  }

  #runPass(query: ParsedQuery, pass: number, context: PassContext): TextHit[] {
    const expansions = this.#expandAll(query, pass);
    const all = pass !== ANY;
    if (all && expansions.some((e) => e.length === 0)) return [];
    // Without a single typo variant, the typo pass would find what the exact pass found.
    if (pass === FUZZY && !expansions.some((e) => e.some((t) => t.typo))) return [];
    const found = this.#accumulate(expansions, all);
    // A text holding the whole query holds all its terms exactly, so the exact
    // pass found it already: in later passes, nothing is a phrase.
    const sequence = pass === EXACT ? context.sequence : null;
    const top = this.#selectTop(found, query.terms.length, sequence, context);
    // Field by field, not `{ ...r }`: V8 allocated the spread copies straight
    // into the old generation (10 KB a search of long-lived garbage, measured),
    // so the heap grew until full collections paused queries for milliseconds.
    return top.sorted().map((r) => ({
      id: r.id,
      score: r.score,
      phrase: r.phrase,
      terms: this.#matchedTerms(r.id, expansions),
      pass,
    }));
  }

  /**
   * The best `context.limit` of the candidates `#accumulate` left. Its own
   * method, with numbers and typed arrays in its hot loop, so V8 compiles it
   * whole: run inside a bigger method, the loop ran unoptimised often enough
   * to box every score it read (tens of KB of garbage a query).
   */
  #selectTop(found: number, everyTerm: number, sequence: Int32Array | null, context: PassContext): TopK {
    const { candidates, candidateScore, exactCount } = this.#state.scratch();
    const { seen, filter, phrases } = context;
    const top = new TopK(context.limit);
    let floor = top.floor();
    for (let i = 0; i < found; i++) {
      const score = candidateScore[i]!;
      // Only a text holding every query term as typed can hold the query as a phrase.
      const mayBePhrase = sequence !== null && exactCount[i] === everyTerm;
      if (score < floor && !mayBePhrase) continue;
      const id = candidates[i]!;
      if (!top.accepts(id, score, mayBePhrase)) continue;
      if (seen.size && seen.has(id)) continue;
      if (filter && !filter(id)) continue;
      if (phrases.length && !this.#containsAll(id, phrases)) continue;
      top.offer(id, score, mayBePhrase && this.#contains(id, sequence!));
      floor = top.floor();
    }
    return top;
  }

  #containsAll(id: number, sequences: Int32Array[]): boolean {
    for (const sequence of sequences) if (!this.#contains(id, sequence)) return false;
    return true;
  }

  /**
   * Term-at-a-time scoring into per-text accumulators, cheapest query term
   * first. For "all terms", a text stays a candidate only while it has matched
   * every term so far. Leaves the surviving texts in the scratch candidate
   * arrays, with their MiniSearch score (summed BM25 times the number of query
   * terms matched) and how many query terms they hold exactly as typed.
   */
  #accumulate(expansions: Derived[][], all: boolean): number {
    const s = this.#state;
    const order = expansions
      .map((derived, i) => ({ derived, i, cost: this.#cost(derived) }))
      .filter((e) => e.derived.length > 0)
      .sort((a, b) => a.cost - b.cost || a.i - b.i);
    const average = s.averageLength;
    let touchedCount = 0;
    for (let rank = 0; rank < order.length; rank++) {
      for (const term of order[rank]!.derived) {
        const idf = inverseDocumentFrequency(s.documentFrequency[term.id]!, s.count);
        const { weight } = term;
        const exactIncrement = term.exact ? 1 : 0;
        for (let g = 0; g < s.segments.length; g++) {
          const segment = s.segments[g]!;
          const [from, to] = segment.postingRange(term.id);
          if (from === to) continue;
          touchedCount = addPostings(
            { segment, ids: s.ids[g]!, from, to },
            { rank, all, idf, weight, exactIncrement, average },
            s.scratch(),
            touchedCount,
          );
        }
      }
    }
    return this.#collect(touchedCount, all ? order.length : 1);
  }

  /** Moves the touched texts that matched enough terms to the candidate arrays, and clears the accumulators. */
  #collect(touchedCount: number, needed: number): number {
    const { score, matched, exact, stamp, touched, candidates, candidateScore, exactCount } =
      this.#state.scratch();
    let found = 0;
    for (let i = 0; i < touchedCount; i++) {
      const id = touched[i]!;
      const quality = matched[id]!;
      if (quality >= needed) {
        candidates[found] = id;
        candidateScore[found] = score[id]! * quality;
        exactCount[found] = exact[id]!;
        found++;
      }
      score[id] = 0;
      matched[id] = 0;
      exact[id] = 0;
      stamp[id] = -1;
    }
    return found;
  }

  #contains(id: number, sequence: Int32Array): boolean {
    const s = this.#state;
    return s.segments[s.segmentOf(id)]!.containsSequence(s.localOf(id), sequence);
  }

  /** What a query term expands to in each pass: exact, plus a prefix's longer forms, plus typos. */
  #expandAll(query: ParsedQuery, pass: number): Derived[][] {
    const last = query.terms.length - 1;
    return query.terms.map((term, i) =>
      this.#expand(term, {
        prefix: query.prefixLast && i === last && term.length >= 3,
        typos: pass === FUZZY ? fuzziness(term) : 0,
      }),
    );
  }

  /**
   * Derived terms in a fixed order (exact, then longer forms, then typos, each
   * alphabetical), so scores add up identically however the vocabulary grew.
   */
  #expand(term: string, options: { prefix: boolean; typos: number }): Derived[] {
    const vocabulary = this.#state.vocabulary;
    const live = (id: number) => (this.#state.documentFrequency[id] ?? 0) > 0;
    const derived: Derived[] = [];
    const exact = vocabulary.id(term);
    if (exact !== undefined && vocabulary.isSearchable(exact) && live(exact)) {
      derived.push({ id: exact, term, weight: 1, exact: true, typo: false });
    }
    const longer = options.prefix ? vocabulary.withPrefix(term).filter((t) => live(t.id)) : [];
    for (const t of longer.sort(byTerm)) {
      derived.push({
        id: t.id,
        term: t.term,
        weight: prefixWeight(t.term, t.distance),
        exact: false,
        typo: false,
      });
    }
    if (options.typos > 0) {
      const taken = new Set(longer.map((t) => t.term));
      const near = this.#typoVariants(term, options.typos).filter((t) => !taken.has(t.term));
      for (const t of near.sort(byTerm)) {
        derived.push({
          id: t.id,
          term: t.term,
          weight: fuzzyWeight(t.term, t.distance),
          exact: false,
          typo: true,
        });
      }
    }
    return derived;
  }

  /**
   * Spellings within one edit, or two (when the word is long enough) for a
   * word no text holds and that one edit does not explain; two edits only
   * among words with the same first letter (see `Vocabulary.nearSameStart`).
   * A word the corpus knows is taken as meant: one edit still finds its other
   * forms ("election" for "elections"), but a two-edit lookup costs ten times
   * more and for a real word mostly adds noise.
   */
  #typoVariants(term: string, maxDistance: number): NearTerm[] {
    const cache = this.#state.typoCache;
    const key = `${maxDistance}:${term}`;
    let variants = cache.get(key);
    if (!variants) {
      variants = this.#lookUpTypoVariants(term, maxDistance);
      if (cache.size >= TYPO_CACHE_SIZE) cache.clear();
      cache.set(key, variants);
    }
    return variants;
  }

  #lookUpTypoVariants(term: string, maxDistance: number): NearTerm[] {
    const live = (t: NearTerm) => (this.#state.documentFrequency[t.id] ?? 0) > 0;
    const oneEdit = this.#state.vocabulary.near(term, 1).filter(live);
    if (oneEdit.length || maxDistance < 2 || this.#isKnown(term)) return oneEdit;
    return this.#state.vocabulary.nearSameStart(term, 2).filter(live);
  }

  #isKnown(term: string): boolean {
    const id = this.#state.vocabulary.id(term);
    return id !== undefined && (this.#state.documentFrequency[id] ?? 0) > 0;
  }

  #cost(derived: Derived[]): number {
    let cost = 0;
    for (const t of derived) cost += this.#state.documentFrequency[t.id]!;
    return cost;
  }

  /** The derived terms text `id` holds, in query order: what answers highlight. */
  #matchedTerms(id: number, expansions: Derived[][]): string[] {
    const { segment, local } = this.#state.locate(id)!;
    const { tokens } = segment;
    const from = segment.tokenStart[local]!;
    const to = segment.tokenStart[local + 1]!;
    const terms: string[] = [];
    // A text has tens of words and a query a few derived terms: scanning beats building a set.
    for (const derived of expansions) {
      for (const t of derived) {
        if (terms.includes(t.term)) continue;
        for (let i = from; i < to; i++) {
          if (tokens[i] === t.id) {
            terms.push(t.term);
            break;
          }
        }
      }
    }
    return terms;
  }

  /** The term ids of a term sequence, or null when a term is unknown (it cannot occur). */
  #termIds(terms: readonly string[]): Int32Array | null {
    const ids = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const id = this.#state.vocabulary.id(terms[i]!);
      if (id === undefined) return null;
      ids[i] = id;
    }
    return ids;
  }
}

/** One posting list of one segment: which part of it a term covers. */
interface PostingSlice {
  segment: IndexSegment;
  ids: Int32Array;
  from: number;
  to: number;
}

/** What adding one derived term's postings needs to know of it and of the pass. */
interface TermPass {
  /** The query term's position in the cheapest-first order. */
  rank: number;
  /** Every query term must match (a text that missed an earlier one is skipped). */
  all: boolean;
  idf: number;
  weight: number;
  /** 1 when the derived term is the query term as typed. */
  exactIncrement: number;
  average: number;
}

/**
 * Adds one posting list to the accumulators; returns the new count of touched
 * texts. The hottest loop of a search, on its own so V8 optimises it as a
 * whole (inside a larger method it ran unoptimised long enough to box each
 * score it added: garbage, and collector pauses).
 */
function addPostings(slice: PostingSlice, term: TermPass, scratch: Scratch, touchedCount: number): number {
  const { score, matched, exact, stamp, touched } = scratch;
  const { postingText, postingFreq, fieldLength } = slice.segment;
  const { ids, to } = slice;
  const { rank, all, idf, weight, exactIncrement, average } = term;
  let count = touchedCount;
  for (let p = slice.from; p < to; p++) {
    const local = postingText[p]!;
    const id = ids[local]!;
    if (id < 0) continue;
    if (stamp[id] !== rank) {
      if (all && matched[id] !== rank) continue;
      if (matched[id] === 0) touched[count++] = id;
      matched[id]!++;
      stamp[id] = rank;
    }
    exact[id]! += exactIncrement;
    score[id]! += weight * termScore(idf, postingFreq[p]!, fieldLength[local]!, average);
  }
  return count;
}

function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** MiniSearch's `calcBM25Score`, with the inverse document frequency computed once per term. */
function termScore(idf: number, termFrequency: number, fieldLength: number, averageLength: number): number {
  const { k, b, d } = BM25;
  return (
    idf * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageLength)))
  );
}

function byTerm(a: NearTerm, b: NearTerm): number {
  return a.term < b.term ? -1 : a.term > b.term ? 1 : 0;
}

function buildState(items: IndexedText[]): IndexState {
  const vocabulary = new Vocabulary();
  const segment = buildSegment(items, vocabulary);
  return new IndexState(vocabulary, [segment], [Int32Array.from(items, (t) => t.id)]);
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
