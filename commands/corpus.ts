/**
 * /corpus: what the corpus holds (`info`, for everyone), and corpus
 * management for moderators (Manage Server, checked at run time): add an
 * article by URL or from an attachment, list the sources added from
 * Discord, remove one; add an RSS or Atom feed (polled at once, then on an
 * interval), list the feeds (or poll them now), stop one. Each change
 * reloads the corpus without downtime.
 */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from 'discord.js';
import type { CommandContext } from '../src/bot/commands.ts';
import { requireManageServer } from '../src/bot/permissions.ts';
import { renderChoices } from '../src/render/discord.ts';
import { SOURCE_REPLIES } from '../src/sources/manager.ts';
import { answerOptions, privateOption } from './shared/options.ts';

/** Longest URL accepted (browsers and servers rarely go past 2,000 characters). */
const MAX_URL = 2000;

export const data = new SlashCommandBuilder()
  .setName('corpus')
  .setDescription('What the corpus holds; moderators add, list and remove sources and feeds.')
  .addSubcommand((s) =>
    s
      .setName('info')
      .setDescription('What the corpus holds, and when it was last reloaded.')
      .addBooleanOption(privateOption),
  )
  .addSubcommand((s) =>
    s
      .setName('add-url')
      .setDescription('Add a news article from its web address (Manage Server only).')
      .addStringOption((o) =>
        o
          .setName('url')
          .setDescription('The article’s address (http or https)')
          .setRequired(true)
          .setMaxLength(MAX_URL),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('add-file')
      .setDescription(
        'Add a news article from a .md, .txt, .html, .json or .jsonl file (Manage Server only).',
      )
      .addAttachmentOption((o) => o.setName('file').setDescription('The article file').setRequired(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('list')
      .setDescription('Sources added from Discord, newest first, with who added them (Manage Server only).'),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Remove a source added from Discord (Manage Server only).')
      .addStringOption((o) =>
        o
          .setName('source')
          .setDescription('The source, by title or file name')
          .setRequired(true)
          .setMaxLength(200)
          .setAutocomplete(true),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('add-feed')
      .setDescription(
        'Poll an RSS or Atom feed for new articles; its items are added at once (Manage Server only).',
      )
      .addStringOption((o) =>
        o
          .setName('url')
          .setDescription('The feed’s address (http or https)')
          .setRequired(true)
          .setMaxLength(MAX_URL),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('feeds')
      .setDescription('The feeds polled, and what each last added (Manage Server only).')
      .addBooleanOption((o) => o.setName('poll').setDescription('Poll every feed now (default: no)')),
  )
  .addSubcommand((s) =>
    s
      .setName('remove-feed')
      .setDescription('Stop polling a feed; the articles it added stay (Manage Server only).')
      .addStringOption((o) =>
        o
          .setName('feed')
          .setDescription('The feed, by address or title')
          .setRequired(true)
          .setMaxLength(MAX_URL)
          .setAutocomplete(true),
      ),
  );

export const example = {
  info: {},
  'add-url': { url: 'https://example.org/news/iran-dismisses-hacking-claims' },
  'add-file': { file: 'article.md' },
  list: {},
  remove: { source: 'added/example-org-iran-dismisses-hacking-claims-1a2b3c4d.md' },
  'add-feed': { url: 'https://example.org/news/rss.xml' },
  feeds: { poll: true },
  'remove-feed': { feed: 'https://example.org/news/rss.xml' },
};

export async function execute(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<void> {
  const subcommand = interaction.options.getSubcommand(true);
  if (subcommand === 'info') {
    await context.answer({ type: 'corpus' }, answerOptions(interaction));
    return;
  }
  // default_member_permissions would hide /corpus info from everyone too: checked here instead.
  requireManageServer(interaction, SOURCE_REPLIES.needsManageServer);
  switch (subcommand) {
    case 'add-url':
      return context.sources.addUrl(interaction.options.getString('url', true));
    case 'add-file': {
      const file = interaction.options.getAttachment('file', true);
      return context.sources.addFile({
        name: file.name,
        url: file.url,
        size: file.size,
        contentType: file.contentType,
      });
    }
    case 'list':
      return context.sources.list();
    case 'remove':
      return context.sources.remove(interaction.options.getString('source', true));
    case 'add-feed':
      return context.sources.addFeed(interaction.options.getString('url', true));
    case 'feeds':
      return context.sources.feeds(interaction.options.getBoolean('poll') ?? false);
    case 'remove-feed':
      return context.sources.removeFeed(interaction.options.getString('feed', true));
  }
}

/** Suggestions for `remove` (sources added from Discord) and `remove-feed` (feeds added), to moderators only. */
export async function autocomplete(
  interaction: AutocompleteInteraction,
  context: CommandContext,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const moderator = interaction.inGuild() && interaction.memberPermissions?.has('ManageGuild');
  if (!moderator) return interaction.respond([]);
  if (focused.name === 'source')
    return interaction.respond(renderChoices(await context.sources.choices(focused.value)));
  if (focused.name === 'feed')
    return interaction.respond(renderChoices(await context.sources.feedChoices(focused.value)));
  await interaction.respond([]);
}
