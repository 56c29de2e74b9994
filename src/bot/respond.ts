/**
 * Sending answers: validate the request, ask the service, render, reply.
 * Discord wants a first response within 3 s, so anything still running
 * after `deferAfterMs` is deferred ("thinking…") and the answer edited in.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type ButtonInteraction,
  type InteractionEditReplyOptions,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { type AnswerService, type Request, RequestSchema } from '../answers/requests.ts';
import type { Answer } from '../answers/types.ts';
import type { Logger } from '../log.ts';
import { needsSession } from '../render/discord/ids.ts';
import { renderAnswer, renderNotice, toMessage } from '../render/discord.ts';
import { describeError, describeInteraction, Refusal } from './errors.ts';
import { replies } from './replies.ts';
import type { SessionLookup, SessionStore } from './sessions.ts';

/** Answers usually take milliseconds; past this, defer rather than risk the 3 s deadline. */
export const DEFER_AFTER_MS = 800;

export interface ResponderDeps {
  service: AnswerService;
  sessions: SessionStore;
  deferAfterMs?: number;
  /** For answers Discord does not take (see `SendOptions.notice`). */
  logger?: Logger | undefined;
}

export interface SendOptions {
  ephemeral: boolean;
  /** Defer at once (for work known to be slow, such as a reload). */
  deferFirst?: boolean;
  /**
   * For work that changes something (a reload): a short notice of its result.
   * When Discord does not take the edit that shows the answer, the edit is
   * tried once more, then the notice is edited in instead, each failure logged
   * as a warning: work that was done is never reported as failed.
   */
  notice?: (answer: Answer) => string;
}

/** The request, checked against the same schema the engine uses, or a refusal naming the problem. */
export function validRequest(request: Request): Request {
  const parsed = RequestSchema.safeParse(request);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.at(-1);
  throw new Refusal(
    replies.invalidRequest(`${field ? `${String(field)} ` : ''}${issue.message.toLowerCase()}`),
  );
}

type Early<T> = { value: T } | { error: unknown } | undefined;

/** How `work` settled within `ms`, or `undefined` if it is still running. */
async function within<T>(work: Promise<T>, ms: number): Promise<Early<T>> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      work.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      sleep(ms, undefined, { signal: timer.signal }),
    ]);
  } finally {
    timer.abort();
  }
}

export class Responder {
  private readonly deferAfterMs: number;

  constructor(private readonly deps: ResponderDeps) {
    this.deferAfterMs = deps.deferAfterMs ?? DEFER_AFTER_MS;
  }

  ask(interaction: RepliableInteraction, request: Request, options: SendOptions): Promise<void> {
    const checked = validRequest(request);
    return this.send(interaction, () => this.deps.service.ask(checked), options);
  }

  /** Runs `work` and replies with its answer, deferring first when it is (or may be) slow. */
  async send(
    interaction: RepliableInteraction,
    work: () => Promise<Answer>,
    options: SendOptions,
  ): Promise<void> {
    const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
    if (options.deferFirst) await interaction.deferReply({ flags });
    const pending = work();
    const early = options.deferFirst ? undefined : await within(pending, this.deferAfterMs);
    // A quick failure goes straight to the error handler, which can still answer ephemerally.
    if (early && 'error' in early) throw early.error;
    if (!early && !interaction.deferred) await interaction.deferReply({ flags });
    const answer = early ? early.value : await pending;
    const message = await this.firstPage(interaction.user.id, answer);
    if (interaction.deferred && options.notice)
      await this.editSurely(interaction, message, options.notice(answer));
    else if (interaction.deferred) await interaction.editReply(message);
    else await interaction.reply({ ...message, flags });
  }

  /** Edits `message` in, or when Discord does not take it, tries once more, then `notice`; never throws. */
  private async editSurely(
    interaction: RepliableInteraction,
    message: InteractionEditReplyOptions,
    notice: string,
  ): Promise<void> {
    const attempts = [message, message, renderNotice(notice)];
    for (const [i, body] of attempts.entries()) {
      try {
        await interaction.editReply(body);
        return;
      } catch (error) {
        const last = i === attempts.length - 1;
        this.deps.logger?.warn(
          { ...describeInteraction(interaction), attempt: i + 1, error: describeError(error) },
          last ? 'could not show the answer; giving up' : 'could not show the answer; trying again',
        );
      }
    }
  }

  /**
   * Renders an answer and keeps its pages for the buttons, when a button needs
   * them: an answer on one page whose Context buttons carry their sentence ids
   * takes no room, so answers that do are kept longer.
   */
  private async firstPage(userId: string, answer: Answer) {
    const pages = renderAnswer(answer);
    const session = needsSession(pages) ? (await this.deps.sessions.create(userId, pages)).id : NO_SESSION;
    return toMessage(pages[0]!, { session, index: 0, total: pages.length });
  }

  /** Shows another page of an earlier answer, for the person who asked, within the buttons' lifetime. */
  async turnPage(interaction: ButtonInteraction, sessionId: string, page: number): Promise<void> {
    const found = await this.deps.sessions.get(sessionId, interaction.user.id);
    if (!found.ok) throw new Refusal(whyNot(found.reason));
    const { pages, id } = found.session;
    const index = Math.min(Math.max(0, page), pages.length - 1);
    await interaction.update(toMessage(pages[index]!, { session: id, index, total: pages.length }));
  }

  /** The sentence id behind a by-reference Context button (any user may press it). */
  async contextOf(sessionId: string, page: number, index: number): Promise<string> {
    const found = await this.deps.sessions.get(sessionId);
    const ref = found.ok ? found.session.pages[page]?.contexts[index] : undefined;
    if (!ref) throw new Refusal(found.ok ? replies.unknownButton : whyNot(found.reason));
    return ref.sentenceId;
  }
}

/** The session of an answer whose buttons need none (never looked up). */
const NO_SESSION = '-';

/** What to tell someone pressing a button whose session is gone, or not theirs. */
function whyNot(reason: Extract<SessionLookup, { ok: false }>['reason']): string {
  switch (reason) {
    case 'expired':
      return replies.expiredButtons;
    case 'busy':
      return replies.busyButtons;
    case 'restarted':
      return replies.restartedButtons;
    case 'unknown':
      return replies.unknownButton;
    case 'not-yours':
      return replies.notYourButtons;
  }
}
