/**
 * The health endpoint end to end (issue 11, item 3): the real bot (real
 * discord.js client, real engine on its worker thread, seed corpus) against
 * the local Discord-compatible server, with HEALTH_PORT set.
 *
 * /readyz is 503 while the corpus is built and while the gateway is held
 * back, 200 once both are done, 503 again while an engine worker is
 * replaced and once Discord is lost; /metrics counts the commands sent by
 * command and outcome, their latency, /reload, the corpus, the gateway ping
 * and the worker restart. Without HEALTH_PORT nothing listens.
 */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer, connect as netConnect, Server, type Socket } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningBot, startBot } from '../../src/bot/main.ts';
import { replies } from '../../src/bot/replies.ts';
import { loadBotConfig } from '../../src/config.ts';
import type { WorkerService } from '../../src/engine/worker-service.ts';
import { createLogger } from '../../src/log.ts';
import { APP_ID, FakeDiscord } from '../support/fake-discord.ts';
import { BOT_TOKEN, copyCorpus, SEED_CORPUS } from '../support/harness.ts';
import {
  ALICE,
  BOB,
  buttonPress,
  buttons,
  interact,
  MODERATOR,
  slashCommand,
} from '../support/interactions.ts';
import { deadPort } from '../support/process.ts';
import { get, listeningServers, sample } from '../support/prometheus.ts';

// biome-ignore lint/suspicious/noExplicitAny: log lines are free-form JSON
type Json = any;

/**
 * A gateway that holds every connection until released, then passes it
 * through to the fake server: the bot waits, connecting, as long as a test needs.
 */
