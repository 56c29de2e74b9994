/**
 * Messages between the answer service (on the thread that talks to Discord)
 * and the engine worker. Everything is a plain, structured-clonable object.
 */
import type { Catalog, Request } from '../answers/requests.ts';
import type { Answer, ReloadReport } from '../answers/types.ts';
import type { CorpusDiff, PackedSummary } from './diff.ts';
import type { InPlaceLimits, OpenedFrom, OpenOptions } from './host.ts';
import type { BuildProgress } from './progress.ts';

export interface WorkerSetup {
  /** The module the boot script loads (this folder's `worker.ts`); unused by the bundled worker. */
  entry?: string;
  corpusDir: string;
  maxFileBytes: number;
  snapshotDir?: string | undefined;
  /** The corpus's home country (CORPUS_COUNTRY). */
  homeCountry?: string | null | undefined;
  codeVersion?: string | undefined;
  /** Module URL and export name of the attribution engine; null: the project's own (`src/attribution`). */
  extractor: { module: string; export: string } | null;
  open: OpenOptions;
  /** 'engine' (default): open a corpus and answer calls. 'extract': a build's extraction helper. */
  role?: 'engine' | 'extract';
  /** The script this worker was started from, to start helpers from the same code. */
  script?: string;
  /** The corpus this worker is to replace: it reports the difference when ready. */
  previous?: PackedSummary;
  /** Names the service in the worker's temporary snapshot folders, so it can remove them when it stops. */
  snapshotTag?: string | undefined;
}

/** What the engine holds after opening or reloading: the service caches it. */
export interface EngineState {
  catalog: Catalog;
  summary: PackedSummary;
  /** The snapshot of this corpus (written or being written), to open it again; null without snapshots. */
  snapshotKey: string | null;
}

/** How a fault drill ends a worker: exiting, or running out of memory (with a capped heap only). */
export type Fault = 'exit' | 'out of memory';

export interface EngineMemory {
  heapUsed: number;
  heapTotal: number;
}

/** Each method: its argument and its result. */
export interface EngineMethods {
  ask: [Request, Answer];
  recordReload: [ReloadReport, null];
  /**
   * Reloads in place when the change is within the limits, with the new
   * state; null (nothing done) when it is not.
   */
  reload: [InPlaceLimits, { report: ReloadReport; state: EngineState } | null];
  /** Waits for the snapshot being written, if any. */
  flush: [null, null];
  /** Heap figures of the worker, after a full collection when `gc` is exposed. */
  memory: [null, EngineMemory];
  /** Ends the worker as a crash would (tests and drills of the restart); never answers. */
  crash: [Fault, never];
}

export type MethodName = keyof EngineMethods;

export interface CallMessage<M extends MethodName = MethodName> {
  id: number;
  method: M;
  arg: EngineMethods[M][0];
}

export type WorkerMessage =
  | {
      type: 'ready';
      state: EngineState;
      openedFrom: OpenedFrom;
      timings: Record<string, number>;
      /** Against `WorkerSetup.previous`, when given. */
      diff?: CorpusDiff;
    }
  | { type: 'failed'; error: string; name: string }
  | { type: 'warning'; message: string }
  | ({ type: 'progress' } & BuildProgress)
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string; name: string };
