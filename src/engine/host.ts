/**
 * The engine on one thread: it opens the corpus (from a snapshot when one
 * matches, updating the newest one when files changed, building from scratch
 * otherwise) and answers requests from it.
 *
 * It runs on the calling thread for the CLI and tests, and reloads in place
 * there. Inside a worker, for the bot (see `worker.ts` and
 * `worker-service.ts`), it never reloads: every reload is built by a fresh
 * worker that opens the newest snapshot and updates it, so that the worker
 * answering is never the one building.
 */

import type { Worker } from 'node:worker_threads';
import { answer, catalogOf } from '../answers/answer.ts';
import { type Catalog, type Request, RequestSchema } from '../answers/requests.ts';
import type { Answer, ReloadReport } from '../answers/types.ts';
import { linkInBackground } from '../claims/corpus.ts';
import { CorpusError } from '../corpus/load.ts';
import type { ExtractedStatement } from '../model.ts';
import { forgetTerms } from '../search/tokenize.ts';
import { type Corpus, type Extractor, finishCorpus, planCorpus } from './corpus.ts';
import { type CorpusSummary, type PackedSummary, packSummary } from './diff.ts';
import { type ExtractionItem, extractAll, helperCount, PARALLEL_FROM } from './extraction.ts';
import type { BuildProgress } from './progress.ts';
import { type CorpusScan, scanRecorded } from './scan.ts';
import { SnapshotStore } from './snapshot.ts';
import { CorpusStore } from './store.ts';
import { codeVersion } from './version.ts';

export interface EngineOptions {
  corpusDir: string;
  maxFileBytes: number;
  /** Where snapshots live; unset disables them. */
  snapshotDir?: string | undefined;
  /** The corpus's home country, for officials the text gives none (CORPUS_COUNTRY). */
  homeCountry?: string | null | undefined;
  extract: Extractor;
  /** Awaited before `extract` is first called on this thread (an engine worker loads it then). */
  beforeExtracting?: (() => Promise<void>) | undefined;
  /** Overrides the version snapshots are keyed by (tests). */
  codeVersion?: string | undefined;
  /** Starts a thread that extracts statements for a large build (see `extraction.ts`); none: extract here. */
  startHelper?: (() => Worker) | undefined;
  /** Names this engine's service in temporary snapshot folders (see `snapshot-files.ts`). */
  snapshotTag?: string | undefined;
  /** Documents per snapshot chunk (tests; see `snapshot.ts`). */
  snapshotChunk?: number | undefined;
  /** Told of problems that do not stop the engine (a snapshot that could not be written). */
  warn?: ((message: string) => void) | undefined;
  /** Told how a build's extraction is going (files done of total), for the logs. */
  progress?: ((progress: BuildProgress) => void) | undefined;
  /**
   * Told when the corpus is built rather than opened from a snapshot, before
   * extraction starts: how many files are extracted, and whether from nothing
   * (`previous` false) or as an update of an earlier corpus (the CLI says so).
   */
  building?: ((build: { files: number; previous: boolean }) => void) | undefined;
  /**
   * Extracts a reload's new documents on another thread (see `reloadInPlace`):
   * set on an engine worker, whose answers must not wait for extraction.
   */
  extractAside?: ((items: readonly ExtractionItem[]) => Promise<ExtractedStatement[][]>) | undefined;
}

/** A change small enough to be applied in place by the engine serving (see `reloadInPlace`). */
export interface InPlaceLimits {
  /** Files new or changed. */
  files: number;
  /** Their bytes, all together: parsing them is done on the serving thread. */
  bytes: number;
  /**
   * Documents served now (default: any number). Part of a reload applied in
   * place costs in proportion to the whole corpus (speaker identities, the
   * corpus's lists), and answers wait for it: past this size the reload is
   * built on a fresh worker, which holds no answer.
   */
  documents?: number;
}

/** How the first corpus was obtained: for logs and the benchmark. */
export type OpenedFrom = 'snapshot' | 'updated snapshot' | 'built';

export interface OpenOptions {
  /** Ignore snapshots and build everything from the files (they are still written). */
  rebuild?: boolean;
  /** Open only from a snapshot of exactly these files; fail rather than build. */
  snapshotOnly?: boolean;
  /**
   * Open this snapshot, whatever the files hold now; fail rather than build.
   * A worker that replaces one that died serves again the corpus it served.
   */
  snapshotKey?: string;
}

