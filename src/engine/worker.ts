/**
 * The engine worker: opens an `EngineHost` with the settings it was started
 * with, reports when it is ready, then answers calls one message at a time.
 * Messages are handled in arrival order, which is what makes a swap atomic:
 * a call sent before a reload's swap is answered from the old corpus, a call
 * sent after it from the new one.
 */
import { parentPort, resourceLimits, Worker, workerData } from 'node:worker_threads';
import type { ExtractedStatement } from '../model.ts';
import type { Extractor } from './corpus.ts';
import type { ExtractionItem } from './extraction.ts';
import type { EngineHost } from './host.ts';
import type {
  CallMessage,
  EngineMethods,
  EngineState,
  Fault,
  MethodName,
  WorkerMessage,
  WorkerSetup,
} from './protocol.ts';

const setup = workerData as WorkerSetup;
/** Milliseconds since the worker started, at each step of opening: for logs and the benchmark. */
const elapsed = () => Math.round(performance.now());
const timings: Record<string, number> = { booted: elapsed() };
const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);

function stateOf(host: EngineHost): EngineState {
  return { catalog: host.catalog(), summary: host.packedSummary(), snapshotKey: host.snapshotKey };
}

type Handlers = {
  [M in MethodName]: (arg: EngineMethods[M][0]) => Promise<EngineMethods[M][1]> | EngineMethods[M][1];
};

function handlersFor(host: EngineHost): Handlers {
  return {
    ask: (request) => host.ask(request),
    recordReload: (report) => {
      host.recordReload(report);
      return null;
    },
    flush: async () => {
      await host.flush();
      return null;
    },
    reload: async (limits) => {
      // Started now, the helper loads its modules while the files are scanned and parsed.
      asideHelper();
      const report = await host.reloadInPlace(limits);
      return report && { report, state: stateOf(host) };
    },
    memory: () => {
      (globalThis as { gc?: () => void }).gc?.();
      const { heapUsed, heapTotal } = process.memoryUsage();
      return { heapUsed, heapTotal };
    },
    crash,
  };
}

/**
 * Ends this worker as a fault would. Running out of memory is drilled only
 * under a heap cap (`resourceLimits`), where V8 stops just this thread: many
 * separate arrays, since one ever-growing array can abort the whole process
 * instead (nodejs/node#47224).
 */
function crash(fault: Fault): never {
  if (fault === 'exit') process.exit(1);
  if (!resourceLimits.maxOldGenerationSizeMb) throw new Error('an out-of-memory drill needs a capped heap');
  const hoard: unknown[] = [];
  for (;;) hoard.push(new Array(10_000).fill(hoard.length));
}

async function loadExtractor(): Promise<Extractor> {
  // The project's own engine is imported by a fixed path, so that it is part of the worker bundle.
  if (!setup.extractor) return (await import('../attribution/index.ts')).extractStatements;
  const module = (await import(setup.extractor.module)) as Record<string, unknown>;
  const extract = module[setup.extractor.export];
  if (typeof extract !== 'function') {
    throw new Error(`${setup.extractor.module} does not export a function ${setup.extractor.export}`);
  }
  return extract as Extractor;
}

/**
 * Opens the engine. Its modules are imported dynamically so that the scan of
 * the corpus folder (file reads and hashes) runs while they load.
 */
async function openHost(): Promise<EngineHost> {
  // A worker reopening a known snapshot does not look at the files.
  const scanning = setup.open.snapshotKey
    ? Promise.resolve(undefined)
    : import('./scan.ts').then(({ scanRecorded }) =>
        scanRecorded(setup.corpusDir, {
          maxFileBytes: setup.maxFileBytes,
          blocking: true,
          snapshotDir: setup.snapshotDir,
        }),
      );
  const loading = import('./host.ts');
  loading.catch(() => {}); // a failed scan is reported first; this must not go unhandled meanwhile
  const scan = await scanning;
  timings.scanned = elapsed();
  const { EngineHost } = await loading;
  timings.loaded = elapsed();
  // The attribution engine (its rules and lexicon) is loaded only to build: a worker that opens
  // a snapshot never extracts (a reload's extraction runs on a helper, see `extractAside`).
  let extractor: Extractor | null = null;
  const extract: Extractor = (text, options) => extractor!(text, options);
  return EngineHost.open(
    {
      corpusDir: setup.corpusDir,
      maxFileBytes: setup.maxFileBytes,
      snapshotDir: setup.snapshotDir,
      homeCountry: setup.homeCountry,
      codeVersion: setup.codeVersion,
      extract,
      beforeExtracting: async () => {
        extractor ??= await loadExtractor();
      },
      startHelper,
      snapshotTag: setup.snapshotTag,
      warn: (message) => send({ type: 'warning', message }),
      progress: (progress) => send({ type: 'progress', ...progress }),
      extractAside,
    },
    setup.open,
    scan ? { scan } : {},
  );
}

