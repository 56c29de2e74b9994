/**
 * Slash commands: what a module in `commands/` exports, what it may call,
 * and the loader that discovers them (one module per command, as in the
 * discord.js guide).
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Catalog, Request } from '../answers/requests.ts';

/** What a command may do; the router builds one per interaction. */
export interface CommandContext {
  /** Validates the request, asks the answer service and replies with the rendered answer. */
  answer(request: Request, options?: { private?: boolean | null }): Promise<void>;
  /** Re-reads the corpus and replies, ephemerally, with what changed. */
  reload(): Promise<void>;
  /** Autocomplete data for the corpus being served (in memory). */
  catalog(): Catalog;
}

export interface CommandModule {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}

/** Where command modules live: `commands/` at the project root. */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

function isCommandModule(value: unknown): value is CommandModule {
  const m = value as Partial<CommandModule> | null;
  return (
    typeof m?.data?.name === 'string' &&
    typeof m.data.toJSON === 'function' &&
    typeof m.execute === 'function' &&
    (m.autocomplete === undefined || typeof m.autocomplete === 'function')
  );
}

/** Imports every `*.ts` module in `dir`; a module without `data` and `execute` is a programming error. */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, CommandModule>> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const commands = new Map<string, CommandModule>();
  for (const file of files) {
    const module: unknown = await import(pathToFileURL(`${dir}/${file}`).href);
    if (!isCommandModule(module)) throw new Error(`commands/${file} must export data and execute`);
    if (commands.has(module.data.name))
      throw new Error(`commands/${file}: /${module.data.name} is defined twice`);
    commands.set(module.data.name, module);
  }
  return commands;
}
