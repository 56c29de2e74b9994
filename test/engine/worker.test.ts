import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SearchAnswer, WhoSaidAnswer } from '../../src/answers/types.ts';
import { createAnswerService } from '../../src/engine/service.ts';
import { EngineError, type EngineSetup, WorkerService } from '../../src/engine/worker-service.ts';
import { silentLogger } from '../../src/log.ts';
import { article, corpusFolder, tempFolder, writeFiles } from './helpers.ts';

const EXTRACTOR = {
  module: new URL('./fixtures/extractor.ts', import.meta.url).href,
  export: 'extractStatements',
};
const FILES = {
  'a.md': article('Ministers trade claims', [
    ['We never hacked anyone', 'Ivan Petrov', 'RU'],
    ['Hackers work for an empire of lies', 'Li Wei', 'CN'],
  ]),
  'b.md': article('Second report', [['Our grain exports will grow', 'Anna Berg', 'SE']]),
};

const services: WorkerService[] = [];
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
});

async function start(
  dir: string,
  tuning = {},
  extractor = EXTRACTOR,
  snapshotDir = tempFolder(),
): Promise<WorkerService> {
  const setup: EngineSetup = { corpusDir: dir, maxFileBytes: 1e6, snapshotDir, extractor };
  const service = await WorkerService.start(setup, silentLogger, tuning);
  services.push(service);
  return service;
}

const speakers = (a: WhoSaidAnswer) => a.groups.map((g) => g.speaker.name);
const countryCodes = (service: WorkerService) =>
  service
    .catalog()
    .countries.map((c) => c.code)
    .sort();

