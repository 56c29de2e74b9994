/**
 * Engine failures end to end (issue 11): through the bot, a user asking while
 * a dead engine worker is replaced is told to try again in a few seconds, and
 * answered once it is back; as a process, the engine exits cleanly after a
 * worker ran out of memory, and a SIGTERM while a snapshot is being written
 * leaves no temporary folder behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replies } from '../../src/bot/replies.ts';
import { WorkerService } from '../../src/engine/worker-service.ts';
import { silentLogger } from '../../src/log.ts';
import { corpusFolder, tempFolder } from '../engine/helpers.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { slashCommand, textOf } from '../support/interactions.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('../engine/fixtures/engine-process.ts', import.meta.url));
const EXTRACTOR = {
  module: new URL('../engine/fixtures/extractor.ts', import.meta.url).href,
  export: 'extractStatements',
};

const report = (n: number) =>
  `Report ${n}\n\n"Claim number ${n} is false," said Ivan Petrov of RU. The ministry said the report was groundless.\n`;
/** Enough documents that writing their snapshot takes a moment. */
const manyFiles = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`r${i}.md`, report(i)]));

describe('the bot while the engine restarts', () => {
  let h: Harness;
  let service: WorkerService;

  beforeAll(async () => {
    service = await WorkerService.start(
      {
        corpusDir: corpusFolder(manyFiles(3)),
        maxFileBytes: 1e6,
        snapshotDir: tempFolder(),
        extractor: EXTRACTOR,
      },
      silentLogger,
    );
    h = await startHarness({ service });
  });
  afterAll(async () => {
    await h?.close();
    await service?.close();
  });

  it('tells the user to try again in a few seconds, then answers once the engine is back', async () => {
    await service.drill('exit');
    const refused = await h.send(slashCommand(h.fake, 'search', { query: 'groundless' }));
    expect(refused.ephemeral).toBe(true);
    expect(refused.message.content).toBe(replies.engineRestarting);
    expect(h.logs.find((l) => l.msg === 'not answered: the engine is restarting')).toMatchObject({
      level: 40,
      kind: '/search',
    });
    expect(h.logs.some((l) => l.msg === 'interaction failed')).toBe(false);

    await service.restarted();
    const answered = await h.send(slashCommand(h.fake, 'search', { query: 'groundless' }));
    expect(textOf(answered.message)).toContain('**groundless**');
  });
});

interface Child {
  process: ChildProcess;
  output(): string;
  /** Resolves once the child has printed `word` on a line of its own. */
  said(word: string): Promise<void>;
  exited: Promise<number | string>;
}

/** The engine in a process of its own (test/engine/fixtures/engine-process.ts), run by node itself. */
function runEngine(mode: string, corpusDir: string, snapshotDir: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, corpusDir, snapshotDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiting: { word: string; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiting]) {
      if (output.split('\n').includes(w.word)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout!.on('data', (d) => {
    output += d;
    check();
  });
  child.stderr!.on('data', (d) => {
    output += d;
  });
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  return {
    process: child,
    output: () => output,
    said: (word) =>
      new Promise((resolve, reject) => {
        waiting.push({ word, resolve });
        check();
        void exited.then(() => reject(new Error(`exited before saying ${word}:\n${output}`)));
      }),
    exited,
  };
}

/** Resolves with the exit code, or rejects if the process is still running after `ms` (then killed). */
async function exitWithin(child: Child, ms: number): Promise<number | string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.process.kill('SIGKILL');
      reject(new Error(`still running ${ms} ms later:\n${child.output()}`));
    }, ms);
  });
  try {
    return await Promise.race([child.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

const children: Child[] = [];
afterAll(() => {
  for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
});

function run(mode: string, corpusDir: string, snapshotDir: string): Child {
  const child = runEngine(mode, corpusDir, snapshotDir);
  children.push(child);
  return child;
}

/** Temporary snapshot folders anywhere under `root`. */
function temporaryFolders(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((n) =>
    path.basename(n).includes('.tmp-'),
  );
}

describe('the engine as a process', () => {
  it('exits by itself once closed after a worker ran out of memory', { timeout: 90_000 }, async () => {
    const child = run('oom-close', corpusFolder(manyFiles(20)), tempFolder());
    await child.said('restarted');
    await child.said('closed');
    expect(await exitWithin(child, 10_000)).toBe(0);
  });

  it('exits at once when told to while a worker that ran out of memory is replaced', {
    timeout: 90_000,
  }, async () => {
    for (const mode of ['oom-exit', 'oom-signal']) {
      const child = run(mode, corpusFolder(manyFiles(20)), tempFolder());
      await child.said('died');
      if (mode === 'oom-signal') child.process.kill('SIGTERM');
      expect(await exitWithin(child, 10_000)).toBe(0);
    }
  });

  it('leaves no temporary snapshot folder when stopped by SIGTERM mid-write', {
    timeout: 90_000,
  }, async () => {
    for (const mode of ['write-signal', 'reload-signal']) {
      const snapshots = tempFolder();
      const child = run(mode, corpusFolder(manyFiles(2000)), snapshots);
      await child.said('signalled');
      expect(await exitWithin(child, 10_000)).toBe(0);
      expect(temporaryFolders(snapshots)).toEqual([]);
    }
  });
});
