import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/engine/corpus.ts';
import { updateCorpus } from '../../src/engine/corpus.ts';
import { countsOf, diffCorpora, packSummary, unpackSummary } from '../../src/engine/diff.ts';
import { SerialRunner } from '../../src/engine/serial.ts';
import { CorpusStore } from '../../src/engine/store.ts';
import { extractStatements } from './fixtures/extractor.ts';
import { article, scanOf } from './helpers.ts';

const corpusWith = (quote: string): Corpus =>
  updateCorpus(null, scanOf({ 'a.md': article('A', [[quote, 'Li Wei', 'CN']]) }), extractStatements, {
    dir: 'mem',
  });

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('CorpusStore', () => {
  it('keeps serving the old corpus when a reload fails, and says why', async () => {
    let fail = false;
    const store = await CorpusStore.open(async () => {
      if (fail) throw new Error('disk on fire');
      return corpusWith('We never did it');
    });
    const before = store.current;
    fail = true;
    const report = await store.reload();
    expect(report).toMatchObject({ ok: false, error: 'disk on fire', added: [], removed: [], changed: [] });
    expect(report.after).toEqual(report.before);
    expect(store.current).toBe(before);
    expect(store.lastReload).toBe(report);
  });

  it('swaps in the new corpus only once it is complete', async () => {
    let release!: () => void;
    const store = await CorpusStore.open(async (current) => {
      if (!current) return corpusWith('first');
      await new Promise<void>((r) => {
        release = r;
      });
      return corpusWith('second');
    });
    const first = store.current;
    const reload = store.reload();
    await tick();
    expect(store.current).toBe(first);
    release();
    expect((await reload).ok).toBe(true);
    expect(store.current.statements[0]!.text.text).toBe('second');
  });

  it('never runs two builds at once, and folds waiting reloads into one', async () => {
    let running = 0;
    let builds = 0;
    let overlap = false;
    const store = await CorpusStore.open(async () => {
      running++;
      overlap ||= running > 1;
      builds++;
      await tick();
      running--;
      return corpusWith(`build ${builds}`);
    });
    const reports = await Promise.all([store.reload(), store.reload(), store.reload(), store.reload()]);
    expect(overlap).toBe(false);
    expect(builds).toBe(3); // the opening build, the first reload, one follow-up for the three others
    expect(reports.every((r) => r.ok)).toBe(true);
    expect(reports[2]).toBe(reports[1]);
  });
});

describe('summaries between threads', () => {
  it('pack and unpack to the same documents, counts and skipped files', () => {
    const corpus = updateCorpus(
      null,
      scanOf({
        'a.md': article('A', [['We never did it', 'Li Wei', 'CN']]),
        'news/b c.txt': article('B', [['Exports will grow', 'Anna Berg', 'SE']]),
      }),
      extractStatements,
      { dir: 'mem' },
    );
    const unpacked = unpackSummary(packSummary(corpus));
    expect(unpacked.documents).toEqual(corpus.documents.map((d) => ({ id: d.id, hash: d.hash })));
    expect(countsOf(unpacked)).toEqual(countsOf(corpus));
    expect(diffCorpora(unpacked, corpus)).toEqual(diffCorpora(corpus, corpus));
  });
});

describe('SerialRunner', () => {
  it('runs the next task after a failed one', async () => {
    const runner = new SerialRunner<number>();
    const failing = runner.run(async () => {
      await tick();
      throw new Error('no');
    });
    const next = runner.run(async () => 2);
    await expect(failing).rejects.toThrow('no');
    expect(await next).toBe(2);
    await runner.idle();
  });
});
