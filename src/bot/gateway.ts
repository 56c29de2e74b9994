/**
 * The bot's connection to Discord, watched, so that a bot that can no longer
 * serve says so and stops instead of running connected to nothing:
 *
 * - `checkToken`: one REST call (GET /users/@me) before the corpus is built,
 *   so a bad token fails in a second with one line, not after the build.
 * - `connectWithin`: logs in and waits for the gateway; discord.js retries an
 *   unreachable gateway by itself, and after `timeoutMs` we give up.
 * - `watchGateway`: in a session, a close code Discord means as final (4004
 *   token revoked, 4010–4014) or a gateway unreachable for `timeoutMs` while
 *   discord.js retries is reported through `onLost`; the caller exits non-zero
 *   so that its supervisor sees it.
 */
import { once } from 'node:events';
import { type Client, type ClientOptions, Events, type REST, Routes } from 'discord.js';
import type { Logger } from '../log.ts';

/** Close codes after which Discord will not take the connection back, with what they mean to an operator. */
export const FATAL_CLOSE_CODES: Readonly<Record<number, string>> = {
  4004: 'authentication failed: the token was reset or revoked; put the new one in DISCORD_TOKEN and restart',
  4010: 'invalid shard: the shard settings are wrong (DISCORD_SHARD_COUNT, DISCORD_SHARD_IDS)',
  4011: 'sharding required: the bot is in too many servers for its shards; set DISCORD_SHARD_COUNT=auto',
  4012: 'invalid API version: this version of discord.js is too old for Discord',
  4013: 'invalid intents',
  4014: 'disallowed intents: an intent the bot asks for is not enabled for it in the Developer Portal',
};

/** Discord cannot be used (rejected token, fatal close, unreachable): the message is one line for the operator. */
export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    message: string,
    /** The gateway close code, when Discord closed the connection. */
    readonly code?: number,
    /** The shard Discord closed, when the bot runs more than one. */
    readonly shard?: number,
  ) {
    super(message);
  }
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** What a failed fetch was, in a few words: `fetch failed (ECONNREFUSED)`. */
function networkProblem(error: unknown): string {
  const e = error as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const cause = e.cause?.code ?? e.cause?.message;
  return `${String(e.message ?? error)}${cause ? ` (${String(cause)})` : ''}`;
}

export interface CheckOptions {
  timeoutMs: number;
  logger: Logger;
  /** For the messages: where the REST API is. */
  apiUrl?: string | undefined;
}

/**
 * Asks Discord who the token belongs to. A 401 (or any other refusal) throws
 * at once; a network failure or a 5xx is retried with a warning until
 * `timeoutMs` has passed, then throws.
 */
