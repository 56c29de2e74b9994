/**
 * The bot as a real process, for tests of what only a process can show:
 * exit codes, signals, wrappers, stderr. Its JSON log lines are parsed as
 * they come; lines that are not JSON (npm's banner) are kept as text.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_ID, type FakeDiscord } from './fake-discord.ts';
import { BOT_TOKEN } from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: log lines are free-form JSON
type Json = any;

/** A clean environment: nothing from the developer's shell or .env leaks in. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', ...extra };
}

/** What a bot needs to talk to `fake`, with a corpus and no snapshots. */
export function botEnv(fake: FakeDiscord, corpusDir: string, extra: Record<string, string> = {}) {
  return cleanEnv({
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_CLIENT_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: corpusDir,
    SNAPSHOT_DIR: '',
    RATE_LIMIT_BURST: '0',
    ...extra,
  });
}

export interface BotProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** stdout's JSON lines, parsed. */
  logs(): Json[];
  /** Resolves with the first log line whose `msg` is `msg` (past or future). */
  waitForLog(msg: string | RegExp, timeoutMs?: number): Promise<Json>;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): BotProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  const logs = () =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
  const matches = (line: Json, msg: string | RegExp) =>
    typeof msg === 'string' ? line.msg === msg : msg.test(String(line.msg));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    logs,
    exited,
    async waitForLog(msg, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let ended = false;
      void exited.then(() => {
        ended = true;
      });
      for (;;) {
        const line = logs().find((l) => matches(l, msg));
        if (line) return line;
        if (ended || Date.now() > deadline) {
          throw new Error(
            `no log line ${msg} ${ended ? '(the process ended)' : 'in time'}:\n${stdout}${stderr}`,
          );
        }
        await sleep(25);
      }
    },
  };
}

/** Ends a process a test started, if it is still running. */
export async function kill(bot: BotProcess | undefined): Promise<void> {
  if (!bot || bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  bot.child.kill('SIGKILL');
  await bot.exited;
}

/** True while a process with this id exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until the process `pid` is gone; false if it is still there after `timeoutMs`. */
export async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function deadPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once the bot has sent IDENTIFY, plus a moment for READY to be processed. */
export async function identified(fake: FakeDiscord, bot: BotProcess, timeoutMs = 60_000): Promise<void> {
  const before = fake.gatewayReceived.filter((p) => p.op === 2).length;
  const deadline = Date.now() + timeoutMs;
  while (fake.gatewayReceived.filter((p) => p.op === 2).length === before) {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited:\n${bot.stdout()}${bot.stderr()}`);
    if (Date.now() > deadline) throw new Error(`the bot did not connect:\n${bot.stdout()}${bot.stderr()}`);
    await sleep(25);
  }
  await bot.waitForLog('connected to Discord', 10_000);
}
