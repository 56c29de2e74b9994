/**
 * Run-time permission checks. `default_member_permissions` only hides a
 * command by default; server admins can override it per role, so commands
 * that change state check again here.
 */
import { type ChatInputCommandInteraction, PermissionFlagsBits } from 'discord.js';
import { Refusal } from './errors.ts';
import { replies } from './replies.ts';

/** Refuses (with `refusal`, by default /reload's wording) anyone without Manage Server, and any use outside a server. */
export function requireManageServer(
  interaction: ChatInputCommandInteraction,
  refusal: string = replies.needsManageServer,
): void {
  if (!interaction.inGuild()) throw new Refusal(replies.guildOnly);
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new Refusal(refusal);
  }
}
