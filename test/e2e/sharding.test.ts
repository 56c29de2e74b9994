/**
 * Sharding (issue 11, item 4) end to end: the real discord.js client, with
 * its own internal sharding (DISCORD_SHARD_COUNT), over real HTTP and
 * WebSockets against the local Discord-compatible server's sharded gateway.
 *
 * One process runs every shard and one engine answers them all: each shard
 * identifies with its [id, count]; a command arriving on shard 0 and one on
 * shard 2 are answered once each by the same engine; /readyz waits for the
 * last shard; a resumable close on one shard is resumed on that shard alone;
 * a 4004 on one shard is fatal for the process (`lost`, which `main` turns
 * into exit 1, shown with a real process). Then explicit shard ids, and the start-up clock: Discord's
 * 5-second turns between identifies are not counted as unreachable, a shard
 * that never connects is.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answers/requests.ts';
import { DISCONNECT_MS, IDENTIFY_SLOT_MS } from '../../src/bot/gateway.ts';
import { type RunningBot, startBot } from '../../src/bot/main.ts';
import { loadBotConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { corpusFolder } from '../engine/helpers.ts';
import { APP_ID, FakeDiscord } from '../support/fake-discord.ts';
import { BOT_TOKEN, copyCorpus, SEED_CORPUS } from '../support/harness.ts';
import { displayed, interact, slashCommand, textOf } from '../support/interactions.ts';
import { botEnv, deadPort, identified, kill, startProcess } from '../support/process.ts';
import { get, sample } from '../support/prometheus.ts';
import { stubService } from '../support/stub-service.ts';

// biome-ignore lint/suspicious/noExplicitAny: payloads and log lines are free-form JSON
type Json = any;

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

function configFor(fake: FakeDiscord, env: Record<string, string>) {
  return loadBotConfig({
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_CLIENT_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: SEED_CORPUS,
    SNAPSHOT_DIR: '',
    RATE_LIMIT_BURST: '0',
    ...env,
  });
}

/** A server (guild) id whose events Discord sends to `shard` of `count`: `(id >> 22) % count`. */
function guildOnShard(shard: number, count: number): string {
  const timestamp = 100_000_000_000n;
  const offset = (BigInt(shard) - (timestamp % BigInt(count)) + BigInt(count)) % BigInt(count);
  return (((timestamp + offset) << 22n) + 1n).toString();
}

/** The same interaction, from a server on `shard`: the fake routes it to that shard's connection. */
function fromServerOn(payload: Json, shard: number, count: number): Json {
  const guild = guildOnShard(shard, count);
  return {
    ...payload,
    guild_id: guild,
    channel: { ...payload.channel, guild_id: guild },
    authorizing_integration_owners: { '0': guild },
  };
}

const probe = (url: string) =>
  get(url).then(
    (r) => `${r.status} ${r.body.trim()}`,
    () => 'refused',
  );

