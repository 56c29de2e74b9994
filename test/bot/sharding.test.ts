/**
 * Sharding (issue 11, item 4), the parts that need no server: the settings
 * (DISCORD_SHARD_COUNT, DISCORD_SHARD_IDS, and discord.js's own variables
 * refused), the Client options they become, the gateway watch's clock with
 * several shards, readiness naming the shards not ready, and the per-shard
 * gauges. (End to end, against the sharded fake gateway: e2e/sharding.test.ts.)
 */
import { EventEmitter } from 'node:events';
import { Client, Collection, Events, GatewayIntentBits, Status } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type GatewayError, IDENTIFY_SLOT_MS, shardOptions, watchGateway } from '../../src/bot/gateway.ts';
import { shardsNotReady, whyNotReady } from '../../src/bot/health.ts';
import { BotMetrics } from '../../src/bot/metrics.ts';
import { ConfigError, loadBotConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { sample } from '../support/prometheus.ts';

const REQUIRED = { DISCORD_TOKEN: 'token', DISCORD_CLIENT_ID: '100000000000000001' };
const shards = (env: Record<string, string>) => {
  const config = loadBotConfig({ ...REQUIRED, ...env });
  return { count: config.DISCORD_SHARD_COUNT, ids: config.DISCORD_SHARD_IDS };
};

describe('DISCORD_SHARD_COUNT and DISCORD_SHARD_IDS', () => {
  it('default to one shard, every id; blank is unset', () => {
    expect(shards({})).toEqual({ count: 1, ids: undefined });
    expect(shards({ DISCORD_SHARD_COUNT: ' ', DISCORD_SHARD_IDS: '' })).toEqual({ count: 1, ids: undefined });
  });

  it('take auto or a number, and ids and ranges below it (sorted, each once)', () => {
    expect(shards({ DISCORD_SHARD_COUNT: ' AUTO ' })).toEqual({ count: 'auto', ids: undefined });
    expect(shards({ DISCORD_SHARD_COUNT: '16' })).toEqual({ count: 16, ids: undefined });
    expect(shards({ DISCORD_SHARD_COUNT: '16', DISCORD_SHARD_IDS: '8-11, 3,9' })).toEqual({
      count: 16,
      ids: [3, 8, 9, 10, 11],
    });
  });

  it('stop the bot with the variable named when a value is bad', () => {
    for (const [env, problem] of [
      [{ DISCORD_SHARD_COUNT: 'many' }, /^DISCORD_SHARD_COUNT must be auto or a whole number/],
      [{ DISCORD_SHARD_COUNT: '2.5' }, /^DISCORD_SHARD_COUNT /],
      [{ DISCORD_SHARD_COUNT: '0' }, /^DISCORD_SHARD_COUNT /],
      [
        { DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: 'one' },
        /^DISCORD_SHARD_IDS must be shard ids and ranges/,
      ],
      [{ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '3-1' }, /^DISCORD_SHARD_IDS must be shard ids/],
      [
        { DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '2,4' },
        /^DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT \(4\)/,
      ],
      [{ DISCORD_SHARD_IDS: '1' }, /^DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT \(1\)/],
      [
        { DISCORD_SHARD_COUNT: 'auto', DISCORD_SHARD_IDS: '1' },
        /^DISCORD_SHARD_IDS needs a number in DISCORD_SHARD_COUNT/,
      ],
    ] as const) {
      expect(() => loadBotConfig({ ...REQUIRED, ...env })).toThrow(ConfigError);
      expect(() => loadBotConfig({ ...REQUIRED, ...env })).toThrow(problem);
    }
  });

  it("refuse SHARD_COUNT and SHARDS, which discord.js would read behind the bot's back", () => {
    // discord.js's Client reads them from the environment itself; SHARD_COUNT=auto would crash it obscurely.
    expect(() => loadBotConfig({ ...REQUIRED, SHARD_COUNT: 'auto' })).toThrow(
      /^SHARD_COUNT is read by discord.js's own process sharding, not by whosaid; set DISCORD_SHARD_COUNT instead/,
    );
    expect(() => loadBotConfig({ ...REQUIRED, SHARDS: '[0]' })).toThrow(
      /^SHARDS .* set DISCORD_SHARD_IDS instead/,
    );
    expect(shards({ SHARD_COUNT: '', SHARDS: ' ' })).toEqual({ count: 1, ids: undefined });
  });
});

describe('the Client options the settings become (discord.js internal sharding)', () => {
  const optionsOf = (env: Record<string, string>) => {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      ...shardOptions(loadBotConfig({ ...REQUIRED, ...env })),
    });
    const { shards, shardCount } = client.options;
    void client.destroy();
    return { shards, shardCount };
  };

  it("one shard passes nothing: discord.js's default, shard 0 of 1", () => {
    expect(shardOptions({ DISCORD_SHARD_COUNT: 1 })).toEqual({});
    expect(optionsOf({})).toEqual({ shards: [0], shardCount: 1 });
  });

  it('a number runs every shard of it in this process; ids only those; auto asks Discord at login', () => {
    expect(optionsOf({ DISCORD_SHARD_COUNT: '3' })).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    expect(optionsOf({ DISCORD_SHARD_COUNT: '8', DISCORD_SHARD_IDS: '2,5' })).toEqual({
      shards: [2, 5],
      shardCount: 8,
    });
    expect(optionsOf({ DISCORD_SHARD_COUNT: 'auto' })).toMatchObject({ shards: 'auto' });
  });
});

