/**
 * Statement extraction spread over threads. Extraction is most of the cost
 * of building a corpus (about 2 ms a document, against well under 1 ms to
 * parse and index it), and each document is extracted on its own, so a build
 * hands chunks of documents to helper threads and extracts chunks itself
 * meanwhile: on two cores a large build takes little more than half as long.
 *
 * Helpers are engine workers started in the "extract" role (see `worker.ts`);
 * they load the same extractor and answer one chunk per message.
 */
import { availableParallelism } from 'node:os';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { ExtractedStatement } from '../model.ts';
import type { Extractor } from './corpus.ts';

/** What a helper is given: one document's text and where its body starts. */
export interface ExtractionItem {
  text: string;
  bodyStart: number;
}

export type ExtractionReply =
  | { id: number; ok: true; value: ExtractedStatement[][] }
  | { id: number; ok: false; error: string };

/** Documents per chunk: small enough that no thread waits long for another to yield. */
const CHUNK = 16;
/**
 * Below this many documents, starting helpers costs more than it saves: a
 * helper starts with cold code (and its memory stays with the process for a
 * while after it ends). Measured on two cores: 2,200 documents built a little
 * faster without one, 22,000 in two thirds of the time with one.
 */
export const PARALLEL_FROM = 4000;

/** Helper threads worth starting on this machine (one core stays with the calling thread). */
export function helperCount(): number {
  return Math.min(3, Math.max(0, availableParallelism() - 1));
}

/**
 * Extracts the statements of every item, on this thread and on `helpers`
 * (started by the caller, which also stops them). Results are in item order.
 * `onProgress` is told how many items are done: at the start, then after each chunk.
 */
export async function extractAll(
  items: readonly ExtractionItem[],
  extract: Extractor,
  helpers: readonly Worker[],
  onProgress?: (done: number) => void,
): Promise<ExtractedStatement[][]> {
  const results: ExtractedStatement[][] = new Array(items.length);
  let done = 0;
  const finished = (count: number) => {
    done += count;
    onProgress?.(done);
  };
  onProgress?.(0);
  const chunks: number[] = [];
  for (let start = 0; start < items.length; start += CHUNK) chunks.push(start);
  let next = 0;
  const take = (): number | undefined => (next < chunks.length ? chunks[next++] : undefined);

  const onThisThread = async () => {
    for (let start = take(); start !== undefined; start = take()) {
      for (let i = start; i < Math.min(start + CHUNK, items.length); i++) {
        results[i] = extract(items[i]!.text, { bodyStart: items[i]!.bodyStart });
      }
      finished(Math.min(CHUNK, items.length - start));
      // Let helpers' replies in, so they get their next chunk without waiting for ours.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const onHelper = async (helper: Worker) => {
    for (let start = take(); start !== undefined; start = take()) {
      // Only what extraction needs crosses the thread boundary, not whole documents.
      const chunk = items.slice(start, start + CHUNK).map(({ text, bodyStart }) => ({ text, bodyStart }));
      const value = await ask(helper, start, chunk);
      value.forEach((statements, j) => {
        results[start + j] = statements;
      });
      finished(value.length);
    }
  };
  await Promise.all([onThisThread(), ...helpers.map(onHelper)]);
  return results;
}

/**
 * Extracts every item on `helper` alone, none on this thread: a reload on
 * the serving worker, whose answers must not wait for extraction (seconds
 * for a slow file) nor die with it (a file that runs the helper out of
 * memory fails the reload, not the engine).
 */
export async function extractAside(
  items: readonly ExtractionItem[],
  helper: Worker,
): Promise<ExtractedStatement[][]> {
  const results: ExtractedStatement[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK).map(({ text, bodyStart }) => ({ text, bodyStart }));
    results.push(...(await ask(helper, start, chunk)));
  }
  return results;
}

function ask(helper: Worker, id: number, items: ExtractionItem[]): Promise<ExtractedStatement[][]> {
  return new Promise((resolve, reject) => {
    const done = () => {
      helper.off('message', onMessage);
      helper.off('error', onError);
      helper.off('exit', onExit);
    };
    const onMessage = (reply: ExtractionReply) => {
      if (reply.id !== id) return;
      done();
      if (reply.ok) resolve(reply.value);
      else reject(new Error(reply.error));
    };
    const onError = (error: Error) => {
      done();
      reject(
        (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error(`the engine ran out of memory extracting statements (${error.message})`)
          : error,
      );
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`the extraction thread stopped (code ${code})`));
    };
    helper.on('message', onMessage);
    helper.on('error', onError);
    helper.on('exit', onExit);
    helper.postMessage({ id, items });
  });
}

/** The helper's side: extract each chunk it is sent, and reply. */
export function serveExtraction(port: MessagePort, extract: Extractor): void {
  port.on('message', ({ id, items }: { id: number; items: ExtractionItem[] }) => {
    try {
      const value = items.map((item) => extract(item.text, { bodyStart: item.bodyStart }));
      port.postMessage({ id, ok: true, value } satisfies ExtractionReply);
    } catch (error) {
      port.postMessage({ id, ok: false, error: (error as Error).message } satisfies ExtractionReply);
    }
  });
}
