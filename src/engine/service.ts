/**
 * The answer service: what transports (the Discord bot, the CLI) talk to.
 * It validates requests, answers them from the current corpus, and reloads
 * the corpus on demand.
 *
 * By default the engine runs on a worker thread (`worker-service.ts`), so the
 * caller's event loop never waits for a search or a reload. With an
 * extractor function (tests) or `threads: 0`, it runs on the calling thread.
 */
import type { AnswerService, Catalog, Request } from '../answers/requests.ts';
import type { Answer, ReloadReport } from '../answers/types.ts';
import type { Logger } from '../log.ts';
import type { Corpus, Extractor } from './corpus.ts';
import { countsOf } from './diff.ts';
import type { EngineHost, OpenedFrom } from './host.ts';
import { type BuildProgress, progressLogger } from './progress.ts';
import { scanCorpus } from './scan.ts';
import { WorkerService } from './worker-service.ts';

export interface ServiceOptions {
  corpusDir: string;
  maxFileBytes: number;
  snapshotDir?: string | undefined;
  /** The corpus's home country, for officials the text gives none (CORPUS_COUNTRY). */
  homeCountry?: string | null | undefined;
  logger: Logger;
  /** The attribution engine as a function: runs the engine on the calling thread (tests). */
  extract?: Extractor | undefined;
  /**
   * The attribution engine as a module a worker can load, and its export
   * (default: `src/attribution/index.ts`, `extractStatements`).
   */
  extractor?: { module: string; export: string } | undefined;
  /** 0: the engine runs on the calling thread; 1 (default): on a worker thread. */
  threads?: 0 | 1 | undefined;
  /** Overrides the code version snapshots are keyed by (tests). */
  codeVersion?: string | undefined;
}

const ATTRIBUTION = {
  // `.js` in the build (dist/): only import specifiers are rewritten there, not this URL.
  module: new URL(`../attribution/index.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url)
    .href,
  export: 'extractStatements',
};

/** Reads and builds the corpus in `corpusDir`. Throws `CorpusError` when nothing is usable. */
export async function readCorpus(options: Omit<ServiceOptions, 'logger'>): Promise<Corpus> {
  const scan = await scanCorpus(options.corpusDir, { maxFileBytes: options.maxFileBytes, blocking: true });
  const { updateCorpus } = await import('./corpus.ts');
  return updateCorpus(null, scan, options.extract ?? (await loadExtractor(options)), {
    dir: options.corpusDir,
    homeCountry: options.homeCountry,
  });
}

/** Where the corpus is and how it is read and cached: the same for every way of opening it. */
function corpusSettings(options: Omit<ServiceOptions, 'logger'>) {
  const { corpusDir, maxFileBytes, snapshotDir, homeCountry, codeVersion } = options;
  return { corpusDir, maxFileBytes, snapshotDir, homeCountry, codeVersion };
}

/** The corpus the CLI answers from, and how it was obtained. */
export interface OpenedCorpus {
  corpus: Corpus;
  openedFrom: OpenedFrom;
  /** Resolves once the snapshot of a corpus just built is written (the CLI waits before exiting). */
  flush(): Promise<void>;
}

/**
 * Opens the corpus in `corpusDir` on the calling thread, as the bot's engine
 * does: from the snapshot of exactly these files under `snapshotDir` when one
 * passes its checks (checksums, offsets), else updated from the newest
 * snapshot, else built, and a snapshot written for next time. Without
 * `snapshotDir` it builds in memory and writes nothing.
 */
export async function openCorpus(
  options: Omit<ServiceOptions, 'logger' | 'threads'> & {
    warn?: ((message: string) => void) | undefined;
    building?: ((build: { files: number; previous: boolean }) => void) | undefined;
    progress?: ((progress: BuildProgress) => void) | undefined;
  },
): Promise<OpenedCorpus> {
  const [{ EngineHost }, extract] = await Promise.all([
    import('./host.ts'),
    options.extract ?? loadExtractor(options),
  ]);
  const host = await EngineHost.open({
    ...corpusSettings(options),
    extract,
    warn: options.warn,
    building: options.building,
    progress: options.progress,
  });
  return { corpus: host.corpus, openedFrom: host.openedFrom, flush: () => host.flush() };
}

export async function createAnswerService(options: ServiceOptions): Promise<AnswerService> {
  const { logger } = options;
  const startedAt = performance.now();
  const service =
    options.extract || options.threads === 0
      ? await InProcessService.open(options)
      : await WorkerService.start(
          {
            corpusDir: options.corpusDir,
            maxFileBytes: options.maxFileBytes,
            snapshotDir: options.snapshotDir,
            homeCountry: options.homeCountry,
            codeVersion: options.codeVersion,
            extractor: options.extractor ?? null,
          },
          logger,
        );
  logger.info(
    {
      ...service.counts,
      skipped: service.skipped,
      from: service.openedFrom,
      ms: Math.round(performance.now() - startedAt),
    },
    'corpus loaded',
  );
  return service;
}

/** The engine on the calling thread, behind the same interface. */
class InProcessService implements AnswerService {
  readonly #host: EngineHost;

  private constructor(host: EngineHost) {
    this.#host = host;
  }

  static async open(options: ServiceOptions): Promise<InProcessService> {
    // Loaded here, not at the top: a bot whose engine runs on a worker thread never loads the
    // engine, the attribution rules or the lexicon on the thread that talks to Discord.
    const { EngineHost } = await import('./host.ts');
    const host = await EngineHost.open({
      ...corpusSettings(options),
      extract: options.extract ?? (await loadExtractor(options)),
      warn: (message) => options.logger.warn(message),
      progress: progressLogger(options.logger),
    });
    return new InProcessService(host);
  }

  get summary() {
    return this.#host.summary();
  }

  get counts() {
    return countsOf(this.#host.summary());
  }

  get skipped() {
    return this.#host.summary().skipped;
  }

  get openedFrom() {
    return this.#host.openedFrom;
  }

  async ask(request: Request): Promise<Answer> {
    return this.#host.ask(request);
  }

  catalog(): Catalog {
    return this.#host.catalog();
  }

  reload(): Promise<ReloadReport> {
    return this.#host.reload();
  }

  async close(): Promise<void> {
    await this.#host.flush();
  }
}

async function loadExtractor(options: Pick<ServiceOptions, 'extractor'>): Promise<Extractor> {
  const { module, export: name } = options.extractor ?? ATTRIBUTION;
  const loaded = (await import(module)) as Record<string, unknown>;
  if (typeof loaded[name] !== 'function') throw new Error(`${module} does not export a function ${name}`);
  return loaded[name] as Extractor;
}
