/**
 * The interaction router: every interaction the client receives goes
 * through `handle`, which picks the command or button, spends the user's
 * query budget (slash commands only: autocomplete, page turns and Context
 * buttons are free), and sends every failure to the one error handler.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
} from 'discord.js';
import type { AnswerService } from '../answers/requests.ts';
import type { Answer } from '../answers/types.ts';
import { EngineRestarting } from '../engine/errors.ts';
import type { Logger } from '../log.ts';
import { parseButtonId } from '../render/discord.ts';
import { changeNotice, SOURCE_REPLIES, SourceManager, type SourceSettings } from '../sources/manager.ts';
import type { CommandContext, CommandModule, SourceCommands } from './commands.ts';
import {
  describeError,
  describeInteraction,
  handleInteractionError,
  Refusal,
  withInvalidOptions,
} from './errors.ts';
import type { AnswerMetrics, AnswerOutcome } from './metrics.ts';
import { RateLimiter } from './rate-limit.ts';
import { Reloader } from './reload.ts';
import { replies } from './replies.ts';
import { Responder } from './respond.ts';
import { PageSessions, type SessionStore } from './sessions.ts';

export interface RouterDeps {
  commands: ReadonlyMap<string, CommandModule>;
  service: AnswerService;
  logger: Logger;
  /** Each user may ask `burst` queries at once, then one more every `refillSeconds` (burst 0: no limit). */
  rateLimit: { burst: number; refillSeconds: number };
  now?: () => number;
  deferAfterMs?: number;
  /** Counts answers and reloads for /metrics (HEALTH_PORT set); without it, nothing is counted. */
  metrics?: AnswerMetrics | undefined;
  /** Corpus management from Discord (/corpus add-url, add-file, list, remove); without it, refused. */
  sources?: SourceSettings | undefined;
  /** Where the pages of answers with buttons are kept (default: in this process). */
  sessions?: SessionStore | undefined;
}

export interface Router {
  handle(interaction: Interaction): Promise<void>;
}

