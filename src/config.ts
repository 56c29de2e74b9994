/**
 * Configuration: the environment, validated by zod, in one place.
 *
 * `.env` is read when present (Node's own `process.loadEnvFile`, so no extra
 * dependency); real environment variables win over it. Every variable is
 * documented in `.env.example`.
 */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { CountryInputSchema } from './countries.ts';
import { parseRanges } from './sources/address.ts';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** Discord ids are snowflakes: 17–20 digits. */
const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

const BaseSchema = z.object({
  CORPUS_DIR: z.string().trim().min(1).default('./corpus'),
  /** Files larger than this are skipped and reported. */
  MAX_FILE_BYTES: positiveInt(5 * 1024 * 1024),
  /** Where built corpora are cached for fast start-up; empty disables it. */
  SNAPSHOT_DIR: z.string().trim().default('.cache/snapshots'),
  /**
   * The corpus's home country (code or name): the country of officials, parties
   * and government bodies the articles give none (domestic news). Empty: none.
   */
  CORPUS_COUNTRY: optionalText.pipe(CountryInputSchema.optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `json` (default): one JSON object a line, for log collectors. `pretty`: readable lines. */
  LOG_FORMAT: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['json', 'pretty']).default('json'),
  ),
});

/** A blank value (`RATE_LIMIT_BURST=` in a `.env`) means unset, not 0. */
function blankIsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
}

/** Each user may ask this many queries at once, then one more every this many seconds. */
export const RATE_LIMIT_DEFAULTS = { burst: 5, refillSeconds: 4 } as const;

interface RateLimitInput {
  RATE_LIMIT_BURST?: number | undefined;
  RATE_LIMIT_REFILL_SECONDS?: number | undefined;
  QUERY_COOLDOWN_SECONDS?: number | undefined;
}

/**
 * The rate limit settings, with the defaults filled in and the deprecated
 * QUERY_COOLDOWN_SECONDS (a hard cooldown between any two queries, replaced
 * by the per-user budget) mapped rather than dropped: on its own it is read
 * as what it always meant, RATE_LIMIT_BURST=1 and RATE_LIMIT_REFILL_SECONDS=N
 * (0: off), so an old `.env` keeps its behaviour; beside the new settings it
 * is ignored. Either way `warnings` says so, and the bot logs it at start-up.
 */
function rateLimitSettings<T extends RateLimitInput>(env: T) {
  const {
    RATE_LIMIT_BURST: burst,
    RATE_LIMIT_REFILL_SECONDS: refill,
    QUERY_COOLDOWN_SECONDS: cooldown,
    ...rest
  } = env;
  const warnings: string[] = [];
  let settings = {
    RATE_LIMIT_BURST: burst ?? RATE_LIMIT_DEFAULTS.burst,
    RATE_LIMIT_REFILL_SECONDS: refill ?? RATE_LIMIT_DEFAULTS.refillSeconds,
  };
  if (cooldown !== undefined && burst === undefined && refill === undefined) {
    settings =
      cooldown > 0
        ? { RATE_LIMIT_BURST: 1, RATE_LIMIT_REFILL_SECONDS: cooldown }
        : { RATE_LIMIT_BURST: 0, RATE_LIMIT_REFILL_SECONDS: RATE_LIMIT_DEFAULTS.refillSeconds };
    const meaning =
      cooldown > 0
        ? `RATE_LIMIT_BURST=1 and RATE_LIMIT_REFILL_SECONDS=${cooldown}`
        : 'RATE_LIMIT_BURST=0 (no rate limit)';
    warnings.push(
      `QUERY_COOLDOWN_SECONDS is deprecated and read as ${meaning}. Set those instead, or remove it ` +
        `for the default budget (${RATE_LIMIT_DEFAULTS.burst} queries at once, then one every ` +
        `${RATE_LIMIT_DEFAULTS.refillSeconds} s); see .env.example.`,
    );
  } else if (cooldown !== undefined) {
    warnings.push(
      'QUERY_COOLDOWN_SECONDS is deprecated and ignored, because RATE_LIMIT_BURST or ' +
        'RATE_LIMIT_REFILL_SECONDS is set; remove it.',
    );
  }
  return { ...rest, ...settings, warnings: warnings as readonly string[] };
}

