/** /help: every command, with what it answers and one example, read from the command modules themselves. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { helpAnswer } from '../src/answers/help.ts';
import type { CommandContext } from '../src/bot/commands.ts';
import { answerOptions, privateOption } from './shared/options.ts';

export const data = new SlashCommandBuilder()
  .setName('help')
  .setDescription('What each command answers, with an example.')
  .addBooleanOption(privateOption);

export const example = {};

export async function execute(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<void> {
  await context.show(helpAnswer(context.commands()), answerOptions(interaction));
}
