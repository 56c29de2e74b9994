/**
 * A MiniSearch index over short texts (sentences or statements), with what
 * MiniSearch lacks for this product wrapped around it:
 *
 * - phrases: quoted phrases are verified against the text, and results that
 *   contain the whole query as a phrase rank above scattered terms;
 * - a plan of passes, cheapest and strictest first: all terms exactly (with
 *   prefix matching on a last word still being typed), then all terms with
 *   typo tolerance, then any term. Later passes run only while earlier ones
 *   found fewer results than asked for, so fuzzy matching is used only where
 *   it helps.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { ParsedQuery } from './query.ts';
import { findPhrase, STOP_WORDS, tokenize } from './tokenize.ts';

export interface IndexedText {
  /** Position in the caller's array. */
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
}

const CANDIDATES_PER_PASS = 2000;

const indexTokens = (text: string) => tokenize(text).map((t) => t.term);
const dropStopWords = (term: string) => (STOP_WORDS.has(term) ? null : term);

/** Edits allowed per term: none for short words, two from six letters (a swap is two edits). */
function fuzziness(term: string): number {
  if (term.length >= 6) return 2;
  return term.length >= 4 ? 1 : 0;
}

export class TextIndex {
  readonly #search: MiniSearch<IndexedText>;
  readonly #texts: (id: number) => string;

  constructor(items: Iterable<IndexedText>, texts: (id: number) => string) {
    this.#texts = texts;
    this.#search = new MiniSearch<IndexedText>({
      fields: ['text'],
      storeFields: [],
      tokenize: indexTokens,
      processTerm: dropStopWords,
      searchOptions: { tokenize: indexTokens, processTerm: dropStopWords },
    });
    this.#search.addAll([...items]);
  }

  get size(): number {
    return this.#search.documentCount;
  }

  search(query: ParsedQuery, options: SearchOptions): TextHit[] {
    if (query.terms.length === 0) return [];
    const seen = new Set<number>();
    const hits: TextHit[] = [];
    const passes = query.phrases.length ? [0] : [0, 1, 2];
    for (const pass of passes) {
      if (hits.length >= options.limit) break;
      // With a single term, "any term" is the same as "all terms".
      if (pass === 2 && query.terms.length === 1) break;
      // MiniSearch scores every match; phrase checks tokenize the text, so only the
      // best-scored candidates of each pass are looked at.
      const candidates = this.#run(query, pass).slice(0, Math.max(CANDIDATES_PER_PASS, options.limit * 20));
      for (const r of candidates) {
        if (seen.has(r.id) || (options.filter && !options.filter(r.id))) continue;
        const hit = this.#verify(query, r, pass);
        if (hit) {
          seen.add(r.id);
          hits.push(hit);
        }
      }
    }
    return hits.sort(byRank).slice(0, options.limit);
  }

  #run(query: ParsedQuery, pass: number): SearchResult[] {
    const last = query.terms.length - 1;
    return this.#search.search(query.terms.join(' '), {
      combineWith: pass === 2 ? 'OR' : 'AND',
      prefix: (term, i) => query.prefixLast && i === last && term.length >= 3,
      fuzzy: pass === 1 ? (term) => fuzziness(term) : false,
    });
  }

  /** Checks quoted phrases against the text and notes whole-query phrase matches. */
  #verify(query: ParsedQuery, r: SearchResult, pass: number): TextHit | null {
    const tokens = tokenize(this.#texts(r.id));
    for (const phrase of query.phrases) if (findPhrase(tokens, phrase).length === 0) return null;
    const phrase = query.sequence.length > 1 && findPhrase(tokens, query.sequence).length > 0;
    return { id: r.id, score: r.score, terms: r.terms, phrase, pass };
  }
}

function byRank(a: TextHit, b: TextHit): number {
  return a.pass - b.pass || Number(b.phrase) - Number(a.phrase) || b.score - a.score || a.id - b.id;
}

/** Character ranges to emphasise in `text`: quoted phrases and matched terms. */
export function highlightRanges(text: string, query: ParsedQuery, matched: string[]): [number, number][] {
  const tokens = tokenize(text);
  const ranges: [number, number][] = [];
  for (const phrase of query.phrases) ranges.push(...findPhrase(tokens, phrase));
  const wanted = new Set(matched);
  for (const t of tokens) if (wanted.has(t.term)) ranges.push([t.start, t.end]);
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
