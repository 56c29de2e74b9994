/** /quotes: everything one speaker said, in document order. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { CommandContext } from '../src/bot/commands.ts';
import { answerOptions, privateOption, speakerAndCountryChoices, speakerOption } from './shared/options.ts';

export const data = new SlashCommandBuilder()
  .setName('quotes')
  .setDescription('Everything one speaker said, in document order.')
  .addStringOption(speakerOption('The speaker', true))
  .addBooleanOption(privateOption);

export const example = { speaker: 'Zhao Lijian' };

export async function execute(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<void> {
  await context.answer(
    { type: 'quotes', speaker: interaction.options.getString('speaker', true) },
    answerOptions(interaction),
  );
}

export const autocomplete = speakerAndCountryChoices('statements');
