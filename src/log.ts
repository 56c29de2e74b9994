/**
 * Logs (pino). JSON lines on stdout by default, for log collectors; with
 * `LOG_FORMAT=pretty`, one readable line per entry for a person at a
 * terminal (`pretty` below: no extra dependency, same fields). Secrets are
 * redacted by key wherever they appear, so a token can never reach a log
 * line even if a config object is logged whole.
 */
import { pino } from 'pino';

export type Logger = pino.Logger;

export type LogFormat = 'json' | 'pretty';

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

export interface LoggerOptions {
  /** `json` (default): pino's JSON lines. `pretty`: readable lines (see `prettyLine`). */
  format?: LogFormat | undefined;
  /** Colours for the pretty format (default: when writing to a colour terminal and NO_COLOR is unset). */
  color?: boolean | undefined;
}

export function createLogger(
  level: string = 'info',
  destination?: pino.DestinationStream,
  options: LoggerOptions = {},
): Logger {
  const out =
    options.format === 'pretty'
      ? prettyStream(
          destination ?? pino.destination({ dest: 1, sync: true }),
          options.color ?? useColor(destination),
        )
      : destination;
  return pino({ level, base: { app: 'whosaid' }, redact: { paths: REDACT, censor: '[redacted]' } }, out);
}

/** A logger that writes nothing: for the CLI and tests that do not look at logs. */
export const silentLogger: Logger = pino({ level: 'silent' });

function useColor(destination: pino.DestinationStream | undefined): boolean {
  if (destination && destination !== process.stdout) return false;
  if (process.env.NO_COLOR) return false;
  return process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : process.stdout.isTTY === true;
}

/** Writes each JSON line pino produces as a readable line, synchronously (nothing is lost on exit). */
function prettyStream(out: pino.DestinationStream, color: boolean): pino.DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line) out.write(`${prettyLine(line, color)}\n`);
    },
  };
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};
const LEVEL_COLOR: Record<number, string> = { 10: '90', 20: '90', 30: '32', 40: '33', 50: '31', 60: '1;31' };

/**
 * One JSON log line as `12:03:04.567 INFO  message key=value key={"a":1}`,
 * in local time. An error's stack (`error.stack`, `err.stack`) follows on
 * indented lines. A line that is not JSON is passed through unchanged.
 */
export function prettyLine(json: string, color = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { level, time, msg, app: _app, ...fields } = entry;
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const stamp = typeof time === 'number' ? clock(new Date(time)) : '';
  const levelName = LEVELS[level as number] ?? String(level);
  const stacks: string[] = [];
  const pairs = Object.entries(fields).map(([key, value]) => {
    if (value && typeof value === 'object' && typeof (value as { stack?: unknown }).stack === 'string') {
      const { stack, ...rest } = value as { stack: string };
      if (stack) stacks.push(stack);
      value = rest;
    }
    return `${paint('2', `${key}=`)}${typeof value === 'string' && !/[\s"=]/.test(value) && value !== '' ? value : JSON.stringify(value)}`;
  });
  const head = [paint('2', stamp), paint(LEVEL_COLOR[level as number] ?? '0', levelName), msg ?? '']
    .filter((part) => part !== '')
    .join(' ');
  const body = pairs.length ? `${head} ${pairs.join(' ')}` : head;
  return [body, ...stacks.map((s) => s.replace(/^/gm, '    '))].join('\n');
}

function clock(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}
