/**
 * The answer service: what transports (the Discord bot, the CLI) talk to.
 * It validates requests, answers them from the store's current corpus, and
 * reloads the corpus on demand.
 */
import { answer, catalogOf } from '../answers/answer.ts';
import { type AnswerService, type Catalog, type Request, RequestSchema } from '../answers/requests.ts';
import type { Answer, ReloadReport } from '../answers/types.ts';
import { extractStatements } from '../attribution/index.ts';
import { loadCorpus } from '../corpus/load.ts';
import type { Logger } from '../log.ts';
import { buildCorpus, type Corpus, type Extractor } from './corpus.ts';
import { CorpusStore } from './store.ts';

export interface ServiceOptions {
  corpusDir: string;
  maxFileBytes: number;
  snapshotDir?: string | undefined;
  logger: Logger;
  /** The attribution engine; tests may pass their own. */
  extract?: Extractor | undefined;
}

/** Reads and builds the corpus in `corpusDir`. Throws `CorpusError` when nothing is usable. */
export async function readCorpus(options: Omit<ServiceOptions, 'logger'>): Promise<Corpus> {
  const loaded = await loadCorpus(options.corpusDir, { maxFileBytes: options.maxFileBytes });
  return buildCorpus(loaded, options.extract ?? extractStatements);
}

export async function createAnswerService(options: ServiceOptions): Promise<AnswerService> {
  const { logger } = options;
  const store = await CorpusStore.open(() => readCorpus(options));
  let catalog = catalogOf(store.current);
  logCorpus(logger, 'corpus loaded', store.current);
  return {
    async ask(request: Request): Promise<Answer> {
      return answer(store.current, RequestSchema.parse(request), store.lastReload);
    },
    catalog(): Catalog {
      return catalog;
    },
    async reload(): Promise<ReloadReport> {
      const report = await store.reload();
      if (report.ok) catalog = catalogOf(store.current);
      return report;
    },
    async close(): Promise<void> {},
  };
}

function logCorpus(logger: Logger, msg: string, corpus: Corpus): void {
  logger.info(
    {
      documents: corpus.documents.length,
      sentences: corpus.sentences.length,
      statements: corpus.statements.length,
      skipped: corpus.skipped,
    },
    msg,
  );
}
