/**
 * What both ways of serving Discord (the gateway bot, `main.ts`; the
 * HTTP-interactions replicas, `http-bot.ts`) do alike: open the engine,
 * answer what is still running when the bot stops, post the audit trail.
 * (In a module of its own: `http-bot.ts` importing `main.ts`, which imports
 * it when started in http mode, would wait on itself.)
 */
import { type Client, Routes } from 'discord.js';
import type { AnswerService } from '../answers/requests.ts';
import type { BotConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { NO_MENTIONS } from '../render/discord.ts';
import { Refusal } from './errors.ts';
import { replies } from './replies.ts';

/** The engine is imported only once the configuration is known to be good: a bad .env fails fast. */
export async function openService(config: BotConfig, logger: Logger): Promise<AnswerService> {
  const { createAnswerService } = await import('../engine/service.ts');
  return createAnswerService({
    corpusDir: config.CORPUS_DIR,
    maxFileBytes: config.MAX_FILE_BYTES,
    homeCountry: config.CORPUS_COUNTRY,
    snapshotDir: config.SNAPSHOT_DIR || undefined,
    logger,
  });
}

/** A promise rejected with `refusal` when `signal` aborts (never resolved). */
function refusedOn(signal: AbortSignal, refusal: string): Promise<never> {
  const refused = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(new Refusal(refusal)), { once: true });
  });
  refused.catch(() => undefined);
  return refused;
}

/**
 * The service as the router sees it: once `stopping` is aborted, a reload
 * still running is refused with a notice the moderator reads in place of the
 * "thinking…" (the process is about to exit; the engine's reload dies with it);
 * once `abandoning` is, so is any question still being answered.
 */
function answeredOnStop(
  service: AnswerService,
  stopping: AbortSignal,
  abandoning: AbortSignal,
): AnswerService {
  const stopped = refusedOn(stopping, replies.shuttingDown);
  const abandoned = refusedOn(abandoning, replies.restarting);
  const reload = () => Promise.race([service.reload(), stopped]);
  const ask: AnswerService['ask'] = (request) => Promise.race([service.ask(request), abandoned]);
  // Everything else is the service's own (bound: engine classes keep private fields).
  return new Proxy(service, {
    get(target, key) {
      if (key === 'reload') return reload;
      if (key === 'ask') return ask;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Posts audit lines to AUDIT_CHANNEL_ID (the bot needs Send Messages there), when it is set. */
export function auditPoster(client: Client, channelId: string | undefined) {
  if (!channelId) return undefined;
  return (content: string) =>
    client.rest.post(Routes.channelMessages(channelId), { body: { content, allowed_mentions: NO_MENTIONS } });
}

/** How long answers already being worked out may take to finish when the bot stops. */
const ANSWER_MS = 2000;
/** How long the "restarting" notices of answers given up then may take to be sent. */
const NOTICE_MS = 1500;
/** How long the engine may take to finish what it is writing when the bot stops. */
const CLOSE_MS = 4000;

/**
 * How both bots stop: what is being answered gets ANSWER_MS to finish, then
 * what is left is told the bot is restarting (NOTICE_MS to send that), and
 * the engine gets CLOSE_MS to finish what it is writing.
 */
export class Shutdown {
  /** Aborted when the bot stops: a /reload still running is answered that it did not finish; feeds stop. */
  readonly stopping = new AbortController();
  /** Aborted ANSWER_MS later: questions still being answered are then told the bot is restarting. */
  readonly #abandoning = new AbortController();
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  /** The service as the router sees it (see `answeredOnStop`). */
  serving(service: AnswerService): AnswerService {
    return answeredOnStop(service, this.stopping.signal, this.#abandoning.signal);
  }

  /** Counts an interaction being handled until it settles, so stopping can wait for it. */
  track(handling: Promise<unknown>): void {
    const tracked = handling.catch(() => undefined);
    this.#inFlight.add(tracked);
    void tracked.finally(() => this.#inFlight.delete(tracked));
  }

  /** Waits for the interactions being answered; those still running after ANSWER_MS are abandoned. */
  async answersDone(): Promise<void> {
    const all = () => Promise.all(this.#inFlight);
    if (await within(all(), ANSWER_MS)) return;
    this.#abandoning.abort(); // each "thinking…" left is edited into "The bot is restarting…"
    if (!(await within(all(), NOTICE_MS)))
      this.logger.warn({ pending: this.#inFlight.size }, 'stopping with interactions still unanswered');
  }

  /** Closes the engine, waiting CLOSE_MS at most. */
  async closeEngine(service: AnswerService): Promise<void> {
    if (!(await within(service.close(), CLOSE_MS)))
      this.logger.warn({ ms: CLOSE_MS }, 'the engine did not close in time; stopping anyway');
  }
}

/** Resolves when `promise` settles or after `ms`, whichever is first; true if it settled. */
function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