export async function checkToken(
  rest: REST,
  options: CheckOptions,
): Promise<{ id: string; username: string }> {
  const deadline = Date.now() + options.timeoutMs;
  const where = options.apiUrl ?? "Discord's API";
  for (let attempt = 1; ; attempt++) {
    const left = deadline - Date.now();
    let problem: string;
    try {
      return (await rest.get(Routes.user(), { signal: AbortSignal.timeout(Math.max(left, 1)) })) as {
        id: string;
        username: string;
      };
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (status === 401) {
        throw new GatewayError(
          'Discord rejected DISCORD_TOKEN: an invalid token (401 on GET /users/@me). Copy a new one from ' +
            'the Developer Portal (Bot → Reset Token) into DISCORD_TOKEN.',
        );
      }
      if (typeof status === 'number' && status < 500) {
        throw new GatewayError(`Discord refused GET /users/@me with ${status}: ${networkProblem(error)}`);
      }
      problem = typeof status === 'number' ? `${status} ${networkProblem(error)}` : networkProblem(error);
    }
    const wait = Math.min(1000 * 2 ** (attempt - 1), 10_000, deadline - Date.now());
    if (wait <= 0) {
      throw new GatewayError(`could not reach ${where} in ${seconds(options.timeoutMs)}: ${problem}`);
    }
    options.logger.warn({ attempt, problem, retryInMs: wait }, `could not reach ${where}; retrying`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * How long @discordjs/ws may hold a shard back before it identifies: Discord lets `max_concurrency`
 * shards identify every 5 seconds, and the throttle adds up to 1.5 s of jitter. With several shards,
 * waiting for that turn is not being unreachable, so it is never counted against GATEWAY_TIMEOUT_SECONDS.
 */
export const IDENTIFY_SLOT_MS = 6500;

export interface ShardSettings {
  DISCORD_SHARD_COUNT: number | 'auto';
  DISCORD_SHARD_IDS?: number[] | undefined;
}

/**
 * The Client options for discord.js's own (internal) sharding: every shard in
 * this one process, driven by @discordjs/ws's WebSocketManager, and every
 * interaction handled by the same router and engine whichever shard it came on.
 * One shard (the default) passes nothing: discord.js's own default.
 */
export function shardOptions(config: ShardSettings): Pick<ClientOptions, 'shards' | 'shardCount'> {
  const count = config.DISCORD_SHARD_COUNT;
  if (count === 'auto') return { shards: 'auto' }; // GET /gateway/bot's `shards`, at each start
  if (count === 1 && !config.DISCORD_SHARD_IDS) return {};
  return {
    shards: config.DISCORD_SHARD_IDS ?? Array.from({ length: count }, (_, id) => id),
    shardCount: count,
  };
}

/** `2` or `1, 3`: the ids, for a message. */
const listed = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b).join(', ');

/** The client's shards that are not ready yet (before discord.js knows its shards: none). */
function shardsWaiting(client: Client, ready: ReadonlySet<number>): number[] {
  return [...client.ws.shards.keys()].filter((id) => !ready.has(id));
}

/**
 * Logs in and waits until the client is ready: every shard connected.
 * discord.js keeps retrying a gateway it cannot reach; we warn once it is
 * taking long, and give up with a `GatewayError` after `timeoutMs` in which
 * no shard connected (the client is then destroyed by the caller). With
 * several shards, each one that connects restarts the clock, and the next
 * shard's turn to identify (`IDENTIFY_SLOT_MS`) is not counted: a process
 * with 40 shards and `max_concurrency` 1 takes over 3 minutes to connect.
 */
export async function connectWithin(
  client: Client,
  token: string,
  { timeoutMs, logger }: { timeoutMs: number; logger: Logger },
): Promise<void> {
  let since = Date.now();
  const ready = new Set<number>();
  const allReady = once(client, Events.ClientReady);
  allReady.catch(() => undefined); // a failed login is reported by login() itself
  let slow: NodeJS.Timeout | undefined;
  let expiry: NodeJS.Timeout | undefined;
  const gateway = () => client.ws.gateway?.replace(/\/$/, '') ?? 'the Discord gateway';
  let fail: (error: GatewayError) => void = () => undefined;
  const expired = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const give = (ms: number) => {
    clearTimeout(expiry);
    clearTimeout(slow);
    expiry = setTimeout(() => {
      const waiting = shardsWaiting(client, ready);
      const what =
        ready.size > 0
          ? `shard${waiting.length === 1 ? '' : 's'} ${listed(waiting)} of ${client.ws.shards.size} ` +
            `to ${gateway()} in ${seconds(timeoutMs)} since the last one connected`
          : `to ${gateway()} in ${seconds(timeoutMs)}`;
      fail(
        new GatewayError(
          `could not connect ${what} (GATEWAY_TIMEOUT_SECONDS); is Discord reachable from here?`,
        ),
      );
    }, ms);
    slow = setTimeout(
      () => {
        const waiting = shardsWaiting(client, ready);
        const shards = ready.size > 0 ? { waiting, ready: ready.size } : {};
        logger.warn(
          { ms: Date.now() - since, gateway: gateway(), ...shards },
          'still connecting to the gateway',
        );
      },
      Math.min(10_000, timeoutMs / 2) + (ms - timeoutMs),
    );
  };
  const onShardReady = (shard: number) => {
    if (ready.has(shard)) return;
    ready.add(shard);
    const total = client.ws.shards.size;
    if (total <= 1) return;
    logger.info({ shard, ready: ready.size, of: total }, 'gateway shard ready');
    since = Date.now();
    if (ready.size < total) give(timeoutMs + IDENTIFY_SLOT_MS);
  };
  client.on(Events.ShardReady, onShardReady);
  give(timeoutMs);
  try {
    await Promise.race([client.login(token).then(() => allReady), expired]);
  } finally {
    client.off(Events.ShardReady, onShardReady);
    clearTimeout(slow);
    clearTimeout(expiry);
  }
}

export interface WatchOptions {
  timeoutMs: number;
  logger: Logger;
  /** Called once when the connection is lost for good. */
  onLost(error: GatewayError): void;
}

/**
 * Watches a connected client, every shard of it: a fatal close code on any
 * shard is lost for good (the process must stop: part of its servers would
 * get no answers), and so is a gateway unreachable for `timeoutMs` while
 * discord.js retries, that is `timeoutMs` with some shard down and none
 * coming back (a shard that comes back restarts the clock, its neighbours'
 * turns to identify not counted). Ordinary reconnects and resumes (Discord
 * asks for them now and then) are logged at debug level, and a reconnect
 * that takes more than a few seconds at warn. Returns a function that stops
 * watching.
 */
export function watchGateway(client: Client, { timeoutMs, logger, onLost }: WatchOptions): () => void {
  /** Shards reconnecting, and since when. */
  const down = new Map<number, number>();
  /** Since when no shard has come back while some are down; null when none is down. */
  let clock: number | null = null;
  let warned = false;
  let done = false;
  const sharded = () => client.ws.shards.size > 1;
  const lose = (error: GatewayError) => {
    if (done) return;
    done = true;
    stop();
    onLost(error);
  };
  const onDisconnect = (event: { code: number }, shard: number) => {
    const why = FATAL_CLOSE_CODES[event.code];
    if (!why) {
      logger.warn({ shard, code: event.code }, 'gateway disconnected');
      return;
    }
    const on = sharded() ? ` on shard ${shard} of ${client.options.shardCount}` : '';
    lose(
      new GatewayError(
        `Discord closed the gateway with code ${event.code}${on}, ${why}`,
        event.code,
        sharded() ? shard : undefined,
      ),
    );
  };
  const onReconnecting = (shard: number) => {
    if (!down.has(shard)) down.set(shard, Date.now());
    clock ??= Date.now();
    logger.debug({ shard }, 'gateway reconnecting');
  };
  const onBack = (shard: number) => {
    const since = down.get(shard);
    if (since === undefined) return;
    down.delete(shard);
    const ms = Date.now() - since;
    if (warned) logger.info({ shard, ms }, 'gateway connection back');
    else logger.debug({ shard, ms }, 'gateway connection back');
    if (down.size === 0) {
      clock = null;
      warned = false;
    } else {
      clock = Date.now() + IDENTIFY_SLOT_MS; // progress; the next shard may wait for its turn to identify
    }
  };
  const onError = (error: Error, shard: number) =>
    logger.warn({ shard, error: { type: error.name, message: error.message } }, 'gateway error');
  const timer = setInterval(
    () => {
      if (clock === null) return;
      const ms = Date.now() - clock;
      const shards = sharded() ? { shards: [...down.keys()] } : {};
      if (ms >= timeoutMs) {
        const on = sharded() ? ` on shard${down.size === 1 ? '' : 's'} ${listed(down.keys())}` : '';
        lose(
          new GatewayError(
            `the gateway has been unreachable for ${seconds(ms)} (GATEWAY_TIMEOUT_SECONDS)${on}; ` +
              'discord.js could not reconnect',
          ),
        );
      } else if (!warned && ms >= Math.min(10_000, timeoutMs / 2)) {
        warned = true;
        logger.warn({ ms, ...shards }, 'gateway connection lost; discord.js is reconnecting');
      }
    },
    Math.min(1000, Math.max(50, timeoutMs / 10)),
  );
  timer.unref();
  client.on(Events.ShardDisconnect, onDisconnect);
  client.on(Events.ShardReconnecting, onReconnecting);
  client.on(Events.ShardResume, onBack);
  client.on(Events.ShardReady, onBack);
  client.on(Events.ShardError, onError);
  function stop() {
    clearInterval(timer);
    client.off(Events.ShardDisconnect, onDisconnect);
    client.off(Events.ShardReconnecting, onReconnecting);
    client.off(Events.ShardResume, onBack);
    client.off(Events.ShardReady, onBack);
    client.off(Events.ShardError, onError);
  }
  return () => {
    done = true;
    stop();
  };
}

/** How long closing the gateway connections may take when the bot stops or fails to start. */
export const DISCONNECT_MS = 3000;

/**
 * Closes every shard's connection, giving up after `ms` with a warning: in
 * @discordjs/ws 1.2.3 a shard still waiting for HELLO or READY when it is
 * destroyed can leave `client.destroy()` pending for ever (its own reconnect
 * overwrites the close handler the destroy waits for), which would keep a bot
 * that failed to start, or is stopping, from exiting. True if it closed in time.
 */
export async function disconnect(client: Client, logger: Logger, ms = DISCONNECT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    client.destroy().then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
  if (!closed) logger.warn({ ms }, 'the gateway connections did not close in time; going on without them');
  return closed;
}
