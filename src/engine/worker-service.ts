/**
 * The answer service with the engine on a worker thread, so the thread that
 * talks to Discord only passes messages: searching, building and reloading
 * never stall its event loop (heartbeats, other users' commands).
 *
 * Reloads keep serving throughout and swap atomically:
 * - a small change (a few files) is applied in place by the serving worker,
 *   which swaps between two messages;
 * - anything bigger is built by a fresh worker while the current one keeps
 *   answering; once the fresh one is ready, new requests go to it, the old
 *   one finishes what it was asked and is stopped. If the build fails, the
 *   fresh worker is dropped and nothing changes.
 * Reloads run one at a time (`SerialRunner`), as with `CorpusStore`.
 */
import { Worker } from 'node:worker_threads';
import type { AnswerService, Catalog, Request } from '../answers/requests.ts';
import type { Answer, CorpusCounts, ReloadReport } from '../answers/types.ts';
import type { Logger } from '../log.ts';
import type { SkippedFile } from '../model.ts';
import { type CorpusDiff, type CorpusSummary, type PackedSummary, unpackSummary } from './diff.ts';
import { PARALLEL_FROM } from './extraction.ts';
import type { OpenedFrom, OpenOptions } from './host.ts';
import { type BuildProgress, progressLogger } from './progress.ts';
import type {
  CallMessage,
  EngineMemory,
  EngineMethods,
  EngineState,
  MethodName,
  WorkerMessage,
  WorkerSetup,
} from './protocol.ts';
import { SerialRunner } from './serial.ts';
import { failedReload, reloadReport } from './store.ts';
import { codeVersion } from './version.ts';
import { bundledWorker } from './worker-bundle.ts';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/**
 * A small young generation for engine workers: a corpus is long-lived data,
 * and V8's default nursery would otherwise stay reserved (tens of MB of
 * resident memory) for the short-lived garbage of queries.
 */
const LIMITS = { maxYoungGenerationSizeMb: 16 };

/** Changes of up to this many files are applied in place by the serving worker. */
export const IN_PLACE_FILES = 32;

export interface ServiceTuning {
  /** Changes of up to this many files are applied in place (default `IN_PLACE_FILES`). */
  inPlaceFiles?: number;
  /** How the first worker opens its corpus (`rebuild`: ignore snapshots). */
  open?: OpenOptions;
}

export type EngineSetup = Omit<WorkerSetup, 'entry' | 'open'>;

