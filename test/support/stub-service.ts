/**
 * An answer service over the real engine (loader, index, answer functions,
 * store) with the engine tests' stand-in attribution step
 * (test/engine/fixtures/extractor.ts), so bot tests can use corpora whose
 * statements they control.
 */
import { answer, catalogOf } from '../../src/answers/answer.ts';
import { type AnswerService, RequestSchema } from '../../src/answers/requests.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { buildCorpus } from '../../src/engine/corpus.ts';
import { CorpusStore } from '../../src/engine/store.ts';
import { extractStatements } from '../engine/fixtures/extractor.ts';

export async function stubService(corpusDir: string): Promise<AnswerService> {
  const build = async () =>
    buildCorpus(await loadCorpus(corpusDir, { maxFileBytes: 1_000_000 }), extractStatements);
  const store = await CorpusStore.open(build);
  let catalog = catalogOf(store.current);
  return {
    ask: async (request) => answer(store.current, RequestSchema.parse(request), store.lastReload),
    catalog: () => catalog,
    reload: async () => {
      const report = await store.reload();
      if (report.ok) catalog = catalogOf(store.current);
      return report;
    },
    close: async () => {},
  };
}
