/** /who-said: the statements that best match a phrase or topic, with who said them. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { MAX_LENGTH } from '../src/answers/requests.ts';
import type { CommandContext } from '../src/bot/commands.ts';
import {
  answerOptions,
  countryOption,
  privateOption,
  speakerAndCountryChoices,
  speakerOption,
} from './shared/options.ts';

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
  .addStringOption(speakerOption('Only this speaker'))
  .addStringOption(countryOption('Only speakers from this country (code or name)'))
  .addBooleanOption(privateOption);

export const example = { query: 'empire of hackers' };

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
    answerOptions(interaction),
  );
}

export const autocomplete = speakerAndCountryChoices('statements');
