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
import { type Client, Events, type REST, Routes } from 'discord.js';
import type { Logger } from '../log.ts';

/** Close codes after which Discord will not take the connection back, with what they mean to an operator. */
export const FATAL_CLOSE_CODES: Readonly<Record<number, string>> = {
  4004: 'authentication failed: the token was reset or revoked; put the new one in DISCORD_TOKEN and restart',
  4010: 'invalid shard: the shard settings are wrong',
  4011: 'sharding required: the bot is in too many servers for one gateway connection',
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
 * Logs in and waits until the client is ready. discord.js keeps retrying a
 * gateway it cannot reach; we warn once it is taking long, and give up with
 * a `GatewayError` after `timeoutMs` (the client is then destroyed).
 */
export async function connectWithin(
  client: Client,
  token: string,
  { timeoutMs, logger }: { timeoutMs: number; logger: Logger },
): Promise<void> {
  const started = Date.now();
  const ready = once(client, Events.ClientReady);
  ready.catch(() => undefined); // a failed login is reported by login() itself
  let slow: NodeJS.Timeout | undefined;
  let expiry: NodeJS.Timeout | undefined;
  const gateway = () => client.ws.gateway?.replace(/\/$/, '') ?? 'the Discord gateway';
  const expired = new Promise<never>((_, reject) => {
    expiry = setTimeout(() => {
      reject(
        new GatewayError(
          `could not connect to ${gateway()} in ${seconds(timeoutMs)} (GATEWAY_TIMEOUT_SECONDS); ` +
            'is Discord reachable from here?',
        ),
      );
    }, timeoutMs);
  });
  slow = setTimeout(
    () => logger.warn({ ms: Date.now() - started, gateway: gateway() }, 'still connecting to the gateway'),
    Math.min(10_000, timeoutMs / 2),
  );
  try {
    await Promise.race([client.login(token).then(() => ready), expired]);
  } finally {
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
 * Watches a connected client: a fatal close code, or the gateway unreachable
 * for `timeoutMs` in a row, is lost for good. Ordinary reconnects and resumes
 * (Discord asks for them now and then) are logged at debug level, and a
 * reconnect that takes more than a few seconds at warn. Returns a function
 * that stops watching.
 */
export function watchGateway(client: Client, { timeoutMs, logger, onLost }: WatchOptions): () => void {
  let lostSince: number | null = null;
  let warned = false;
  let done = false;
  const lose = (error: GatewayError) => {
    if (done) return;
    done = true;
    stop();
    onLost(error);
  };
  const onDisconnect = (event: { code: number }, shard: number) => {
    const why = FATAL_CLOSE_CODES[event.code];
    if (why) lose(new GatewayError(`Discord closed the gateway with code ${event.code}, ${why}`, event.code));
    else logger.warn({ shard, code: event.code }, 'gateway disconnected');
  };
  const onReconnecting = (shard: number) => {
    if (lostSince === null) lostSince = Date.now();
    logger.debug({ shard }, 'gateway reconnecting');
  };
  const onBack = (shard: number) => {
    if (lostSince === null) return;
    const ms = Date.now() - lostSince;
    if (warned) logger.info({ shard, ms }, 'gateway connection back');
    else logger.debug({ shard, ms }, 'gateway connection back');
    lostSince = null;
    warned = false;
  };
  const onError = (error: Error, shard: number) =>
    logger.warn({ shard, error: { type: error.name, message: error.message } }, 'gateway error');
  const timer = setInterval(
    () => {
      if (lostSince === null) return;
      const ms = Date.now() - lostSince;
      if (ms >= timeoutMs) {
        lose(
          new GatewayError(
            `the gateway has been unreachable for ${seconds(ms)} (GATEWAY_TIMEOUT_SECONDS); ` +
              'discord.js could not reconnect',
          ),
        );
      } else if (!warned && ms >= Math.min(10_000, timeoutMs / 2)) {
        warned = true;
        logger.warn({ ms }, 'gateway connection lost; discord.js is reconnecting');
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
