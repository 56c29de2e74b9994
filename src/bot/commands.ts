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
import type { Answer } from '../answers/types.ts';
import type { AttachmentRef } from '../sources/manager.ts';

/** What a command may do; the router builds one per interaction. */
export interface CommandContext {
  /** Validates the request, asks the answer service and replies with the rendered answer. */
  answer(request: Request, options?: { private?: boolean | null }): Promise<void>;
  /** Re-reads the corpus and replies, ephemerally, with what changed. */
  reload(): Promise<void>;
  /** Autocomplete data for the corpus being served (in memory). */
  catalog(): Catalog;
  /** Replies with an answer made without the engine (/help). */
  show(answer: Answer, options?: { private?: boolean | null }): Promise<void>;
  /** Every command the bot serves, in name order. */
  commands(): readonly CommandModule[];
  /** Corpus management (/corpus add-url, add-file, list, remove); the command checks permissions first. */
  sources: SourceCommands;
}

/** Corpus management: each change reloads the corpus and replies privately with what it did. */
export interface SourceCommands {
  addUrl(url: string): Promise<void>;
  addFile(attachment: AttachmentRef): Promise<void>;
  list(): Promise<void>;
  remove(source: string): Promise<void>;
  /** Autocomplete over the sources added from Discord. */
  choices(typed: string): Promise<{ name: string; value: string }[]>;
  /** Feeds: add one (polled at once), list them (polling every feed first with `poll`), stop one. */
  addFeed(url: string): Promise<void>;
  feeds(poll: boolean): Promise<void>;
  removeFeed(feed: string): Promise<void>;
  /** Autocomplete over the feeds moderators added. */
  feedChoices(typed: string): Promise<{ name: string; value: string }[]>;
}

/**
 * One use of a command, as option values by name: what /help shows for it
 * (and `npm run ask -- help`, offline). The loader checks that it names
 * only the command's options and gives every required one. A command with
 * subcommands gives one use of each, by subcommand name.
 */
export type OptionValues = Readonly<Record<string, string | boolean>>;
export type CommandExample = OptionValues | Readonly<Record<string, OptionValues>>;

export interface CommandModule {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  example: CommandExample;
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
    typeof m.example === 'object' &&
    m.example !== null &&
    (m.autocomplete === undefined || typeof m.autocomplete === 'function')
  );
}

/** Command modules are `.ts` files beside the sources, `.js` in the build (`dist/commands/`). */
const MODULE_EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** Imports every `*.ts` module in `dir` (`*.js` in the build); a module without `data` and `execute` is a programming error. */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, CommandModule>> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(MODULE_EXT) && !f.endsWith('.d.ts')).sort();
  const commands = new Map<string, CommandModule>();
  for (const file of files) {
    const module: unknown = await import(pathToFileURL(`${dir}/${file}`).href);
    if (!isCommandModule(module)) throw new Error(`commands/${file} must export data, execute and example`);
    const wrong = exampleProblem(module);
    if (wrong) throw new Error(`commands/${file}: the example ${wrong}`);
    if (commands.has(module.data.name))
      throw new Error(`commands/${file}: /${module.data.name} is defined twice`);
    commands.set(module.data.name, module);
  }
  return commands;
}

/** Discord's option type of a subcommand. */
const SUBCOMMAND = 1;

/**
 * What is wrong with a command's example (an option it does not have, a required one missing; for a
 * command with subcommands, a subcommand without an example), or null.
 */
export function exampleProblem(module: Pick<CommandModule, 'data' | 'example'>): string | null {
  const options = module.data.toJSON().options ?? [];
  const subcommands = options.filter((o) => o.type === SUBCOMMAND);
  if (subcommands.length === 0) return optionsProblem(module.data.name, options, module.example);
  const examples = module.example as Readonly<Record<string, unknown>>;
  const names = new Set(subcommands.map((s) => s.name));
  const unknown = Object.keys(examples).find((name) => !names.has(name));
  if (unknown) return `names a subcommand /${module.data.name} does not have: ${unknown}`;
  for (const sub of subcommands) {
    const example = examples[sub.name];
    if (typeof example !== 'object' || example === null) return `lacks /${module.data.name} ${sub.name}`;
    const inner = 'options' in sub ? (sub.options ?? []) : [];
    const problem = optionsProblem(`${module.data.name} ${sub.name}`, inner, example as OptionValues);
    if (problem) return problem;
  }
  return null;
}

function optionsProblem(
  command: string,
  options: readonly { name: string; required?: boolean }[],
  example: Readonly<Record<string, unknown>>,
): string | null {
  const names = new Set(options.map((o) => o.name));
  const unknown = Object.keys(example).find((name) => !names.has(name));
  if (unknown) return `names an option /${command} does not have: ${unknown}`;
  const missing = options.find((o) => o.required && !(o.name in example));
  return missing ? `lacks the required option ${missing.name}` : null;
}
