/**
 * /help and the `private` flag of every command that answers, end to end
 * through the local Discord-compatible server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/bot/commands.ts';
import { article, corpusFolder } from '../engine/helpers.ts';
import { limitViolations } from '../support/discord-limits.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { displayed, slashCommand, textOf } from '../support/interactions.ts';
import { stubService } from '../support/stub-service.ts';

let h: Harness;

beforeAll(async () => {
  const dir = corpusFolder({
    'budget.txt': article('Budget', [['Taxes will not rise under Labour', 'Tony Blair', 'GB']]),
  });
  h = await startHarness({ service: await stubService(dir) });
});

afterAll(async () => {
  await h?.close();
});

describe('/help', () => {
  it('lists every command the bot serves, each with its description and an example', async () => {
    const out = await h.send(slashCommand(h.fake, 'help'));
    expect(out.ephemeral).toBe(false);
    expect(limitViolations(out.message)).toEqual([]);
    expect(out.message.embeds[0].title).toBe('whosaid: commands');
    const text = displayed(textOf(out.message));
    for (const command of (await loadCommands()).values()) {
      const json = command.data.toJSON();
      // A command with subcommands (/corpus) is listed as each of them.
      const subcommands = (json.options ?? []).filter((o) => o.type === 1);
      for (const { name, description } of subcommands.length ? subcommands : [json]) {
        expect(text).toContain(subcommands.length ? `/${json.name} ${name}` : `/${name}`);
        expect(text).toContain(description);
      }
    }
    expect(text).toContain(
      'Example: `/corpus add-url url:https://example.org/news/iran-dismisses-hacking-claims`',
    );
    expect(text).toContain('Example: `/who-said query:empire of hackers`');
    expect(text).toContain('Example: `/deny country:Russia topic:hacking`');
    expect(text).toContain('/who-said query [speaker] [country] [private]');
  });

  it('answers privately when asked to', async () => {
    const out = await h.send(slashCommand(h.fake, 'help', { private: true }));
    expect(out.ephemeral).toBe(true);
  });
});

describe('private answers from every command that answers', () => {
  it.each([
    ['quotes', { speaker: 'Tony Blair' }],
    ['search', { query: 'taxes' }],
    ['source', { citation: 'budget:3.1' }],
    ['corpus info', {}],
  ] as const)('/%s private:true is shown to the asker alone', async (name, options) => {
    const out = await h.send(slashCommand(h.fake, name, { ...options, private: true }));
    expect(out.ephemeral).toBe(true);
    const open = await h.send(slashCommand(h.fake, name, options));
    expect(open.ephemeral).toBe(false);
  });
});