async function heldGateway(target: number) {
  let open = false;
  const waiting: Socket[] = [];
  const sockets = new Set<Socket>();
  const pipe = (socket: Socket) => {
    const upstream = netConnect(target, '127.0.0.1');
    sockets.add(upstream);
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    if (open) pipe(socket);
    else waiting.push(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `ws://127.0.0.1:${(server.address() as { port: number }).port}`,
    held: () => waiting.length,
    release() {
      open = true;
      for (const socket of waiting.splice(0)) pipe(socket);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** GET that resolves with what the endpoint said, or 'refused' while nothing listens. */
const probe = (url: string) =>
  get(url).then(
    (r) => `${r.status} ${r.body.trim()}`,
    () => 'refused',
  );

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${String(value)}`);
    await sleep(10);
  }
}

describe('the health endpoint of a running bot (HEALTH_PORT set)', () => {
  let fake: FakeDiscord;
  let gate: Awaited<ReturnType<typeof heldGateway>>;
  let corpus: ReturnType<typeof copyCorpus>;
  let bot: RunningBot;
  let base: string;
  const chunks: string[] = [];
  const logs = (): Json[] =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  /** What /readyz said while the bot started, each change once. */
  const startup: string[] = [];
  const metrics = async () => (await get(`${base}/metrics`)).body;

  beforeAll(async () => {
    // Heartbeats every 200 ms, so that the gateway's ping is known soon.
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 200 });
    gate = await heldGateway(fake.port);
    fake.gatewayUrl = gate.url;
    corpus = copyCorpus();
    const port = await deadPort();
    base = `http://127.0.0.1:${port}`;
    const config = loadBotConfig({
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: corpus.dir,
      SNAPSHOT_DIR: '',
      RATE_LIMIT_BURST: '2', // a third command in a row is rate-limited
      RATE_LIMIT_REFILL_SECONDS: '600',
      LOG_LEVEL: 'debug',
      HEALTH_PORT: String(port),
    });
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    // The real engine, on its worker thread: the corpus takes a moment to build.
    let started = false;
    const starting = startBot(config, { logger: createLogger('debug', sink) }).finally(() => {
      started = true;
    });
    const record = (said: string) => {
      if (startup.at(-1) !== said) startup.push(said);
    };
    // Until the gateway is reached, /readyz says why it is not ready; then let the connection through.
    while (!started && gate.held() === 0) {
      record(await probe(`${base}/readyz`));
      await sleep(5);
    }
    record(await probe(`${base}/readyz`));
    gate.release();
    bot = await starting;
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await gate?.close();
    await fake?.close();
    corpus?.remove();
  });

  it('is not ready while the corpus is built and while the gateway connects; ready after', async () => {
    expect(startup.filter((s) => s !== 'refused')).toEqual([
      '503 not ready: the corpus is not loaded yet',
      '503 not ready: not connected to the Discord gateway',
    ]);
    expect(await probe(`${base}/readyz`)).toBe('200 ready');
    expect(await probe(`${base}/livez`)).toBe('200 ok');
    expect(bot.health?.url).toBe(base);
    expect(logs().find((l) => l.msg === 'health endpoint listening')).toMatchObject({ url: base, level: 30 });
    // It listened before the corpus was loaded and the bot connected.
    const order = logs().map((l) => l.msg);
    expect(order.indexOf('health endpoint listening')).toBeLessThan(order.indexOf('corpus loaded'));
    expect(order.indexOf('corpus loaded')).toBeLessThan(order.indexOf('connected to Discord'));
  });

  it('reports the corpus served and the gateway ping', async () => {
    const text = await metrics();
    expect(sample(text, 'whosaid_corpus_documents')).toBe(2);
    expect(sample(text, 'whosaid_corpus_statements')).toBeGreaterThan(10);
    expect(sample(text, 'whosaid_corpus_speakers')).toBeGreaterThan(3);
    expect(sample(text, 'whosaid_engine_worker_restarts_total')).toBe(0);
    const ping = await until(
      'a heartbeat',
      async () => sample(await metrics(), 'whosaid_gateway_ping_seconds'),
      (v) => v !== undefined && Number.isFinite(v),
    );
    expect(ping).toBeGreaterThanOrEqual(0);
    expect(ping).toBeLessThan(1);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts answers by command and outcome, with their latency', async () => {
    const before = await metrics();
    expect(sample(before, 'whosaid_answers_total', { command: 'who-said', outcome: 'ok' })).toBe(0);

    const whoSaid = await interact(
      fake,
      slashCommand(fake, 'who-said', { query: 'empire of hackers' }, ALICE),
    );
    await interact(fake, slashCommand(fake, 'search', { query: 'hackers' }, ALICE));
    const limited = await interact(fake, slashCommand(fake, 'search', { query: 'Microsoft' }, ALICE));
    expect(limited.message.content).toMatch(/try again/i);
    await interact(fake, slashCommand(fake, 'search', { query: 'Microsoft' }, BOB));
    // A member without Manage Server: /reload is refused.
    await interact(fake, slashCommand(fake, 'reload', {}, BOB));
    const context = buttons(whoSaid.message).find((b) => /^c[xs]:/.test(b.custom_id));
    expect(context).toBeDefined();
    await interact(fake, buttonPress(fake, context.custom_id, whoSaid.stored, ALICE));

    const text = await metrics();
    const answers = (command: string, outcome: string) =>
      sample(text, 'whosaid_answers_total', { command, outcome });
    expect(answers('who-said', 'ok')).toBe(1);
    expect(answers('search', 'ok')).toBe(2);
    expect(answers('search', 'rate_limited')).toBe(1);
    expect(answers('reload', 'refused')).toBe(1);
    expect(answers('button:context', 'ok')).toBe(1);
    expect(answers('search', 'error')).toBe(0);
    expect(sample(text, 'whosaid_answer_seconds_count', { command: 'search' })).toBe(3);
    expect(sample(text, 'whosaid_answer_seconds_count', { command: 'who-said' })).toBe(1);
    expect(sample(text, 'whosaid_answer_seconds_bucket', { command: 'search', le: '+Inf' })).toBe(3);
    const sum = sample(text, 'whosaid_answer_seconds_sum', { command: 'search' })!;
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(10);
    // Autocomplete is not an answer: nothing counted for it.
    expect(text).not.toMatch(/command="autocomplete/);
  });

  it('counts /reload by outcome, with its duration, and the corpus it swapped in', async () => {
    const before = await metrics();
    expect(sample(before, 'whosaid_reloads_total', { outcome: 'ok' })).toBe(0);
    writeFileSync(
      path.join(corpus.dir, 'added.md'),
      'Grain report\n\n"Our grain exports will grow," said Anna Berg, the Swedish trade minister.\n',
    );
    const out = await interact(fake, slashCommand(fake, 'reload', {}, MODERATOR));
    expect(out.message.embeds[0].title).toBe('Corpus reloaded');
    const text = await metrics();
    expect(sample(text, 'whosaid_reloads_total', { outcome: 'ok' })).toBe(1);
    expect(sample(text, 'whosaid_reloads_total', { outcome: 'failed' })).toBe(0);
    expect(sample(text, 'whosaid_reload_seconds_count')).toBe(1);
    expect(sample(text, 'whosaid_reload_seconds_sum')).toBeGreaterThan(0);
    expect(sample(text, 'whosaid_answers_total', { command: 'reload', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'whosaid_corpus_documents')).toBe(3);
  });

  it('is not ready while a dead engine worker is replaced, and counts the restart', async () => {
    const engine = bot.service as WorkerService;
    await engine.drill('exit');
    expect(await probe(`${base}/readyz`)).toBe(
      '503 not ready: the engine worker is being replaced; answers resume shortly',
    );
    const refused = await interact(fake, slashCommand(fake, 'quotes', { speaker: 'Zhao Lijian' }, MODERATOR));
    expect(refused.message.content).toBe(replies.engineRestarting);
    await engine.restarted();
    expect(await probe(`${base}/readyz`)).toBe('200 ready');
    const text = await metrics();
    expect(sample(text, 'whosaid_engine_worker_restarts_total')).toBe(1);
    expect(sample(text, 'whosaid_answers_total', { command: 'quotes', outcome: 'restarting' })).toBe(1);
    expect(sample(text, 'whosaid_corpus_documents')).toBe(3);
  });

  it('is not ready once Discord is lost, and stops listening when the bot stops', async () => {
    fake.closeGateway(4004); // the token was revoked: discord.js will not reconnect
    await bot.lost;
    expect(await probe(`${base}/readyz`)).toBe('503 not ready: not connected to the Discord gateway');
    expect(await probe(`${base}/livez`)).toBe('200 ok');
    await bot.stop();
    expect(await probe(`${base}/livez`)).toBe('refused');
  });
});

describe('without HEALTH_PORT', () => {
  it('nothing listens: no server asked to listen, no health endpoint, no log line', async () => {
    const fake = await FakeDiscord.start();
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    // Every TCP server (http ones included) listens through net.Server#listen.
    const listen = vi.spyOn(Server.prototype, 'listen');
    const before = listeningServers();
    let bot: RunningBot | undefined;
    try {
      bot = await startBot(
        loadBotConfig({
          DISCORD_TOKEN: BOT_TOKEN,
          DISCORD_CLIENT_ID: APP_ID,
          DISCORD_API_URL: fake.apiUrl,
          CORPUS_DIR: SEED_CORPUS,
          SNAPSHOT_DIR: '',
          HEALTH_PORT: '',
          HEALTH_HOST: '0.0.0.0',
        }),
        { logger: createLogger('debug', sink) },
      );
      expect(bot.health).toBeNull();
      expect(listen).not.toHaveBeenCalled();
      expect(listeningServers()).toBeLessThanOrEqual(before);
      const messages = chunks.join('');
      expect(messages).toContain('connected to Discord');
      expect(messages).not.toContain('health endpoint');
    } finally {
      listen.mockRestore();
      await bot?.stop();
      await fake.close();
    }
  });
});
