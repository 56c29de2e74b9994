/** /claims: who made claims about a country, and which of that country's officials denied them. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { MAX_LENGTH } from '../src/answers/requests.ts';
import type { CommandContext } from '../src/bot/commands.ts';
import { answerOptions, countryOption, privateOption, speakerAndCountryChoices } from './shared/options.ts';

export const data = new SlashCommandBuilder()
  .setName('claims')
  .setDescription('Claims made about a country, each with the denials that answer it. Quoted and cited.')
  .addStringOption(countryOption('The country the claims are about (CN, China)', true))
  .addStringOption((o) =>
    o.setName('topic').setDescription('Only claims about this topic').setMaxLength(MAX_LENGTH.query),
  )
  .addBooleanOption(privateOption);

export const example = { country: 'China', topic: 'election' };

export async function execute(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<void> {
  await context.answer(
    {
      type: 'claims',
      country: interaction.options.getString('country', true),
      topic: interaction.options.getString('topic') ?? undefined,
    },
    answerOptions(interaction),
  );
}

export const autocomplete = speakerAndCountryChoices('statements');
