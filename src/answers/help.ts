/**
 * /help (and `npm run ask -- help`): every command with its description,
 * options and one example, read from the command modules themselves, so the
 * help cannot drift from what the commands are.
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { RequestSchema } from './requests.ts';
import type { HelpAnswer, HelpCommand } from './types.ts';

type OptionValues = Readonly<Record<string, string | boolean>>;

/** What /help reads of a command module (`CommandModule` in src/bot/commands.ts). */
export interface HelpSource {
  data: { toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Option values by name; for a command with subcommands, one such example per subcommand. */
  example: OptionValues | Readonly<Record<string, OptionValues>>;
}

/**
 * Commands the offline CLI answers: every request type, and help; of
 * /corpus, `info` (the CLI's `corpus`, which reads `corpus info` too).
 */
const OFFLINE = new Set<string>([
  'help',
  'corpus info',
  ...RequestSchema.options.map((o) => o.shape.type.value).filter((type) => type !== 'corpus'),
]);

/** Discord's option type of a subcommand. */
const SUBCOMMAND = 1;

export function helpAnswer(modules: readonly HelpSource[]): HelpAnswer {
  const commands = modules.flatMap((m) => helpCommands(m)).sort((a, b) => a.name.localeCompare(b.name));
  return { type: 'help', commands };
}

/** One entry per command, or per subcommand (named `corpus info`) for a command that has them. */
function helpCommands(module: HelpSource): HelpCommand[] {
  const json = module.data.toJSON();
  const subcommands = (json.options ?? []).filter((o) => o.type === SUBCOMMAND);
  if (subcommands.length === 0)
    return [helpCommand(json.name, json.description, json.options ?? [], module.example as OptionValues)];
  const examples = module.example as Readonly<Record<string, OptionValues>>;
  return subcommands.map((sub) =>
    helpCommand(
      `${json.name} ${sub.name}`,
      sub.description,
      'options' in sub ? (sub.options ?? []) : [],
      examples[sub.name] ?? {},
    ),
  );
}

function helpCommand(
  name: string,
  description: string,
  declared: readonly { name: string; description: string; required?: boolean }[],
  values: OptionValues,
): HelpCommand {
  const options = declared.map((o) => ({
    name: o.name,
    description: o.description,
    required: o.required === true,
  }));
  const example = options.flatMap((o) => {
    const value = values[o.name];
    return value === undefined ? [] : [{ option: o.name, value }];
  });
  return { name, description, options, example, offline: OFFLINE.has(name) };
}

/** `/who-said query:empire of hackers`: an example as Discord writes a filled-in command. */
export function slashExample(command: HelpCommand): string {
  return [
    `/${command.name}`,
    ...command.example.map(({ option, value }) => `${option}:${String(value)}`),
  ].join(' ');
}
