/**
 * The interactions endpoint (INTERACTIONS_MODE=http): Discord POSTs each
 * interaction here, signed, instead of sending it over a gateway connection.
 * A plain `node:http` server:
 *
 * - reads the raw body, at most `maxBodyBytes` (413 past it);
 * - refuses, with 401, a request whose Ed25519 signature is missing, forged,
 *   made with another key, or whose timestamp is stale, and one it has seen
 *   already (a replay);
 * - refuses, with 400, a body that is not an interaction it can read;
 * - answers PING (type 1) with PONG (type 1) in the response body, as
 *   Discord requires (it does not take a PONG through the callback endpoint);
 * - turns application commands, autocomplete and buttons into real
 *   discord.js interaction objects, built by discord.js's own
 *   InteractionCreate action (as for a gateway dispatch) on a client that
 *   never logs in, and hands them to the same router the gateway bot uses,
 *   so the answers are the same.
 *
 * How the HTTP request is answered: the router answers through discord.js
 * as it always does, by POSTing to the interaction callback endpoint
 * (reply, defer, update, autocomplete choices), then editing
 * `/webhooks/{app}/{token}/messages/@original`. Discord's documentation says
 * that when an app sends that callback for an interaction received over HTTP
 * it must answer the original request with 202 and no body; so the request
 * is answered 202 once Discord has accepted the callback. We do not put the
 * reply in the response body instead: discord.js would then not learn
 * whether Discord accepted it (a refused body, a 5xx to retry), and the
 * bot's error handling (a notice instead of a lost answer, "thinking…" always
 * answered) relies on that. The cost is one more request to Discord per
 * interaction. If the router finishes without Discord accepting a callback,
 * the request is answered 500, and 503 if nothing is acknowledged within
 * Discord's 3 seconds (the answer may still arrive: the router defers after
 * 0.8 s, so this means Discord could not be reached).
 */

import type { KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Client, Events, type Interaction, RESTEvents } from 'discord.js';
import type { Logger } from '../log.ts';
import { describeError } from './errors.ts';
import { checkSignature, MAX_SIGNATURE_AGE_SECONDS } from './interaction-signature.ts';

/** Largest body read: a button press carries its whole message (embeds, components), some tens of kB. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Discord invalidates an interaction not acknowledged within 3 s. */
const ACK_TIMEOUT_MS = 3000;
/** Interaction ids remembered for the replay check, at most (ten minutes at 166 a second): some 10 MB. */
const MAX_SEEN = 100_000;
/** Past this much, a body is not even read to the end: the connection is cut. */
const CUT_AFTER_BYTES = 8 * MAX_BODY_BYTES;

// biome-ignore lint/suspicious/noExplicitAny: interaction payloads are free-form JSON until checked
type Json = any;

export interface InteractionsServerOptions {
  port: number;
  host: string;
  publicKey: KeyObject;
  logger: Logger;
  /** The client whose InteractionCreate action builds interaction objects; it never logs in. */
  client: Client;
  /** Handles one interaction (the router); its replies go out through `client.rest`. */
  handle(interaction: Interaction): Promise<void>;
  /** Why this replica cannot serve now (a load balancer's /readyz), or null when it can. */
  notReady(): string | null;
  maxBodyBytes?: number;
  now?: () => number;
}

export interface InteractionsServer {
  /** `http://host:port`, with the port actually bound (INTERACTIONS_PORT=0 takes a free one). */
  readonly url: string;
  readonly port: number;
  /** Stops taking requests (those being answered finish); resolves once closed. */
  close(): Promise<void>;
}

type Answer = { status: number; body?: unknown; why?: string };

/** The parts of a payload the router and discord.js's constructors read without checking. */
function malformed(p: Json): string | null {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return 'not a JSON object';
  if (!Number.isInteger(p.type)) return 'no interaction type';
  if (p.type === 1) return null;
  if (p.type !== 2 && p.type !== 3 && p.type !== 4) return `unsupported interaction type ${p.type}`;
  const snowflake = (v: unknown) => typeof v === 'string' && /^\d{1,20}$/.test(v);
  if (!snowflake(p.id) || !snowflake(p.application_id)) return 'no interaction or application id';
  if (typeof p.token !== 'string' || !p.token) return 'no token';
  const user = p.member?.user ?? p.user;
  if (typeof user !== 'object' || user === null || !snowflake(user.id)) return 'no user';
  if (typeof p.data !== 'object' || p.data === null) return 'no data';
  if (p.type === 3 && (typeof p.data.custom_id !== 'string' || p.data.component_type !== 2)) {
    return 'not a button press';
  }
  if (p.type !== 3 && typeof p.data.name !== 'string') return 'no command name';
  return null;
}

