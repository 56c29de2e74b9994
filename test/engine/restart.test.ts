/**
 * Engine failures (issue 11): a worker that dies is replaced and the last
 * good corpus served again; a reload that runs out of memory or takes long
 * is built off the serving path, so answers keep coming.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SearchAnswer } from '../../src/answers/types.ts';
import {
  EngineRestarting,
  type EngineSetup,
  type ServiceTuning,
  WorkerService,
} from '../../src/engine/worker-service.ts';
import { silentLogger } from '../../src/log.ts';
import { article, corpusFolder, tempFolder, writeFiles } from './helpers.ts';

const FIXTURES = new URL('./fixtures/extractor.ts', import.meta.url).href;
const FILES = {
  'a.md': article('Ministers trade claims', [['Hackers work for an empire of lies', 'Li Wei', 'CN']]),
  'b.md': article('Second report', [['Our grain exports will grow', 'Anna Berg', 'SE']]),
};
/** A heap cap under which the "HOG" file runs a worker out of memory in a second or two. */
const CAPPED: ServiceTuning = { resourceLimits: { maxOldGenerationSizeMb: 96 }, restartDelayMs: 100 };

const services: WorkerService[] = [];
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
});

interface Logged {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

/** A logger that keeps what the service logs. */
function recorder(): { logger: typeof silentLogger; lines: Logged[] } {
  const lines: Logged[] = [];
  const at =
    (level: Logged['level']) =>
    (fields: Record<string, unknown> | string, message?: string): void => {
      if (typeof fields === 'string') lines.push({ level, message: fields, fields: {} });
      else lines.push({ level, message: message ?? '', fields });
    };
  const logger = Object.assign(Object.create(silentLogger), {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  }) as typeof silentLogger;
  return { logger, lines };
}

async function start(
  dir: string,
  options: {
    extractor?: string;
    tuning?: ServiceTuning;
    snapshots?: boolean;
    logger?: typeof silentLogger;
  } = {},
): Promise<WorkerService> {
  const setup: EngineSetup = {
    corpusDir: dir,
    maxFileBytes: 1e6,
    snapshotDir: options.snapshots === false ? undefined : tempFolder(),
    extractor: { module: FIXTURES, export: options.extractor ?? 'hoggingExtractor' },
  };
  const service = await WorkerService.start(setup, options.logger ?? silentLogger, options.tuning ?? CAPPED);
  services.push(service);
  return service;
}

const hits = async (service: WorkerService, query: string) =>
  ((await service.ask({ type: 'search', query })) as SearchAnswer).hits.length;

/** Asks every `everyMs` until `done` settles; resolves with each answer's latency in ms. */
async function latenciesWhile(
  service: WorkerService,
  done: Promise<unknown>,
  everyMs = 50,
): Promise<number[]> {
  let running = true;
  void done.finally(() => {
    running = false;
  });
  const samples: number[] = [];
  while (running) {
    const started = performance.now();
    await service.ask({ type: 'search', query: 'grain exports' });
    samples.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return samples;
}

describe('a reload that goes wrong', () => {
  it('runs out of memory on its own worker: reported as failed, and the corpus served throughout', async () => {
    const dir = corpusFolder(FILES);
    const service = await start(dir);
    writeFiles(dir, { 'hog.md': article('HOG', [['Memory is cheap', 'Ivan Petrov', 'RU']]) });
    const reloading = service.reload();
    const during = await latenciesWhile(service, reloading);
    const report = await reloading;
    expect(report).toMatchObject({ ok: false, error: expect.stringMatching(/out of memory/) });
    expect(during.length).toBeGreaterThan(0);
    expect(service.restarts).toBe(0);
    expect(await hits(service, 'grain exports')).toBe(1);
    expect(await service.ask({ type: 'corpus' })).toMatchObject({ documents: 2, lastReload: { ok: false } });

    // Once the file is gone, the next reload goes through.
    rmSync(path.join(dir, 'hog.md'));
    writeFiles(dir, { 'c.md': article('Third', [['The election was fair', 'Maria Lopez', 'ES']]) });
    expect(await service.reload()).toMatchObject({ ok: true, added: ['c'] });
    expect(await hits(service, 'election fair')).toBe(1);
  });

  it('keeps answers coming within a second while a slow file is built', async () => {
    const dir = corpusFolder(FILES);
    const service = await start(dir, { extractor: 'slowExtractor', tuning: {} });
    // One small file, as "a few files" was applied in place on the serving worker: 4 s of extraction.
    writeFiles(dir, { 'slow.md': article('SLOW', [['Patience is a virtue', 'Anna Berg', 'SE']]) });
    const reloading = service.reload();
    const during = await latenciesWhile(service, reloading);
    expect(Math.max(...during)).toBeLessThan(1000);
    expect(during.length).toBeGreaterThan(10);
    expect(await reloading).toMatchObject({ ok: true, added: ['slow'] });
    expect(await hits(service, 'patience virtue')).toBe(1);
  });
});

// Each kills a worker and waits for a new one to open the corpus: 11–17 s at load 11 on 2 cores.
describe('a serving worker that dies', { timeout: 60_000 }, () => {
  it('is replaced by one serving the last good corpus, within seconds, with a log line and a count', async () => {
    const dir = corpusFolder(FILES);
    const { logger, lines } = recorder();
    const service = await start(dir, { logger });
    const catalog = service.catalog();
    // The files now make a corpus no worker can build: only the last good snapshot can serve again.
    writeFiles(dir, { 'hog.md': article('HOG', [['Memory is cheap', 'Ivan Petrov', 'RU']]) });
    const diedAt = performance.now();
    await service.drill('out of memory');
    expect(service.restarting).toBe(true);
    expect(service.restarts).toBe(1);
    await expect(service.ask({ type: 'search', query: 'grain exports' })).rejects.toBeInstanceOf(
      EngineRestarting,
    );
    expect(service.catalog()).toBe(catalog); // autocomplete keeps working meanwhile
    await service.restarted();
    expect(performance.now() - diedAt).toBeLessThan(10_000);
    expect(service.restarting).toBe(false);
    expect(await hits(service, 'grain exports')).toBe(1);
    expect(service.counts.documents).toBe(2);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'engine worker stopped unexpectedly; restarting it',
        fields: expect.objectContaining({ err: expect.stringMatching(/out of memory/), restarts: 1 }),
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        message: 'engine worker restarted',
        fields: expect.objectContaining({ from: 'the last good snapshot' }),
      }),
    );

    // Killed again: replaced again, and counted.
    await service.drill('exit');
    await service.restarted();
    expect(service.restarts).toBe(2);
    expect(await hits(service, 'grain exports')).toBe(1);
  });