/** An extraction helper: this same code, in the "extract" role. */
function startHelper(): Worker {
  return new Worker(new URL(setup.script!), {
    workerData: { ...setup, role: 'extract' } satisfies WorkerSetup,
  });
}

/** How long the thread extracting reloads' statements is kept once idle. */
const ASIDE_IDLE_MS = 10 * 60 * 1000;
let aside: Aside | null = null;
/** Keep the helper ready between reloads, never stopped when idle (a large corpus: see `start`). */
let keepAside = false;

/**
 * Extracts a reload's statements on a helper thread, kept between reloads (a
 * start costs its modules and lexicon) and stopped once idle. It has this
 * worker's heap limits, and a file that runs it out of memory fails that
 * reload only: the helper is dropped, the corpus served stays.
 */
async function extractAside(items: readonly ExtractionItem[]): Promise<ExtractedStatement[][]> {
  const { extractAside: extractOn } = await import('./extraction.ts');
  const entry = asideHelper();
  if (entry.idle) clearTimeout(entry.idle);
  try {
    return await extractOn(items, entry.helper);
  } catch (error) {
    if (aside === entry) aside = null;
    void entry.helper.terminate();
    throw error;
  } finally {
    if (aside === entry) stopWhenIdle(entry);
  }
}

type Aside = { helper: Worker; idle: NodeJS.Timeout | null; kept: boolean };

function stopWhenIdle(entry: Aside): void {
  if (entry.idle) clearTimeout(entry.idle);
  if (entry.kept) return;
  entry.idle = setTimeout(() => {
    if (aside === entry) aside = null;
    void entry.helper.terminate();
  }, ASIDE_IDLE_MS);
  entry.idle.unref();
}

/** The helper extracting reloads' statements, started if there is none. */
function asideHelper(): Aside {
  if (!aside) {
    const helper = new Worker(new URL(setup.script!), {
      workerData: { ...setup, role: 'extract' } satisfies WorkerSetup,
      resourceLimits: Object.fromEntries(Object.entries(resourceLimits).filter(([, v]) => v > 0)),
    });
    helper.unref();
    const entry: Aside = { helper, idle: null, kept: keepAside };
    helper.once('exit', () => {
      if (aside === entry) aside = null;
    });
    stopWhenIdle(entry);
    aside = entry;
  }
  return aside;
}

async function serveAsHelper(): Promise<void> {
  const { serveExtraction } = await import('./extraction.ts');
  serveExtraction(port, await loadExtractor());
}

async function start(): Promise<void> {
  let host: EngineHost;
  try {
    host = await openHost();
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    send({ type: 'failed', error: e.message, name: e.name });
    return;
  }
  const handlers = handlersFor(host);
  port.on('message', async (message: CallMessage) => {
    try {
      const handler = handlers[message.method] as (arg: unknown) => unknown;
      send({ type: 'result', id: message.id, ok: true, value: await handler(message.arg) });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      send({ type: 'result', id: message.id, ok: false, error: e.message, name: e.name });
    }
  });
  timings.opened = elapsed();
  // The difference with the corpus this worker replaces is worked out here, not
  // on the thread that talks to Discord: for 22,000 documents, tens of ms.
  const { diffCorpora, unpackSummary } = await import('./diff.ts');
  const diff = setup.previous ? diffCorpora(unpackSummary(setup.previous), host.summary()) : undefined;
  send({
    type: 'ready',
    state: stateOf(host),
    openedFrom: host.openedFrom,
    timings,
    ...(diff ? { diff } : {}),
  });
  setTimeout(() => host.prepare(), 0).unref();
  // A large corpus keeps its reload helper ready: its start (a second or so of modules and
  // lexicon) would otherwise be most of a one-file reload, and its ~50 MB are little beside
  // the corpus's. A small one starts it on its first reload.
  const { PARALLEL_FROM } = await import('./extraction.ts');
  keepAside = host.corpus.documents.length >= PARALLEL_FROM;
  if (keepAside) asideHelper();
}

if (setup.role === 'extract') await serveAsHelper();
else await start();
