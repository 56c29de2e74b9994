/**
 * The gateway bot: `node dist/src/bot/main.js` once built (`npm run build`),
 * or `npm start` from the TypeScript sources. Loads `.env`, validates the
 * configuration (one clear line and exit 1 when something is missing),
 * checks the token with Discord, builds the answer service and connects.
 * Commands are registered separately, by `npm run deploy`; starting never
 * re-registers them.
 *
 * Exits non-zero, with a log line and one line on stderr, whenever it can
 * no longer serve: a token Discord rejects, a gateway it cannot reach within
 * GATEWAY_TIMEOUT_SECONDS, a close code Discord means as final (4004 when the
 * token is revoked). SIGTERM, SIGINT and SIGHUP stop it cleanly (a /reload in
 * progress is told so first); started by npm, it also stops when npm does.
 *
 * `startBot` is the same entry point without the process concerns; the
 * end-to-end tests call it.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { AnswerService } from '../answers/requests.ts';
import { type BotConfig, ConfigError, loadBotConfig, loadDotEnv } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';
import { NO_MENTIONS } from '../render/discord.ts';
import { sourceSettings } from '../sources/manager.ts';
import { loadCommands } from './commands.ts';
import { isEntryPoint } from './entry.ts';
import { describeError } from './errors.ts';
import {
  checkToken,
  connectWithin,
  disconnect,
  type GatewayError,
  shardOptions,
  watchGateway,
} from './gateway.ts';
import { type BotHealth, openHealth } from './health.ts';
import { createRouter } from './router.ts';
import { auditPoster, openService, Shutdown } from './serving.ts';

export interface BotDeps {
  logger?: Logger;
  /** An answer service to use instead of building one from `CORPUS_DIR`. */
  service?: AnswerService;
  /** Where command modules live (default: `commands/`). */
  commandsDir?: string;
  /** How long an answer may take before the reply is deferred. */
  deferAfterMs?: number;
}

export interface RunningBot {
  client: Client<true>;
  service: AnswerService;
  /**
   * Settles when the bot has lost Discord for good (a close code Discord
   * means as final, or the gateway unreachable for GATEWAY_TIMEOUT_SECONDS):
   * it is already logged; the process should stop and exit non-zero.
   */
  lost: Promise<GatewayError>;
  /** The health endpoint (/livez, /readyz, /metrics) when HEALTH_PORT is set; null when nothing listens. */
  health: BotHealth | null;
  /**
   * Disconnects from Discord and closes the service. Interactions being
   * answered get a moment to finish; a /reload still running is answered
   * that the bot is shutting down, and a question still unanswered after
   * that moment that the bot is restarting. Safe to call twice.
   */
  stop(): Promise<void>;
}

function createClient(config: BotConfig): Client {
  return new Client({
    // Slash commands need no privileged intents; Guilds is the minimum the gateway wants.
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
    // DISCORD_SHARD_COUNT: discord.js's own sharding, every shard in this process and one engine.
    ...shardOptions(config),
  });
}

