/**
 * The bot's Prometheus metrics (prom-client), served on `/metrics` by the
 * health endpoint (`health.ts`) when HEALTH_PORT is set.
 *
 * Counted where they happen: answers by the router (one per slash command
 * or button, by command and outcome, with its latency), reloads by the
 * reloader. Read when scraped: the corpus served, the gateway's heartbeat
 * latency (the average, and each shard's with its readiness) and the engine workers replaced (`WorkerService.restarts`). Plus
 * prom-client's default process metrics (CPU, memory, event-loop lag, GC).
 *
 * Each bot has its own registry, never prom-client's global one: tests start
 * many bots in one process.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { CorpusCounts } from '../answers/types.ts';

/**
 * How an answer ended: `ok` answered (including "no match"); `refused` an
 * expected no (permissions, an expired button, a bad option); `rate_limited`
 * over the user's budget; `restarting` the engine worker was being replaced;
 * `error` a fault (the user got the apology).
 */
export type AnswerOutcome = 'ok' | 'refused' | 'rate_limited' | 'restarting' | 'error';

/** `ok` swapped in; `failed` the reload failed and the previous corpus is served; `error` it did not finish (the bot stopping). */
export type ReloadOutcome = 'ok' | 'failed' | 'error';

/** What the metrics read when Prometheus scrapes them. */
export interface MetricSources {
  /** The corpus served now; undefined before one is loaded. */
  counts(): CorpusCounts | undefined;
  /** Engine workers replaced after dying, since the start. */
  restarts(): number;
  /** The gateway's heartbeat round trip in milliseconds; undefined (or negative) before the first one. */
  gatewayPingMs(): number | undefined;
  /** Each gateway shard of this process: its heartbeat round trip (negative before the first) and readiness. */
  shards?(): readonly ShardFigures[];
}

export interface ShardFigures {
  id: number;
  pingMs: number;
  ready: boolean;
}

/** What the router and the reloader count with (optional: no HEALTH_PORT, no metrics). */
export interface AnswerMetrics {
  answered(command: string, outcome: AnswerOutcome, seconds: number): void;
  reloaded(outcome: ReloadOutcome, seconds: number): void;
}

/** Answers take milliseconds in the engine; a reply also waits for Discord (deferred after 0.8 s). */
const ANSWER_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** A one-file reload is about a warm start (1–5 s); a full rebuild of a large corpus, a minute or more. */
const RELOAD_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export interface MetricsOptions {
  /** The command names, so that each has a zero series from the start (rates need one). */
  commands?: readonly string[];
  /** prom-client's default process metrics (default true). */
  processMetrics?: boolean;
}

export class BotMetrics implements AnswerMetrics {
  readonly registry = new Registry();
  readonly #answers: Counter<'command' | 'outcome'>;
  readonly #answerSeconds: Histogram<'command'>;
  readonly #reloads: Counter<'outcome'>;
  readonly #reloadSeconds: Histogram;

  constructor(sources: MetricSources, options: MetricsOptions = {}) {
    const registers = [this.registry];
    this.#answers = new Counter({
      name: 'whosaid_answers_total',
      help: 'Slash commands and buttons handled, by command and outcome (ok, refused, rate_limited, restarting, error).',
      labelNames: ['command', 'outcome'],
      registers,
    });
    this.#answerSeconds = new Histogram({
      name: 'whosaid_answer_seconds',
      help: 'Time from receiving an interaction to its reply sent to Discord, by command.',
      labelNames: ['command'],
      buckets: ANSWER_BUCKETS,
      registers,
    });
    this.#reloads = new Counter({
      name: 'whosaid_reloads_total',
      help: 'Corpus reloads (/reload), by outcome (ok, failed: the previous corpus kept, error: did not finish).',
      labelNames: ['outcome'],
      registers,
    });
    this.#reloadSeconds = new Histogram({
      name: 'whosaid_reload_seconds',
      help: 'Time a /reload took, from the request to the new corpus served (or the failure).',
      buckets: RELOAD_BUCKETS,
      registers,
    });
    for (const command of options.commands ?? []) {
      this.#answers.inc({ command, outcome: 'ok' }, 0);
      this.#answers.inc({ command, outcome: 'error' }, 0);
      this.#answerSeconds.zero({ command });
    }
    for (const outcome of ['ok', 'failed', 'error'] as const) this.#reloads.inc({ outcome }, 0);

    const corpus = (name: keyof CorpusCounts, help: string) =>
      new Gauge({
        name: `whosaid_corpus_${name}`,
        help,
        registers,
        collect() {
          this.set(sources.counts()?.[name] ?? 0);
        },
      });
    corpus('documents', 'Documents in the corpus served (0 before it is loaded).');
    corpus('statements', 'Statements extracted from the corpus served.');
    corpus('speakers', 'Distinct speakers in the corpus served.');
    new Gauge({
      name: 'whosaid_gateway_ping_seconds',
      help: "The Discord gateway's heartbeat round trip (NaN before the first heartbeat is acknowledged).",
      registers,
      collect() {
        const ms = sources.gatewayPingMs();
        this.set(ms !== undefined && ms >= 0 ? ms / 1000 : Number.NaN);
      },
    });
    new Gauge({
      name: 'whosaid_gateway_shard_ping_seconds',
      help: "Each gateway shard's heartbeat round trip (NaN before its first heartbeat is acknowledged).",
      labelNames: ['shard'],
      registers,
      collect() {
        this.reset();
        for (const { id, pingMs } of sources.shards?.() ?? []) {
          this.set({ shard: String(id) }, pingMs >= 0 ? pingMs / 1000 : Number.NaN);
        }
      },
    });
    new Gauge({
      name: 'whosaid_gateway_shard_ready',
      help: 'Each gateway shard: 1 connected (identified or resumed), 0 connecting, reconnecting or closed.',
      labelNames: ['shard'],
      registers,
      collect() {
        this.reset();
        for (const { id, ready } of sources.shards?.() ?? []) this.set({ shard: String(id) }, ready ? 1 : 0);
      },
    });
    new Counter({
      name: 'whosaid_engine_worker_restarts_total',
      help: 'Engine workers replaced after dying (out of memory, a crash) since the bot started.',
      registers,
      collect() {
        this.reset();
        this.inc(sources.restarts());
      },
    });
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  answered(command: string, outcome: AnswerOutcome, seconds: number): void {
    this.#answers.inc({ command, outcome });
    this.#answerSeconds.observe({ command }, seconds);
  }

  reloaded(outcome: ReloadOutcome, seconds: number): void {
    this.#reloads.inc({ outcome });
    this.#reloadSeconds.observe(seconds);
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
