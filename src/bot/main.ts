/**
 * `npm start`: the gateway bot. Loads `.env`, validates the configuration
 * (one clear line and exit 1 when something is missing), builds the answer
 * service and connects to Discord. Commands are registered separately, by
 * `npm run deploy`; starting never re-registers them.
 *
 * `startBot` is the same entry point without the process concerns; the
 * end-to-end tests call it.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { AnswerService } from '../answers/requests.ts';
import { type BotConfig, ConfigError, loadBotConfig, loadDotEnv } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';
import { NO_MENTIONS } from '../render/discord.ts';
import { loadCommands } from './commands.ts';
import { isEntryPoint } from './entry.ts';
import { describeError } from './errors.ts';
import { createRouter } from './router.ts';

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
  /** Disconnects from Discord and closes the service. Safe to call twice. */
  stop(): Promise<void>;
}

function createClient(config: BotConfig): Client {
  return new Client({
    // Slash commands need no privileged intents; Guilds is the minimum the gateway wants.
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
}

/** The engine is imported only once the configuration is known to be good: a bad .env fails fast. */
async function openService(config: BotConfig, logger: Logger): Promise<AnswerService> {
  const { createAnswerService } = await import('../engine/service.ts');
  return createAnswerService({
    corpusDir: config.CORPUS_DIR,
    maxFileBytes: config.MAX_FILE_BYTES,
    homeCountry: config.CORPUS_COUNTRY,
    snapshotDir: config.SNAPSHOT_DIR || undefined,
    logger,
  });
}

/** Logs in and waits for the client to be ready (READY with no guilds is ready at once). */
async function connect(client: Client, token: string): Promise<void> {
  const ready = once(client, Events.ClientReady);
  ready.catch(() => undefined); // a failed login is reported by login() itself
  await client.login(token);
  await ready;
}

export async function startBot(config: BotConfig, deps: BotDeps = {}): Promise<RunningBot> {
  const logger = deps.logger ?? createLogger(config.LOG_LEVEL);
  const commands = await loadCommands(deps.commandsDir);
  for (const warning of config.warnings) logger.warn({ warning }, 'configuration');
  const service = deps.service ?? (await openService(config, logger));
  const client = createClient(config);
  const router = createRouter({
    commands,
    service,
    logger,
    rateLimit: { burst: config.RATE_LIMIT_BURST, refillSeconds: config.RATE_LIMIT_REFILL_SECONDS },
    deferAfterMs: deps.deferAfterMs,
  });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => logger.error({ error: describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));

  await connect(client, config.DISCORD_TOKEN).catch(async (error: unknown) => {
    // Leave nothing running behind a failed start (tests start many bots in one process).
    await client.destroy();
    if (!deps.service) await service.close();
    throw error;
  });
  const user = client.user!;
  logger.info({ user: user.tag, id: user.id, commands: [...commands.keys()] }, 'connected to Discord');

  let stopped: Promise<void> | null = null;
  return {
    client: client as Client<true>,
    service,
    stop: () => {
      stopped ??= (async () => {
        await client.destroy();
        await service.close();
        logger.info('stopped');
      })();
      return stopped;
    },
  };
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
  const logger = createLogger(config.LOG_LEVEL);
  process.on('unhandledRejection', (reason) =>
    logger.error({ error: describeError(reason) }, 'unhandled rejection'),
  );
  const bot = await startBot(config, { logger }).catch((error: unknown) => {
    logger.fatal({ error: describeError(error) }, 'could not start');
    die(`whosaid could not start: ${describeError(error).message}`);
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // A hung disconnect must not keep the process alive forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    void bot.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (isEntryPoint(import.meta.url)) await main();