async function until<T>(what: string, read: () => T | Promise<T>, done: (value: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${String(value)}`);
    await sleep(10);
  }
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> =>
  Promise.race([promise, sleep(ms).then(() => 'pending' as const)]);

describe('DISCORD_SHARD_COUNT=auto: three shards in one process, answered by one engine', () => {
  let fake: FakeDiscord;
  let bot: RunningBot;
  let base: string;
  const { logger, logs } = logSink();
  /** What /readyz and /metrics said while shards 0 and 1 were ready and shard 2 was not. */
  let whileHeld: { readyz: string; metrics: string };
  /** The shard each INTERACTION_CREATE arrived on, by interaction token. */
  const arrivedOn = new Map<string, number[]>();
  const metrics = async () => (await get(`${base}/metrics`)).body;

  beforeAll(async () => {
    // GET /gateway/bot recommends 3 shards, all allowed to identify at once; heartbeats every 200 ms.
    fake = await FakeDiscord.start({ shards: 3, maxConcurrency: 16, heartbeatIntervalMs: 200 });
    fake.holdReady(2);
    base = `http://127.0.0.1:${await deadPort()}`;
    const config = configFor(fake, {
      DISCORD_SHARD_COUNT: 'auto',
      HEALTH_PORT: new URL(base).port,
      LOG_LEVEL: 'debug',
    });
    // The real engine on its worker thread, built from the seed corpus.
    const starting = startBot(config, { logger });
    let failed: unknown;
    starting.catch((error: unknown) => {
      failed = error;
    });
    await until(
      'shard 2 to identify',
      () => {
        if (failed) throw failed;
        return fake.identifyHeld(2);
      },
      Boolean,
      60_000,
    );
    const readyz = await until(
      'shards 0 and 1 to be ready',
      () => probe(`${base}/readyz`),
      (said) => said.includes('1 of 3 shards not ready'),
    );
    whileHeld = { readyz, metrics: await metrics() };
    fake.releaseReady(2);
    bot = await starting;
    bot.client.on(Events.Raw, (packet: Json, shard: number) => {
      if (packet.t !== 'INTERACTION_CREATE') return;
      arrivedOn.set(packet.d.token, [...(arrivedOn.get(packet.d.token) ?? []), shard]);
    });
  }, 90_000);

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('asks GET /gateway/bot for the count and identifies every shard with its [id, count]', () => {
    expect(fake.requests.filter((r) => r.path === '/api/v10/gateway/bot').length).toBeGreaterThanOrEqual(1);
    expect(fake.identified().sort()).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect([...bot.client.ws.shards.keys()].sort()).toEqual([0, 1, 2]);
    expect(logs().find((l) => l.msg === 'connected to Discord')).toMatchObject({
      shards: [0, 1, 2],
      shardCount: 3,
    });
    expect(logs().filter((l) => l.msg === 'gateway shard ready')).toHaveLength(3);
    // One corpus, built once, for all three.
    expect(logs().filter((l) => l.msg === 'corpus loaded')).toHaveLength(1);
  });

  it('is not ready until every shard is, and says which one it waits for', async () => {
    expect(whileHeld.readyz).toBe(
      '503 not ready: not connected to the Discord gateway: 1 of 3 shards not ready (2)',
    );
    const shardReady = (text: string, shard: number) =>
      sample(text, 'whosaid_gateway_shard_ready', { shard: String(shard) });
    expect([0, 1, 2].map((shard) => shardReady(whileHeld.metrics, shard))).toEqual([1, 1, 0]);

    expect(await probe(`${base}/readyz`)).toBe('200 ready');
    const text = await until("every shard's first heartbeat", metrics, (t) =>
      [0, 1, 2].every((shard) =>
        Number.isFinite(sample(t, 'whosaid_gateway_shard_ping_seconds', { shard: String(shard) })),
      ),
    );
    expect([0, 1, 2].map((shard) => shardReady(text, shard))).toEqual([1, 1, 1]);
    for (const shard of [0, 1, 2]) {
      const ping = sample(text, 'whosaid_gateway_shard_ping_seconds', { shard: String(shard) })!;
      expect(ping).toBeGreaterThanOrEqual(0);
      expect(ping).toBeLessThan(1);
    }
  });

  it('answers /who-said sent on shard 0 and on shard 2, each exactly once, from the one engine', async () => {
    const first = fromServerOn(slashCommand(fake, 'who-said', { query: 'empire of hackers' }), 0, 3);
    const second = fromServerOn(slashCommand(fake, 'who-said', { query: 'empire of hackers' }), 2, 3);
    expect(fake.shardOfGuild(first.guild_id)).toBe(0);
    expect(fake.shardOfGuild(second.guild_id)).toBe(2);
    const [a, b] = await Promise.all([interact(fake, first), interact(fake, second)]);
    expect(arrivedOn.get(first.token)).toEqual([0]);
    expect(arrivedOn.get(second.token)).toEqual([2]);
    for (const out of [a, b]) {
      const text = displayed(textOf(out.message));
      expect(text).toMatch(/^Zhao Lijian( · |$)/m);
      expect(text).toContain('[000_dedf56004ae8cd24:15.2]');
    }
    expect(textOf(b.message)).toBe(textOf(a.message));
    await sleep(300); // a second answer would have come by now
    for (const payload of [first, second]) {
      const sent = fake.requests.filter((r) => r.path.includes(`/${payload.token}`) && r.method !== 'GET');
      expect(sent.filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
      expect(fake.followUps(payload.token)).toEqual([]);
    }
    expect(sample(await metrics(), 'whosaid_answers_total', { command: 'who-said', outcome: 'ok' })).toBe(2);
  });

  it('resumes a resumable close on one shard on that shard alone, and answers there again', async () => {
    const resumesBefore = fake.gatewayReceived.filter((p) => p.op === 6).length;
    fake.closeGateway(4000, '', { shard: 1 }); // "unknown error": Discord lets the session be resumed
    await until(
      'shard 1 to come back',
      () => logs().find((l) => l.msg === 'gateway connection back'),
      (line) => line !== undefined,
    );
    expect(logs().find((l) => l.msg === 'gateway connection back')).toMatchObject({ shard: 1 });
    const resumes = fake.gatewayReceived.filter((p) => p.op === 6).slice(resumesBefore);
    expect(resumes.map((p) => p.d.session_id)).toEqual(['fake-session-1']);
    expect(fake.identified()).toHaveLength(3); // no shard identified again
    await until(
      '/readyz',
      () => probe(`${base}/readyz`),
      (said) => said === '200 ready',
    );
    expect(await within(bot.lost, 0)).toBe('pending');

    const payload = fromServerOn(slashCommand(fake, 'search', { query: 'hackers' }), 1, 3);
    const out = await interact(fake, payload);
    expect(arrivedOn.get(payload.token)).toEqual([1]);
    expect(textOf(out.message)).toContain('**hackers**');
  });

  it('treats a 4004 on one shard as fatal for the process: lost, logged, and not ready', async () => {
    fake.closeGateway(4004, '', { shard: 2 }); // the token was revoked
    const lost = await within(bot.lost, 5000);
    expect(lost).not.toBe('pending');
    expect((lost as Error).message).toMatch(
      /^Discord closed the gateway with code 4004 on shard 2 of 3, authentication failed: the token was reset or revoked/,
    );
    expect(lost).toMatchObject({ name: 'GatewayError', code: 4004, shard: 2 });
    expect(logs().find((l) => l.level === 60)).toMatchObject({
      msg: 'lost the connection to Discord',
      code: 4004,
    });
    expect(await probe(`${base}/readyz`)).toBe(
      '503 not ready: not connected to the Discord gateway: 1 of 3 shards not ready (2)',
    );
    await sleep(700); // discord.js would reconnect after 500 ms
    expect(fake.identified()).toHaveLength(3);
  });
});

