/**
 * Query execution over one index state: MiniSearch's ranking, executed top-k.
 *
 * A search is a plan of passes, cheapest and strictest first: all terms
 * exactly (with prefix matching on a last word still being typed), then all
 * terms with typo tolerance, then any term. Later passes run only while
 * earlier ones found fewer results than asked for, so typos cost only where
 * they help.
 *
 * Each pass expands the query's terms (prefix forms and typo variants from
 * the vocabulary's radix tree), scores term at a time into per-text
 * accumulators, rarest term first, and keeps only the best results in a heap
 * (`top-k.ts`). Quoted phrases must occur, and texts holding the whole query
 * as a phrase rank above scattered terms, both checked on token ids, never by
 * re-reading text.
 *
 * The hot loops (`addPostings`, `selectTop`) are standalone functions over
 * numbers and typed arrays on purpose: see their comments.
 */
import type { IndexState, Scratch } from './index-state.ts';
import type { ParsedQuery } from './query.ts';
import { fuzzyWeight, inverseDocumentFrequency, prefixWeight, termScore } from './scoring.ts';
import type { IndexSegment } from './segment.ts';
import type { SearchOptions, TextHit } from './text-index.ts';
import { TopK } from './top-k.ts';
import type { NearTerm } from './vocabulary.ts';

/** Typo lookups an index state remembers (see `IndexState.typoCache`). */
const TYPO_CACHE_SIZE = 4096;

const EXACT = 0;
const FUZZY = 1;
const ANY = 2;

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
 * The best `options.limit` texts of `state` for `query`, pass by pass (see
 * the header). `bestPassOnly` is `options.bestPassOnly` resolved against the
 * index's defaults.
 */
export function search(
  state: IndexState,
  query: ParsedQuery,
  options: SearchOptions,
  bestPassOnly: boolean | undefined,
): TextHit[] {
  if (query.terms.length === 0 || options.limit <= 0 || state.count === 0) return [];
  const phrases = query.phrases.map((p) => termIds(state, p));
  // A quoted phrase with a word no text holds cannot occur anywhere.
  if (phrases.some((p) => p === null)) return [];
  const context: PassContext = {
    limit: options.limit,
    seen: new Set(),
    filter: options.filter,
    phrases: phrases as Int32Array[],
    sequence: query.sequence.length > 1 ? termIds(state, query.sequence) : null,
  };
  const hits: TextHit[] = [];
  const passes = query.phrases.length ? [EXACT] : [EXACT, FUZZY, ANY];
  for (const pass of passes) {
    if (hits.length >= options.limit || (bestPassOnly && hits.length > 0)) break;
    // With a single term, "any term" is the same as "all terms".
    if (pass === ANY && query.terms.length === 1) break;
    context.limit = options.limit - hits.length;
    for (const hit of runPass(state, query, pass, context)) {
      context.seen.add(hit.id);
      hits.push(hit);
    }
  }
  return hits;
}

function runPass(state: IndexState, query: ParsedQuery, pass: number, context: PassContext): TextHit[] {
  const expansions = expandAll(state, query, pass);
  const all = pass !== ANY;
  if (all && expansions.some((e) => e.length === 0)) return [];
  // Without a single typo variant, the typo pass would find what the exact pass found.
  if (pass === FUZZY && !expansions.some((e) => e.some((t) => t.typo))) return [];
  const found = accumulate(state, expansions, all);
  // A text holding the whole query holds all its terms exactly, so the exact
  // pass found it already: in later passes, nothing is a phrase.
  const sequence = pass === EXACT ? context.sequence : null;
  const top = selectTop(state, found, query.terms.length, sequence, context);
  // Field by field, not `{ ...r }`: V8 allocated the spread copies straight
  // into the old generation (10 KB a search of long-lived garbage, measured),
  // so the heap grew until full collections paused queries for milliseconds.
  return top.sorted().map((r) => ({
    id: r.id,
    score: r.score,
    phrase: r.phrase,
    terms: matchedTerms(state, r.id, expansions),
    pass,
  }));
}

/**
 * The best `context.limit` of the candidates `accumulate` left. Its own
 * function, with numbers and typed arrays in its hot loop, so V8 compiles it
 * whole: run inside a bigger method, the loop ran unoptimised often enough
 * to box every score it read (tens of KB of garbage a query).
 */
function selectTop(
  state: IndexState,
  found: number,
  everyTerm: number,
  sequence: Int32Array | null,
  context: PassContext,
): TopK {
  const { candidates, candidateScore, exactCount } = state.scratch();
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
    if (phrases.length && !containsAll(state, id, phrases)) continue;
    top.offer(id, score, mayBePhrase && contains(state, id, sequence!));
    floor = top.floor();
  }
  return top;
}

function containsAll(state: IndexState, id: number, sequences: Int32Array[]): boolean {
  for (const sequence of sequences) if (!contains(state, id, sequence)) return false;
  return true;
}

