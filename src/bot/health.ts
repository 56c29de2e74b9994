/**
 * The health endpoint, for a supervisor and for Prometheus: an HTTP server
 * on HEALTH_HOST:HEALTH_PORT, started only when HEALTH_PORT is set.
 *
 * - `GET /livez`: 200 while the process runs (the event loop answers).
 * - `GET /readyz`: 200 only when the corpus is loaded and every gateway
 *   shard is connected; otherwise 503 with one line saying why (building the
 *   corpus, connecting, reconnecting, which shards are not ready when there
 *   are several, an engine worker being replaced, stopping).
 * - `GET /metrics`: the Prometheus text of `metrics.ts`.
 *
 * It listens from the very start of `startBot`, before the token is checked
 * and the corpus built, so a supervisor sees a live but not ready bot during
 * a long first build; it closes last, once the bot has stopped.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Client, Status } from 'discord.js';
import type { AnswerService } from '../answers/requests.ts';
import type { CorpusCounts } from '../answers/types.ts';
import type { Logger } from '../log.ts';
import type { BotMetrics } from './metrics.ts';

export interface HealthServerOptions {
  port: number;
  host: string;
  /** Why the bot cannot serve now, in one line, or null when it can. */
  notReady(): string | null;
  metrics: { text(): Promise<string>; readonly contentType: string };
}

export interface HealthServer {
  /** `http://host:port`, with the port actually bound (HEALTH_PORT=0 takes a free one). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the server; rejects with a one-line reason when it cannot listen (port in use, unknown host). */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = createServer((request, response) => void respond(request, response, options));
  server.listen(options.port, options.host);
  try {
    await once(server, 'listening');
  } catch (error) {
    throw new Error(listenProblem(error, options));
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // a scraper's keep-alive connection must not hold the process
      });
      return closed;
    },
  };
}

function listenProblem(error: unknown, { port, host }: HealthServerOptions): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return `HEALTH_PORT ${port} is already in use on ${host}`;
  if (code === 'EACCES') return `HEALTH_PORT ${port} needs privileges to listen on; use a port above 1023`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `HEALTH_HOST ${host} is not an address of this machine (${String(code)})`;
  }
  return `the health endpoint could not listen on ${host}:${port}: ${(error as Error).message}`;
}

async function respond(
  request: IncomingMessage,
  response: ServerResponse,
  options: HealthServerOptions,
): Promise<void> {
  const send = (status: number, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(405, 'method not allowed: use GET\n', { allow: 'GET, HEAD' });
  }
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  switch (path) {
    case '/livez':
      return send(200, 'ok\n');
    case '/readyz': {
      const why = options.notReady();
      return why === null ? send(200, 'ready\n') : send(503, `not ready: ${why}\n`);
    }
    case '/metrics':
      try {
        const text = await options.metrics.text();
        return send(200, text, { 'content-type': options.metrics.contentType });
      } catch (error) {
        return send(500, `metrics failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    default:
      return send(404, 'not found: try /livez, /readyz or /metrics\n');
  }
}

/** What readiness is made of, each read when /readyz is asked. */
export interface ReadinessParts {
  /** The bot is stopping. */
  stopping(): boolean;
  /** The answer service, once its corpus is loaded. */
  service(): AnswerService | undefined;
  /** Every gateway shard is connected (identified or resumed). */
  gatewayConnected(): boolean;
  /** With several shards, which are not connected, in a few words (`shardsNotReady`). */
  gatewayDetail?(): string | undefined;
}

/** Why the bot is not ready, in one line, or null when it is. */
export function whyNotReady(parts: ReadinessParts): string | null {
  if (parts.stopping()) return 'the bot is shutting down';
  const service = parts.service();
  if (!service) return 'the corpus is not loaded yet';
  if (engineFigures(service).restarting) return 'the engine worker is being replaced; answers resume shortly';
  if (!parts.gatewayConnected()) {
    const detail = parts.gatewayDetail?.();
    return detail
      ? `not connected to the Discord gateway: ${detail}`
      : 'not connected to the Discord gateway';
  }
  return null;
}

/** Every shard of the client has identified or resumed, and is not reconnecting. */
export function gatewayConnected(client: Client): boolean {
  const { shards } = client.ws;
  return shards.size > 0 && shards.every((shard) => shard.status === Status.Ready);
}

/**
 * With several shards (DISCORD_SHARD_COUNT), those not ready: `1 of 3 shards not ready (2)`.
 * Undefined with one shard, before discord.js knows its shards, or when every one is ready.
 */
export function shardsNotReady(client: Client): string | undefined {
  const { shards } = client.ws;
  if (shards.size <= 1) return undefined;
  const waiting = [...shards.filter((shard) => shard.status !== Status.Ready).keys()].sort((a, b) => a - b);
  if (waiting.length === 0) return undefined;
  return `${waiting.length} of ${shards.size} shards not ready (${waiting.join(', ')})`;
}

/**
 * What the engine tells beyond `AnswerService` (the worker service has all of
 * it, the in-process one its counts, a test's stub none): read, not required.
 */
function engineFigures(service: AnswerService): Partial<EngineFigures> {
  return service as AnswerService & Partial<EngineFigures>;
}

interface EngineFigures {
  counts: CorpusCounts;
  restarts: number;
  restarting: boolean;
}

/** The health endpoint and metrics of one running bot. */
export interface BotHealth {
  readonly url: string;
  readonly metrics: BotMetrics;
  /** The corpus is loaded: from now on /readyz follows the gateway (and the engine). */
  serving(service: AnswerService): void;
  /** The bot is stopping: /readyz answers 503 from now on. */
  stopping(): void;
  close(): Promise<void>;
}

export interface HealthSettings {
  HEALTH_PORT?: number | undefined;
  HEALTH_HOST: string;
}

/** Starts the health endpoint when HEALTH_PORT is set; null (nothing listens) when it is not. */
export async function openHealth(
  config: HealthSettings,
  deps: { client: Client; logger: Logger; commands: readonly string[] },
): Promise<BotHealth | null> {
  if (config.HEALTH_PORT === undefined) return null;
  const { client, logger } = deps;
  // Loaded only when asked for: prom-client and its dependencies take a moment to import.
  const { BotMetrics } = await import('./metrics.ts');
  let service: AnswerService | undefined;
  let stopping = false;
  const metrics = new BotMetrics(
    {
      counts: () => (service ? engineFigures(service).counts : undefined),
      restarts: () => (service ? (engineFigures(service).restarts ?? 0) : 0),
      gatewayPingMs: () => client.ws.ping,
      shards: () =>
        client.ws.shards.map((shard) => ({
          id: shard.id,
          pingMs: shard.ping,
          ready: shard.status === Status.Ready,
        })),
    },
    { commands: deps.commands },
  );
  const server = await startHealthServer({
    port: config.HEALTH_PORT,
    host: config.HEALTH_HOST,
    metrics,
    notReady: () =>
      whyNotReady({
        stopping: () => stopping,
        service: () => service,
        gatewayConnected: () => gatewayConnected(client),
        gatewayDetail: () => shardsNotReady(client),
      }),
  });
  logger.info({ url: server.url, paths: ['/livez', '/readyz', '/metrics'] }, 'health endpoint listening');
  return {
    url: server.url,
    metrics,
    serving: (loaded) => {
      service = loaded;
    },
    stopping: () => {
      stopping = true;
    },
    close: () => server.close(),
  };
}