export async function startInteractionsServer(
  options: InteractionsServerOptions,
): Promise<InteractionsServer> {
  const { client, logger } = options;
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  /** Interactions waiting for Discord to accept their callback, by id. */
  const waiting = new Map<string, () => void>();
  /** Interaction ids seen, and when: a signed request sent again within the timestamp window is a replay. */
  const seen = new Map<string, number>();
  const refusals = refusalLog(logger, now);

  const onResponse = (request: { method: string; path: string }, response: { ok: boolean }) => {
    const id = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(String(request.path))?.[1];
    if (id && request.method.toUpperCase() === 'POST' && response.ok) waiting.get(id)?.();
  };
  client.rest.on(RESTEvents.Response, onResponse);

  /** Builds the discord.js interaction as a gateway dispatch would, or null when discord.js makes none. */
  function build(payload: Json): Interaction | null {
    let built: Interaction | null = null;
    const capture = (interaction: Interaction) => {
      built = interaction;
    };
    client.on(Events.InteractionCreate, capture);
    try {
      // discord.js's own action (what its INTERACTION_CREATE gateway handler calls); private in its typings.
      (
        client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }
      ).actions.InteractionCreate.handle(payload);
    } finally {
      client.off(Events.InteractionCreate, capture);
    }
    return built;
  }

  async function dispatch(payload: Json): Promise<Answer> {
    let interaction: Interaction | null;
    try {
      interaction = build(payload);
    } catch (error) {
      return { status: 400, why: `unreadable interaction: ${describeError(error).message}` };
    }
    if (!interaction) return { status: 400, why: 'an interaction this bot does not handle' };
    const id = interaction.id;
    let timer: NodeJS.Timeout | undefined;
    const acknowledged = new Promise<Answer>((resolve) => {
      waiting.set(id, () => resolve({ status: 202 }));
      timer = setTimeout(() => resolve({ status: 503, why: 'not acknowledged within 3 s' }), ACK_TIMEOUT_MS);
    });
    const handled = options.handle(interaction).then(
      () => ({ status: 500, why: 'answered without a callback Discord accepted' }) as Answer,
      (error: unknown) => ({ status: 500, why: describeError(error).message }) as Answer,
    );
    try {
      // Whichever comes first; an acknowledgement that arrived just before the router finished still counts.
      const first = await Promise.race([acknowledged, handled]);
      return first.status === 500 ? await Promise.race([acknowledged, Promise.resolve(first)]) : first;
    } finally {
      clearTimeout(timer);
      waiting.delete(id);
    }
  }

  /** A signed, fresh, well-formed request: its answer. */
  async function answer(request: IncomingMessage, body: Buffer): Promise<Answer> {
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const check = checkSignature(
      { signature: header('x-signature-ed25519'), timestamp: header('x-signature-timestamp'), body },
      options.publicKey,
      now(),
    );
    if (!check.ok) return { status: 401, body: { error: 'invalid request signature' }, why: check.reason };
    let payload: Json;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return { status: 400, body: { error: 'malformed body' }, why: 'not JSON' };
    }
    const problem = malformed(payload);
    if (problem) return { status: 400, body: { error: 'malformed body' }, why: problem };
    if (payload.type === 1) return { status: 200, body: { type: 1 } };
    const at = now();
    // Kept while a signature made with it could still pass as fresh (either way), and at most MAX_SEEN.
    for (const [id, when] of seen) {
      if (at - when <= 2 * MAX_SIGNATURE_AGE_SECONDS * 1000 && seen.size < MAX_SEEN) break;
      seen.delete(id);
    }
    if (seen.has(payload.id)) return { status: 401, body: { error: 'replayed request' }, why: 'replayed' };
    seen.set(payload.id, at);
    const notReady = options.notReady();
    if (notReady) return { status: 503, body: { error: notReady }, why: notReady };
    return dispatch(payload);
  }

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && (url.pathname === '/livez' || url.pathname === '/readyz')) {
      const notReady = url.pathname === '/readyz' ? options.notReady() : null;
      response.writeHead(notReady ? 503 : 200, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`${notReady ?? 'ok'}\n`);
      return;
    }
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      request.resume();
      return;
    }
    const body = await readBody(request, maxBodyBytes);
    let result: Answer;
    if (body === 'cut') return; // the connection is already closed
    if (body === 'too large')
      result = { status: 413, body: { error: 'body too large' }, why: 'body too large' };
    else result = await answer(request, body);
    if (result.status >= 400) refusals(result, request);
    if (result.body === undefined) response.writeHead(result.status).end();
    else {
      response
        .writeHead(result.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(result.body));
    }
  }

  const server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      logger.error({ error: describeError(error) }, 'interactions endpoint failed');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  server.requestTimeout = 10_000;
  server.listen(options.port, options.host);
  try {
    await once(server, 'listening');
  } catch (error) {
    client.rest.off(RESTEvents.Response, onResponse);
    throw new Error(
      `the interactions endpoint could not listen on ${options.host}:${options.port}: ${describeError(error).message}`,
    );
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }).finally(() => client.rest.off(RESTEvents.Response, onResponse));
      return closed;
    },
  };
}

/** The body, or 'too large' (read to the end and dropped), or 'cut' (far too large: connection closed). */
function readBody(request: IncomingMessage, max: number): Promise<Buffer | 'too large' | 'cut'> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > CUT_AFTER_BYTES) {
    request.destroy();
    return Promise.resolve('cut');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > CUT_AFTER_BYTES) {
        request.destroy();
        resolve('cut');
      } else if (size <= max) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > max ? 'too large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Logs refused requests: the first in a minute at warn (a wrong DISCORD_PUBLIC_KEY refuses all of
 * Discord's requests, and someone should see it), the rest at debug (a flood must not flood the log).
 */
function refusalLog(logger: Logger, now: () => number) {
  let lastWarn = -Infinity;
  let quiet = 0;
  return (result: Answer, request: IncomingMessage) => {
    const fields = { status: result.status, why: result.why, from: request.socket.remoteAddress };
    if (now() - lastWarn >= 60_000) {
      lastWarn = now();
      logger.warn(
        { ...fields, ...(quiet ? { alsoRefusedSinceLastWarning: quiet } : {}) },
        'interaction request refused',
      );
      quiet = 0;
    } else {
      quiet += 1;
      logger.debug(fields, 'interaction request refused');
    }
  };
}
