/** /quotes: everything one speaker said, in document order. */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from 'discord.js';
import { MAX_LENGTH } from '../src/answers/requests.ts';
import { speakerChoices } from '../src/bot/autocomplete.ts';
import type { CommandContext } from '../src/bot/commands.ts';

export const data = new SlashCommandBuilder()
  .setName('quotes')
  .setDescription('Everything one speaker said, in document order.')
  .addStringOption((o) =>
    o
      .setName('speaker')
      .setDescription('The speaker')
      .setRequired(true)
      .setMaxLength(MAX_LENGTH.speaker)
      .setAutocomplete(true),
  );

export async function execute(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<void> {
  await context.answer({ type: 'quotes', speaker: interaction.options.getString('speaker', true) });
}

export async function autocomplete(
  interaction: AutocompleteInteraction,
  context: CommandContext,
): Promise<void> {
  await interaction.respond(speakerChoices(context.catalog(), interaction.options.getFocused()));
}
