/**
 * The answer service with the engine on a worker thread, so the thread that
 * talks to Discord only passes messages: searching, building and reloading
 * never stall its event loop (heartbeats, other users' commands).
 *
 * A small change to a small corpus (`IN_PLACE`) is applied by the serving
 * worker itself, its statements extracted on a helper thread. Every other
 * reload is built off the serving path and swapped in atomically: a
 * fresh worker opens the newest snapshot, parses and extracts what changed
 * and writes its own snapshot, while the serving worker keeps answering.
 * Once the fresh one is ready, new requests go to it; the old one finishes
 * what it was asked and is stopped. If the build fails (a bad folder, a file
 * that runs it out of memory), the fresh worker is dropped and nothing
 * changes. (A reload used to be applied in place when few files changed, and
 * one 4.9 MB file of 1.7 million tiny paragraphs then kept every answer
 * waiting for 15–34 s.) Reloads run one at a time (`SerialRunner`).
 *
 * A serving worker that dies (out of memory, a crash) is replaced: a new one
 * opens the snapshot of the corpus the dead one served (else builds from the
 * files), retrying with a growing pause while that fails. Meanwhile requests
 * are refused with `EngineRestarting`, which the bot turns into "try again in
 * a few seconds"; `restarts` counts the replacements.
 */
import { randomBytes } from 'node:crypto';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { AnswerService, Catalog, Request } from '../answers/requests.ts';
import type { Answer, CorpusCounts, ReloadReport } from '../answers/types.ts';
import type { Logger } from '../log.ts';
import type { SkippedFile } from '../model.ts';
import { type CorpusDiff, type CorpusSummary, type PackedSummary, unpackSummary } from './diff.ts';
import { EngineError, EngineRestarting } from './errors.ts';
import { PARALLEL_FROM } from './extraction.ts';
import type { InPlaceLimits, OpenedFrom, OpenOptions } from './host.ts';
import { type BuildProgress, progressLogger } from './progress.ts';
import type {
  CallMessage,
  EngineMemory,
  EngineMethods,
  EngineState,
  Fault,
  MethodName,
  WorkerMessage,
  WorkerSetup,
} from './protocol.ts';
import { SerialRunner } from './serial.ts';
import { removeOwn, snapshotFolder } from './snapshot-files.ts';
import { failedReload, reloadReport } from './store.ts';
import { codeVersion } from './version.ts';
import { bundledWorker } from './worker-bundle.ts';

export { EngineError, EngineRestarting } from './errors.ts';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/**
 * A small young generation for engine workers: a corpus is long-lived data,
 * and V8's default nursery would otherwise stay reserved (tens of MB of
 * resident memory) for the short-lived garbage of queries.
 */
const LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16 };

/** The first pause before retrying a restart that failed; it doubles, up to `MAX_RESTART_DELAY_MS`. */
const RESTART_DELAY_MS = 1000;
const MAX_RESTART_DELAY_MS = 30_000;
/** A worker that dies within this long of being started is a crash loop: the next restart waits. */
const QUICK_CRASH_MS = 10_000;
/**
 * The largest change a reload applies on the serving worker (files new or
 * changed, and their bytes, parsed there), and the largest corpus it does so
 * for; beyond, it builds on a fresh one. Answers wait while a reload is
 * applied in place: on the 2,225 BBC articles a one-file reload held them
 * up to 537 ms (bench ×1 at load 6), and that part grows with the corpus
 * (issue 11: reloads must not stall answers). Up to 1,000 documents the
 * hold stays around a tenth of a second and the reload takes a fraction of
 * a fresh worker's time; a larger corpus pays a warm start instead, off the
 * serving path.
 */
const IN_PLACE: InPlaceLimits = { files: 200, bytes: 4 * 1024 * 1024, documents: 1000 };
/** How long `close` waits for a snapshot being written before stopping the engine anyway. */
const CLOSE_FLUSH_MS = 3000;