export async function startBot(config: BotConfig, deps: BotDeps = {}): Promise<RunningBot> {
  const logger = deps.logger ?? createLogger(config.LOG_LEVEL, undefined, { format: config.LOG_FORMAT });
  const timeoutMs = config.GATEWAY_TIMEOUT_SECONDS * 1000;
  const commands = await loadCommands(deps.commandsDir);
  for (const warning of config.warnings) logger.warn({ warning }, 'configuration');
  const client = createClient(config);
  // Listening before the token check and the first build: live at once, ready once it can serve.
  const health = await openHealth(config, { client, logger, commands: [...commands.keys()] }).catch(
    async (error: unknown) => {
      await client.destroy();
      throw error;
    },
  );

  // The token first: a bad one must not wait for the first corpus build (seconds to minutes).
  client.rest.setToken(config.DISCORD_TOKEN);
  const me = await checkToken(client.rest, { timeoutMs, logger, apiUrl: config.DISCORD_API_URL }).catch(
    async (error: unknown) => {
      await client.destroy();
      await health?.close();
      throw error;
    },
  );
  logger.info({ user: me.username, id: me.id }, 'token accepted');

  const service =
    deps.service ??
    (await openService(config, logger).catch(async (error: unknown) => {
      await client.destroy();
      await health?.close();
      throw error;
    }));
  health?.serving(service);
  const shutdown = new Shutdown(logger);
  const { stopping } = shutdown;
  const router = createRouter({
    commands,
    service: shutdown.serving(service),
    logger,
    rateLimit: { burst: config.RATE_LIMIT_BURST, refillSeconds: config.RATE_LIMIT_REFILL_SECONDS },
    deferAfterMs: deps.deferAfterMs,
    metrics: health?.metrics,
    sources: {
      ...sourceSettings(config),
      audit: auditPoster(client, config.AUDIT_CHANNEL_ID),
      // Feed polling stops with the bot.
      signal: stopping.signal,
    },
  });
  client.on(Events.InteractionCreate, (interaction) => shutdown.track(router.handle(interaction)));
  client.on(Events.Error, (error) => logger.error({ error: describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));

  await connectWithin(client, config.DISCORD_TOKEN, { timeoutMs, logger }).catch(async (error: unknown) => {
    // Leave nothing running behind a failed start (tests start many bots in one process).
    await disconnect(client, logger);
    if (!deps.service) await service.close();
    await health?.close();
    throw error;
  });
  const user = client.user!;
  const shards =
    client.ws.shards.size > 1
      ? { shards: [...client.ws.shards.keys()], shardCount: client.options.shardCount }
      : {};
  logger.info(
    { user: user.tag, id: user.id, commands: [...commands.keys()], ...shards },
    'connected to Discord',
  );

  const lost = new Promise<GatewayError>((resolve) => {
    const unwatch = watchGateway(client, {
      timeoutMs,
      logger,
      onLost: (error) => {
        logger.fatal({ error: describeError(error), code: error.code }, 'lost the connection to Discord');
        resolve(error);
      },
    });
    stopping.signal.addEventListener('abort', unwatch, { once: true });
  });

  let stopped: Promise<void> | null = null;
  return {
    client: client as Client<true>,
    service,
    lost,
    health,
    stop: () => {
      stopped ??= (async () => {
        stopping.abort();
        health?.stopping(); // /readyz: 503 from now on; /livez and /metrics until the end
        // Answers being sent (and the "shutting down" notice of a /reload) need the REST client.
        await shutdown.answersDone();
        await disconnect(client, logger);
        await shutdown.closeEngine(service);
        await health?.close();
        logger.info('stopped');
      })();
      return stopped;
    },
  };
}

/**
 * Started by npm (`npm start`), the bot exits when npm does. npm passes
 * SIGTERM and SIGINT on, but a wrapper killed outright (SIGKILL, a crash)
 * cannot, and the bot would be left running, connected, with no one to stop
 * it. A bot started directly (`node dist/src/bot/main.js`, a container, a
 * service manager) does not watch: it may outlive a parent on purpose.
 */
export function watchParent(onGone: () => void, env: NodeJS.ProcessEnv = process.env, everyMs = 1000): void {
  if (!env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
}

/** Exits with one line on stderr: what a person needs to fix, not a stack trace. */
function die(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  loadDotEnv();
  let config: BotConfig;
  try {
    config = loadBotConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) die(error.message);
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL, undefined, { format: config.LOG_FORMAT });
  process.on('unhandledRejection', (reason) =>
    logger.error({ error: describeError(reason) }, 'unhandled rejection'),
  );
  logger.info({ pid: process.pid, node: process.version }, 'starting');

  let bot: RunningBot | null = null;
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    // A hung disconnect must not keep the process alive forever.
    setTimeout(() => process.exit(code || 1), 10_000).unref();
    if (!bot) process.exit(code); // still starting: nothing is connected or answering yet
    void bot.stop().then(() => process.exit(code));
  };
  // Installed before the first corpus build, so that a signal during it stops the process too.
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, onSignal);
  watchParent(() => {
    logger.warn({ parent: 'npm' }, 'the process that started the bot is gone; shutting down');
    exit(0);
  });

  // INTERACTIONS_MODE=http: signed HTTP interactions, no gateway (src/bot/http-bot.ts).
  const start = config.INTERACTIONS_MODE === 'http' ? (await import('./http-bot.ts')).startHttpBot : startBot;
  bot = await start(config, { logger }).catch((error: unknown) => {
    logger.fatal({ error: describeError(error) }, 'could not start');
    die(`whosaid could not start: ${describeError(error).message}`);
  });
  void bot.lost.then((error) => {
    process.stderr.write(`whosaid stopped: ${error.message}\n`);
    exit(1);
  });
}

if (isEntryPoint(import.meta.url)) await main();
