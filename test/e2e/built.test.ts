/**
 * The built bot, `node dist/src/bot/main.js`, as production runs it: plain
 * JavaScript, no TypeScript loader, no wrapper between a signal and the bot.
 *
 * CI builds once (`npm run build`) and points WHOSAID_DIST at the output;
 * without it this file builds the sources itself into a private folder
 * under .cache/, so a local run always tests the code as it is now.
 *
 * Also the process side of the gateway failures (issue 11): a fatal close
 * mid-session and an unreachable gateway exit 1 with one line on stderr; a
 * bad token fails before the corpus is built; LOG_FORMAT=pretty. And the
 * health endpoint (HEALTH_PORT) of the built bot, with the README's Docker HEALTHCHECK.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fake-discord.ts';
import { BOT_TOKEN, copyCorpus } from '../support/harness.ts';
import { displayed, interact, slashCommand, textOf } from '../support/interactions.ts';
import { type BotProcess, botEnv, deadPort, identified, kill, startProcess } from '../support/process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dist: string;
let built: string | null = null;

beforeAll(async () => {
  if (process.env.WHOSAID_DIST) {
    dist = path.resolve(ROOT, process.env.WHOSAID_DIST);
  } else {
    // Inside the project, so the build finds node_modules and the code version as dist/ does.
    mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
    built = dist = mkdtempSync(path.join(ROOT, '.cache', 'dist-test-'));
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    // Type errors are `npm run typecheck`'s to report; what matters here is the emitted code.
    await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', dist], {
      cwd: ROOT,
    }).catch(() => undefined);
  }
  if (!existsSync(path.join(dist, 'src/bot/main.js'))) throw new Error(`no built bot in ${dist}`);
}, 240_000);

afterAll(() => {
  if (built) rmSync(built, { recursive: true, force: true });
});

let fake: FakeDiscord;
let corpus: ReturnType<typeof copyCorpus>;
let bot: BotProcess | undefined;

const start = (extra: Record<string, string> = {}) =>
  startProcess(process.execPath, [path.join(dist, 'src/bot/main.js')], {
    cwd: corpus.dir,
    env: botEnv(fake, corpus.dir, extra),
  });

beforeAll(async () => {
  fake = await FakeDiscord.start();
  corpus = copyCorpus();
});
afterEach(() => kill(bot));
afterAll(async () => {
  await fake?.close();
  corpus?.remove();
});

describe('node dist/src/bot/main.js', () => {
  it('builds its corpus logging progress, answers /who-said, and stops on SIGTERM with exit 0', async () => {
    bot = start();
    await identified(fake, bot);
    const out = await interact(fake, slashCommand(fake, 'who-said', { query: 'empire of hackers' }));
    const text = displayed(textOf(out.message));
    expect(text).toMatch(/^Zhao Lijian( · |$)/m);
    expect(text).toContain('[000_dedf56004ae8cd24:15.2]');

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const logs = bot.logs();
    expect(logs.find((l) => l.msg === 'starting')).toMatchObject({ pid: bot.child.pid });
    // The progress of the first build: files done of total, with the rate at the end.
    expect(logs.find((l) => /^building corpus: extracting/.test(l.msg))).toMatchObject({ done: 0, total: 2 });
    expect(logs.find((l) => /^building corpus: 2 files extracted/.test(l.msg))).toMatchObject({
      done: 2,
      total: 2,
      perSecond: expect.any(Number),
    });
    expect(logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['token accepted', 'corpus loaded', 'connected to Discord', 'stopped']),
    );
    expect(bot.stdout() + bot.stderr()).not.toContain(BOT_TOKEN);
    expect(bot.stderr()).toBe('');
  }, 90_000);

  it('exits 1 with one line on stderr when Discord closes the gateway with 4004 (token revoked)', async () => {
    bot = start();
    await identified(fake, bot);
    fake.closeGateway(4004, 'Authentication failed.');
    expect(await bot.exited).toBe(1);
    expect(bot.stderr().trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^whosaid stopped: Discord closed the gateway with code 4004, authentication failed/,
      ),
    ]);
    expect(bot.logs().find((l) => l.level === 60)).toMatchObject({
      msg: 'lost the connection to Discord',
      code: 4004,
    });
    expect(bot.logs().map((l) => l.msg)).toContain('stopped');
  }, 90_000);

  it('retries a gateway it cannot reach, then logs it and exits 1 after GATEWAY_TIMEOUT_SECONDS', async () => {
    fake.gatewayUrl = `ws://127.0.0.1:${await deadPort()}`;
    try {
      bot = start({ GATEWAY_TIMEOUT_SECONDS: '3' });
      expect(await bot.exited).toBe(1);
    } finally {
      fake.gatewayUrl = null;
    }
    expect(bot.stderr().trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^whosaid could not start: could not connect to ws:\/\/127\.0\.0\.1:\d+ in 3 s \(GATEWAY_TIMEOUT_SECONDS\)/,
      ),
    ]);
    const logs = bot.logs();
    expect(logs.find((l) => l.msg === 'still connecting to the gateway')).toMatchObject({ level: 40 });
    expect(logs.find((l) => l.level === 60)?.msg).toBe('could not start');
  }, 90_000);

  it('checks the token before building the corpus, and LOG_FORMAT=pretty writes readable lines', async () => {
    fake.acceptedBotToken = 'the-real-token';
    const before = fake.requests.length;
    try {
      // A corpus folder that does not exist: the token's failure must come first.
      bot = start({ CORPUS_DIR: path.join(corpus.dir, 'missing'), LOG_FORMAT: 'pretty' });
      expect(await bot.exited).toBe(1);
    } finally {
      fake.acceptedBotToken = null;
    }
    expect(bot.stderr().trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^whosaid could not start: Discord rejected DISCORD_TOKEN: an invalid token/),
    ]);
    const lines = bot.stdout().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}starting pid=\d+ node=v\d+/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} FATAL could not start error=\{.*invalid token/),
    );
    expect(bot.stdout()).not.toMatch(/^\{/m);
    expect(bot.stdout()).not.toMatch(/building corpus|corpus loaded/);
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v10/users/@me',
    ]);
  }, 90_000);

  it("serves /readyz and /metrics with HEALTH_PORT, and the README's Docker HEALTHCHECK passes once ready", async () => {
    const port = await deadPort();
    // The command of the Dockerfile in the README, on this test's port.
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const command = /^HEALTHCHECK .*\\\n\s*CMD (\[.*\])$/m.exec(readme)?.[1];
    expect(command).toBeDefined();
    const [node, flag, script] = JSON.parse(command!) as string[];
    expect([node, flag, script]).toEqual(['node', '-e', expect.stringContaining('127.0.0.1:9464/readyz')]);
    const healthCheck = () =>
      promisify(execFile)(process.execPath, ['-e', script!.replace(':9464/', `:${port}/`)]).then(
        () => 0,
        (error: { code?: number }) => error.code,
      );
    bot = start({ HEALTH_PORT: String(port) });
    await bot.waitForLog('connected to Discord', 60_000);
    expect(await healthCheck()).toBe(0);
    await interact(fake, slashCommand(fake, 'search', { query: 'hackers' }));
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^whosaid_answers_total\{command="search",outcome="ok"\} 1$/m);
    expect(metrics).toMatch(/^whosaid_corpus_documents 2$/m);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(await healthCheck()).toBe(1);
  }, 90_000);

  it('exits 1 with one line when HEALTH_PORT is taken, before anything else', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const { port } = taken.address() as { port: number };
    const before = fake.requests.length;
    try {
      bot = start({ HEALTH_PORT: String(port) });
      expect(await bot.exited).toBe(1);
    } finally {
      taken.close();
    }
    expect(bot.stderr().trimEnd().split('\n')).toEqual([
      `whosaid could not start: HEALTH_PORT ${port} is already in use on 127.0.0.1`,
    ]);
    expect(fake.requests.length).toBe(before);
  }, 90_000);
});