const DiscordSchema = z
  .object({
    DISCORD_TOKEN: z.string().trim().min(1, 'is required'),
    DISCORD_CLIENT_ID: snowflake,
    DISCORD_GUILD_ID: snowflake.optional().or(z.literal('').transform(() => undefined)),
    /** REST base URL; unset means Discord's own. Tests point it at a local server. */
    DISCORD_API_URL: optionalText.pipe(z.url().optional()),
    /** Per-user budget: queries a user may make at once (0 turns rate limiting off). */
    RATE_LIMIT_BURST: blankIsUnset(z.coerce.number().int().min(0).max(1000)),
    /** Per-user budget: seconds for one spent query to come back. */
    RATE_LIMIT_REFILL_SECONDS: blankIsUnset(z.coerce.number().positive().max(3600)),
    /** Deprecated: the old one-query-per-N-seconds cooldown; see `rateLimitSettings`. */
    QUERY_COOLDOWN_SECONDS: blankIsUnset(z.coerce.number().min(0).max(3600)),
    /**
     * How long the gateway may stay unreachable (at start-up, or after a lost connection
     * discord.js keeps retrying) before the bot logs it and exits non-zero for its supervisor.
     */
    GATEWAY_TIMEOUT_SECONDS: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce.number().positive().max(86_400).default(120),
    ),
    /** The health endpoint's port (/livez, /readyz, /metrics); unset: no endpoint. 0: any free port. */
    HEALTH_PORT: blankIsUnset(z.coerce.number().int().min(0).max(65_535)),
    /** The address the health endpoint listens on; 0.0.0.0 (or ::) for every interface. */
    HEALTH_HOST: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() || undefined : v),
      z
        .string()
        .refine((v) => isIP(v) !== 0 || /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(v), {
          message: 'must be an IP address or a host name (127.0.0.1, 0.0.0.0, ::, localhost)',
        })
        .default('127.0.0.1'),
    ),
    /**
     * Gateway shards this process runs (discord.js's own sharding: one process, one engine):
     * 1 (default), a number, or `auto` for the count Discord recommends (GET /gateway/bot).
     */
    DISCORD_SHARD_COUNT: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
      z
        .union([z.literal('auto'), z.coerce.number().int().min(1).max(100_000)], {
          error: 'must be auto or a whole number of shards, 1 or more',
        })
        .default(1),
    ),
    /** Only these shard ids (`0-3,7`) of DISCORD_SHARD_COUNT, for several processes; unset: all of them. */
    DISCORD_SHARD_IDS: optionalText.transform((v, ctx) => {
      if (v === undefined) return undefined;
      const ids = parseShardIds(v);
      if (ids) return ids;
      ctx.addIssue({ code: 'custom', message: 'must be shard ids and ranges, such as 0-3,7' });
      return z.NEVER;
    }),
    /** discord.js reads these itself (its ShardingManager sets them for the processes it spawns). */
    SHARD_COUNT: notOurs('DISCORD_SHARD_COUNT'),
    SHARDS: notOurs('DISCORD_SHARD_IDS'),
  })
  .superRefine((config, ctx) => {
    const ids = config.DISCORD_SHARD_IDS;
    if (!ids) return;
    const count = config.DISCORD_SHARD_COUNT;
    if (count === 'auto') {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_SHARD_IDS'],
        message: 'needs a number in DISCORD_SHARD_COUNT',
      });
    } else if (ids.some((id) => id >= count)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_SHARD_IDS'],
        message: `must be below DISCORD_SHARD_COUNT (${count}): shard ids run from 0 to ${count - 1}`,
      });
    }
  })
  .transform(rateLimitSettings);

/** `0-3,7` → [0, 1, 2, 3, 7] (sorted, each once); null when it is not such a list. */
function parseShardIds(text: string): number[] | null {
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^\s*(\d{1,6})\s*(?:-\s*(\d{1,6})\s*)?$/.exec(part);
    if (!match) return null;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from) return null;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** A variable whosaid refuses because discord.js would read it behind its back: `instead` is ours. */
function notOurs(instead: string) {
  return blankIsUnset(z.string())
    .refine((v) => v === undefined, {
      message: `is read by discord.js's own process sharding, not by whosaid; set ${instead} instead (see .env.example)`,
    })
    .transform(() => undefined);
}

