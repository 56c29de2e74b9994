/**
 * The health endpoint and metrics, with fakes: HEALTH_PORT and HEALTH_HOST
 * validated; /readyz following the corpus, the gateway, the engine and a
 * stop; /livez, /metrics and the HTTP details; the metrics as Prometheus
 * reads them. (End to end, with the real client and engine: e2e/health.test.ts.)
 */
import { type Client, Collection, Status } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answers/requests.ts';
import type { CorpusCounts } from '../../src/answers/types.ts';
import {
  type BotHealth,
  gatewayConnected,
  openHealth,
  startHealthServer,
  whyNotReady,
} from '../../src/bot/health.ts';
import { BotMetrics } from '../../src/bot/metrics.ts';
import { ConfigError, loadBotConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { get, listeningServers, sample, typeOf } from '../support/prometheus.ts';

const REQUIRED = { DISCORD_TOKEN: 'token', DISCORD_CLIENT_ID: '100000000000000001' };
const COUNTS: CorpusCounts = { documents: 2, sentences: 40, statements: 25, speakers: 9 };

describe('HEALTH_PORT and HEALTH_HOST', () => {
  const health = (env: Record<string, string>) => {
    const config = loadBotConfig({ ...REQUIRED, ...env });
    return { port: config.HEALTH_PORT, host: config.HEALTH_HOST };
  };

  it('are off, on 127.0.0.1, by default; a blank port is unset', () => {
    expect(health({})).toEqual({ port: undefined, host: '127.0.0.1' });
    expect(health({ HEALTH_PORT: ' ', HEALTH_HOST: '' })).toEqual({ port: undefined, host: '127.0.0.1' });
  });

  it('take a port (0: any free one) and an address or host name', () => {
    expect(health({ HEALTH_PORT: '9464' }).port).toBe(9464);
    expect(health({ HEALTH_PORT: '0' }).port).toBe(0);
    for (const host of ['0.0.0.0', '::', '::1', '10.1.2.3', 'localhost', 'metrics.internal']) {
      expect(health({ HEALTH_HOST: ` ${host} ` }).host).toBe(host);
    }
  });

  it('stop the bot with the variable named when a value is bad', () => {
    for (const [name, value] of [
      ['HEALTH_PORT', 'abc'],
      ['HEALTH_PORT', '-1'],
      ['HEALTH_PORT', '65536'],
      ['HEALTH_PORT', '94.64'],
      ['HEALTH_HOST', 'two words'],
      ['HEALTH_HOST', 'http://localhost'],
    ] as const) {
      expect(() => loadBotConfig({ ...REQUIRED, [name]: value })).toThrow(ConfigError);
      expect(() => loadBotConfig({ ...REQUIRED, [name]: value })).toThrow(new RegExp(`^${name} `));
    }
  });
});

/** A discord.js client as readiness and the ping gauge see it: its shards' states and ping. */
function fakeClient(statuses: Status[] = [], ping = -1) {
  const shards = new Collection(statuses.map((status, id) => [id, { status }]));
  const client = { ws: { shards, ping } };
  return {
    client: client as unknown as Client,
    set(next: Status[]) {
      client.ws.shards = new Collection(next.map((status, id) => [id, { status }]));
    },
    ping(ms: number) {
      client.ws.ping = ms;
    },
  };
}

/** An answer service with the figures the worker service has. */
function fakeService(figures: { counts?: CorpusCounts; restarts?: number; restarting?: boolean } = {}) {
  const service = {
    ask: async () => ({ type: 'corpus' }),
    catalog: () => ({ countries: [], speakers: [] }),
    reload: async () => ({}),
    close: async () => {},
    ...figures,
  };
  return service as unknown as AnswerService & typeof figures;
}

describe('readiness', () => {
  it('is ready only once the corpus is loaded and every shard connected, and not while stopping', () => {
    let service: AnswerService | undefined;
    let connected = false;
    let stopping = false;
    const why = () =>
      whyNotReady({ stopping: () => stopping, service: () => service, gatewayConnected: () => connected });
    expect(why()).toBe('the corpus is not loaded yet');
    connected = true;
    expect(why()).toBe('the corpus is not loaded yet');
    connected = false;
    service = fakeService();
    expect(why()).toBe('not connected to the Discord gateway');
    connected = true;
    expect(why()).toBeNull();
    connected = false; // a dropped connection discord.js is resuming
    expect(why()).toBe('not connected to the Discord gateway');
    connected = true;
    expect(why()).toBeNull();
    service = fakeService({ restarting: true });
    expect(why()).toBe('the engine worker is being replaced; answers resume shortly');
    service = fakeService({ restarting: false });
    expect(why()).toBeNull();
    stopping = true;
    expect(why()).toBe('the bot is shutting down');
  });

  it('counts the gateway connected only when every shard is ready (not connecting, resuming, or gone)', () => {
    const fake = fakeClient();
    expect(gatewayConnected(fake.client)).toBe(false);
    fake.set([Status.Connecting]);
    expect(gatewayConnected(fake.client)).toBe(false);
    fake.set([Status.Ready]);
    expect(gatewayConnected(fake.client)).toBe(true);
    fake.set([Status.Ready, Status.Resuming]);
    expect(gatewayConnected(fake.client)).toBe(false);
    fake.set([Status.Ready, Status.Ready]);
    expect(gatewayConnected(fake.client)).toBe(true);
    fake.set([Status.Disconnected]);
    expect(gatewayConnected(fake.client)).toBe(false);
  });
});

describe('the health server', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function serve(notReady: () => string | null, metrics = new BotMetrics(noSources())) {
    const server = await startHealthServer({ port: 0, host: '127.0.0.1', notReady, metrics });
    close = server.close;
    return server;
  }

  it('answers /livez always and /readyz as readiness says, in one line', async () => {
    let reason: string | null = 'the corpus is not loaded yet';
    const { url, port } = await serve(() => reason);
    expect(port).toBeGreaterThan(0);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(await get(`${url}/livez`)).toMatchObject({ status: 200, body: 'ok\n' });
    const notReady = await get(`${url}/readyz`);
    expect(notReady).toMatchObject({ status: 503, body: 'not ready: the corpus is not loaded yet\n' });
    expect(notReady.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(notReady.headers.get('cache-control')).toBe('no-store');
    reason = null;
    expect(await get(`${url}/readyz?verbose`)).toMatchObject({ status: 200, body: 'ready\n' });
    reason = 'not connected to the Discord gateway';
    expect(await get(`${url}/readyz`)).toMatchObject({ status: 503 });
    expect(await get(`${url}/livez`)).toMatchObject({ status: 200 });
  });

  it('serves /metrics as Prometheus text, and refuses other paths and methods', async () => {
    const { url } = await serve(() => null);
    const metrics = await get(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(typeOf(metrics.body, 'whosaid_answers_total')).toBe('counter');
    expect(await get(`${url}/`)).toMatchObject({
      status: 404,
      body: 'not found: try /livez, /readyz or /metrics\n',
    });
    const post = await get(`${url}/readyz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await get(`${url}/readyz`, { method: 'HEAD' })).toMatchObject({ status: 200, body: '' });
  });

  it('answers 500 with the reason when the metrics cannot be read', async () => {
    const failing = { text: () => Promise.reject(new Error('collector broke')), contentType: 'text/plain' };
    const server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      notReady: () => null,
      metrics: failing,
    });
    close = server.close;
    expect(await get(`${server.url}/metrics`)).toMatchObject({
      status: 500,
      body: 'metrics failed: collector broke\n',
    });
  });

  it('says in one line that the port is taken, and closes (keep-alive connections too)', async () => {
    const { port, url } = await serve(() => null);
    await expect(
      startHealthServer({
        port,
        host: '127.0.0.1',
        notReady: () => null,
        metrics: new BotMetrics(noSources()),
      }),
    ).rejects.toThrow(`HEALTH_PORT ${port} is already in use on 127.0.0.1`);
    await get(`${url}/livez`, { keepalive: true });
    const closing = close!();
    close = undefined;
    await closing;
    await expect(fetch(`${url}/livez`)).rejects.toThrow();
  });

  it('says so when HEALTH_HOST is not an address of this machine', async () => {
    await expect(
      startHealthServer({
        port: 0,
        host: '192.0.2.1',
        notReady: () => null,
        metrics: new BotMetrics(noSources()),
      }),
    ).rejects.toThrow(/^HEALTH_HOST 192\.0\.2\.1 is not an address of this machine \(EADDRNOTAVAIL\)$/);
  });
});

describe('openHealth (the bot side)', () => {
  const logger = createLogger('silent');
  let health: BotHealth | null = null;
  afterEach(async () => {
    await health?.close();
    health = null;
  });

  it('starts nothing when HEALTH_PORT is unset', async () => {
    const before = listeningServers();
    health = await openHealth(
      { HEALTH_HOST: '127.0.0.1' },
      { client: fakeClient().client, logger, commands: [] },
    );
    expect(health).toBeNull();
    expect(listeningServers()).toBe(before);
  });

  it('goes ready when the corpus is served and the gateway connected, and not ready once stopping', async () => {
    const fake = fakeClient([Status.Connecting]);
    health = await openHealth(
      { HEALTH_PORT: 0, HEALTH_HOST: '127.0.0.1' },
      { client: fake.client, logger, commands: ['search'] },
    );
    const readyz = async () => (await get(`${health!.url}/readyz`)).body.trim();
    expect(await readyz()).toBe('not ready: the corpus is not loaded yet');
    const service = fakeService({ counts: COUNTS, restarts: 0, restarting: false });
    health!.serving(service);
    expect(await readyz()).toBe('not ready: not connected to the Discord gateway');
    fake.set([Status.Ready]);
    expect(await readyz()).toBe('ready');
    service.restarting = true;
    expect(await readyz()).toBe('not ready: the engine worker is being replaced; answers resume shortly');
    service.restarting = false;
    fake.set([Status.Resuming]);
    expect(await readyz()).toBe('not ready: not connected to the Discord gateway');
    fake.set([Status.Ready]);
    expect(await readyz()).toBe('ready');
    health!.stopping();
    expect(await readyz()).toBe('not ready: the bot is shutting down');
    expect((await get(`${health!.url}/livez`)).status).toBe(200);
  });

  it('reads the corpus, the gateway ping and the engine restarts when scraped', async () => {
    const fake = fakeClient([Status.Ready]);
    health = await openHealth(
      { HEALTH_PORT: 0, HEALTH_HOST: '127.0.0.1' },
      { client: fake.client, logger, commands: ['search'] },
    );
    const metrics = async () => (await get(`${health!.url}/metrics`)).body;
    let text = await metrics();
    expect(sample(text, 'whosaid_corpus_documents')).toBe(0);
    expect(sample(text, 'whosaid_gateway_ping_seconds')).toBeNaN();
    expect(sample(text, 'whosaid_engine_worker_restarts_total')).toBe(0);
    const service = fakeService({ counts: COUNTS, restarts: 0 });
    health!.serving(service);
    fake.ping(42);
    service.restarts = 2;
    text = await metrics();
    expect(sample(text, 'whosaid_corpus_documents')).toBe(2);
    expect(sample(text, 'whosaid_corpus_statements')).toBe(25);
    expect(sample(text, 'whosaid_corpus_speakers')).toBe(9);
    expect(sample(text, 'whosaid_gateway_ping_seconds')).toBe(0.042);
    expect(sample(text, 'whosaid_engine_worker_restarts_total')).toBe(2);
    expect(typeOf(text, 'whosaid_engine_worker_restarts_total')).toBe('counter');
    // Default process metrics, from prom-client.
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(typeOf(text, 'nodejs_eventloop_lag_seconds')).toBe('gauge');
  });
});

function noSources() {
  return { counts: () => undefined, restarts: () => 0, gatewayPingMs: () => undefined };
}

describe('BotMetrics', () => {
  it('counts answers by command and outcome, with a latency histogram by command', async () => {
    const metrics = new BotMetrics(noSources(), { commands: ['search', 'deny'], processMetrics: false });
    let text = await metrics.text();
    // Every command has its series from the start, so rates are defined before the first answer.
    expect(sample(text, 'whosaid_answers_total', { command: 'deny', outcome: 'ok' })).toBe(0);
    expect(sample(text, 'whosaid_answers_total', { command: 'deny', outcome: 'error' })).toBe(0);
    expect(sample(text, 'whosaid_answer_seconds_count', { command: 'deny' })).toBe(0);
    for (const outcome of ['ok', 'failed', 'error']) {
      expect(sample(text, 'whosaid_reloads_total', { outcome })).toBe(0);
    }

    metrics.answered('search', 'ok', 0.012);
    metrics.answered('search', 'ok', 0.3);
    metrics.answered('search', 'rate_limited', 0.002);
    metrics.answered('button:page', 'refused', 0.004);
    metrics.reloaded('ok', 1.5);
    metrics.reloaded('failed', 0.2);
    text = await metrics.text();
    expect(sample(text, 'whosaid_answers_total', { command: 'search', outcome: 'ok' })).toBe(2);
    expect(sample(text, 'whosaid_answers_total', { command: 'search', outcome: 'rate_limited' })).toBe(1);
    expect(sample(text, 'whosaid_answers_total', { command: 'button:page', outcome: 'refused' })).toBe(1);
    expect(sample(text, 'whosaid_answer_seconds_count', { command: 'search' })).toBe(3);
    expect(sample(text, 'whosaid_answer_seconds_sum', { command: 'search' })).toBeCloseTo(0.314);
    expect(sample(text, 'whosaid_answer_seconds_bucket', { command: 'search', le: '0.025' })).toBe(2);
    expect(sample(text, 'whosaid_answer_seconds_bucket', { command: 'search', le: '+Inf' })).toBe(3);
    expect(sample(text, 'whosaid_reloads_total', { outcome: 'ok' })).toBe(1);
    expect(sample(text, 'whosaid_reloads_total', { outcome: 'failed' })).toBe(1);
    expect(sample(text, 'whosaid_reload_seconds_count')).toBe(2);
    expect(sample(text, 'whosaid_reload_seconds_bucket', { le: '1' })).toBe(1);
    expect(typeOf(text, 'whosaid_answer_seconds')).toBe('histogram');
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeUndefined();
  });

  it('keeps each bot apart: two registries in one process do not share counts', async () => {
    const a = new BotMetrics(noSources(), { processMetrics: false });
    const b = new BotMetrics(noSources(), { processMetrics: false });
    a.answered('search', 'ok', 0.01);
    expect(sample(await a.text(), 'whosaid_answers_total', { command: 'search', outcome: 'ok' })).toBe(1);
    expect(
      sample(await b.text(), 'whosaid_answers_total', { command: 'search', outcome: 'ok' }),
    ).toBeUndefined();
  });
});