describe('DISCORD_SHARD_COUNT=4 with DISCORD_SHARD_IDS=1,3', () => {
  it('runs only those shards, with the count set rather than recommended, and answers on them', async () => {
    const fake = await FakeDiscord.start({ shards: 1, maxConcurrency: 16 });
    const dir = corpusFolder({ 'a.txt': 'Report\n\n"We never hacked anyone," said Ivan Petrov of RU.\n' });
    const service: AnswerService = await stubService(dir);
    const { logger } = logSink();
    let bot: RunningBot | undefined;
    try {
      bot = await startBot(configFor(fake, { DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '1,3' }), {
        logger,
        service,
      });
      fake.shards = 4; // how the fake routes servers to shards from now on
      expect(fake.identified().sort()).toEqual([
        [1, 4],
        [3, 4],
      ]);
      expect(bot.client.options.shardCount).toBe(4);
      const out = await interact(fake, fromServerOn(slashCommand(fake, 'search', { query: 'hacked' }), 3, 4));
      expect(textOf(out.message)).toContain('**hacked**');
    } finally {
      await bot?.stop();
      await fake.close();
    }
  });
});

describe('the start-up clock (GATEWAY_TIMEOUT_SECONDS) with several shards', () => {
  let dir: string;
  let service: AnswerService;
  beforeAll(async () => {
    dir = corpusFolder({ 'a.txt': 'Report\n\n"We never hacked anyone," said Ivan Petrov of RU.\n' });
    service = await stubService(dir);
  });

  it("does not count Discord's 5-second turns between identifies (max_concurrency 1)", async () => {
    const fake = await FakeDiscord.start({ shards: 2, maxConcurrency: 1 });
    const { logger, logs } = logSink();
    const started = Date.now();
    let bot: RunningBot | undefined;
    try {
      bot = await startBot(configFor(fake, { DISCORD_SHARD_COUNT: '2', GATEWAY_TIMEOUT_SECONDS: '3' }), {
        logger,
        service,
      });
      // Shard 1 waited its turn (5 s after shard 0, plus jitter): longer than the 3 s allowed, not a failure.
      expect(Date.now() - started).toBeGreaterThan(4500);
      expect(
        logs()
          .filter((l) => l.msg === 'gateway shard ready')
          .map((l) => [l.shard, l.ready, l.of]),
      ).toEqual([
        [0, 1, 2],
        [1, 2, 2],
      ]);
    } finally {
      await bot?.stop();
      await fake.close();
    }
  }, 30_000);

  it('gives up on a shard that never connects, naming it, after the time allowed since the last one', async () => {
    const fake = await FakeDiscord.start({ shards: 2, maxConcurrency: 16 });
    fake.holdReady(1); // shard 1 identifies, and Discord never answers
    const { logger } = logSink();
    const started = Date.now();
    try {
      const error = await startBot(
        configFor(fake, { DISCORD_SHARD_COUNT: 'auto', GATEWAY_TIMEOUT_SECONDS: '1' }),
        {
          logger,
          service,
        },
      ).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.name).toBe('GatewayError');
      expect(error?.message).toMatch(
        /^could not connect shard 1 of 2 to ws:\/\/127\.0\.0\.1:\d+ in 1 s since the last one connected \(GATEWAY_TIMEOUT_SECONDS\)/,
      );
      // 1 s after shard 0 connected, plus shard 1's turn to identify; then the connections are closed
      // (or given up on after DISCONNECT_MS: @discordjs/ws can hang destroying a shard awaiting READY).
      const ms = Date.now() - started;
      expect(ms).toBeGreaterThanOrEqual(1000 + IDENTIFY_SLOT_MS - 100);
      expect(ms).toBeLessThan(1000 + IDENTIFY_SLOT_MS + DISCONNECT_MS + 5000);
      expect(fake.identified().filter(([id]) => id === 0)).toHaveLength(1);
      expect(fake.identified().filter(([id]) => id === 1).length).toBeGreaterThanOrEqual(1);
    } finally {
      await fake.close();
    }
  }, 30_000);
});

