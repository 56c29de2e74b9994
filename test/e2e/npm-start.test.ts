/**
 * The `npm start` process itself (`node --import tsx src/bot/main.ts`, the
 * script's command; npm's own banner and warnings are left out of the
 * picture): bad configuration exits 1 with one line, and a real start against
 * the fake Discord server answers the done-when checks, then shuts
 * down cleanly on SIGTERM. Last, `npm start` through npm itself: a signal to
 * npm, or npm killed outright, leaves no bot behind (issue 11).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord } from '../support/fake-discord.ts';
import { BOT_TOKEN, copyCorpus } from '../support/harness.ts';
import {
  ALICE,
  buttonPress,
  buttons,
  displayed,
  interact,
  slashCommand,
  textOf,
} from '../support/interactions.ts';
import { type BotProcess, botEnv, gone, identified, kill, startProcess } from '../support/process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'src/bot/main.ts');
/** `npm start` runs `exec node --import tsx src/bot/main.ts`; tsx is found from here, not the test's cwd. */
const NODE_ARGS = ['--import', import.meta.resolve('tsx'), MAIN];

/** A clean environment: nothing from the developer's shell or .env leaks in. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', ...extra };
}

async function run(env: Record<string, string>, cwd: string) {
  const child = spawn(process.execPath, NODE_ARGS, {
    cwd,
    env: baseEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

describe('npm start with bad configuration', () => {
  // An empty folder as the working directory, so no .env is picked up.
  let cwd: string;
  beforeAll(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'whosaid-start-'));
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('exits 1 with one line naming the missing variable, .env.example and the offline CLI', async () => {
    const result = await run({}, cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^DISCORD_TOKEN is missing\. See \.env\.example .*npm run ask -- who-said/);
  });

  it('names a bad value the same way', async () => {
    const result = await run({ DISCORD_TOKEN: 'x', DISCORD_CLIENT_ID: 'not-a-snowflake' }, cwd);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^DISCORD_CLIENT_ID must be a Discord id/),
    ]);
  });
});

describe('npm start with a token Discord rejects', () => {
  it('exits 1 with one line on stderr, leaving nothing running', async () => {
    const fake = await FakeDiscord.start();
    fake.acceptedBotToken = 'the-real-token';
    const corpus = copyCorpus();
    try {
      const result = await run(
        {
          DISCORD_TOKEN: 'a-wrong-token',
          DISCORD_CLIENT_ID: APP_ID,
          DISCORD_API_URL: fake.apiUrl,
          CORPUS_DIR: corpus.dir,
          SNAPSHOT_DIR: '',
        },
        corpus.dir,
      );
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^whosaid could not start: .*invalid token/i),
      ]);
      expect(result.stdout + result.stderr).not.toContain('a-wrong-token');
    } finally {
      await fake.close();
      corpus.remove();
    }
  }, 20_000);
});

describe('npm start against a Discord-compatible server', () => {
  let fake: FakeDiscord;
  let child: ChildProcess;
  let corpus: ReturnType<typeof copyCorpus>;
  let logs = '';

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    corpus = copyCorpus();
    child = spawn(process.execPath, NODE_ARGS, {
      cwd: corpus.dir,
      env: baseEnv({
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_CLIENT_ID: APP_ID,
        DISCORD_API_URL: fake.apiUrl,
        CORPUS_DIR: corpus.dir,
        SNAPSHOT_DIR: '',
        // A setting from before the rate limit: still honoured (no limit), with a warning.
        QUERY_COOLDOWN_SECONDS: '0',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => {
      logs += d;
    });
    child.stderr?.on('data', (d) => {
      logs += d;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bot did not connect:\n${logs}`)), 20_000);
      child.once('exit', () => reject(new Error(`the bot exited:\n${logs}`)));
      fake.on('gateway', (payload) => {
        if (payload.op !== 2) return;
        clearTimeout(timer);
        resolve();
      });
    });
    // READY is sent right after IDENTIFY; give the client a moment to process it.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }, 25_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await fake?.close();
    corpus?.remove();
  });

  it('/who-said query:"empire of hackers" answers Zhao Lijian with the quote and a citation of seed 000', async () => {
    const out = await interact(fake, slashCommand(fake, 'who-said', { query: 'empire of hackers' }));
    const text = displayed(textOf(out.message));
    expect(text).toMatch(/^Zhao Lijian( · |$)/m);
    expect(text).toContain('empire of hackers');
    expect(text).toContain('[000_dedf56004ae8cd24:15.2]');
  });

  it('/deny country:RU answers Peskov and Lavrov, and nothing from China or Iran', async () => {
    let out = await interact(fake, slashCommand(fake, 'deny', { country: 'RU' }));
    let text = textOf(out.message);
    for (;;) {
      const next = buttons(out.message).find((b) => b.label === 'Next ▶');
      if (!next || next.disabled) break;
      out = await interact(fake, buttonPress(fake, next.custom_id, out.stored, ALICE));
      text += textOf(out.message);
    }
    const speakers = displayed(text)
      .split('\n')
      .filter((l) => / · /.test(l) && !l.startsWith('['));
    expect(speakers.join('\n')).toMatch(/Dmitry Peskov/);
    expect(speakers.join('\n')).toMatch(/Sergei Lavrov/);
    expect(speakers.join('\n')).not.toMatch(/Zhao Lijian|Wang Yi|Khatibzadeh|🇨🇳|🇮🇷/);
  });

  it('/reload from a member without Manage Server is refused ephemerally', async () => {
    const out = await interact(fake, slashCommand(fake, 'reload', {}, ALICE));
    expect(out.ephemeral).toBe(true);
    expect(out.message.content).toContain('Manage Server');
  });

  it('logs JSON without the token, and stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(logs).not.toContain(BOT_TOKEN);
    const lines = logs.trim().split('\n');
    expect(lines.every((l) => l.startsWith('{'))).toBe(true);
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(
      expect.arrayContaining(['connected to Discord', 'stopped']),
    );
    expect(lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'configuration')).toMatchObject({
      level: 40,
      warning: expect.stringMatching(/^QUERY_COOLDOWN_SECONDS is deprecated and read as RATE_LIMIT_BURST=0/),
    });
  });
});

describe('npm start through npm (npm → node, no tsx process between)', () => {
  // A folder holding the project's package.json scripts, with the sources and node_modules linked in:
  // npm runs the real start script, with no .env of the developer's in the working directory.
  let project: string;
  let fake: FakeDiscord;
  let corpus: ReturnType<typeof copyCorpus>;
  let npm: BotProcess | undefined;

  beforeAll(async () => {
    project = mkdtempSync(path.join(tmpdir(), 'whosaid-npm-'));
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'whosaid', version: pkg.version, type: 'module', scripts: pkg.scripts }),
    );
    for (const link of ['src', 'commands', 'node_modules']) {
      symlinkSync(path.join(ROOT, link), path.join(project, link));
    }
    fake = await FakeDiscord.start();
    corpus = copyCorpus();
  });
  afterEach(() => kill(npm));
  afterAll(async () => {
    await fake?.close();
    corpus?.remove();
    rmSync(project, { recursive: true, force: true });
  });

  const npmStart = async () => {
    npm = startProcess('npm', ['start'], { cwd: project, env: botEnv(fake, corpus.dir) });
    await identified(fake, npm);
    const pid = (await npm.waitForLog('starting')).pid as number;
    expect(pid).not.toBe(npm.child.pid); // the bot, not npm
    return { npm, pid };
  };

  it('the start script runs node directly: no wrapper of its own between npm and the bot', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe('exec node --import tsx src/bot/main.ts');
  });

  it('SIGTERM to npm stops the bot cleanly: nothing is left running', async () => {
    const { npm, pid } = await npmStart();
    npm.child.kill('SIGTERM');
    await npm.exited;
    expect(await gone(pid, 15_000)).toBe(true);
    expect(npm.logs().map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
  }, 90_000);

  it('npm killed outright (SIGKILL): the bot notices its parent is gone and stops', async () => {
    const { npm, pid } = await npmStart();
    npm.child.kill('SIGKILL');
    await npm.exited;
    expect(await gone(pid, 15_000)).toBe(true);
    expect(
      npm.logs().find((l) => l.msg === 'the process that started the bot is gone; shutting down'),
    ).toBeTruthy();
    expect(npm.logs().map((l) => l.msg)).toContain('stopped');
  }, 90_000);
});
