/**
 * The one error handler. A `Refusal` is an expected "no" (rate limit,
 * permissions, expired buttons) and its message goes to the user as is;
 * options Discord should have checked (missing, of the wrong type) are
 * refused by name and logged as a warning; anything else is a fault: the
 * user gets a short apology, pino gets the detail. Tokens stay out of logs.
 */
import {
  ApplicationCommandOptionType,
  DiscordjsErrorCodes,
  type Interaction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { EngineRestarting } from '../engine/errors.ts';
import type { Logger } from '../log.ts';
import { renderNotice } from '../render/discord.ts';
import { replies } from './replies.ts';

/** An expected refusal whose message the user should read. */
export class Refusal extends Error {
  override name = 'Refusal';
}

/**
 * A command whose options discord.js could not read (missing, of the wrong
 * type, empty). Discord checks these for the commands it has, so they come
 * from a stale copy of the commands or a forged request: refused by name,
 * logged as a warning, not as a fault.
 */
export class InvalidOptions extends Refusal {
  override name = 'InvalidOptions';
  constructor(readonly problem: string) {
    super(replies.invalidOptions(problem));
  }
}

/** `error` as an `InvalidOptions` when it is discord.js refusing to read an option, else `error` itself. */
export function withInvalidOptions(error: unknown): unknown {
  const problem = optionProblem(error);
  return problem ? new InvalidOptions(problem) : error;
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
 * Shows a notice in answer to the interaction, with calls that are safe to
 * repeat: discord.js retries a 5xx up to 3 times, and Discord sometimes has
 * carried out the call it answered 5xx to, so a retried follow-up shows the
 * user the same notice up to 4 times. An interaction not yet answered gets an
 * ephemeral reply (an interaction is acknowledged only once: a retry is
 * refused); a "thinking…" is edited into the notice (private if the
 * "thinking…" was, else in the channel where the "thinking…" was seen).
 * Never a follow-up: an interaction already answered keeps its answer, and
 * false is returned.
 */
export async function replyNotice(interaction: RepliableInteraction, text: string): Promise<boolean> {
  const message = renderNotice(text);
  if (interaction.replied) return false;
  if (interaction.deferred) await interaction.editReply(message);
  else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  return true;
}

/** Words for the option types commands use, for "the option … is not …". */
const OPTION_TYPES: Partial<Record<number, string>> = {
  [ApplicationCommandOptionType.String]: 'text',
  [ApplicationCommandOptionType.Boolean]: 'true or false',
  [ApplicationCommandOptionType.Integer]: 'a whole number',
  [ApplicationCommandOptionType.Number]: 'a number',
};

/** What is wrong with a command's options, when `error` is discord.js refusing to read one, or null. */
function optionProblem(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  const option = /"([^"]*)"/.exec(error.message)?.[1] ?? '?';
  switch (code) {
    case DiscordjsErrorCodes.CommandInteractionOptionNotFound:
      return `the option “${option}” is missing`;
    case DiscordjsErrorCodes.CommandInteractionOptionEmpty:
      return `the option “${option}” is empty`;
    case DiscordjsErrorCodes.CommandInteractionOptionType: {
      const expected = Number(/expected (\d+)/.exec(error.message)?.[1]);
      return `the option “${option}” is not ${OPTION_TYPES[expected] ?? 'of the type the command takes'}`;
    }
    case DiscordjsErrorCodes.CommandInteractionOptionNoSubcommand:
      return 'no subcommand was given';
    case DiscordjsErrorCodes.CommandInteractionOptionNoSubcommandGroup:
      return 'no subcommand group was given';
    default:
      return null;
  }
}

/** Turns any failure while handling an interaction into a log line and a short notice (see `replyNotice`). */
export async function handleInteractionError(
  interaction: RepliableInteraction,
  failure: unknown,
  logger: Logger,
): Promise<void> {
  const error = withInvalidOptions(failure);
  const refused = error instanceof Refusal;
  // The engine worker died and another is opening the corpus: expected to pass, not this request's fault.
  const restarting = error instanceof EngineRestarting;
  if (error instanceof InvalidOptions)
    logger.warn({ ...describeInteraction(interaction), problem: error.problem }, 'invalid request');
  else if (refused) logger.info({ ...describeInteraction(interaction), refusal: error.message }, 'refused');
  else if (restarting)
    logger.warn(describeInteraction(interaction), 'not answered: the engine is restarting');
  else
    logger.error({ ...describeInteraction(interaction), error: describeError(error) }, 'interaction failed');
  try {
    const notice = refused ? error.message : restarting ? replies.engineRestarting : replies.failed;
    if (!(await replyNotice(interaction, notice))) {
      logger.debug(describeInteraction(interaction), 'already answered: no notice sent');
    }
  } catch (replyError) {
    // Usually the interaction expired; there is no one left to tell.
    logger.warn(
      { ...describeInteraction(interaction), error: describeError(replyError) },
      'could not send the error reply',
    );
  }
}