/** What the caller may already have done towards opening. */
export interface OpenHead {
  /** A scan of the corpus folder made just before (so the files need not be read twice). */
  scan?: CorpusScan;
}

export class EngineHost {
  readonly #options: EngineOptions;
  readonly #snapshots: SnapshotStore | null;
  #store!: CorpusStore;
  #catalog!: Catalog;
  #openedFrom: OpenedFrom = 'built';
  #pendingSave: Promise<void> = Promise.resolve();
  /** The snapshot key of each corpus built or opened (its files, this code version). */
  readonly #keys = new WeakMap<Corpus, string>();

  private constructor(options: EngineOptions, snapshots: SnapshotStore | null) {
    this.#options = options;
    this.#snapshots = snapshots;
  }

  /** Opens the corpus; throws `CorpusError` when there is nothing to serve. */
  static async open(
    options: EngineOptions,
    openOptions: OpenOptions = {},
    head: OpenHead = {},
  ): Promise<EngineHost> {
    const version = options.codeVersion ?? (await codeVersion());
    const snapshots = options.snapshotDir
      ? new SnapshotStore(options.snapshotDir, options.corpusDir, version, {
          homeCountry: options.homeCountry,
          warn: options.warn,
          tag: options.snapshotTag,
          chunkDocuments: options.snapshotChunk,
        })
      : null;
    const abandoned = snapshots?.removeAbandoned() ?? [];
    if (abandoned.length) {
      options.warn?.(
        `removed ${abandoned.length} unfinished snapshot folder(s) left by a process stopped while writing`,
      );
    }
    const host = new EngineHost(options, snapshots);
    host.#store = await CorpusStore.open((current) =>
      current ? host.#update(current) : host.#openFirst(openOptions, head.scan),
    );
    host.#catalog = catalogOf(host.#store.current);
    linkInBackground(host.#store.current);
    return host;
  }

  /**
   * Makes what an index read from a snapshot leaves for its first search
   * (see `Vocabulary.from`): an engine worker calls it once it has said it is
   * ready, so that neither its start nor its first answers wait for it.
   */
  prepare(): void {
    this.#store.current.sentenceIndex.prepare();
    this.#store.current.statementIndex.prepare();
  }

  get corpus(): Corpus {
    return this.#store.current;
  }

  get openedFrom(): OpenedFrom {
    return this.#openedFrom;
  }

  /** The key of the snapshot of the corpus served (written or being written), or null without snapshots. */
  get snapshotKey(): string | null {
    return this.#keys.get(this.#store.current) ?? null;
  }

