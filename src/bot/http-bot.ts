/**
 * The bot in HTTP-interactions mode (INTERACTIONS_MODE=http): no gateway
 * connection; Discord POSTs every interaction, signed, to the endpoint on
 * INTERACTIONS_PORT (`http-interactions.ts`). The process holds no state a
 * load balancer would need to pin users to it, so any number of identical
 * replicas can serve behind one:
 *
 * - each opens the same snapshot (SNAPSHOT_DIR shared, CORPUS_DIR the same
 *   files at the same path) and holds a full engine;
 * - pages of answers with buttons are kept in REPLICA_DIR, which they all
 *   share, so a button works on whichever replica receives the press;
 * - a reload on one replica is announced there and followed by the others
 *   (`replicas.ts`).
 *
 * The same router, commands and replies as the gateway bot (`main.ts`);
 * replies go out through discord.js's REST client to Discord's callback and
 * webhook endpoints. `startHttpBot` is what `main.ts` starts in this mode.
 */
import path from 'node:path';
import { Client } from 'discord.js';
import type { AnswerService } from '../answers/requests.ts';
import { type BotConfig, ConfigError } from '../config.ts';
import { createLogger } from '../log.ts';
import { NO_MENTIONS } from '../render/discord.ts';
import { sourceSettings } from '../sources/manager.ts';
import { loadCommands } from './commands.ts';
import { describeError } from './errors.ts';
import { checkToken, type GatewayError } from './gateway.ts';
import { type InteractionsServer, startInteractionsServer } from './http-interactions.ts';
import { publicKeyFromHex } from './interaction-signature.ts';
import type { BotDeps, RunningBot } from './main.ts';
import { announcingReloads, ReloadMarker, SharedPageSessions } from './replicas.ts';
import { createRouter } from './router.ts';
import { auditPoster, openService, Shutdown } from './serving.ts';

export interface RunningHttpBot extends RunningBot {
  interactions: InteractionsServer;
  reloads: ReloadMarker;
  sessions: SharedPageSessions;
}

/** The folder the replicas share: REPLICA_DIR, else `replicas/` in SNAPSHOT_DIR. */
export function replicaDir(config: BotConfig): string {
  if (config.REPLICA_DIR) return path.resolve(config.REPLICA_DIR);
  if (config.SNAPSHOT_DIR) return path.resolve(config.SNAPSHOT_DIR, 'replicas');
  throw new ConfigError(
    'REPLICA_DIR is missing: INTERACTIONS_MODE=http keeps page buttons and reloads in a folder every ' +
      'replica shares, by default replicas/ in SNAPSHOT_DIR, which is empty. Set either. See .env.example.',
  );
}

export async function startHttpBot(config: BotConfig, deps: BotDeps = {}): Promise<RunningHttpBot> {
  const logger = deps.logger ?? createLogger(config.LOG_LEVEL, undefined, { format: config.LOG_FORMAT });
  const publicKey = publicKeyFromHex(config.DISCORD_PUBLIC_KEY ?? '');
  const shared = replicaDir(config);
  const commands = await loadCommands(deps.commandsDir);
  for (const warning of config.warnings) logger.warn({ warning }, 'configuration');
  if (config.HEALTH_PORT !== undefined) {
    logger.warn(
      {
        warning:
          'HEALTH_PORT is not used with INTERACTIONS_MODE=http: /livez and /readyz answer on INTERACTIONS_PORT; there is no /metrics in this mode',
      },
      'configuration',
    );
  }
  // A client that never logs in: discord.js builds interaction objects and sends replies with it.
  const client = new Client({
    intents: [],
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
  const destroy = async () => {
    await client.destroy();
  };

  // Replies to interactions need no token, but the audit channel does; and a bad one should fail now.
  client.rest.setToken(config.DISCORD_TOKEN);
  const timeoutMs = config.GATEWAY_TIMEOUT_SECONDS * 1000;
  const me = await checkToken(client.rest, { timeoutMs, logger, apiUrl: config.DISCORD_API_URL }).catch(
    async (error: unknown) => {
      await destroy();
      throw error;
    },
  );
  logger.info({ user: me.username, id: me.id }, 'token accepted');

  const service: AnswerService =
    deps.service ??
    (await openService(config, logger).catch(async (error: unknown) => {
      await destroy();
      throw error;
    }));
  const shutdown = new Shutdown(logger);
  const { stopping } = shutdown;
  const serving = shutdown.serving(service);
  const reloads = new ReloadMarker({
    replicaDir: shared,
    service: serving,
    logger,
    pollMs: Math.round(config.REPLICA_POLL_SECONDS * 1000),
  });
  const sessions = new SharedPageSessions(shared);
  const router = createRouter({
    commands,
    service: announcingReloads(serving, reloads),
    logger,
    rateLimit: { burst: config.RATE_LIMIT_BURST, refillSeconds: config.RATE_LIMIT_REFILL_SECONDS },
    deferAfterMs: deps.deferAfterMs,
    sessions,
    sources: {
      ...sourceSettings(config),
      audit: auditPoster(client, config.AUDIT_CHANNEL_ID),
      // Feed polling stops with the bot.
      signal: stopping.signal,
    },
  });

  let interactions: InteractionsServer;
  try {
    await reloads.start();
    interactions = await startInteractionsServer({
      port: config.INTERACTIONS_PORT,
      host: config.INTERACTIONS_HOST,
      publicKey,
      logger,
      client,
      handle: (interaction) => {
        const handling = router.handle(interaction);
        shutdown.track(handling);
        return handling;
      },
      notReady: () => (stopping.signal.aborted ? 'stopping' : null),
    });
  } catch (error) {
    await reloads.stop();
    await destroy();
    if (!deps.service) await service.close();
    throw error;
  }
  logger.info(
    { url: interactions.url, replica: reloads.replica, shared, commands: [...commands.keys()] },
    'listening for Discord interactions',
  );

  let stopped: Promise<void> | null = null;
  return {
    client: client as Client<true>,
    service,
    // Nothing to lose: no connection is held. Never settles.
    lost: new Promise<GatewayError>(() => {}),
    health: null,
    interactions,
    reloads,
    sessions,
    stop: () => {
      stopped ??= (async () => {
        stopping.abort(); // /readyz: 503, so that the load balancer sends no more
        await interactions.close();
        await shutdown.answersDone();
        await reloads.stop();
        await destroy();
        await shutdown.closeEngine(service);
        logger.info('stopped');
      })().catch((error: unknown) => {
        logger.error({ error: describeError(error) }, 'stopping failed');
      });
      return stopped;
    },
  };
}