describe('the engine on a worker thread', () => {
  it('answers requests and keeps the catalog on the calling thread', async () => {
    const service = await start(corpusFolder(FILES));
    const answer = (await service.ask({ type: 'who-said', query: 'empire of hackers' })) as WhoSaidAnswer;
    expect(speakers(answer)).toEqual(['Li Wei']);
    expect(countryCodes(service)).toEqual(['CN', 'RU', 'SE']);
    await expect(service.ask({ type: 'search', query: '' } as never)).rejects.toThrow(EngineError);
  });

  it('serves a cold build from a fresh worker opened from its snapshot, reported as built', async () => {
    const dir = corpusFolder(FILES);
    const snapshots = tempFolder();
    const cold = await start(dir, {}, EXTRACTOR, snapshots);
    expect(cold.openedFrom).toBe('built');
    expect(cold.servedFrom).toBe('snapshot');
    const answer = (await cold.ask({ type: 'who-said', query: 'empire of hackers' })) as WhoSaidAnswer;
    expect(speakers(answer)).toEqual(['Li Wei']);
    const warm = await start(dir, {}, EXTRACTOR, snapshots);
    expect(warm.openedFrom).toBe('snapshot');
  });

  it('builds every reload on a fresh worker and swaps it in, a small change as a large one', async () => {
    const dir = corpusFolder(FILES);
    const service = await start(dir);
    writeFiles(dir, { 'c.md': article('Third', [['The election was fair', 'Maria Lopez', 'ES']]) });
    const small = await service.reload();
    expect(small).toMatchObject({ ok: true, added: ['c'], removed: [], changed: [] });
    writeFiles(dir, {
      'a.md': article('Ministers trade claims', [['We never hacked anyone', 'Ivan Petrov', 'RU']]),
      'd.md': article('Fourth', [['Prices will fall', 'Anna Berg', 'SE']]),
    });
    rmSync(path.join(dir, 'b.md'));
    const large = await service.reload();
    expect(large).toMatchObject({ ok: true, added: ['d'], removed: ['b'], changed: ['a'] });
    expect(large.after).toMatchObject({ documents: 3, statements: 3 });
    const answer = (await service.ask({ type: 'who-said', query: 'prices' })) as WhoSaidAnswer;
    expect(speakers(answer)).toEqual(['Anna Berg']);
    expect(countryCodes(service)).toEqual(['ES', 'RU', 'SE']);
    const corpus = await service.ask({ type: 'corpus' });
    expect(corpus).toMatchObject({ type: 'corpus', documents: 3, lastReload: { ok: true, added: ['d'] } });
  });

  it('keeps serving the old corpus when a reload fails, and says why', async () => {
    const dir = corpusFolder(FILES);
    const service = await start(dir);
    rmSync(path.join(dir, 'a.md'));
    rmSync(path.join(dir, 'b.md'));
    const report = await service.reload();
    expect(report).toMatchObject({ ok: false, error: expect.stringMatching(/no valid document/) });
    const answer = (await service.ask({ type: 'search', query: 'grain exports' })) as SearchAnswer;
    expect(answer.hits).toHaveLength(1);
  });

  it('reports a corpus folder gone missing as a failed reload', async () => {
    const dir = corpusFolder(FILES);
    const service = await start(dir);
    rmSync(dir, { recursive: true });
    const report = await service.reload();
    expect(report).toMatchObject({ ok: false, error: expect.stringMatching(/cannot open corpus folder/) });
    expect(await service.ask({ type: 'corpus' })).toMatchObject({ documents: 2, lastReload: { ok: false } });
  });

  it('runs concurrent reloads one after the other, and answers throughout', async () => {
    const dir = corpusFolder(FILES);
    const service = await start(dir);
    writeFiles(dir, { 'c.md': article('Third', [['The election was fair', 'Maria Lopez', 'ES']]) });
    const reloads = [service.reload(), service.reload(), service.rebuild()];
    const answers = Array.from({ length: 20 }, () => service.ask({ type: 'search', query: 'exports' }));
    const reports = await Promise.all(reloads);
    expect(reports.map((r) => r.ok)).toEqual([true, true, true]);
    expect(reports[0]!.added).toEqual(['c']);
    expect(reports[1]!.added).toEqual([]);
    for (const a of (await Promise.all(answers)) as SearchAnswer[]) expect(a.hits).toHaveLength(1);
  });

  it('reports a worker that cannot open its corpus as the engine error it was', async () => {
    await expect(start(path.join(tempFolder(), 'missing'))).rejects.toThrow(/cannot open corpus folder/);
    await expect(
      start(corpusFolder(FILES), {}, { ...EXTRACTOR, export: 'failingExtractor' }),
    ).rejects.toThrow('extractor exploded');
  });

  it('runs the project attribution engine in the bundled worker, on the seed corpus', async () => {
    const service = await createAnswerService({
      corpusDir: fileURLToPath(new URL('../../corpus', import.meta.url)),
      maxFileBytes: 1e6,
      snapshotDir: tempFolder(),
      logger: silentLogger,
    });
    const answer = (await service.ask({ type: 'who-said', query: 'empire of hackers' })) as WhoSaidAnswer;
    expect(speakers(answer)).toContain('Zhao Lijian');
    await service.close();
  });

  it('logs a snapshot it cannot write, and serves all the same', async () => {
    const notAFolder = path.join(tempFolder(), 'file');
    writeFileSync(notAFolder, 'in the way');
    const warnings: string[] = [];
    const logger = Object.assign(Object.create(silentLogger), {
      warn: (message: string) => warnings.push(message),
    }) as typeof silentLogger;
    const service = await createAnswerService({
      corpusDir: corpusFolder(FILES),
      maxFileBytes: 1e6,
      snapshotDir: notAFolder,
      logger,
      extractor: EXTRACTOR,
    });
    const answer = (await service.ask({ type: 'search', query: 'grain exports' })) as SearchAnswer;
    expect(answer.hits).toHaveLength(1);
    await service.close();
    expect(warnings).toEqual([expect.stringMatching(/^snapshot not written: /)]);
  });

  it('is what createAnswerService returns by default, and answers like the in-process engine', async () => {
    const dir = corpusFolder(FILES);
    const base = { corpusDir: dir, maxFileBytes: 1e6, logger: silentLogger, extractor: EXTRACTOR };
    const onWorker = await createAnswerService(base);
    const inProcess = await createAnswerService({ ...base, threads: 0 });
    expect(onWorker).toBeInstanceOf(WorkerService);
    for (const request of [
      { type: 'who-said', query: 'hackers' },
      { type: 'deny', country: 'RU' },
      { type: 'search', query: '"grain exports"' },
    ] as const) {
      expect(await onWorker.ask(request)).toEqual(await inProcess.ask(request));
    }
    await Promise.all([onWorker.close(), inProcess.close()]);
  });
});