  ask(request: Request): Answer {
    return answer(this.#store.current, RequestSchema.parse(request), this.#store.lastReload);
  }

  catalog(): Catalog {
    return this.#catalog;
  }

  summary(): CorpusSummary {
    return this.#store.current;
  }

  /** The summary in the form that crosses threads cheaply. */
  packedSummary(): PackedSummary {
    return packSummary(this.#store.current);
  }

  /** Records a reload carried out elsewhere (a fresh worker that replaced another), for `/corpus`. */
  recordReload(report: ReloadReport): void {
    this.#store.recordReload(report);
  }

  /** Re-reads the files and swaps in the updated corpus. */
  async reload(): Promise<ReloadReport> {
    const report = await this.#store.reload();
    if (report.ok) {
      this.#catalog = catalogOf(this.#store.current);
      linkInBackground(this.#store.current);
    }
    return report;
  }

  /**
   * Re-reads the files and swaps in the updated corpus, here, when the change
   * is within `limits` (new and changed files, by count and bytes); else
   * changes nothing and resolves with null, for the caller to build the new
   * corpus elsewhere (a fresh worker). Only the changed files are parsed
   * here; their statements are extracted aside (`extractAside`), and the
   * indexes are updated rather than rebuilt, so the cost follows the change.
   */
  async reloadInPlace(limits: InPlaceLimits): Promise<ReloadReport | null> {
    if (this.#store.current.documents.length > (limits.documents ?? Number.POSITIVE_INFINITY)) return null;
    let scan: CorpusScan;
    try {
      // Blocking: one file-system call after another is several times faster than as many
      // round trips through libuv's threads (×10, 22,000 files: ~0.8 s of a reload), and a
      // reload applied here holds answers for its build anyway.
      scan = await this.#scan(true);
    } catch (error) {
      return this.#store.reload(() => Promise.reject(error));
    }
    const current = this.#store.current;
    const known = new Map(current.documents.map((d) => [d.file, d.hash]));
    let files = 0;
    let bytes = 0;
    for (const f of scan.files) {
      if (known.get(f.file) === f.hash) continue;
      files++;
      bytes += f.stamp?.size ?? f.bytes.byteLength;
    }
    if (files > limits.files || bytes > limits.bytes) return null;
    const report = await this.#store.reload(async (previous) => {
      const corpus = await this.#build(previous, scan, true);
      const key = this.#snapshots?.keyOf(scan);
      if (key) this.#save(key, corpus);
      return corpus;
    });
    if (report.ok) {
      this.#catalog = catalogOf(this.#store.current);
      linkInBackground(this.#store.current);
    }
    return report;
  }

  /** Resolves once the latest snapshot is written (tests and the benchmark wait for it). */
  async flush(): Promise<void> {
    await this.#pendingSave;
  }

  async #openFirst(options: OpenOptions, scanned?: CorpusScan): Promise<Corpus> {
    if (options.snapshotKey) {
      const corpus = (await this.#snapshots?.load(options.snapshotKey)) ?? null;
      if (!corpus) throw new CorpusError(`no usable snapshot ${options.snapshotKey.slice(0, 12)}`);
      this.#openedFrom = 'snapshot';
      this.#keys.set(corpus, options.snapshotKey);
      return corpus;
    }
    // Nothing is served yet: the scan may block this thread, which is faster.
    const scan = scanned ?? (await this.#scan(true));
    const key = this.#snapshots?.keyOf(scan);
    if (this.#snapshots && key && !options.rebuild) {
      const exact = await this.#snapshots.load(key);
      if (exact) {
        this.#openedFrom = 'snapshot';
        this.#keys.set(exact, key);
        return exact;
      }
    }
    if (options.snapshotOnly) throw new CorpusError('no snapshot of the current files');
    const base = this.#snapshots && !options.rebuild ? await this.#snapshots.loadLatest() : null;
    this.#openedFrom = base ? 'updated snapshot' : 'built';
    const corpus = await this.#build(base, scan);
    if (key) this.#save(key, corpus);
    return corpus;
  }

  async #update(current: Corpus): Promise<Corpus> {
    const files = await this.#scan();
    const corpus = await this.#build(current, files);
    const key = this.#snapshots?.keyOf(files);
    if (key) this.#save(key, corpus);
    return corpus;
  }

  /** Parses what changed, extracts its statements (on helper threads too when there is much), assembles. */
  async #build(previous: Corpus | null, scan: CorpusScan, aside = false): Promise<Corpus> {
    const plan = planCorpus(previous, scan, { dir: this.#options.corpusDir });
    this.#options.building?.({ files: plan.toExtract.length, previous: previous !== null });
    const { startHelper, extract, extractAside } = this.#options;
    if (aside && extractAside) {
      const extracted = plan.toExtract.length ? await extractAside(plan.toExtract) : [];
      return finishCorpus(plan, extracted, new Date(), { homeCountry: this.#options.homeCountry });
    }
    if (plan.toExtract.length) await this.#options.beforeExtracting?.();
    const count = startHelper && plan.toExtract.length >= PARALLEL_FROM ? helperCount() : 0;
    const helpers = Array.from({ length: count }, () => startHelper!());
    try {
      const total = plan.toExtract.length;
      const progress = this.#options.progress;
      const onProgress = progress && ((done: number) => progress({ done, total }));
      return finishCorpus(plan, await extractAll(plan.toExtract, extract, helpers, onProgress), new Date(), {
        homeCountry: this.#options.homeCountry,
      });
    } finally {
      forgetTerms();
      await Promise.all(helpers.map((h) => h.terminate()));
    }
  }

  #scan(blocking = false): Promise<CorpusScan> {
    // With snapshots, unchanged files (size and times) are not hashed again: see `scan.ts`.
    return scanRecorded(this.#options.corpusDir, {
      maxFileBytes: this.#options.maxFileBytes,
      blocking,
      snapshotDir: this.#options.snapshotDir,
    });
  }

  /** Writes a snapshot after the corpus is served: a cache failing to write must not fail a load. */
  #save(key: string, corpus: Corpus): void {
    const snapshots = this.#snapshots!;
    this.#keys.set(corpus, key);
    this.#pendingSave = this.#pendingSave.then(() =>
      snapshots.save(key, corpus).catch((error: Error) => {
        this.#options.warn?.(`snapshot not written: ${error.message}`);
      }),
    );
  }
}
