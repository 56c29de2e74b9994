/**
 * A Discord-compatible server for end-to-end tests, on 127.0.0.1 with a
 * free port: just enough of the REST API and the gateway for a real
 * discord.js client to log in, receive interactions and answer them.
 *
 * REST (under /api/v10): gateway discovery, interaction callbacks (204),
 * webhook edits and follow-ups of interaction replies, command
 * registration, users/@me, applications/@me and channel messages (the
 * audit channel). Every request is recorded.
 *
 * Gateway: HELLO (op 10) → IDENTIFY (op 2) → READY with no guilds (so the
 * client is ready at once) → HEARTBEAT (op 1) / ACK (op 11); RESUME (op 6)
 * → RESUMED. Tests then dispatch INTERACTION_CREATE and read back what the
 * bot sent, or close the connection with a code (`closeGateway`).
 *
 * Sharded like Discord's: GET /gateway/bot recommends `shards` (default 1)
 * with `maxConcurrency` identifies per 5 s; an IDENTIFY with `shard: [id,
 * count]` is answered by a READY carrying that shard (and closed 4010 when
 * the id is not below the count); a dispatch goes to the shard of its
 * guild, `(guild_id >> 22) % count`, or to the one a test names, and so
 * does a close.
 */
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export const APP_ID = '100000000000000001';
export const BOT_USER = {
  id: APP_ID,
  username: 'whosaid',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};