describe('the bot as a process (node --import tsx src/bot/main.ts), three shards', () => {
  it('exits 1 with one line on stderr when Discord closes one shard with 4004', async () => {
    const fake = await FakeDiscord.start({ shards: 3, maxConcurrency: 16 });
    const corpus = copyCorpus();
    const root = path.resolve(import.meta.dirname, '../..');
    const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
    const bot = startProcess(process.execPath, ['--import', tsx, path.join(root, 'src/bot/main.ts')], {
      cwd: corpus.dir,
      env: botEnv(fake, corpus.dir, { DISCORD_SHARD_COUNT: 'auto' }),
    });
    try {
      await identified(fake, bot);
      expect(bot.logs().find((l) => l.msg === 'connected to Discord')).toMatchObject({ shards: [0, 1, 2] });
      fake.closeGateway(4004, 'Authentication failed.', { shard: 1 });
      expect(await bot.exited).toBe(1);
      expect(bot.stderr().trimEnd().split('\n')).toEqual([
        expect.stringMatching(
          /^whosaid stopped: Discord closed the gateway with code 4004 on shard 1 of 3, authentication failed/,
        ),
      ]);
      expect(bot.logs().find((l) => l.level === 60)).toMatchObject({
        msg: 'lost the connection to Discord',
        code: 4004,
      });
      expect(bot.logs().map((l) => l.msg)).toContain('stopped');
    } finally {
      await kill(bot);
      await fake.close();
      corpus.remove();
    }
  }, 90_000);
});
