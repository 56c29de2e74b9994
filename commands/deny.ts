/** /deny: denials by a country's officials and bodies, grouped by speaker. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { MAX_LENGTH } from '../src/answers/requests.ts';
import type { CommandContext } from '../src/bot/commands.ts';
import { answerOptions, countryOption, privateOption, speakerAndCountryChoices } from './shared/options.ts';

export const data = new SlashCommandBuilder()
  .setName('deny')
  .setDescription("What did a country's officials deny? Quoted and cited, explicit denials first.")
  .addStringOption(countryOption('Country code or name (RU, Russia)', true))
  .addStringOption((o) =>
    o.setName('topic').setDescription('Only denials about this topic').setMaxLength(MAX_LENGTH.query),
  )
  .addBooleanOption(privateOption);

export const example = { country: 'Russia', topic: 'hacking' };

export async function execute(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<void> {
  await context.answer(
    {
      type: 'deny',
      country: interaction.options.getString('country', true),
      topic: interaction.options.getString('topic') ?? undefined,
    },
    answerOptions(interaction),
  );
}

export const autocomplete = speakerAndCountryChoices('denials');