/** A discord.js client as watchGateway sees it: shard events, its shards, the total count. */
function watchedClient(count: number): EventEmitter {
  return Object.assign(new EventEmitter(), {
    ws: { shards: new Collection(Array.from({ length: count }, (_, id) => [id, { id }] as const)) },
    options: { shardCount: count },
  });
}

describe('watching several shards', () => {
  const logger = createLogger('silent');
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function watch(count: number, timeoutMs = 3000) {
    const client = watchedClient(count);
    const lost: GatewayError[] = [];
    const stop = watchGateway(client as unknown as Client, {
      timeoutMs,
      logger,
      onLost: (error) => lost.push(error),
    });
    return { client, lost, stop };
  }

  it('a fatal close on any one shard is lost for good, naming the shard', () => {
    const { client, lost } = watch(3);
    client.emit(Events.ShardDisconnect, { code: 4004 }, 1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.message).toMatch(
      /^Discord closed the gateway with code 4004 on shard 1 of 3, authentication failed/,
    );
    expect(lost[0]).toMatchObject({ code: 4004, shard: 1 });
    client.emit(Events.ShardDisconnect, { code: 4004 }, 2);
    expect(lost).toHaveLength(1); // reported once
  });

  it('with one shard, the message is as it always was', () => {
    const { client, lost } = watch(1);
    client.emit(Events.ShardDisconnect, { code: 4014 }, 0);
    expect(lost[0]!.message).toMatch(/^Discord closed the gateway with code 4014, disallowed intents/);
    expect(lost[0]!.shard).toBeUndefined();
  });

  it('shards coming back one by one (each waiting its turn to identify) are not lost', () => {
    const { client, lost, stop } = watch(3);
    for (const shard of [0, 1, 2]) client.emit(Events.ShardReconnecting, shard);
    vi.advanceTimersByTime(2500);
    client.emit(Events.ShardReady, 0);
    vi.advanceTimersByTime(IDENTIFY_SLOT_MS + 2500); // 7.5 s more: 2.5 s counted since shard 0 came back
    client.emit(Events.ShardReady, 1);
    vi.advanceTimersByTime(IDENTIFY_SLOT_MS + 2500);
    client.emit(Events.ShardResume, 2);
    vi.advanceTimersByTime(60_000);
    expect(lost).toEqual([]);
    stop();
  });

  it('some shards down and none coming back for the timeout: lost, naming those shards', () => {
    const { client, lost } = watch(3);
    client.emit(Events.ShardReconnecting, 1);
    client.emit(Events.ShardReconnecting, 2);
    client.emit(Events.ShardReconnecting, 2); // each failed attempt says so again: the clock does not restart
    vi.advanceTimersByTime(2000);
    expect(lost).toEqual([]);
    vi.advanceTimersByTime(1500);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.message).toMatch(
      /^the gateway has been unreachable for 3(\.\d)? s \(GATEWAY_TIMEOUT_SECONDS\) on shards 1, 2; discord.js could not reconnect/,
    );
  });

  it('one shard that never comes back while the others run is lost too', () => {
    const { client, lost } = watch(3);
    client.emit(Events.ShardReconnecting, 2);
    client.emit(Events.ShardReconnecting, 0);
    client.emit(Events.ShardResume, 0);
    vi.advanceTimersByTime(IDENTIFY_SLOT_MS + 3500);
    expect(lost[0]?.message).toMatch(/on shard 2; discord.js could not reconnect$/);
  });
});

describe('readiness and metrics with several shards', () => {
  const clientWith = (statuses: Status[]) =>
    ({
      ws: { shards: new Collection(statuses.map((status, id) => [id, { id, status, ping: id * 10 - 1 }])) },
    }) as unknown as Client;

  it('names the shards not ready; says nothing more with one shard', () => {
    expect(shardsNotReady(clientWith([Status.Ready, Status.Connecting, Status.Resuming]))).toBe(
      '2 of 3 shards not ready (1, 2)',
    );
    expect(shardsNotReady(clientWith([Status.Ready, Status.Ready]))).toBeUndefined();
    expect(shardsNotReady(clientWith([Status.Connecting]))).toBeUndefined();
    expect(shardsNotReady(clientWith([]))).toBeUndefined();
    const why = (detail: string | undefined) =>
      whyNotReady({
        stopping: () => false,
        service: () => ({}) as never,
        gatewayConnected: () => false,
        gatewayDetail: () => detail,
      });
    expect(why('1 of 3 shards not ready (2)')).toBe(
      'not connected to the Discord gateway: 1 of 3 shards not ready (2)',
    );
    expect(why(undefined)).toBe('not connected to the Discord gateway');
  });

  it("exports each shard's ping (NaN before its first heartbeat) and readiness", async () => {
    const metrics = new BotMetrics(
      {
        counts: () => undefined,
        restarts: () => 0,
        gatewayPingMs: () => 12,
        shards: () => [
          { id: 0, pingMs: 12, ready: true },
          { id: 1, pingMs: -1, ready: false },
        ],
      },
      { processMetrics: false },
    );
    const text = await metrics.text();
    expect(sample(text, 'whosaid_gateway_shard_ping_seconds', { shard: '0' })).toBe(0.012);
    expect(sample(text, 'whosaid_gateway_shard_ping_seconds', { shard: '1' })).toBeNaN();
    expect(sample(text, 'whosaid_gateway_shard_ready', { shard: '0' })).toBe(1);
    expect(sample(text, 'whosaid_gateway_shard_ready', { shard: '1' })).toBe(0);
  });
});
