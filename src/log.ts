/**
 * JSON logs (pino). Secrets are redacted by key wherever they appear, so a
 * token can never reach a log line even if a config object is logged whole.
 */
import { pino } from 'pino';

export type Logger = pino.Logger;

const REDACT = [
  'token',
  '*.token',
  '*.*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
];

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { app: 'whosaid' }, redact: { paths: REDACT, censor: '[redacted]' } },
    destination,
  );
}

/** A logger that writes nothing: for the CLI and tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
