/**
 * Options, flags and autocomplete that several commands share. It lives in a
 * subfolder because the command loader takes every `*.ts` directly inside
 * `commands/` for a command.
 */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  SlashCommandBooleanOption,
  SlashCommandStringOption,
} from 'discord.js';
import { MAX_LENGTH } from '../../src/answers/requests.ts';
import { countryChoices, speakerChoices } from '../../src/bot/autocomplete.ts';
import type { CommandContext } from '../../src/bot/commands.ts';

/** The autocompleted `country` option. */
export function countryOption(description: string, required = false) {
  return autocompleted('country', MAX_LENGTH.country, description, required);
}

/** The autocompleted `speaker` option. */
export function speakerOption(description: string, required = false) {
  return autocompleted('speaker', MAX_LENGTH.speaker, description, required);
}

function autocompleted(name: string, maxLength: number, description: string, required: boolean) {
  return (o: SlashCommandStringOption) =>
    o
      .setName(name)
      .setDescription(description)
      .setRequired(required)
      .setMaxLength(maxLength)
      .setAutocomplete(true);
}

/** The `private` flag: the answer is shown only to whoever asked. */
export function privateOption(o: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return o.setName('private').setDescription('Show the answer only to you');
}

/** The answer options the `private` flag asks for. */
export function answerOptions(interaction: ChatInputCommandInteraction): { private: boolean | null } {
  return { private: interaction.options.getBoolean('private') };
}

/**
 * Autocomplete for `speaker` and `country` options: speakers from the corpus,
 * and countries ranked by how many of their statements (or denials) it holds.
 */
export function speakerAndCountryChoices(countriesBy: 'denials' | 'statements') {
  return async (interaction: AutocompleteInteraction, context: CommandContext): Promise<void> => {
    const focused = interaction.options.getFocused(true);
    const catalog = context.catalog();
    await interaction.respond(
      focused.name === 'country'
        ? countryChoices(catalog, focused.value, countriesBy)
        : speakerChoices(catalog, focused.value),
    );
  };
}
