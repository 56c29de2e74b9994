/** /reload (moderators): re-read the corpus from disk; the old one keeps serving until the new one is ready. */
import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { CommandContext } from '../src/bot/commands.ts';
import { requireManageServer } from '../src/bot/permissions.ts';

export const data = new SlashCommandBuilder()
  .setName('reload')
  .setDescription('Re-read the corpus from disk (Manage Server only).')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

/** The answer is always shown only to whoever reloaded: there is no `private` flag to give. */
export const example = {};

export async function execute(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<void> {
  // default_member_permissions can be overridden per server; check again.
  requireManageServer(interaction);
  await context.reload();
}
