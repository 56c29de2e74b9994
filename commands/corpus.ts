/** /corpus: what the bot knows: documents, sentences, statements, speakers, countries, last reload. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { CommandContext } from '../src/bot/commands.ts';
import { answerOptions, privateOption } from './shared/options.ts';

export const data = new SlashCommandBuilder()
  .setName('corpus')
  .setDescription('What the corpus holds, and when it was last reloaded.')
  .addBooleanOption(privateOption);

export const example = {};

export async function execute(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<void> {
  await context.answer({ type: 'corpus' }, answerOptions(interaction));
}
