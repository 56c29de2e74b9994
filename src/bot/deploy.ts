/**
 * `npm run deploy`: registers the slash commands with Discord. Guild-scoped
 * when DISCORD_GUILD_ID is set (instant, for testing), global otherwise
 * (may take up to an hour to appear). The bot itself never does this.
 */
import { REST, Routes } from 'discord.js';
import { type BotConfig, ConfigError, loadBotConfig, loadDotEnv } from '../config.ts';
import { loadCommands } from './commands.ts';
import { isEntryPoint } from './entry.ts';
import { describeError } from './errors.ts';

export interface DeployResult {
  scope: 'guild' | 'global';
  commands: string[];
}

export async function deployCommands(config: BotConfig, commandsDir?: string): Promise<DeployResult> {
  const commands = await loadCommands(commandsDir);
  const body = [...commands.values()].map((c) => c.data.toJSON());
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const guild = config.DISCORD_GUILD_ID;
  const route = guild
    ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, guild)
    : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
  // PUT replaces the whole set, so commands removed from commands/ disappear too.
  await rest.put(route, { body });
  return { scope: guild ? 'guild' : 'global', commands: body.map((c) => c.name) };
}

async function main(): Promise<void> {
  loadDotEnv();
  try {
    const config = loadBotConfig(process.env);
    const { scope, commands } = await deployCommands(config);
    const where =
      scope === 'guild' ? `server ${config.DISCORD_GUILD_ID}` : 'all servers (may take up to an hour)';
    process.stdout.write(
      `Registered ${commands.length} commands for ${where}: ${commands.map((c) => `/${c}`).join(' ')}\n`,
    );
  } catch (error) {
    const message =
      error instanceof ConfigError ? error.message : `deploy failed: ${describeError(error).message}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

if (isEntryPoint(import.meta.url)) await main();
