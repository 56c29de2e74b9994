/** /source: a cited sentence within its paragraph, for context. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { MAX_LENGTH } from '../src/answers/requests.ts';
import type { CommandContext } from '../src/bot/commands.ts';
import { answerOptions, privateOption } from './shared/options.ts';

export const data = new SlashCommandBuilder()
  .setName('source')
  .setDescription('Show a cited sentence within its paragraph.')
  .addStringOption((o) =>
    o
      .setName('citation')
      .setDescription('The citation id shown in brackets, such as 000_dedf56004ae8cd24:15.2')
      .setRequired(true)
      .setMaxLength(MAX_LENGTH.citation),
  )
  .addBooleanOption(privateOption);

export const example = { citation: '000_dedf56004ae8cd24:15.2' };

export async function execute(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<void> {
  await context.answer(
    { type: 'source', citation: interaction.options.getString('citation', true) },
    answerOptions(interaction),
  );
}
