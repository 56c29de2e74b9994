/**
 * Interactions as Discord delivers them in HTTP mode: POSTed to the bot's
 * endpoint, signed with Ed25519 (a key pair made here with node:crypto;
 * the bot gets its public key as DISCORD_PUBLIC_KEY). And replicas of the
 * HTTP bot, started in this process through `startHttpBot` (what `npm start`
 * runs with INTERACTIONS_MODE=http), all against one fake Discord server
 * (which takes their callbacks and webhook edits) and one corpus.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type RunningHttpBot, startHttpBot } from '../../src/bot/http-bot.ts';
import { loadBotConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { APP_ID, FakeDiscord } from './fake-discord.ts';
import { BOT_TOKEN } from './harness.ts';
import { interact, type Outcome } from './interactions.ts';

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads are free-form JSON in tests
type Json = any;

export interface SigningKey {
  /** As the Developer Portal shows it: 64 hex digits. */
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function signingKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { publicKeyHex: Buffer.from(jwk.x!, 'base64url').toString('hex'), privateKey };
}

/** The signature Discord sends: Ed25519 over the timestamp then the body, hex. */
export function signatureOf(key: SigningKey, timestamp: string, body: string | Buffer): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), key.privateKey).toString(
    'hex',
  );
}

export function nowSeconds(offsetSeconds = 0): string {
  return String(Math.floor(Date.now() / 1000) + offsetSeconds);
}

export interface PostOptions {
  /** Signs with this key instead (a forger's). */
  key?: SigningKey;
  timestamp?: string;
  /** Sent as is instead of the signature of the body. */
  signature?: string;
  /** Headers left out. */
  omit?: ('x-signature-ed25519' | 'x-signature-timestamp')[];
  /** Signs this body but sends `body` (a body changed in transit). */
  signedBody?: string;
}

/** POSTs `body` (a payload, or raw text) signed as Discord would, unless `options` say otherwise. */
export async function postSigned(
  url: string,
  key: SigningKey,
  body: Json,
  options: PostOptions = {},
): Promise<{ status: number; text: string; json: Json }> {
  const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const timestamp = options.timestamp ?? nowSeconds();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
    'x-signature-ed25519':
      options.signature ?? signatureOf(options.key ?? key, timestamp, options.signedBody ?? raw),
    'x-signature-timestamp': timestamp,
  };
  for (const name of options.omit ?? []) delete headers[name];
  const response = await fetch(url, { method: 'POST', headers, body: raw });
  const text = await response.text();
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

export interface Replica {
  bot: RunningHttpBot;
  url: string;
  logs(): Json[];
}

export interface Replicas {
  fake: FakeDiscord;
  key: SigningKey;
  replicas: Replica[];
  /** The folder the replicas share (REPLICA_DIR). */
  shared: string;
  /** Sends a signed interaction to replica `i` and waits for the answer; `status` is the HTTP answer. */
  send(i: number, payload: Json): Promise<Outcome & { status: number }>;
  close(): Promise<void>;
}

/** Starts `count` replicas on `corpusDir`, sharing one snapshot folder and one REPLICA_DIR. */
export async function startReplicas(options: {
  corpusDir: string;
  count?: number;
  env?: Record<string, string>;
}): Promise<Replicas> {
  const fake = await FakeDiscord.start();
  const key = signingKey();
  const scratch = mkdtempSync(path.join(tmpdir(), 'whosaid-replicas-'));
  const replicas: Replica[] = [];
  const close = async () => {
    await Promise.all(replicas.map((r) => r.bot.stop()));
    await fake.close();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    // One after the other, as a deployment rolls out: the first builds and writes the snapshot, the next open it.
    for (let i = 0; i < (options.count ?? 2); i++) {
      const chunks: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          chunks.push(chunk.toString());
          done();
        },
      });
      const config = loadBotConfig({
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_CLIENT_ID: APP_ID,
        DISCORD_API_URL: fake.apiUrl,
        CORPUS_DIR: options.corpusDir,
        SNAPSHOT_DIR: path.join(scratch, 'snapshots'),
        INTERACTIONS_MODE: 'http',
        DISCORD_PUBLIC_KEY: key.publicKeyHex,
        INTERACTIONS_PORT: '0',
        INTERACTIONS_HOST: '127.0.0.1',
        REPLICA_POLL_SECONDS: '0.2',
        RATE_LIMIT_BURST: '0',
        LOG_LEVEL: 'debug',
        ...options.env,
      });
      const bot = await startHttpBot(config, { logger: createLogger(config.LOG_LEVEL, sink) });
      if (i === 0) await (bot.service as { flush?: () => Promise<void> }).flush?.();
      const logs = () =>
        chunks
          .join('')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line));
      replicas.push({ bot, url: bot.interactions.url, logs });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    fake,
    key,
    replicas,
    shared: path.join(scratch, 'snapshots', 'replicas'),
    async send(i, payload) {
      let status = 0;
      const outcome = await interact(fake, payload, async (p) => {
        status = (await postSigned(replicas[i]!.url, key, p)).status;
      });
      return { ...outcome, status };
    },
    close,
  };
}