export interface ServiceTuning {
  /** How the first worker opens its corpus (`rebuild`: ignore snapshots). */
  open?: OpenOptions;
  /** Heap limits of every engine worker, over the defaults (tests cap the heap to run it out of memory). */
  resourceLimits?: ResourceLimits;
  /** The first pause before retrying a failed restart (default 1 s; it doubles, up to 30 s). */
  restartDelayMs?: number;
  /** How long `close` waits for a snapshot being written (default 3 s). */
  closeFlushMs?: number;
}

export type EngineSetup = Omit<WorkerSetup, 'entry' | 'open' | 'snapshotTag'>;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface StartOptions {
  open?: OpenOptions | undefined;
  /** The corpus the new worker is to replace: it reports the difference when ready. */
  previous?: PackedSummary | undefined;
  onProgress?: ((progress: BuildProgress) => void) | undefined;
  resourceLimits?: ResourceLimits | undefined;
  /** Names the service in temporary snapshot folders. */
  snapshotTag?: string | undefined;
  /** Told of the worker as soon as its thread exists, before it is ready (to stop it on close). */
  onSpawn?: ((engine: EngineWorker) => void) | undefined;
}

/** One engine worker: start it, call its methods, stop it. */
export class EngineWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #stopped: Error | null = null;
  #retiring = false;
  #crashed = false;
  state!: EngineState;
  openedFrom!: OpenedFrom;
  /** Milliseconds from the worker's start to each step of opening (booted, scanned, loaded, opened). */
  timings: Record<string, number> = {};
  /** How its corpus differs from the one it was started to replace. */
  diff: CorpusDiff | null = null;
  /** When the worker was started (performance.now()). */
  readonly startedAt = performance.now();
  /** Resolves once the thread has exited, however it ended. */
  readonly exited: Promise<void>;
  /** Called when the worker dies without having been asked to stop. */
  onCrash: ((error: Error) => void) | null = null;
  #onWarning: ((message: string) => void) | null = null;
  /** Warnings that came before anyone listened (a snapshot write can fail while the worker opens). */
  #unheard: string[] = [];

  private constructor(worker: Worker) {
    this.#worker = worker;
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  /** Starts a worker and resolves once its corpus is open; rejects with why it could not open one. */
  static async start(setup: EngineSetup, options: StartOptions = {}): Promise<EngineWorker> {
    const data: WorkerSetup = {
      ...setup,
      codeVersion: setup.codeVersion ?? (await codeVersion()),
      open: options.open ?? {},
      ...(options.previous ? { previous: options.previous } : {}),
      ...(options.snapshotTag ? { snapshotTag: options.snapshotTag } : {}),
    };
    const resourceLimits = { ...LIMITS, ...options.resourceLimits };
    // A test's own extractor is a TypeScript module only the tsx loader can import.
    const bundle = setup.extractor ? null : await bundledWorker();
    const worker = bundle
      ? new Worker(bundle, {
          workerData: { ...data, script: bundle.href },
          resourceLimits,
          // Not the parent's options: they load tsx, which plain JavaScript does not need,
          // at a cost to every start. (V8 flags such as --expose-gc are process-wide anyway.)
          execArgv: [],
        })
      : new Worker(BOOT, {
          workerData: { ...data, entry: ENTRY.href, script: BOOT.href },
          resourceLimits,
        });
    const engine = new EngineWorker(worker);
    options.onSpawn?.(engine);
    return EngineWorker.#whenReady(engine, options.onProgress);
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
          engine.#retiring = true;
          void engine.#worker.terminate();
          reject(new EngineError(message.error, message.name));
        } else engine.#settle(message);
      });
      const fail = (error: Error) => {
        const unexpected = !engine.#stopped && !engine.#retiring;
        if (unexpected) engine.#crashed = true;
        engine.#stop(error);
        reject(error);
        if (unexpected) engine.onCrash?.(error);
      };
      engine.#worker.on('error', (error: Error) => fail(describeDeath(error)));
      engine.#worker.on('exit', (code) => fail(new Error(`engine worker exited (code ${code})`)));
    });
  }

  /** The worker died without having been asked to stop. */
  get crashed(): boolean {
    return this.#crashed;
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

/** Why a worker died, in words for a reload report or a log line. */
function describeDeath(error: Error): Error {
  if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return error;
  const described = new Error(`the engine ran out of memory (${error.message})`);
  described.name = 'EngineOutOfMemory';
  return described;
}

export class WorkerService implements AnswerService {
  readonly #setup: EngineSetup & { snapshotTag: string };
  readonly #logger: Logger;
  readonly #tuning: ServiceTuning;
  readonly #reloads = new SerialRunner<ReloadReport>();
  /** Every worker alive: the one serving, one being built, one replacing a dead one. */
  readonly #workers: Workers;
  readonly #cleanUp: () => void;
  #current!: EngineWorker;
  #openedFrom: OpenedFrom = 'built';
  #lastReload: ReloadReport | null = null;
  #restarts = 0;
  #restarting: Promise<void> | null = null;
  /** Crashes in a row, each soon after its worker started (see `QUICK_CRASH_MS`). */
  #quickCrashes = 0;
  #closed = false;
  #closing: Promise<void> | null = null;
  /** Cuts short the pause between restart attempts (on close). */
  #wake: (() => void) | null = null;

  private constructor(
    setup: EngineSetup & { snapshotTag: string },
    logger: Logger,
    tuning: ServiceTuning,
    workers: Workers,
    cleanUp: () => void,
  ) {
    this.#setup = setup;
    this.#logger = logger;
    this.#tuning = tuning;
    this.#workers = workers;
    this.#cleanUp = cleanUp;
  }

  static async start(setup: EngineSetup, logger: Logger, tuning: ServiceTuning = {}): Promise<WorkerService> {
    const tagged = { ...setup, snapshotTag: randomBytes(4).toString('hex') };
    const workers = new Workers();
    const cleanUp = temporaryFolderCleanUp(tagged);
    const spawn = (options: StartOptions) => WorkerService.#spawn(tagged, tuning, workers, logger, options);
    try {
      const first = await spawn({ open: tuning.open, onProgress: progressLogger(logger) });
      const serving = await WorkerService.#compacted(tagged, first, spawn);
      const service = new WorkerService(tagged, logger, tuning, workers, cleanUp);
      service.#serve(serving);
      service.#openedFrom = first.openedFrom;
      return service;
    } catch (error) {
      await workers.stopAll();
      cleanUp();
      throw error;
    }
  }

  static #spawn(
    setup: EngineSetup & { snapshotTag: string },
    tuning: ServiceTuning,
    workers: Workers,
    logger: Logger,
    options: StartOptions,
  ): Promise<EngineWorker> {
    return EngineWorker.start(setup, {
      ...options,
      resourceLimits: tuning.resourceLimits,
      snapshotTag: setup.snapshotTag,
      onSpawn: (engine) => {
        engine.onWarning = (message) => logger.warn(message);
        workers.add(engine);
      },
    });
  }

  #start(options: StartOptions): Promise<EngineWorker> {
    return WorkerService.#spawn(this.#setup, this.#tuning, this.#workers, this.#logger, options);
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
  static async #compacted(
    setup: EngineSetup,
    opened: EngineWorker,
    spawn: (options: StartOptions) => Promise<EngineWorker>,
  ): Promise<EngineWorker> {
    if (opened.openedFrom === 'snapshot' || !setup.snapshotDir) return opened;
    if (opened.state.summary.counts.documents >= PARALLEL_FROM) return opened;
    try {
      await opened.call('flush', null);
      const fresh = await spawn({ open: { snapshotOnly: true } });
      await opened.terminate();
      return fresh;
    } catch {
      return opened;
    }
  }

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

  /** Engine workers replaced after dying since the service started (for metrics). */
  get restarts(): number {
    return this.#restarts;
  }

  /** The serving worker died and its replacement is not serving yet: requests are refused meanwhile. */
  get restarting(): boolean {
    return this.#current.crashed && !this.#closed;
  }

  /** Resolves once no restart is under way (at once when none is). */
  async restarted(): Promise<void> {
    while (this.#restarting) await this.#restarting;
  }

  /** Answers from the corpus served; rejects with `EngineRestarting` while a dead worker is replaced. */
  ask(request: Request): Promise<Answer> {
    const worker = this.#current;
    if (worker.crashed) return Promise.reject(new EngineRestarting());
    return worker.call('ask', request).catch((error: unknown) => {
      throw worker.crashed ? new EngineRestarting() : error;
    });
  }

  /** The catalog of the corpus served (kept while a dead worker is replaced: it is the same corpus). */
  catalog(): Catalog {
    return this.#current.state.catalog;
  }

  /**
   * Re-reads the corpus. A small change (`IN_PLACE`) is applied by the
   * serving worker itself, at a cost that follows the change (its statements
   * extracted on a helper thread, so answers never wait for extraction, nor
   * die with it); a larger one is built on a fresh worker, then swapped in.
   */
  reload(): Promise<ReloadReport> {
    return this.#reloads.run(() => this.#reload(new Date()));
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

  /**
   * Ends the serving worker as `fault` would, and resolves once it is dead
   * (the restart has begun): for tests and for drills of the restart.
   * 'out of memory' needs a capped heap (`resourceLimits`).
   */
  async drill(fault: Fault): Promise<void> {
    const worker = this.#current;
    await worker.call('crash', fault).catch(() => {});
    await worker.exited;
  }

  /**
   * Stops the engine: waits up to `closeFlushMs` for the snapshot being
   * written, stops every worker (a reload being built reports that it did not
   * finish), and removes the temporary folders of snapshots left unwritten.
   * Safe to call twice.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#closed = true;
    this.#wake?.();
    const flushMs = this.#tuning.closeFlushMs ?? CLOSE_FLUSH_MS;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.#current.call('flush', null).catch(() => {}),
      new Promise((resolve) => {
        timer = setTimeout(resolve, flushMs);
      }),
    ]);
    clearTimeout(timer);
    await this.#workers.stopAll();
    await this.#reloads.idle();
    await this.#restarting?.catch(() => {});
    this.#cleanUp();
  }

  async #reload(startedAt: Date): Promise<ReloadReport> {
    const worker = this.#current;
    if (this.#closed || worker.crashed) return this.#replace(startedAt, {});
    let done: EngineMethods['reload'][1];
    try {
      done = await worker.call('reload', IN_PLACE);
    } catch {
      // The serving worker died meanwhile (the reload's own failures are reports): the reload is
      // built on a fresh worker, which also stands the restart down.
      return this.#replace(startedAt, {});
    }
    if (!done) return this.#replace(startedAt, {});
    // The worker's catalog and summary are those of the corpus it serves now.
    worker.state = done.state;
    this.#lastReload = done.report;
    return done.report;
  }

  /** Builds on a fresh worker and swaps it in; on failure the current worker keeps serving. */
  async #replace(startedAt: Date, open: OpenOptions): Promise<ReloadReport> {
    const before = this.#current.state.summary;
    const failed = (error: unknown) => {
      const report = failedReload(unpackSummary(before), error, startedAt);
      this.#lastReload = report;
      void this.#current.call('recordReload', report).catch(() => {});
      return report;
    };
    if (this.#closed) return failed(new Error('the engine is stopping'));
    let fresh: EngineWorker;
    try {
      fresh = await this.#start({ open, previous: before, onProgress: progressLogger(this.#logger) });
    } catch (error) {
      return failed(this.#closed ? new Error('the engine stopped before the reload finished') : error);
    }
    if (this.#closed) {
      await fresh.terminate();
      return failed(new Error('the engine stopped before the reload finished'));
    }
    const report = reloadReport(fresh.diff!, startedAt);
    this.#lastReload = report;
    await fresh.call('recordReload', report).catch(() => {});
    const old = this.#current;
    this.#serve(fresh); // the swap: every request from now on goes to the new corpus
    void old.retire();
    return report;
  }

  #serve(worker: EngineWorker): void {
    this.#current = worker;
    worker.onCrash = (error) => this.#onCrash(worker, error);
  }

  /** The serving worker died (out of memory, a crash): start replacing it. */
  #onCrash(worker: EngineWorker, error: Error): void {
    if (this.#closed || worker !== this.#current) return;
    this.#restarts++;
    const quick = performance.now() - worker.startedAt < QUICK_CRASH_MS;
    this.#quickCrashes = quick ? this.#quickCrashes + 1 : 0;
    this.#logger.error(
      { err: error.message, restarts: this.#restarts },
      'engine worker stopped unexpectedly; restarting it',
    );
    const restart = this.#restart(worker).finally(() => {
      if (this.#restarting === restart) this.#restarting = null;
    });
    this.#restarting = restart;
  }

  /**
   * Serves again what `dead` served: its snapshot first, else the corpus the
   * files make now (its snapshot may never have been written), retrying with
   * a growing pause until one opens, the service closes, or a reload has
   * swapped a new corpus in meanwhile.
   */
  async #restart(dead: EngineWorker): Promise<void> {
    const startedAt = performance.now();
    const key = this.#setup.snapshotDir ? dead.state.snapshotKey : null;
    const ways: OpenOptions[] = key ? [{ snapshotKey: key }, {}] : [{}];
    const base = this.#tuning.restartDelayMs ?? RESTART_DELAY_MS;
    const pause = (n: number) => Math.min(MAX_RESTART_DELAY_MS, base * 2 ** n);
    if (this.#quickCrashes > 1) await this.#sleep(pause(this.#quickCrashes - 2));
    for (let attempt = 1; ; attempt++) {
      for (const open of ways) {
        if (this.#closed || this.#current !== dead) return;
        const from = open.snapshotKey ? 'the last good snapshot' : 'the corpus files';
        try {
          const fresh = await this.#start({ open, onProgress: progressLogger(this.#logger) });
          if (this.#closed || this.#current !== dead) {
            await fresh.terminate();
            return;
          }
          if (this.#lastReload) await fresh.call('recordReload', this.#lastReload).catch(() => {});
          this.#serve(fresh);
          this.#logger.info(
            { from, ms: Math.round(performance.now() - startedAt), attempt, restarts: this.#restarts },
            'engine worker restarted',
          );
          return;
        } catch (error) {
          if (this.#closed) return;
          this.#logger.warn(
            { err: error instanceof Error ? error.message : String(error), from, attempt },
            'engine worker could not be restarted',
          );
        }
      }
      await this.#sleep(pause(attempt - 1));
    }
  }

  /** Waits `ms`, or less if the service closes; never keeps the process alive by itself. */
  async #sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
    this.#wake = null;
  }
}

/** The workers of one service that are alive; once stopped, a worker starting is stopped at once. */
class Workers {
  readonly #alive = new Set<EngineWorker>();
  #stopped = false;

  add(engine: EngineWorker): void {
    if (this.#stopped) {
      void engine.terminate();
      return;
    }
    this.#alive.add(engine);
    void engine.exited.then(() => this.#alive.delete(engine));
  }

  async stopAll(): Promise<void> {
    this.#stopped = true;
    await Promise.all([...this.#alive].map((w) => w.terminate()));
  }
}

/**
 * Removes the temporary snapshot folders this service's workers leave when
 * they are stopped mid-write: when the service closes, and when the process
 * exits without closing it (a signal during the first build, say). Returns
 * the clean-up, which also forgets the exit hook.
 */
function temporaryFolderCleanUp(setup: {
  snapshotDir?: string | undefined;
  corpusDir: string;
  snapshotTag: string;
}) {
  if (!setup.snapshotDir) return () => {};
  const folder = snapshotFolder(setup.snapshotDir, setup.corpusDir);
  const clean = () => removeOwn(folder, setup.snapshotTag);
  atExit.add(clean);
  hookExit();
  return () => {
    atExit.delete(clean);
    clean();
  };
}

const atExit = new Set<() => void>();
let exitHooked = false;

function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const clean of atExit) clean();
  });
}