export function createRouter(deps: RouterDeps): Router {
  const { commands, service, logger } = deps;
  const now = deps.now ?? Date.now;
  const limiter = new RateLimiter(
    { burst: deps.rateLimit.burst, refillMs: Math.round(deps.rateLimit.refillSeconds * 1000) },
    now,
  );
  const responder = new Responder({
    service,
    sessions: deps.sessions ?? new PageSessions(now),
    deferAfterMs: deps.deferAfterMs,
    logger,
  });
  const reloader = new Reloader(service, logger, deps.metrics);
  const sources = deps.sources
    ? new SourceManager({ ...deps.sources, service, logger, reload: (by) => reloader.reload(by) })
    : null;
  // Feeds (FEEDS, and those moderators add) are polled from now on, until the bot stops.
  sources?.startFeeds();

  /** Corpus management for one interaction: every reply is private, and deferred (a fetch and a reload take seconds). */
  function sourcesFor(interaction: ChatInputCommandInteraction | AutocompleteInteraction): SourceCommands {
    const by = () => ({
      id: interaction.user.id,
      username: interaction.user.username,
      guildId: interaction.guildId,
    });
    const manager = () => {
      if (!sources) throw new Refusal(SOURCE_REPLIES.unavailable);
      return sources;
    };
    const send = (work: (m: SourceManager) => Promise<Answer>, changes = true) =>
      responder.send(interaction as ChatInputCommandInteraction, () => work(manager()), {
        ephemeral: true,
        deferFirst: true,
        // A change was made (and reloaded, like /reload): never "Something went wrong" because its reply could not be shown.
        ...(changes ? { notice: changeNotice } : {}),
      });
    return {
      addUrl: (url) => send((m) => m.addUrl(url, by())),
      addFile: (attachment) => send((m) => m.addAttachment(attachment, by())),
      list: () => send((m) => m.list(), false),
      remove: (source) => send((m) => m.remove(source, by())),
      choices: async (typed) => (sources ? sources.choices(typed) : []),
      addFeed: (url) => send((m) => m.addFeed(url, by())),
      feeds: (poll) => send((m) => m.listFeeds(by(), poll), poll),
      removeFeed: (feed) => send((m) => m.removeFeed(feed, by())),
      feedChoices: async (typed) => (sources ? sources.feedChoices(typed) : []),
    };
  }

  function contextFor(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandContext {
    return {
      catalog: () => service.catalog(),
      commands: () => [...commands.values()].sort((a, b) => a.data.name.localeCompare(b.data.name)),
      show: (answer, options) =>
        responder.send(interaction as ChatInputCommandInteraction, async () => answer, {
          ephemeral: options?.private === true,
        }),
      answer: (request, options) =>
        responder.ask(interaction as ChatInputCommandInteraction, request, {
          ephemeral: options?.private === true,
        }),
      reload: () =>
        responder.send(
          interaction as ChatInputCommandInteraction,
          async () => {
            const by = {
              id: interaction.user.id,
              username: interaction.user.username,
              guildId: interaction.guildId,
            };
            const report = await reloader.reload(by).catch(async (error: unknown) => {
              await sources?.recordReloadError(by, error); // one that did not finish too (the bot stopping)
              throw error;
            });
            // The audit trail (ledger, audit channel) records every reload, not only those of a source change.
            await sources?.recordReload(by, report);
            return { type: 'reload', report };
          },
          {
            ephemeral: true,
            deferFirst: true,
            // The corpus was reloaded: never "Something went wrong" because the report could not be shown.
            notice: (answer) => (answer.type === 'reload' ? replies.reloaded(answer.report) : replies.failed),
          },
        ),
      sources: sourcesFor(interaction),
    };
  }

  async function runCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = commands.get(interaction.commandName);
    if (!command) throw new Refusal(replies.unknownCommand);
    // Every slash command spends one query, /reload included (it is the costliest).
    const wait = limiter.take(interaction.user.id);
    if (wait > 0) throw new OverBudget(replies.rateLimited(now() + wait, wait, deps.rateLimit));
    // An option discord.js cannot read is a refusal by name, not a fault.
    await command.execute(interaction, contextFor(interaction)).catch((error: unknown) => {
      throw withInvalidOptions(error);
    });
  }

  async function runButton(interaction: ButtonInteraction): Promise<void> {
    const action = parseButtonId(interaction.customId);
    if (!action) throw new Refusal(replies.unknownButton);
    if (action.kind === 'page') return responder.turnPage(interaction, action.session, action.page);
    const sentenceId =
      action.kind === 'context'
        ? action.sentenceId
        : await responder.contextOf(action.session, action.page, action.index);
    await responder.ask(interaction, { type: 'source', citation: sentenceId }, { ephemeral: true });
  }

  /** Autocomplete never fails visibly: on any error, no suggestions. */
  async function runAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    try {
      const command = commands.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, contextFor(interaction));
      else await interaction.respond([]);
    } catch (error) {
      logger.warn(
        { ...describeInteraction(interaction), error: describeError(error) },
        'autocomplete failed',
      );
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
  }

  return {
    async handle(interaction) {
      const started = now();
      if (interaction.isAutocomplete()) return runAutocomplete(interaction);
      if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
      const clock = performance.now();
      let outcome: AnswerOutcome = 'ok';
      try {
        if (interaction.isChatInputCommand()) await runCommand(interaction);
        else await runButton(interaction);
        logger.debug({ ...describeInteraction(interaction), ms: now() - started }, 'answered');
      } catch (error) {
        outcome = outcomeOf(error);
        await handleInteractionError(interaction, error, logger);
      }
      deps.metrics?.answered(metricName(interaction, commands), outcome, (performance.now() - clock) / 1000);
    },
  };
}

/** A refusal because the user is over their query budget (counted apart in the metrics). */
class OverBudget extends Refusal {}

function outcomeOf(error: unknown): AnswerOutcome {
  if (error instanceof OverBudget) return 'rate_limited';
  if (error instanceof Refusal) return 'refused';
  return error instanceof EngineRestarting ? 'restarting' : 'error';
}

/** The `command` label: a command the bot has (never a name a client made up), or the kind of button. */
function metricName(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  commands: ReadonlyMap<string, CommandModule>,
): string {
  if (interaction.isChatInputCommand()) {
    return commands.has(interaction.commandName) ? interaction.commandName : 'unknown';
  }
  const kind = parseButtonId(interaction.customId)?.kind;
  return kind ? `button:${kind === 'page' ? 'page' : 'context'}` : 'button:unknown';
}
