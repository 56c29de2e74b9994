import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { extractAll } from '../../src/engine/extraction.ts';
import type { WorkerSetup } from '../../src/engine/protocol.ts';
import { extractStatements } from './fixtures/extractor.ts';
import { article } from './helpers.ts';

const BOOT = new URL('../../src/engine/worker-boot.mjs', import.meta.url);
const ENTRY = new URL('../../src/engine/worker.ts', import.meta.url).href;
const EXTRACTOR = {
  module: new URL('./fixtures/extractor.ts', import.meta.url).href,
  export: 'extractStatements',
};

function helper(exportName = 'extractStatements'): Worker {
  const setup: WorkerSetup = {
    role: 'extract',
    entry: ENTRY,
    corpusDir: '',
    maxFileBytes: 0,
    extractor: { ...EXTRACTOR, export: exportName },
    open: {},
  };
  return new Worker(BOOT, { workerData: setup });
}

const helpers: Worker[] = [];
afterAll(async () => {
  await Promise.all(helpers.map((h) => h.terminate()));
});

const items = Array.from({ length: 150 }, (_, i) => {
  const text = article(`Report ${i}`, [
    [`Claim number ${i} is false`, i % 2 ? 'Li Wei' : 'Ivan Petrov', 'RU'],
  ]);
  return { text, bodyStart: i % 3 };
});

describe('extraction on several threads', () => {
  it('gives, in order, what extracting everything here gives', async () => {
    const two = [helper(), helper()];
    helpers.push(...two);
    const local = items.map((item) => extractStatements(item.text, { bodyStart: item.bodyStart }));
    expect(await extractAll(items, extractStatements, two)).toEqual(local);
    expect(await extractAll(items, extractStatements, [])).toEqual(local);
  });

  it('fails the build when a helper cannot extract', async () => {
    const failing = helper('failingExtractor');
    helpers.push(failing);
    const slowHere = (text: string, options: { bodyStart: number }) => {
      const end = Date.now() + 5;
      while (Date.now() < end);
      return extractStatements(text, options);
    };
    await expect(extractAll(items, slowHere, [failing])).rejects.toThrow('extractor exploded');
  });
});
