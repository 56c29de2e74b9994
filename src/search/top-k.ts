/**
 * The best `k` of a stream of candidates, without sorting the stream: a
 * binary heap whose root is the worst candidate kept, so each offer costs
 * O(log k) and a candidate worse than all k kept costs one comparison.
 *
 * The heap lives in three parallel arrays of numbers (plain arrays, which V8
 * keeps unboxed and on its heap: typed arrays this small would each be an
 * ArrayBuffer for the collector to sweep). A search offers thousands of
 * candidates, and an object per offer would be garbage to pause on.
 */

interface Ranked {
  id: number;
  score: number;
  /** Holds the whole query as a phrase: ranks above any scattered match. */
  phrase: boolean;
}

/** Negative when `a` ranks before `b`: phrase first, then score, then id (document order). */
function compareRanked(a: Ranked, b: Ranked): number {
  return Number(b.phrase) - Number(a.phrase) || b.score - a.score || a.id - b.id;
}

/** `compareRanked` on loose fields. */
function compare(aPhrase: number, aScore: number, aId: number, bPhrase: number, bScore: number, bId: number) {
  return bPhrase - aPhrase || bScore - aScore || aId - bId;
}

export class TopK {
  readonly #k: number;
  readonly #ids: number[] = [];
  readonly #scores: number[] = [];
  readonly #phrases: number[] = [];
  #size = 0;

  constructor(k: number) {
    this.#k = Math.max(0, k);
  }

  /** True when a candidate ranked so would be kept: cheap to ask before working out the rest of it. */
  accepts(id: number, score: number, phrase: boolean): boolean {
    if (this.#size < this.#k) return true;
    if (this.#k === 0) return false;
    return compare(this.#phrases[0]!, this.#scores[0]!, this.#ids[0]!, Number(phrase), score, id) > 0;
  }

  /**
   * The score a candidate that is not a phrase must reach to be considered:
   * -Infinity while there is room, +Infinity once every kept one is a phrase.
   * Lets a scan reject most candidates with one comparison of numbers it
   * already holds.
   */
  floor(): number {
    if (this.#size < this.#k) return Number.NEGATIVE_INFINITY;
    if (this.#k === 0 || this.#phrases[0] === 1) return Number.POSITIVE_INFINITY;
    return this.#scores[0]!;
  }

  offer(id: number, score: number, phrase: boolean): void {
    if (!this.accepts(id, score, phrase)) return;
    if (this.#size < this.#k) {
      this.#set(this.#size, id, score, Number(phrase));
      this.#siftUp(this.#size++);
    } else {
      this.#set(0, id, score, Number(phrase));
      this.#siftDown(0);
    }
  }

  /** The kept candidates, best first. */
  sorted(): Ranked[] {
    const out: Ranked[] = [];
    for (let i = 0; i < this.#size; i++) {
      out.push({ id: this.#ids[i]!, score: this.#scores[i]!, phrase: this.#phrases[i] === 1 });
    }
    return out.sort(compareRanked);
  }

  #set(i: number, id: number, score: number, phrase: number): void {
    this.#ids[i] = id;
    this.#scores[i] = score;
    this.#phrases[i] = phrase;
  }

  /** Candidate `i` ranks after candidate `j`: the heap keeps the worst kept at the root. */
  #worse(i: number, j: number): boolean {
    const p = this.#phrases;
    const s = this.#scores;
    const d = this.#ids;
    return compare(p[i]!, s[i]!, d[i]!, p[j]!, s[j]!, d[j]!) > 0;
  }

  #swap(i: number, j: number): void {
    const id = this.#ids[i]!;
    const score = this.#scores[i]!;
    const phrase = this.#phrases[i]!;
    this.#set(i, this.#ids[j]!, this.#scores[j]!, this.#phrases[j]!);
    this.#set(j, id, score, phrase);
  }

  #siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#worse(i, parent)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #siftDown(i: number): void {
    const n = this.#size;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.#worse(left, worst)) worst = left;
      if (right < n && this.#worse(right, worst)) worst = right;
      if (worst === i) return;
      this.#swap(i, worst);
      i = worst;
    }
  }
}
