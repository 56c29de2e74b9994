/**
 * Issue 11, silent failures at the gateway, with the real discord.js client
 * against the local Discord-compatible server: a close code Discord means as
 * final, a gateway that cannot be reached (at start-up and mid-session), a
 * REST API that cannot be reached, a bad token noticed before the corpus is
 * built; and a stop during a long /reload answers the moderator first.
 * (The process side, exit codes and stderr, is in built.test.ts.)
 */
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answers/requests.ts';
import type { ReloadReport } from '../../src/answers/types.ts';
import { startBot } from '../../src/bot/main.ts';
import { replies } from '../../src/bot/replies.ts';
import { loadBotConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { corpusFolder } from '../engine/helpers.ts';
import { APP_ID, FakeDiscord } from '../support/fake-discord.ts';
import { BOT_TOKEN, type Harness, startHarness } from '../support/harness.ts';
import { MODERATOR, slashCommand, textOf } from '../support/interactions.ts';
import { deadPort } from '../support/process.ts';
import { stubService } from '../support/stub-service.ts';

// biome-ignore lint/suspicious/noExplicitAny: log lines are free-form JSON
type Json = any;

let dir: string;
let service: AnswerService;

beforeAll(async () => {
  dir = corpusFolder({ 'a.txt': 'Report\n\n"We never hacked anyone," said Ivan Petrov of RU.\n' });
  service = await stubService(dir);
});

/** A service that must not be closed by one bot's stop: several tests share it. */
const shared = (): AnswerService => ({ ...service, close: async () => {} });

function logSink() {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logs = (): Json[] =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  return { logger: createLogger('debug', sink), logs };
}

function configFor(fake: FakeDiscord, env: Record<string, string> = {}) {
  return loadBotConfig({
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_CLIENT_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: dir,
    SNAPSHOT_DIR: '',
    RATE_LIMIT_BURST: '0',
    ...env,
  });
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> =>
  Promise.race([promise, sleep(ms).then(() => 'pending' as const)]);

describe('a close code Discord means as final', () => {
  it.each([
    [4004, /authentication failed: the token was reset or revoked/],
    [4010, /invalid shard/],
    [4011, /sharding required/],
    [4012, /invalid API version/],
    [4013, /invalid intents/],
    [4014, /disallowed intents/],
  ])('%i mid-session is logged as fatal and reported as lost, with no reconnect', async (code, meaning) => {
    const h = await startHarness({ service: shared() });
    try {
      h.fake.closeGateway(code);
      const lost = await within(h.bot.lost, 5000);
      expect(lost).not.toBe('pending');
      expect((lost as Error).message).toMatch(
        new RegExp(`^Discord closed the gateway with code ${code}, ${meaning.source}`),
      );
      expect(h.logs.find((l) => l.level === 60)).toMatchObject({
        msg: 'lost the connection to Discord',
        code,
      });
      await sleep(700); // discord.js would reconnect after 500 ms
      expect(h.fake.gatewayReceived.filter((p) => p.op === 2)).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});

describe('an ordinary close', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ service: shared(), env: { GATEWAY_TIMEOUT_SECONDS: '2' } });
  });
  afterAll(() => h?.close());

  it('is resumed by discord.js, is not reported as lost, and the bot keeps answering', async () => {
    const closedAt = Date.now();
    h.fake.closeGateway(4000); // "unknown error": Discord lets the session be resumed
    const deadline = Date.now() + 10_000;
    while (!h.logs.some((l) => l.msg === 'gateway connection back')) {
      if (Date.now() > deadline) throw new Error('the bot did not resume');
      await sleep(20);
    }
    expect(h.fake.gatewayReceived.filter((p) => p.op === 6)).toHaveLength(1);
    expect(h.fake.gatewayReceived.filter((p) => p.op === 2)).toHaveLength(1);
    // Past GATEWAY_TIMEOUT_SECONDS since the close: a connection that came back is not counted as lost.
    expect(await within(h.bot.lost, Math.max(0, closedAt + 2500 - Date.now()))).toBe('pending');
    const out = await h.send(slashCommand(h.fake, 'search', { query: 'hacked' }));
    expect(textOf(out.message)).toContain('**hacked**');
  });
});

