/**
 * The best `k` of a stream of candidates, without sorting the stream: a
 * binary heap whose root is the worst candidate kept, so each offer costs
 * O(log k) and a candidate worse than all k kept costs one comparison.
 */

export interface Ranked {
  id: number;
  score: number;
  /** Holds the whole query as a phrase: ranks above any scattered match. */
  phrase: boolean;
}

/** Negative when `a` ranks before `b`: phrase first, then score, then id (document order). */
export function compareRanked(a: Ranked, b: Ranked): number {
  return Number(b.phrase) - Number(a.phrase) || b.score - a.score || a.id - b.id;
}

export class TopK<T extends Ranked> {
  readonly #k: number;
  readonly #heap: T[] = [];

  constructor(k: number) {
    this.#k = k;
  }

  get size(): number {
    return this.#heap.length;
  }

  /** True when a candidate ranked so would be kept: cheap to ask before building it. */
  accepts(id: number, score: number, phrase: boolean): boolean {
    if (this.#heap.length < this.#k) return true;
    if (this.#k <= 0) return false;
    const worst = this.#heap[0]!;
    return (Number(worst.phrase) - Number(phrase) || worst.score - score || id - worst.id) < 0;
  }

  offer(candidate: T): void {
    if (!this.accepts(candidate.id, candidate.score, candidate.phrase)) return;
    if (this.#heap.length < this.#k) {
      this.#heap.push(candidate);
      this.#siftUp(this.#heap.length - 1);
    } else {
      this.#heap[0] = candidate;
      this.#siftDown(0);
    }
  }

  /** The kept candidates, best first. */
  sorted(): T[] {
    return [...this.#heap].sort(compareRanked);
  }

  /** The heap keeps the worst kept candidate at the root. */
  #worse(i: number, j: number): boolean {
    return compareRanked(this.#heap[i]!, this.#heap[j]!) > 0;
  }

  #swap(i: number, j: number): void {
    const heap = this.#heap;
    [heap[i], heap[j]] = [heap[j]!, heap[i]!];
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
    const n = this.#heap.length;
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
