/** /search: sentence search over the whole corpus, with citations. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { MAX_LENGTH } from '../src/answers/requests.ts';
import type { CommandContext } from '../src/bot/commands.ts';
import { answerOptions, privateOption } from './shared/options.ts';

export const data = new SlashCommandBuilder()
  .setName('search')
  .setDescription('Search every sentence of the corpus; results are quoted and cited.')
  .addStringOption((o) =>
    o
      .setName('query')
      .setDescription('Words to find; put a phrase in "quotes" to match it exactly')
      .setRequired(true)
      .setMaxLength(MAX_LENGTH.query),
  )
  .addBooleanOption(privateOption);

export const example = { query: '"empire of hackers"' };

export async function execute(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<void> {
  await context.answer(
    { type: 'search', query: interaction.options.getString('query', true) },
    answerOptions(interaction),
  );
}