export interface RecordedRequest {
  method: string;
  /** Path with each segment decoded (`@original`, not `%40original`). */
  path: string;
  /** The path exactly as sent. */
  rawPath: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: gateway payloads are free-form JSON
type Json = any;

/**
 * A fault the fake injects: matching requests are answered `status` instead,
 * optionally after being carried out (Discord sometimes does the work and
 * still answers 5xx: a retry then does it twice).
 */
export interface Fault {
  matches(request: RecordedRequest): boolean;
  /** 500 or 503 for a server error (discord.js retries those itself), 400 for a refused body. */
  status: number;
  /** Carry the request out first, then answer `status` (default: not carried out). */
  accepted?: boolean;
  /** How many matching requests fail; then the fault is spent (default: every one). */
  times?: number;
}

interface Route {
  method: string;
  pattern: RegExp;
  handle(request: RecordedRequest, params: string[]): { status: number; body?: unknown };
}

export class FakeDiscord extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  /** Every gateway payload the client sent (IDENTIFY, heartbeats …). */
  readonly gatewayReceived: Json[] = [];
  /** Interaction tokens whose callbacks and webhook calls fail with 400, as for an invalid body. */
  readonly failingTokens = new Set<string>();
  /** Faults to inject, first match first (see `Fault`). */
  readonly faults: Fault[] = [];
  /** When set, gateway discovery answers 401 to any other bot token (as Discord does to a bad one). */
  acceptedBotToken: string | null = null;
  /** When set, gateway discovery hands out this URL instead of the fake's own (say, a port nothing listens on). */
  gatewayUrl: string | null = null;
  /** The shard count GET /gateway/bot recommends (what DISCORD_SHARD_COUNT=auto runs). */
  shards: number;
  /** GET /gateway/bot's `session_start_limit.max_concurrency`: shards that may identify per 5 s. */
  maxConcurrency: number;
  /** Shards whose IDENTIFY is held unanswered (no READY) until `releaseReady`. */
  private readonly held = new Map<number, WebSocket | null>();
  /** The shard each connection identified (or resumed) as; a connection not yet identified counts as 0. */
  private readonly shardOfSocket = new Map<WebSocket, number>();
  private readonly sockets = new Set<WebSocket>();
  private readonly messages = new Map<string, Json>();
  private readonly followUpsByToken = new Map<string, Json[]>();
  private sequence = 0;
  private nextId = 200000000000000000n;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    private readonly heartbeatIntervalMs: number,
    sharding: { shards?: number | undefined; maxConcurrency?: number | undefined },
  ) {
    super();
    this.shards = sharding.shards ?? 1;
    this.maxConcurrency = sharding.maxConcurrency ?? 1;
  }

  static async start(
    options: { heartbeatIntervalMs?: number; shards?: number; maxConcurrency?: number } = {},
  ): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ noServer: true });
    const fake = new FakeDiscord(server, wss, options.heartbeatIntervalMs ?? 41_250, options);
    server.on('request', (req, res) => void fake.onHttp(req, res));
    server.on('upgrade', (req, socket, head) => {
      wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What DISCORD_API_URL should be: discord.js appends `/v10/...`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  snowflake(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  /**
   * Sends a gateway dispatch (op 0) to the connections of one shard: `shard`
   * when given, else the shard of `data.guild_id` (as Discord routes it), else 0.
   * With one shard, that is every connection.
   */
  dispatch(event: string, data: Json, { shard }: { shard?: number } = {}): void {
    this.sequence += 1;
    const payload = JSON.stringify({ op: 0, t: event, s: this.sequence, d: data });
    const target = shard ?? (data?.guild_id ? this.shardOfGuild(data.guild_id) : 0);
    for (const socket of this.socketsOf(target)) socket.send(payload);
  }

  /** The shard Discord sends a guild's events to: `(guild_id >> 22) % shards`. */
  shardOfGuild(guildId: string): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(this.shards));
  }

  /** The [id, count] of every IDENTIFY received, in order. */
  identified(): [number, number][] {
    return this.gatewayReceived.filter((p) => p.op === 2).map((p) => p.d.shard ?? [0, 1]);
  }

  /** From now on, an IDENTIFY on `shard` gets no READY until `releaseReady(shard)`. */
  holdReady(shard: number): void {
    if (!this.held.has(shard)) this.held.set(shard, null);
  }

  /** Sends the READY held back for `shard` (if its IDENTIFY came), and stops holding it. */
  releaseReady(shard: number): void {
    const socket = this.held.get(shard);
    this.held.delete(shard);
    if (socket) this.sendReady(socket, [shard, this.shards]);
  }

  /** Whether the IDENTIFY of a held shard has come (its READY waiting for `releaseReady`). */
  identifyHeld(shard: number): boolean {
    return Boolean(this.held.get(shard));
  }

  private socketsOf(shard: number): WebSocket[] {
    return [...this.sockets].filter((socket) => (this.shardOfSocket.get(socket) ?? 0) === shard);
  }

  /** Resolves with the first recorded request matching `test` (past or future). */
  waitForRequest(test: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const seen = this.requests.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        reject(new Error('timed out waiting for a request to the fake Discord server'));
      }, timeoutMs);
      const listener = (r: RecordedRequest) => {
        if (!test(r)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(r);
      };
      this.on('request', listener);
    });
  }

  /**
   * Closes every gateway connection with `code`, as Discord does (4004: the token was revoked),
   * or only those of `shard`.
   */
  closeGateway(code: number, reason = '', { shard }: { shard?: number } = {}): void {
    const sockets = shard === undefined ? [...this.sockets] : this.socketsOf(shard);
    for (const socket of sockets) socket.close(code, reason);
  }

  /** The follow-up messages Discord holds for an interaction (each one the user sees), in order. */
  followUps(token: string): Json[] {
    return this.followUpsByToken.get(token) ?? [];
  }

  /** The message the fake stored for an interaction's original response (after a reply or edit). */
  originalMessage(token: string): Json | undefined {
    return this.messages.get(token);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ── Gateway ────────────────────────────────────────────────────────────

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOfSocket.delete(socket);
    });
    socket.on('message', (raw) => this.onGatewayMessage(socket, JSON.parse(raw.toString())));
    socket.send(
      JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: this.heartbeatIntervalMs } }),
    );
  }

  private onGatewayMessage(socket: WebSocket, payload: Json): void {
    this.gatewayReceived.push(payload);
    this.emit('gateway', payload);
    if (payload.op === 1) socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
    if (payload.op === 2) this.identify(socket, payload.d?.shard ?? [0, 1]);
    if (payload.op === 6) this.sendResumed(socket, payload.d?.session_id);
  }

  private identify(socket: WebSocket, [id, count]: [number, number]): void {
    if (!(Number.isInteger(id) && Number.isInteger(count) && id >= 0 && id < count)) {
      socket.close(4010, 'Invalid shard.');
      return;
    }
    this.shardOfSocket.set(socket, id);
    if (this.held.has(id)) this.held.set(id, socket);
    else this.sendReady(socket, [id, count]);
  }

  /** RESUME (op 6) is always accepted: the session (of the shard it names) goes on where it was. */
  private sendResumed(socket: WebSocket, sessionId: unknown): void {
    const shard = /^fake-session-(\d+)$/.exec(String(sessionId))?.[1];
    this.shardOfSocket.set(socket, Number(shard ?? 0));
    this.sequence += 1;
    socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: this.sequence, d: {} }));
  }

  private sendReady(socket: WebSocket, shard: [number, number]): void {
    this.sequence += 1;
    const ready = {
      v: 10,
      user: BOT_USER,
      guilds: [],
      session_id: `fake-session-${shard[0]}`,
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      shard,
      application: { id: APP_ID, flags: 0 },
    };
    socket.send(JSON.stringify({ op: 0, t: 'READY', s: this.sequence, d: ready }));
  }

  // ── REST ───────────────────────────────────────────────────────────────

  private readonly routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/api\/v10\/gateway(\/bot)?$/,
      handle: (r) =>
        this.rejects(r)
          ? unauthorized()
          : {
              status: 200,
              body: {
                url: this.gatewayUrl ?? `ws://127.0.0.1:${this.port}`,
                shards: this.shards,
                session_start_limit: {
                  total: 1000,
                  remaining: 999,
                  reset_after: 0,
                  max_concurrency: this.maxConcurrency,
                },
              },
            },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/,
      handle: (r, [, token]) => {
        const body = r.body as Json;
        // Replies (4) and updates (7) become the original message; deferrals (5) wait for an edit.
        if (body?.type === 4 || body?.type === 7) this.storeMessage(token!, body.data ?? {});
        return { status: 204 };
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
      handle: (r, [, token]) => ({ status: 200, body: this.storeMessage(token!, r.body as Json) }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
      handle: (_r, [, token]) => {
        const message = this.messages.get(token!);
        return message ? { status: 200, body: message } : notFound();
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/,
      handle: () => ({ status: 204 }),
    },
    {
      method: 'POST',
      pattern: /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)$/,
      handle: (r, [, token]) => {
        const message = this.messageFrom(this.snowflake(), r.body as Json);
        this.followUpsByToken.set(token!, [...this.followUps(token!), message]);
        return { status: 200, body: message };
      },
    },
    {
      method: 'PUT',
      pattern: /^\/api\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/,
      handle: (r, [app, guild]) => ({
        status: 200,
        body: (r.body as Json[]).map((c) => ({
          ...c,
          id: this.snowflake(),
          application_id: app,
          ...(guild ? { guild_id: guild } : {}),
          version: '1',
        })),
      }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v10\/users\/@me$/,
      handle: (r) => (this.rejects(r) ? unauthorized() : { status: 200, body: BOT_USER }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v10\/applications\/@me$/,
      handle: () => ({ status: 200, body: { id: APP_ID, name: 'whosaid', flags: 0, bot_public: true } }),
    },
    {
      // A message the bot posts in a channel (the audit channel).
      method: 'POST',
      pattern: /^\/api\/v10\/channels\/(\d+)\/messages$/,
      handle: (r, [channel]) => ({
        status: 200,
        body: { ...this.messageFrom(this.snowflake(), r.body as Json), type: 0, channel_id: channel },
      }),
    },
  ];

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.split('/').map(decodeURIComponent).join('/');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      rawPath: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: await readBody(req),
    };
    this.requests.push(request);
    const fault = this.takeFault(request);
    const carriedOut = this.failing(request)
      ? invalidFormBody()
      : !fault || fault.accepted
        ? this.route(request)
        : undefined;
    const result = fault ? faultAnswer(fault.status) : carriedOut!;
    // Like Discord, a 204 has no body and no content type (discord.js would try to parse one).
    if (result.body === undefined) res.writeHead(result.status).end();
    else
      res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
    this.emit('request', request);
  }

  /** A bot token other than `acceptedBotToken`, when one is set. */
  private rejects(request: RecordedRequest): boolean {
    return this.acceptedBotToken !== null && request.headers.authorization !== `Bot ${this.acceptedBotToken}`;
  }

  /** The first fault matching `request`, counted as used. */
  private takeFault(request: RecordedRequest): Fault | undefined {
    const index = this.faults.findIndex((f) => (f.times ?? 1) > 0 && f.matches(request));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    if (fault.times !== undefined) fault.times -= 1;
    return fault;
  }

  private failing(request: RecordedRequest): boolean {
    return [...this.failingTokens].some((token) => request.path.includes(`/${token}`));
  }

  private route(request: RecordedRequest): { status: number; body?: unknown } {
    for (const route of this.routes) {
      if (route.method !== request.method) continue;
      const match = route.pattern.exec(request.path);
      if (match) return route.handle(request, match.slice(1));
    }
    return notFound();
  }

  private storeMessage(token: string, data: Json): Json {
    const previous = this.messages.get(token);
    const message = previous
      ? { ...previous, ...messageFields(data), edited_timestamp: new Date().toISOString() }
      : this.messageFrom(undefined, data);
    this.messages.set(token, message);
    return message;
  }

  /** A message object as Discord returns it, from a create/edit body. */
  private messageFrom(id: string | undefined, body: Json): Json {
    const message: Json = {
      id: id ?? this.snowflake(),
      type: 20,
      channel_id: CHANNEL_ID,
      author: BOT_USER,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      webhook_id: APP_ID,
      application_id: APP_ID,
    };
    return { content: '', embeds: [], components: [], flags: 0, ...message, ...messageFields(body) };
  }
}

export const GUILD_ID = '300000000000000001';
export const CHANNEL_ID = '300000000000000002';

/** The parts of a create/edit body that become part of the message. */
function messageFields(body: Json): Json {
  const fields: Json = {};
  for (const key of ['content', 'embeds', 'components', 'flags']) {
    if (body?.[key] !== undefined) fields[key] = body[key];
  }
  return fields;
}

function invalidFormBody() {
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
}

function faultAnswer(status: number) {
  return status === 400
    ? invalidFormBody()
    : { status, body: { message: status >= 500 ? `${status}: Server Error` : `${status}`, code: 0 } };
}

function unauthorized() {
  return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
}

function notFound() {
  return { status: 404, body: { message: '404: Not Found', code: 0 } };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  if (!String(req.headers['content-type'] ?? '').includes('application/json')) return text;
  return JSON.parse(text);
}
