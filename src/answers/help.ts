/**
 * /help (and `npm run ask -- help`): every command with its description,
 * options and one example, read from the command modules themselves, so the
 * help cannot drift from what the commands are.
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { RequestSchema } from './requests.ts';
import type { HelpAnswer, HelpCommand } from './types.ts';

/** What /help reads of a command module (`CommandModule` in src/bot/commands.ts). */
export interface HelpSource {
  data: { toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  example: Readonly<Record<string, string | boolean>>;
}

/** Commands the offline CLI answers: every request type, and help. */
const OFFLINE = new Set<string>(['help', ...RequestSchema.options.map((o) => o.shape.type.value)]);

export function helpAnswer(modules: readonly HelpSource[]): HelpAnswer {
  const commands = modules.map((m) => helpCommand(m)).sort((a, b) => a.name.localeCompare(b.name));
  return { type: 'help', commands };
}

function helpCommand(module: HelpSource): HelpCommand {
  const json = module.data.toJSON();
  const options = (json.options ?? []).map((o) => ({
    name: o.name,
    description: o.description,
    required: 'required' in o && o.required === true,
  }));
  const example = options.flatMap((o) => {
    const value = module.example[o.name];
    return value === undefined ? [] : [{ option: o.name, value }];
  });
  return {
    name: json.name,
    description: json.description,
    options,
    example,
    offline: OFFLINE.has(json.name),
  };
}

/** `/who-said query:empire of hackers`: an example as Discord writes a filled-in command. */
export function slashExample(command: HelpCommand): string {
  return [
    `/${command.name}`,
    ...command.example.map(({ option, value }) => `${option}:${String(value)}`),
  ].join(' ');
}