describe('a gateway that cannot be reached', () => {
  it('at start-up: retried, a warning logged, then a GatewayError after GATEWAY_TIMEOUT_SECONDS', async () => {
    const fake = await FakeDiscord.start();
    fake.gatewayUrl = `ws://127.0.0.1:${await deadPort()}`;
    const { logger, logs } = logSink();
    const started = Date.now();
    try {
      const error = await startBot(configFor(fake, { GATEWAY_TIMEOUT_SECONDS: '2' }), {
        logger,
        service: shared(),
      }).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.name).toBe('GatewayError');
      expect(error?.message).toMatch(
        /^could not connect to ws:\/\/127\.0\.0\.1:\d+ in 2 s \(GATEWAY_TIMEOUT_SECONDS\)/,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(logs().find((l) => l.msg === 'still connecting to the gateway')).toMatchObject({ level: 40 });
    } finally {
      await fake.close();
    }
  });

  it('mid-session: a warning while discord.js retries, then reported as lost after the timeout', async () => {
    const h = await startHarness({ service: shared(), env: { GATEWAY_TIMEOUT_SECONDS: '2' } });
    try {
      await h.fake.close(); // the server goes away: every reconnect is refused
      const lost = await within(h.bot.lost, 8000);
      expect(lost).not.toBe('pending');
      expect((lost as Error).message).toMatch(/^the gateway has been unreachable for \d+(\.\d)? s/);
      expect(
        h.logs.find((l) => l.msg === 'gateway connection lost; discord.js is reconnecting'),
      ).toMatchObject({ level: 40 });
      expect(h.logs.find((l) => l.level === 60)?.msg).toBe('lost the connection to Discord');
    } finally {
      await h.bot.stop();
    }
  });
});

describe('the token, checked before the corpus is built', () => {
  it('a token Discord rejects fails at once, before the corpus is read, and before the gateway', async () => {
    const fake = await FakeDiscord.start();
    fake.acceptedBotToken = 'the-real-token';
    const { logger, logs } = logSink();
    try {
      // No service given and a corpus folder that does not exist: a build would fail differently.
      const error = await startBot(configFor(fake, { CORPUS_DIR: `${dir}/missing` }), { logger }).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/^Discord rejected DISCORD_TOKEN: an invalid token \(401 on GET/);
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v10/users/@me']);
      expect(logs().map((l) => l.msg)).not.toContain('corpus loaded');
      expect(JSON.stringify(logs())).not.toContain(BOT_TOKEN);
    } finally {
      await fake.close();
    }
  });

  it('a REST API that cannot be reached is retried with warnings, then fails after the timeout', async () => {
    const fake = await FakeDiscord.start();
    const { logger, logs } = logSink();
    const api = `http://127.0.0.1:${await deadPort()}/api`;
    try {
      const error = await startBot(
        configFor(fake, { DISCORD_API_URL: api, GATEWAY_TIMEOUT_SECONDS: '2.5' }),
        { logger, service: shared() },
      ).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(
        new RegExp(`^could not reach ${api.replace(/[./]/g, '\\$&')} in 2.5 s: .*ECONNREFUSED`),
      );
      const retries = logs().filter((l) => /; retrying$/.test(l.msg));
      expect(retries.length).toBeGreaterThanOrEqual(1);
      expect(retries[0]).toMatchObject({ level: 40, attempt: 1 });
    } finally {
      await fake.close();
    }
  });
});

describe('stopping with answers pending', () => {
  it('answers the moderator\'s pending "thinking…" before the bot disconnects', async () => {
    let reloadStarted = false;
    const slow: AnswerService = {
      ...shared(),
      reload: () => {
        reloadStarted = true;
        return new Promise<ReloadReport>(() => {}); // a reload that outlasts the process
      },
    };
    const h = await startHarness({ service: slow });
    try {
      const payload = slashCommand(h.fake, 'reload', {}, MODERATOR);
      h.fake.dispatch('INTERACTION_CREATE', payload);
      const deferred = await h.fake.waitForRequest((r) => r.path.includes(`/${payload.token}/callback`));
      expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
      while (!reloadStarted) await sleep(10);

      await h.bot.stop();
      const edit = h.fake.requests.find((r) => r.method === 'PATCH' && r.path.includes(payload.token));
      expect(edit).toBeDefined();
      expect(textOf(h.fake.originalMessage(payload.token))).toContain(replies.shuttingDown);
      expect(h.logs.map((l) => l.msg)).toContain('stopped');
    } finally {
      await h.close();
    }
  });
  it('answers any other pending "thinking…" (a query still running) before it disconnects, within a bounded wait', async () => {
    let asked = false;
    const stuck: AnswerService = {
      ...shared(),
      ask: (request) => {
        if (request.type !== 'search') return service.ask(request);
        asked = true;
        return new Promise(() => {}); // an answer that outlasts the process
      },
    };
    const h = await startHarness({ service: stuck, deferAfterMs: 20 });
    try {
      const payload = slashCommand(h.fake, 'search', { query: 'hacked' });
      h.fake.dispatch('INTERACTION_CREATE', payload);
      const deferred = await h.fake.waitForRequest((r) => r.path.includes(`/${payload.token}/callback`));
      expect(deferred.body).toMatchObject({ type: 5 });
      while (!asked) await sleep(10);

      const started = Date.now();
      await h.bot.stop();
      expect(Date.now() - started).toBeLessThan(5000);
      expect(textOf(h.fake.originalMessage(payload.token))).toContain(replies.restarting);
      expect(h.fake.followUps(payload.token)).toEqual([]);
      expect(h.logs.map((l) => l.msg)).not.toContain('stopping with interactions still unanswered');
    } finally {
      await h.close();
    }
  });
});
