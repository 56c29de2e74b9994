/**
 * The terms an index knows, numbered in order of first sight, with
 * MiniSearch's radix tree (`SearchableMap`, the structure MiniSearch itself
 * keeps its terms in) for what a term dictionary must answer fast: which
 * terms start with a prefix, and which are a typo or two away.
 *
 * Append-only: an incremental reload adds terms and never renumbers, so the
 * index versions that share a vocabulary keep meaning the same by each id.
 * A term no live text holds anymore simply has a document frequency of 0.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { STOP_WORDS } from './tokenize.ts';

/** A term found by a prefix or typo lookup, and how far it is from what was typed. */
export interface NearTerm {
  id: number;
  term: string;
  distance: number;
}

export class Vocabulary {
  readonly #terms: string[] = [];
  readonly #ids = new Map<string, number>();
  /** Searchable terms only: stop words are never a prefix or typo expansion, as in MiniSearch. */
  /**
   * Made on first use for a vocabulary read from a snapshot (see `from`):
   * until then, null. Built in id order either way, so it is the same tree.
   */
  #tree: SearchableMap<number> | null = new SearchableMap<number>();
  #searchable = new Uint8Array(1024);

  /**
   * A vocabulary holding `terms` with ids 0, 1, 2…: the inverse of `terms()`.
   * Its radix tree is left for the first prefix or typo lookup (or `prepare`):
   * the costliest part of opening an index from a snapshot, and not needed
   * to start answering exact words.
   */
  static from(terms: Iterable<string>): Vocabulary {
    const vocabulary = new Vocabulary();
    vocabulary.#tree = null;
    for (const term of terms) vocabulary.intern(term);
    return vocabulary;
  }

  /** Builds the radix tree now if it is not yet (an engine does so once it serves). */
  prepare(): void {
    this.#treeReady();
  }

  #treeReady(): SearchableMap<number> {
    if (this.#tree) return this.#tree;
    const tree = new SearchableMap<number>();
    this.#terms.forEach((term, id) => {
      if (this.#searchable[id] === 1) tree.set(term, id);
    });
    this.#tree = tree;
    return tree;
  }

  get size(): number {
    return this.#terms.length;
  }

  /** All terms, in id order: what a snapshot stores. */
  terms(): readonly string[] {
    return this.#terms;
  }

  id(term: string): number | undefined {
    return this.#ids.get(term);
  }

  term(id: number): string {
    return this.#terms[id]!;
  }

  /** False for stop words: they are kept for phrases but never indexed nor searched. */
  isSearchable(id: number): boolean {
    return this.#searchable[id] === 1;
  }

  /** The id of `term`, adding it if it is new. */
  intern(term: string): number {
    let id = this.#ids.get(term);
    if (id !== undefined) return id;
    id = this.#terms.length;
    this.#terms.push(term);
    this.#ids.set(term, id);
    if (id >= this.#searchable.length) this.#growSearchable(id);
    if (!STOP_WORDS.has(term)) {
      this.#searchable[id] = 1;
      this.#tree?.set(term, id);
    }
    return id;
  }

  /** Searchable terms that start with `prefix`, the prefix itself excluded. */
  withPrefix(prefix: string): NearTerm[] {
    const found: NearTerm[] = [];
    for (const [term, id] of this.#treeReady().atPrefix(prefix)) {
      if (term !== prefix) found.push({ id, term, distance: term.length - prefix.length });
    }
    return found;
  }

  /** Searchable terms within `maxDistance` edits (Levenshtein) of `term`, the term itself excluded. */
  near(term: string, maxDistance: number): NearTerm[] {
    return nearIn(this.#treeReady(), '', term, maxDistance);
  }

  /**
   * `near`, among the terms that start with the same letter as `term`. A
   * two-edit search of the whole vocabulary visits most of the tree (half a
   * millisecond for 30,000 terms); starting from the first letter, a tenth of
   * that. Misspellings rarely get the first letter wrong.
   */
  nearSameStart(term: string, maxDistance: number): NearTerm[] {
    if (!term) return [];
    const first = term[0]!;
    return nearIn(this.#treeReady().atPrefix(first), first, term.slice(1), maxDistance);
  }

  #growSearchable(id: number): void {
    const grown = new Uint8Array(Math.max(id + 1, this.#searchable.length * 2));
    grown.set(this.#searchable);
    this.#searchable = grown;
  }
}

/** Terms of `tree` (keys relative to `prefix`) within `maxDistance` edits of `rest`, `prefix + rest` excluded. */
function nearIn(tree: SearchableMap<number>, prefix: string, rest: string, maxDistance: number): NearTerm[] {
  const found: NearTerm[] = [];
  for (const [other, [id, distance]] of tree.fuzzyGet(rest, maxDistance)) {
    if (distance > 0) found.push({ id, term: prefix + other, distance });
  }
  return found;
}
