/** /help as `npm run ask -- help` prints it: each command with its Discord form and its offline form. */
import { slashExample } from '../answers/help.ts';
import type { HelpAnswer, HelpCommand } from '../answers/types.ts';

/** A word for a shell: as is when plain, else quoted so the shell passes it unchanged. */
function shellWord(value: string): string {
  if (/^[\w.:@%+,/-]+$/u.test(value)) return value;
  if (!/["$`\\!]/u.test(value)) return `"${value}"`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The CLI form of a command's example: its first required option is the
 * command's text, the others are `--name value`; `private` means nothing
 * offline. `npm run ask -- who-said "empire of hackers"`.
 */
export function cliExample(command: HelpCommand): string {
  const text = command.options.find((o) => o.required)?.name;
  const words = ['npm run ask --', command.name];
  for (const { option, value } of command.example) {
    if (option === 'private') continue;
    if (option === text) words.push(shellWord(String(value)));
    else if (typeof value === 'boolean') {
      if (value) words.push(`--${option}`);
    } else words.push(`--${option}`, shellWord(value));
  }
  return words.join(' ');
}

function usage(command: HelpCommand): string {
  return [`/${command.name}`, ...command.options.map((o) => (o.required ? o.name : `[${o.name}]`))].join(' ');
}

export function renderHelpText(a: HelpAnswer): string {
  const lines = [
    'whosaid answers with verbatim quotes from the corpus, each with its citation.',
    'who-said also reads a plain question: "what did Tony Blair say about taxes", "did Russia deny hacking".',
    'Offline, `npm run ask -- --help` lists the options (--limit, --json, --corpus).',
  ];
  for (const command of a.commands) {
    lines.push('', usage(command), `   ${command.description}`);
    lines.push(`   on Discord: ${slashExample(command)}`);
    lines.push(
      command.offline ? `   offline:    ${cliExample(command)}` : '   offline:    (on Discord only)',
    );
  }
  return lines.join('\n');
}