/** Corpus management from Discord (/corpus add-url, add-file, list, remove) and its audit trail. */
const SourcesSchema = z.object({
  /** The whole fetch of a source, redirects included, in seconds. */
  SOURCE_FETCH_TIMEOUT_SECONDS: blankIsUnset(z.coerce.number().positive().max(600)).transform((v) => v ?? 20),
  /** Largest source fetched, in bytes (and never more than MAX_FILE_BYTES, which the loader would skip). */
  SOURCE_FETCH_MAX_BYTES: blankIsUnset(z.coerce.number().int().positive()).transform(
    (v) => v ?? 5 * 1024 * 1024,
  ),
  /** Redirects followed, each checked again (0: none). */
  SOURCE_FETCH_MAX_REDIRECTS: blankIsUnset(z.coerce.number().int().min(0).max(20)).transform((v) => v ?? 5),
  /**
   * Addresses a source may be fetched from although they are not public (loopback, private,
   * link-local…): IP addresses and CIDR ranges, separated by commas. Empty: public addresses only.
   */
  SOURCE_FETCH_ALLOW_ADDRESSES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseRanges(v ?? '');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** A channel the audit trail (adds, removes, refusals, reloads) is posted to, besides the ledger file. */
  AUDIT_CHANNEL_ID: snowflake.optional().or(z.literal('').transform(() => undefined)),
  /** RSS or Atom feeds polled for new articles: http(s) addresses separated by commas or spaces. */
  FEEDS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const urls = (v ?? '').split(/[\s,]+/).filter(Boolean);
      for (const url of urls) {
        if (!/^https?:\/\/[^\s/]+/i.test(url) || !URL.canParse(url)) {
          ctx.addIssue({
            code: 'custom',
            message: `must be http(s) addresses separated by commas (not ${url})`,
          });
          return z.NEVER;
        }
      }
      return [...new Set(urls.map((url) => new URL(url).href))];
    }),
  /** Minutes between two polls of the feeds (FEEDS and those moderators add). */
  FEED_INTERVAL_MINUTES: blankIsUnset(z.coerce.number().positive().max(1440)).transform((v) => v ?? 30),
});

/**
 * How Discord delivers interactions: over the gateway (default: one process holds the connection),
 * or as signed HTTP requests to INTERACTIONS_PORT (any number of identical replicas behind a load
 * balancer; see `src/bot/http-bot.ts`).
 */
const InteractionsSchema = z.object({
  INTERACTIONS_MODE: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['gateway', 'http']).default('gateway'),
  ),
  /** The application's public key (Developer Portal → General Information), 64 hex digits: http mode. */
  DISCORD_PUBLIC_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex digits of the Public Key in the Developer Portal')
      .optional(),
  ),
  /** The port the interactions endpoint listens on (http mode); 0: any free port (logged). */
  INTERACTIONS_PORT: blankIsUnset(z.coerce.number().int().min(0).max(65_535)).transform((v) => v ?? 8080),
  /** The address it listens on (http mode). */
  INTERACTIONS_HOST: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() || undefined : v),
    z.string().default('0.0.0.0'),
  ),
  /**
   * A folder every replica can read and write (http mode): page sessions and the reload marker.
   * Empty: `replicas` in SNAPSHOT_DIR.
   */
  REPLICA_DIR: optionalText,
  /** How often a replica looks whether another one reloaded the corpus (http mode). */
  REPLICA_POLL_SECONDS: blankIsUnset(z.coerce.number().positive().max(3600)).transform((v) => v ?? 2),
});

export type BaseConfig = z.infer<typeof BaseSchema>;
export type SourcesConfig = z.infer<typeof SourcesSchema>;
export type InteractionsConfig = z.infer<typeof InteractionsSchema>;
export type BotConfig = BaseConfig & z.infer<typeof DiscordSchema> & SourcesConfig & InteractionsConfig;

/** A configuration problem, phrased as one line a person can act on. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads `.env` into `process.env` if the file exists (without overriding). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

function parseWith<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = issue.path.join('.') || 'environment';
  const value = env[variable];
  const problem = value === undefined || value === '' ? 'is missing' : issue.message;
  throw new ConfigError(
    `${variable} ${problem}. See .env.example for every setting; ` +
      'to try whosaid without Discord, run: npm run ask -- who-said "empire of hackers"',
  );
}

/** Settings every entry point needs (CLI, bench, bot). */
export function loadBaseConfig(env: NodeJS.ProcessEnv = process.env): BaseConfig {
  return parseWith(BaseSchema, env);
}

/** Settings the Discord bot and the deploy script need. */
export function loadBotConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  return {
    ...parseWith(BaseSchema, env),
    ...parseWith(DiscordSchema, env),
    ...parseWith(SourcesSchema, env),
    ...interactionsSettings(parseWith(InteractionsSchema, env)),
  };
}

/** http mode needs the public key to check signatures, and a folder the replicas share. */
function interactionsSettings(config: InteractionsConfig): InteractionsConfig {
  if (config.INTERACTIONS_MODE !== 'http') return config;
  if (!config.DISCORD_PUBLIC_KEY) {
    throw new ConfigError(
      'DISCORD_PUBLIC_KEY is missing: INTERACTIONS_MODE=http checks every request against the ' +
        "application's Public Key (Developer Portal → General Information). See .env.example.",
    );
  }
  return config;
}
