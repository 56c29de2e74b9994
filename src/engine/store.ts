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
import { countsOf, diffCorpora } from './diff.ts';

export type CorpusBuilder = () => Promise<Corpus>;

export class CorpusStore {
  #current: Corpus;
  #lastReload: ReloadReport | null = null;
  #running: Promise<ReloadReport> | null = null;
  #queued: Promise<ReloadReport> | null = null;
  readonly #build: CorpusBuilder;

  private constructor(initial: Corpus, build: CorpusBuilder) {
    this.#current = initial;
    this.#build = build;
  }

  /** Builds the first corpus; throws if it cannot be built (nothing to serve). */
  static async open(build: CorpusBuilder): Promise<CorpusStore> {
    return new CorpusStore(await build(), build);
  }

  get current(): Corpus {
    return this.#current;
  }

  get lastReload(): ReloadReport | null {
    return this.#lastReload;
  }

  reload(): Promise<ReloadReport> {
    if (!this.#running) {
      this.#running = this.#reloadOnce().finally(() => {
        this.#running = null;
      });
      return this.#running;
    }
    this.#queued ??= this.#running.then(() => {
      this.#queued = null;
      return this.reload();
    });
    return this.#queued;
  }

  async #reloadOnce(): Promise<ReloadReport> {
    const startedAt = new Date();
    const before = this.#current;
    let report: ReloadReport;
    try {
      const next = await this.#build();
      this.#current = next; // the swap: one assignment
      report = { ok: true, ...diffCorpora(before, next), ...timing(startedAt) };
    } catch (error) {
      const counts = countsOf(before);
      report = {
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
    this.#lastReload = report;
    return report;
  }
}

function timing(startedAt: Date): { startedAt: string; ms: number } {
  return { startedAt: startedAt.toISOString(), ms: Date.now() - startedAt.getTime() };
}