  it('without snapshots, is rebuilt from the files, retrying until they can be built', async () => {
    const dir = corpusFolder(FILES);
    const { logger, lines } = recorder();
    const service = await start(dir, { logger, snapshots: false });
    writeFiles(dir, { 'hog.md': article('HOG', [['Memory is cheap', 'Ivan Petrov', 'RU']]) });
    await service.drill('exit');
    await expect(service.ask({ type: 'corpus' })).rejects.toBeInstanceOf(EngineRestarting);
    // Every attempt runs out of memory on the new file…
    while (!lines.some((l) => l.message === 'engine worker could not be restarted')) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(service.restarting).toBe(true);
    // …until it is removed.
    rmSync(path.join(dir, 'hog.md'));
    await service.restarted();
    expect(await hits(service, 'grain exports')).toBe(1);
    expect(service.restarts).toBe(1);
  });

  it('is replaced by a reload that finishes first, and the restart then stands down', async () => {
    const dir = corpusFolder(FILES);
    const service = await start(dir, { extractor: 'extractStatements' });
    const reloading = service.reload();
    await service.drill('exit');
    expect(await reloading).toMatchObject({ ok: true });
    await service.restarted();
    expect(await hits(service, 'grain exports')).toBe(1);
  });

  it('lets close() stop the engine and a restart under way', async () => {
    const dir = corpusFolder(FILES);
    const service = await start(dir, { snapshots: false });
    writeFiles(dir, { 'hog.md': article('HOG', [['Memory is cheap', 'Ivan Petrov', 'RU']]) });
    await service.drill('exit');
    const started = performance.now();
    await service.close();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(service.restarting).toBe(false);
  });
});
