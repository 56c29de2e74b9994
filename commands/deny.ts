/** /deny: denials by a country's officials and bodies, grouped by speaker. */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from 'discord.js';
import { MAX_LENGTH } from '../src/answers/requests.ts';
import { countryChoices } from '../src/bot/autocomplete.ts';
import type { CommandContext } from '../src/bot/commands.ts';

export const data = new SlashCommandBuilder()
  .setName('deny')
  .setDescription("What did a country's officials deny? Quoted and cited, explicit denials first.")
  .addStringOption((o) =>
    o
      .setName('country')
      .setDescription('Country code or name (RU, Russia)')
      .setRequired(true)
      .setMaxLength(MAX_LENGTH.country)
      .setAutocomplete(true),
  )
  .addStringOption((o) =>
    o.setName('topic').setDescription('Only denials about this topic').setMaxLength(MAX_LENGTH.query),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Show the answer only to you'));

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
    { private: interaction.options.getBoolean('private') },
  );
}

export async function autocomplete(
  interaction: AutocompleteInteraction,
  context: CommandContext,
): Promise<void> {
  await interaction.respond(countryChoices(context.catalog(), interaction.options.getFocused(), 'denials'));
}
