/**
 * An answer service over the real engine (loader, index, answer functions,
 * store) with a stand-in attribution step, so bot tests can use corpora
 * whose statements they control: `"<words>," said <First Last> of <CC>`
 * is a statement; words containing "never" or "false" make it a denial.
 */
import { answer, catalogOf } from '../../src/answers/answer.ts';
import { type AnswerService, RequestSchema } from '../../src/answers/requests.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { buildCorpus, type Extractor } from '../../src/engine/corpus.ts';
import { CorpusStore } from '../../src/engine/store.ts';
import type { ExtractedStatement } from '../../src/model.ts';

export const stubExtract: Extractor = (text, { bodyStart }) => {
  const found: ExtractedStatement[] = [];
  const pattern = /"([^"]+)," said (\w+ \w+) of ([A-Z]{2})/g;
  pattern.lastIndex = bodyStart;
  for (const m of text.matchAll(pattern)) {
    if (m.index < bodyStart) continue;
    const start = m.index + 1;
    const words = m[1]!;
    const nameStart = m.index + m[0].lastIndexOf(m[2]!);
    found.push({
      kind: 'direct',
      text: { start, end: start + words.length, text: words },
      speaker: {
        name: m[2]!,
        title: 'minister',
        country: m[3]!,
        kind: 'person',
        mention: { start: nameStart, end: nameStart + m[2]!.length, text: m[2]! },
      },
      cue: { start: m.index + words.length + 4, end: m.index + words.length + 8, text: 'said' },
      denial: /never|false/.test(words),
    });
  }
  return found;
};

export async function stubService(corpusDir: string): Promise<AnswerService> {
  const build = async () =>
    buildCorpus(await loadCorpus(corpusDir, { maxFileBytes: 1_000_000 }), stubExtract);
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
