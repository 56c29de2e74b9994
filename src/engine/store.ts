/**
 * The corpus store: serves one fully built corpus and swaps in a new one
 * atomically. A reload builds the new corpus off to the side; readers keep
 * the old one until the single assignment that replaces it, so there is never
 * an empty or half-built index. A failed reload changes nothing.
 *
 * Reloads are serialised: a reload asked for while one runs is queued behind
 * it (several such requests share one follow-up run, which reads the files
 * as they are by then), so two reloads never race.
 */
import type { ReloadReport } from '../answers/types.ts';
import type { Corpus } from './corpus.ts';
import { type CorpusDiff, type CorpusSummary, countsOf, diffCorpora } from './diff.ts';
import { SerialRunner } from './serial.ts';

/** Builds the next corpus; it gets the one being served, to reuse what did not change. */
export type CorpusBuilder = (current: Corpus | null) => Promise<Corpus>;

export class CorpusStore {
  #current: Corpus;
  #lastReload: ReloadReport | null = null;
  readonly #reloads = new SerialRunner<ReloadReport>();
  readonly #build: CorpusBuilder;

  private constructor(initial: Corpus, build: CorpusBuilder) {
    this.#current = initial;
    this.#build = build;
  }

  /** Builds the first corpus; throws if it cannot be built (nothing to serve). */
  static async open(build: CorpusBuilder): Promise<CorpusStore> {
    return new CorpusStore(await build(null), build);
  }

  get current(): Corpus {
    return this.#current;
  }

  get lastReload(): ReloadReport | null {
    return this.#lastReload;
  }

  /**
   * Builds and swaps in a new corpus. `build` overrides the store's builder
   * for this run only (a caller that has already scanned the files, say).
   */
  reload(build: CorpusBuilder = this.#build): Promise<ReloadReport> {
    return this.#reloads.run(() => this.#reloadOnce(build));
  }

  /** Sets what `lastReload` reports, for a reload that was carried out elsewhere (another thread). */
  recordReload(report: ReloadReport): void {
    this.#lastReload = report;
  }

  async #reloadOnce(build: CorpusBuilder): Promise<ReloadReport> {
    const startedAt = new Date();
    const before = this.#current;
    let report: ReloadReport;
    try {
      const next = await build(before);
      this.#current = next; // the swap: one assignment
      report = succeededReload(before, next, startedAt);
    } catch (error) {
      report = failedReload(before, error, startedAt);
    }
    this.#lastReload = report;
    return report;
  }
}

/** The report of a reload that swapped `after` in for `before`. */
export function succeededReload(before: CorpusSummary, after: CorpusSummary, startedAt: Date): ReloadReport {
  return reloadReport(diffCorpora(before, after), startedAt);
}

/** The report of a reload that succeeded with this difference (worked out where the corpus is). */
export function reloadReport(diff: CorpusDiff, startedAt: Date): ReloadReport {
  return { ok: true, ...diff, ...timing(startedAt) };
}

/** The report of a reload that failed: `before` keeps serving, and the error says why. */
export function failedReload(before: CorpusSummary, error: unknown, startedAt: Date): ReloadReport {
  const counts = countsOf(before);
  return {
    ok: false,
    error: error instanceof Error ? error.message : String(error),
    added: [],
    removed: [],
    changed: [],
    skipped: [],
    before: counts,
    after: counts,
    ...timing(startedAt),
  };
}

function timing(startedAt: Date): { startedAt: string; ms: number } {
  return { startedAt: startedAt.toISOString(), ms: Date.now() - startedAt.getTime() };
}
