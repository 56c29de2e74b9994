/**
 * The one error handler. A `Refusal` is an expected "no" (rate limit,
 * permissions, expired buttons) and its message goes to the user as is;
 * anything else is a fault: the user gets a short apology, pino gets the
 * detail. Either way the reply is ephemeral, and tokens stay out of logs.
 */
import { type Interaction, MessageFlags, type RepliableInteraction } from 'discord.js';
import { EngineRestarting } from '../engine/errors.ts';
import type { Logger } from '../log.ts';
import { renderNotice } from '../render/discord.ts';
import { replies } from './replies.ts';

/** An expected refusal whose message the user should read. */
export class Refusal extends Error {
  override name = 'Refusal';
}

/** Interaction and webhook tokens appear in REST URLs; never log them. */
const TOKEN_IN_URL = /\/(interactions\/\d+|webhooks\/\d+)\/[^/?\s]+/g;

export function redactUrls(text: string): string {
  return text.replace(TOKEN_IN_URL, '/$1/[redacted]');
}

/** The parts of an error worth logging, with any token in a URL removed. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redactUrls(String(error)) };
  const e = error as Error & { code?: unknown; status?: unknown; url?: unknown; method?: unknown };
  return {
    type: e.name,
    message: redactUrls(e.message),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
    ...(typeof e.url === 'string' ? { url: redactUrls(e.url) } : {}),
    stack: redactUrls(e.stack ?? ''),
  };
}

/** Who did what, for log lines: ids and names only. */
export function describeInteraction(interaction: Interaction): Record<string, unknown> {
  return {
    interaction: interaction.id,
    kind: interaction.isChatInputCommand()
      ? `/${interaction.commandName}`
      : interaction.isButton()
        ? `button ${interaction.customId}`
        : interaction.isAutocomplete()
          ? `autocomplete /${interaction.commandName}`
          : String(interaction.type),
    user: interaction.user.id,
    guild: interaction.guildId,
  };
}

/**
 * Replies ephemerally whatever state the interaction is in. A public
 * "thinking…" placeholder is removed first, so the notice is seen only by
 * the person it concerns.
 */
export async function replyEphemeral(interaction: RepliableInteraction, text: string): Promise<void> {
  const message = renderNotice(text);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
    await interaction.editReply(message);
  } else {
    if (!interaction.replied) await interaction.deleteReply();
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  }
}

/** Turns any failure while handling an interaction into a log line and a short ephemeral reply. */
export async function handleInteractionError(
  interaction: RepliableInteraction,
  error: unknown,
  logger: Logger,
): Promise<void> {
  const refused = error instanceof Refusal;
  // The engine worker died and another is opening the corpus: expected to pass, not this request's fault.
  const restarting = error instanceof EngineRestarting;
  if (refused) logger.info({ ...describeInteraction(interaction), refusal: error.message }, 'refused');
  else if (restarting)
    logger.warn(describeInteraction(interaction), 'not answered: the engine is restarting');
  else
    logger.error({ ...describeInteraction(interaction), error: describeError(error) }, 'interaction failed');
  try {
    await replyEphemeral(
      interaction,
      refused ? error.message : restarting ? replies.engineRestarting : replies.failed,
    );
  } catch (replyError) {
    // Usually the interaction expired; there is no one left to tell.
    logger.warn(
      { ...describeInteraction(interaction), error: describeError(replyError) },
      'could not send the error reply',
    );
  }
}
