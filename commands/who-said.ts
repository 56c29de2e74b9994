/** /who-said: the statements that best match a phrase or topic, with who said them. */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from 'discord.js';
import { MAX_LENGTH } from '../src/answers/requests.ts';
import { countryChoices, speakerChoices } from '../src/bot/autocomplete.ts';
import type { CommandContext } from '../src/bot/commands.ts';

export const data = new SlashCommandBuilder()
  .setName('who-said')
  .setDescription('Who said it? Statements matching a phrase or topic, quoted and cited.')
  .addStringOption((o) =>
    o
      .setName('query')
      .setDescription('Words or a topic; put a phrase in "quotes" to match it exactly')
      .setRequired(true)
      .setMaxLength(MAX_LENGTH.query),
  )
  .addStringOption((o) =>
    o
      .setName('speaker')
      .setDescription('Only this speaker')
      .setMaxLength(MAX_LENGTH.speaker)
      .setAutocomplete(true),
  )
  .addStringOption((o) =>
    o
      .setName('country')
      .setDescription('Only speakers from this country (code or name)')
      .setMaxLength(MAX_LENGTH.country)
      .setAutocomplete(true),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Show the answer only to you'));

export async function execute(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<void> {
  await context.answer(
    {
      type: 'who-said',
      query: interaction.options.getString('query', true),
      speaker: interaction.options.getString('speaker') ?? undefined,
      country: interaction.options.getString('country') ?? undefined,
    },
    { private: interaction.options.getBoolean('private') },
  );
}

export async function autocomplete(
  interaction: AutocompleteInteraction,
  context: CommandContext,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const catalog = context.catalog();
  await interaction.respond(
    focused.name === 'country'
      ? countryChoices(catalog, focused.value, 'statements')
      : speakerChoices(catalog, focused.value),
  );
}
