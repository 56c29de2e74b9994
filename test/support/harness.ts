/**
 * One bot under test: the fake Discord server, the real discord.js client
 * started through `startBot` (the entry point `npm start` uses), and the
 * JSON log lines it wrote.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { AnswerService } from '../../src/answers/requests.ts';
import { type RunningBot, startBot } from '../../src/bot/main.ts';
import { loadBotConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { APP_ID, FakeDiscord } from './fake-discord.ts';
import { interact, type Outcome } from './interactions.ts';

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads are free-form JSON in tests
type Json = any;

export const BOT_TOKEN = 'fake.bot-token.for-tests-only';
export const SEED_CORPUS = path.resolve(import.meta.dirname, '../../corpus');

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  /** Parsed pino lines, in order. */
  logs: Json[];
  /** The raw log text, for "the token never appears" checks. */
  rawLogs(): string;
  send(payload: Json): Promise<Outcome>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  corpusDir?: string;
  service?: AnswerService;
  env?: Record<string, string>;
  deferAfterMs?: number;
  heartbeatIntervalMs?: number;
}

/** A private copy of a corpus folder, so a test can add or break files. */
export function copyCorpus(from = SEED_CORPUS): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'whosaid-corpus-'));
  cpSync(from, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start(
    options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {},
  );
  // A service given here reads its own folder: CORPUS_DIR (where /corpus add-url stores files and the
  // audit ledger is kept) must then not be the project's corpus/, which tests never write to.
  const scratch =
    options.service && !options.corpusDir ? mkdtempSync(path.join(tmpdir(), 'whosaid-unused-')) : null;
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
    CORPUS_DIR: options.corpusDir ?? scratch ?? SEED_CORPUS,
    SNAPSHOT_DIR: '',
    RATE_LIMIT_BURST: '0', // no rate limit unless a test sets one
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const logger = createLogger(config.LOG_LEVEL, sink);
  const bot = await startBot(config, {
    logger,
    ...(options.service ? { service: options.service } : {}),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  }).catch(async (error: unknown) => {
    await fake.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    throw error;
  });
  const rawLogs = () => chunks.join('');
  return {
    fake,
    bot,
    get logs() {
      return rawLogs()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    },
    rawLogs,
    send: (payload) => interact(fake, payload),
    close: async () => {
      await bot.stop();
      await fake.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
