/** /help: built from the command modules themselves, rendered for Discord and the terminal. */
import { SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { helpAnswer } from '../../src/answers/help.ts';
import { exampleProblem, loadCommands } from '../../src/bot/commands.ts';
import { renderAnswer } from '../../src/render/discord.ts';
import { renderText } from '../../src/render/text.ts';

const commands = [...(await loadCommands()).values()];

describe('/help', () => {
  const help = helpAnswer(commands);

  it('lists every command with its description and one example, in name order', () => {
    expect(help.commands.map((c) => c.name)).toEqual(commands.map((c) => c.data.name).sort());
    const whoSaid = help.commands.find((c) => c.name === 'who-said')!;
    expect(whoSaid.description).toBe(
      commands.find((c) => c.data.name === 'who-said')!.data.toJSON().description,
    );
    expect(whoSaid.example).toEqual([{ option: 'query', value: 'empire of hackers' }]);
    expect(help.commands.find((c) => c.name === 'reload')?.offline).toBe(false);
    expect(help.commands.find((c) => c.name === 'deny')?.offline).toBe(true);
  });

  it('renders for Discord as `/command option:value` and for the terminal as the CLI call', () => {
    const discord = renderAnswer(help)
      .map((p) => p.embed?.description)
      .join('\n');
    expect(discord).toContain('Example: `/deny country:Russia topic:hacking`');
    const text = renderText(help);
    expect(text).toContain('offline:    npm run ask -- deny Russia --topic hacking');
    expect(text).toContain(`offline:    npm run ask -- search '"empire of hackers"'`);
    expect(text).toMatch(/\/reload\n.*\n.*\n\s+offline:\s+\(on Discord only\)/);
  });

  it('examples cannot drift: each names only options its command has, and every required one', () => {
    for (const command of commands) expect(exampleProblem(command)).toBeNull();
    const data = new SlashCommandBuilder()
      .setName('x')
      .setDescription('x')
      .addStringOption((o) => o.setName('query').setDescription('q').setRequired(true));
    expect(exampleProblem({ data, example: { qeury: 'typo' } })).toBe(
      'names an option /x does not have: qeury',
    );
    expect(exampleProblem({ data, example: {} })).toBe('lacks the required option query');
  });
});
