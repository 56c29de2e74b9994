/**
 * Configuration: the environment, validated by zod, in one place.
 *
 * `.env` is read when present (Node's own `process.loadEnvFile`, so no extra
 * dependency); real environment variables win over it. Every variable is
 * documented in `.env.example`.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { CountryInputSchema } from './countries.ts';

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
});

const DiscordSchema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1, 'is required'),
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake.optional().or(z.literal('').transform(() => undefined)),
  /** REST base URL; unset means Discord's own. Tests point it at a local server. */
  DISCORD_API_URL: optionalText.pipe(z.url().optional()),
  /** Per-user cooldown between queries, in seconds (0 disables it). */
  QUERY_COOLDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(3),
});

export type BaseConfig = z.infer<typeof BaseSchema>;
export type BotConfig = BaseConfig & z.infer<typeof DiscordSchema>;

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
  return { ...parseWith(BaseSchema, env), ...parseWith(DiscordSchema, env) };
}