/** An error the engine worker raised, with its original name (CorpusError, ZodError…). */
export class EngineError extends Error {
  constructor(message: string, name: string) {
    super(message);
    this.name = name;
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** One engine worker: start it, call its methods, stop it. */
export class EngineWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #stopped: Error | null = null;
  #retiring = false;
  state!: EngineState;
  openedFrom!: OpenedFrom;
  /** Milliseconds from the worker's start to each step of opening (booted, scanned, loaded, opened). */
  timings: Record<string, number> = {};
  /** How its corpus differs from the one it was started to replace. */
  diff: CorpusDiff | null = null;
  /** Called when the worker dies without having been asked to stop. */
  onCrash: ((error: Error) => void) | null = null;
  #onWarning: ((message: string) => void) | null = null;
  /** Warnings that came before anyone listened (a snapshot write can fail while the worker opens). */
  #unheard: string[] = [];

  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  /** Starts a worker and resolves once its corpus is open; rejects with why it could not open one. */
  static async start(
    setup: EngineSetup,
    open: OpenOptions = {},
    previous?: PackedSummary,
    onProgress?: (progress: BuildProgress) => void,
  ): Promise<EngineWorker> {
    const data: WorkerSetup = {
      ...setup,
      codeVersion: setup.codeVersion ?? (await codeVersion()),
      open,
      ...(previous ? { previous } : {}),
    };
    // A test's own extractor is a TypeScript module only the tsx loader can import.
    const bundle = setup.extractor ? null : await bundledWorker();
    const worker = bundle
      ? new Worker(bundle, {
          workerData: { ...data, script: bundle.href },
          resourceLimits: LIMITS,
          // Not the parent's options: they load tsx, which plain JavaScript does not need,
          // at a cost to every start. (V8 flags such as --expose-gc are process-wide anyway.)
          execArgv: [],
        })
      : new Worker(BOOT, {
          workerData: { ...data, entry: ENTRY.href, script: BOOT.href },
          resourceLimits: LIMITS,
        });
    return EngineWorker.#whenReady(new EngineWorker(worker), onProgress);
  }

  static #whenReady(
    engine: EngineWorker,
    onProgress?: (progress: BuildProgress) => void,
  ): Promise<EngineWorker> {
    return new Promise((resolve, reject) => {
      engine.#worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          engine.state = message.state;
          engine.openedFrom = message.openedFrom;
          engine.timings = message.timings;
          engine.diff = message.diff ?? null;
          resolve(engine);
        } else if (message.type === 'warning') {
          engine.#warn(message.message);
        } else if (message.type === 'progress') {
          onProgress?.({ done: message.done, total: message.total });
        } else if (message.type === 'failed') {
          void engine.#worker.terminate();
          reject(new EngineError(message.error, message.name));
        } else engine.#settle(message);
      });
      const fail = (error: Error) => {
        const unexpected = !engine.#stopped && !engine.#retiring;
        engine.#stop(error);
        reject(error);
        if (unexpected) engine.onCrash?.(error);
      };
      engine.#worker.on('error', fail);
      engine.#worker.on('exit', (code) => fail(new Error(`engine worker exited (code ${code})`)));
    });
  }

  /** Listens to the worker's warnings, including any it gave before. */
  set onWarning(listener: (message: string) => void) {
    this.#onWarning = listener;
    for (const message of this.#unheard.splice(0)) listener(message);
  }

  #warn(message: string): void {
    if (this.#onWarning) this.#onWarning(message);
    else this.#unheard.push(message);
  }

  call<M extends MethodName>(method: M, arg: EngineMethods[M][0]): Promise<EngineMethods[M][1]> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    const message: CallMessage<M> = { id, method, arg };
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage(message);
    });
  }

  /** Stops the worker once every call already made has been answered. */
  async retire(): Promise<void> {
    this.#retiring = true;
    const outstanding = [...this.#pending.values()].map(
      (p) => new Promise<void>((done) => this.#whenSettled(p, done)),
    );
    await Promise.all(outstanding);
    await this.terminate();
  }

  async terminate(): Promise<void> {
    this.#retiring = true;
    this.#stop(new Error('engine worker stopped'));
    await this.#worker.terminate();
  }

  #whenSettled(pending: Pending, done: () => void): void {
    const { resolve, reject } = pending;
    pending.resolve = (value) => {
      resolve(value);
      done();
    };
    pending.reject = (error) => {
      reject(error);
      done();
    };
  }

  #settle(message: Extract<WorkerMessage, { type: 'result' }>): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new EngineError(message.error, message.name));
  }

  #stop(error: Error): void {
    if (this.#stopped) return;
    this.#stopped = error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

export class WorkerService implements AnswerService {
  readonly #setup: EngineSetup;
  readonly #logger: Logger;
  readonly #inPlaceFiles: number;
  readonly #reloads = new SerialRunner<ReloadReport>();
  #current!: EngineWorker;
  #closed = false;

  private constructor(setup: EngineSetup, logger: Logger, first: EngineWorker, tuning: ServiceTuning) {
    this.#setup = setup;
    this.#logger = logger;
    this.#inPlaceFiles = tuning.inPlaceFiles ?? IN_PLACE_FILES;
    this.#serve(first);
  }

  static async start(setup: EngineSetup, logger: Logger, tuning: ServiceTuning = {}): Promise<WorkerService> {
    const first = await EngineWorker.start(setup, tuning.open, undefined, progressLogger(logger));
    const serving = await WorkerService.#compacted(setup, first);
    const service = new WorkerService(setup, logger, serving, tuning);
    service.#openedFrom = first.openedFrom;
    return service;
  }

  /**
   * A worker that built its corpus by itself keeps the heap the build grew to
   * (file texts, extraction's intermediate objects): measured at ×1, some
   * 25–50 MB of resident memory more than the corpus needs, collected or
   * not. So once it has written its snapshot, a fresh worker opens that
   * snapshot (under a second at ×1) and serves instead. Not after a build
   * that extracted on helper threads (`PARALLEL_FROM` documents or more):
   * that garbage stayed in the helpers, and at ×10 a second opening cost
   * 15 s of start-up for no resident memory saved (measured). Without a
   * snapshot of exactly these files (snapshots disabled, not writable,
   * files changed meanwhile), the builder serves.
   */
  static async #compacted(setup: EngineSetup, opened: EngineWorker): Promise<EngineWorker> {
    if (opened.openedFrom === 'snapshot' || !setup.snapshotDir) return opened;
    if (opened.state.summary.counts.documents >= PARALLEL_FROM) return opened;
    try {
      await opened.call('flush', null);
      const fresh = await EngineWorker.start(setup, { snapshotOnly: true });
      await opened.terminate();
      return fresh;
    } catch {
      return opened;
    }
  }

  #openedFrom: OpenedFrom = 'built';

  /** How the corpus served was first obtained (snapshot, updated snapshot, built). */
  get openedFrom(): OpenedFrom {
    return this.#openedFrom;
  }

  /** How the worker serving now opened it: after a build, normally from the snapshot (see `#compacted`). */
  get servedFrom(): OpenedFrom {
    return this.#current.openedFrom;
  }

  /** How long the serving worker took to open, step by step. */
  get timings(): Record<string, number> {
    return this.#current.timings;
  }

  /** The documents (ids and hashes), counts and skipped files of the corpus served. */
  get summary(): CorpusSummary {
    return unpackSummary(this.#current.state.summary);
  }

  get counts(): CorpusCounts {
    return this.#current.state.summary.counts;
  }

  get skipped(): SkippedFile[] {
    return this.#current.state.summary.skipped;
  }

  ask(request: Request): Promise<Answer> {
    return this.#current.call('ask', request);
  }

  catalog(): Catalog {
    return this.#current.state.catalog;
  }

  /** Re-reads the corpus: in place for a small change, on a fresh worker otherwise. */
  reload(): Promise<ReloadReport> {
    return this.#reloads.run(() => this.#reloadOnce());
  }

  /** Builds the whole corpus again from its files on a fresh worker, ignoring snapshots. */
  rebuild(): Promise<ReloadReport> {
    return this.#reloads.run(() => this.#replace(new Date(), { rebuild: true }));
  }

  /** Heap figures of the serving worker (after a collection when `gc` is exposed). */
  memory(): Promise<EngineMemory> {
    return this.#current.call('memory', null);
  }

  /** Resolves once the serving worker has written its snapshot. */
  flush(): Promise<void> {
    return this.#current.call('flush', null).then(() => {});
  }

  /** Waits for a running reload and the snapshot being written, then stops the worker. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#reloads.idle();
    await this.#current.call('flush', null).catch(() => {});
    await this.#current.terminate();
  }

  async #reloadOnce(): Promise<ReloadReport> {
    const startedAt = new Date();
    const serving = this.#current;
    const { outcome, state } = await serving.call('reloadIfSmall', this.#inPlaceFiles);
    if (outcome.status === 'done') {
      serving.state = state;
      return outcome.report;
    }
    this.#logger.info({ changed: outcome.changed }, 'reload: building the new corpus on a fresh worker');
    return this.#replace(startedAt, {});
  }

  /** Builds on a fresh worker and swaps it in; on failure the current worker keeps serving. */
  async #replace(startedAt: Date, open: OpenOptions): Promise<ReloadReport> {
    const before = this.#current.state.summary;
    let fresh: EngineWorker;
    try {
      fresh = await EngineWorker.start(this.#setup, open, before, progressLogger(this.#logger));
    } catch (error) {
      const report = failedReload(unpackSummary(before), error, startedAt);
      await this.#current.call('recordReload', report).catch(() => {});
      return report;
    }
    const report = reloadReport(fresh.diff!, startedAt);
    await fresh.call('recordReload', report);
    const old = this.#current;
    this.#serve(fresh); // the swap: every request from now on goes to the new corpus
    void old.retire();
    return report;
  }

  #serve(worker: EngineWorker): void {
    this.#current = worker;
    worker.onCrash = (error) => this.#recover(worker, error);
    worker.onWarning = (message) => this.#logger.warn(message);
  }

  /** A serving worker died (out of memory, say): start another from the files and the snapshot. */
  #recover(worker: EngineWorker, error: Error): void {
    if (this.#closed || worker !== this.#current) return;
    this.#logger.error({ err: error.message }, 'engine worker stopped unexpectedly; restarting it');
    void this.#reloads.run(() => this.#replace(new Date(), {}));
  }
}