function contains(state: IndexState, id: number, sequence: Int32Array): boolean {
  return state.segments[state.segmentOf(id)]!.containsSequence(state.localOf(id), sequence);
}

/**
 * Term-at-a-time scoring into per-text accumulators, cheapest query term
 * first. For "all terms", a text stays a candidate only while it has matched
 * every term so far. Leaves the surviving texts in the scratch candidate
 * arrays, with their MiniSearch score (summed BM25 times the number of query
 * terms matched) and how many query terms they hold exactly as typed.
 */
function accumulate(state: IndexState, expansions: Derived[][], all: boolean): number {
  const order = expansions
    .map((derived, i) => ({ derived, i, cost: cost(state, derived) }))
    .filter((e) => e.derived.length > 0)
    .sort((a, b) => a.cost - b.cost || a.i - b.i);
  const average = state.averageLength;
  let touchedCount = 0;
  for (let rank = 0; rank < order.length; rank++) {
    for (const term of order[rank]!.derived) {
      const idf = inverseDocumentFrequency(state.documentFrequency[term.id]!, state.count);
      const { weight } = term;
      const exactIncrement = term.exact ? 1 : 0;
      for (let g = 0; g < state.segments.length; g++) {
        const segment = state.segments[g]!;
        const [from, to] = segment.postingRange(term.id);
        if (from === to) continue;
        touchedCount = addPostings(
          { segment, ids: state.ids[g]!, from, to },
          { rank, all, idf, weight, exactIncrement, average },
          state.scratch(),
          touchedCount,
        );
      }
    }
  }
  return collect(state.scratch(), touchedCount, all ? order.length : 1);
}

/** Moves the touched texts that matched enough terms to the candidate arrays, and clears the accumulators. */
function collect(scratch: Scratch, touchedCount: number, needed: number): number {
  const { score, matched, exact, stamp, touched, candidates, candidateScore, exactCount } = scratch;
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

/** What a query term expands to in each pass: exact, plus a prefix's longer forms, plus typos. */
function expandAll(state: IndexState, query: ParsedQuery, pass: number): Derived[][] {
  const last = query.terms.length - 1;
  return query.terms.map((term, i) =>
    expand(state, term, {
      prefix: query.prefixLast && i === last && term.length >= 3,
      typos: pass === FUZZY ? fuzziness(term) : 0,
    }),
  );
}

/**
 * Derived terms in a fixed order (exact, then longer forms, then typos, each
 * alphabetical), so scores add up identically however the vocabulary grew.
 */
function expand(state: IndexState, term: string, options: { prefix: boolean; typos: number }): Derived[] {
  const vocabulary = state.vocabulary;
  const live = (id: number) => (state.documentFrequency[id] ?? 0) > 0;
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
    const near = typoVariants(state, term, options.typos).filter((t) => !taken.has(t.term));
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
function typoVariants(state: IndexState, term: string, maxDistance: number): NearTerm[] {
  const cache = state.typoCache;
  const key = `${maxDistance}:${term}`;
  let variants = cache.get(key);
  if (!variants) {
    variants = lookUpTypoVariants(state, term, maxDistance);
    if (cache.size >= TYPO_CACHE_SIZE) cache.clear();
    cache.set(key, variants);
  }
  return variants;
}

function lookUpTypoVariants(state: IndexState, term: string, maxDistance: number): NearTerm[] {
  const live = (t: NearTerm) => (state.documentFrequency[t.id] ?? 0) > 0;
  const oneEdit = state.vocabulary.near(term, 1).filter(live);
  if (oneEdit.length || maxDistance < 2 || isKnown(state, term)) return oneEdit;
  return state.vocabulary.nearSameStart(term, 2).filter(live);
}

function isKnown(state: IndexState, term: string): boolean {
  const id = state.vocabulary.id(term);
  return id !== undefined && (state.documentFrequency[id] ?? 0) > 0;
}

/** Postings (over live texts) that scoring a query term's derived terms reads: orders terms cheapest first. */
function cost(state: IndexState, derived: Derived[]): number {
  let total = 0;
  for (const t of derived) total += state.documentFrequency[t.id]!;
  return total;
}

function byTerm(a: NearTerm, b: NearTerm): number {
  return a.term < b.term ? -1 : a.term > b.term ? 1 : 0;
}

/** The derived terms text `id` holds, in query order: what answers highlight. */
function matchedTerms(state: IndexState, id: number, expansions: Derived[][]): string[] {
  const { segment, local } = state.locate(id)!;
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
function termIds(state: IndexState, terms: readonly string[]): Int32Array | null {
  const ids = new Int32Array(terms.length);
  for (let i = 0; i < terms.length; i++) {
    const id = state.vocabulary.id(terms[i]!);
    if (id === undefined) return null;
    ids[i] = id;
  }
  return ids;
}
