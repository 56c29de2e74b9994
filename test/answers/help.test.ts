/** /help: built from the command modules themselves, rendered for Discord and the terminal. */
import { SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { helpAnswer } from '../../src/answers/help.ts';
import { exampleProblem, loadCommands } from '../../src/bot/commands.ts';
import { renderAnswer } from '../../src/render/discord.ts';
import { renderText } from '../../src/render/text.ts';

const commands = [...(await loadCommands()).values()];

/** What /help lists for a command: its name, or each subcommand's (`corpus info`). */
function listedNames(command: (typeof commands)[number]): string[] {
  const json = command.data.toJSON();
  const subcommands = (json.options ?? []).filter((o) => o.type === 1);
  return subcommands.length ? subcommands.map((s) => `${json.name} ${s.name}`) : [json.name];
}

describe('/help', () => {
  const help = helpAnswer(commands);

  it('lists every command with its description and one example, in name order', () => {
    expect(help.commands.map((c) => c.name)).toEqual(commands.flatMap(listedNames).sort());
    const whoSaid = help.commands.find((c) => c.name === 'who-said')!;
    expect(whoSaid.description).toBe(
      commands.find((c) => c.data.name === 'who-said')!.data.toJSON().description,
    );
    expect(whoSaid.example).toEqual([{ option: 'query', value: 'empire of hackers' }]);
    expect(help.commands.find((c) => c.name === 'reload')?.offline).toBe(false);
    expect(help.commands.find((c) => c.name === 'deny')?.offline).toBe(true);
  });

  it('lists each subcommand of /corpus with its own example; only `corpus info` runs offline', () => {
    const corpus = help.commands.filter((c) => c.name.startsWith('corpus '));
    expect(corpus.map((c) => c.name)).toEqual([
      'corpus add-feed',
      'corpus add-file',
      'corpus add-url',
      'corpus feeds',
      'corpus info',
      'corpus list',
      'corpus remove',
      'corpus remove-feed',
    ]);
    expect(corpus.filter((c) => c.offline).map((c) => c.name)).toEqual(['corpus info']);
    expect(corpus.find((c) => c.name === 'corpus remove')).toMatchObject({
      options: [{ name: 'source', required: true }],
      example: [{ option: 'source', value: expect.stringMatching(/^added\//) }],
    });
    expect(renderText(help)).toContain('offline:    npm run ask -- corpus info');
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

    const withSubcommands = new SlashCommandBuilder()
      .setName('y')
      .setDescription('y')
      .addSubcommand((s) => s.setName('info').setDescription('i'))
      .addSubcommand((s) =>
        s
          .setName('add')
          .setDescription('a')
          .addStringOption((o) => o.setName('url').setDescription('u').setRequired(true)),
      );
    expect(exampleProblem({ data: withSubcommands, example: { info: {}, add: { url: 'x' } } })).toBeNull();
    expect(exampleProblem({ data: withSubcommands, example: { info: {} } })).toBe('lacks /y add');
    expect(exampleProblem({ data: withSubcommands, example: { info: {}, add: {} } })).toBe(
      'lacks the required option url',
    );
    expect(
      exampleProblem({ data: withSubcommands, example: { info: {}, add: { url: 'x' }, drop: {} } }),
    ).toBe('names a subcommand /y does not have: drop');
  });
});
