/**
 * Finding one's way, end to end through the local Discord-compatible server:
 * "did you mean" for speakers and countries, every country in autocomplete,
 * plain questions, and queries too common to search for (/help:
 * help.test.ts). The
 * corpus's statements are controlled (the stand-in attribution step, as in
 * bot.test.ts), so the names are known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, corpusFolder } from '../engine/helpers.ts';
import { choiceViolations, limitViolations } from '../support/discord-limits.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { autocomplete, displayed, slashCommand, textOf } from '../support/interactions.ts';
import { stubService } from '../support/stub-service.ts';

let h: Harness;

beforeAll(async () => {
  const dir = corpusFolder({
    'budget.txt': article('Budget', [
      ['Taxes will not rise under Labour', 'Tony Blair', 'GB'],
      ['Taxes are a matter for the chancellor', 'Gordon Brown', 'GB'],
      ['Farmers pay too much in taxes', 'Nick Brown', 'GB'],
    ]),
    'hacking.txt': article('Hacking', [
      ['We never did any hacking', 'Ivan Petrov', 'RU'],
      ['Hacking is a crime we fight', 'Anna Ivanova', 'RU'],
      ['The hacking claims are false', 'Li Wei', 'CN'],
    ]),
  });
  h = await startHarness({ service: await stubService(dir) });
});

afterAll(async () => {
  await h?.close();
});

describe('did you mean', () => {
  it('/quotes with a misspelt speaker offers the nearest names', async () => {
    const brwn = await h.send(slashCommand(h.fake, 'quotes', { speaker: 'Gordon Brwn' }));
    expect(brwn.message.content).toMatch(
      /^No speaker matches “Gordon Brwn”\. Did you mean \*\*Gordon Brown\*\*/,
    );
    const blare = await h.send(slashCommand(h.fake, 'quotes', { speaker: 'Blare' }));
    expect(blare.message.content).toMatch(/^No speaker matches “Blare”\. Did you mean .*\*\*Tony Blair\*\*/);
  });

  it('/who-said with an unknown speaker or country filter says which, with the nearest names', async () => {
    const out = await h.send(
      slashCommand(h.fake, 'who-said', { query: 'taxes', speaker: 'Tony Blare', country: 'Rusia' }),
    );
    expect(out.message.content).toBe(
      'No speaker matches “Tony Blare”. Did you mean **Tony Blair**? ' +
        'Unknown country: “Rusia”. Did you mean 🇷🇺 **Russia** (RU)?',
    );
    expect(limitViolations(out.message)).toEqual([]);
  });

  it('/deny with an unknown country offers the nearest countries', async () => {
    const rusia = await h.send(slashCommand(h.fake, 'deny', { country: 'Rusia' }));
    expect(rusia.message.content).toMatch(
      /^Unknown country: “Rusia”\. Did you mean 🇷🇺 \*\*Russia\*\* \(RU\)/,
    );
    const brit = await h.send(slashCommand(h.fake, 'deny', { country: 'brit' }));
    expect(brit.message.content).toMatch(
      /^Unknown country: “brit”\. Did you mean 🇬🇧 \*\*United Kingdom\*\* \(GB\)/,
    );
  });
});

describe('country autocomplete', () => {
  const values = (choices: { value: string }[]) => choices.map((c) => c.value);

  it('lists the countries with denials first, with their counts, then every other country', async () => {
    const out = await h.send(autocomplete(h.fake, 'deny', 'country', { country: '' }));
    const choices = out.callback.data.choices;
    expect(choiceViolations(choices)).toEqual([]);
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: '🇷🇺 Russia (RU) · 1 denial', value: 'RU' });
    expect(choices[1]).toEqual({ name: '🇨🇳 China (CN) · 1 denial', value: 'CN' });
    expect(choices[2]).toEqual({ name: '🇬🇧 United Kingdom (GB) · 0 denials', value: 'GB' });
    expect(choices[3]).toEqual({ name: '🇦🇫 Afghanistan (AF)', value: 'AF' });
  });

  it('for /who-said, by statements; and any country can be typed', async () => {
    const all = await h.send(autocomplete(h.fake, 'who-said', 'country', { query: 'x', country: '' }));
    expect(values(all.callback.data.choices).slice(0, 3)).toEqual(['GB', 'RU', 'CN']);
    const sweden = await h.send(autocomplete(h.fake, 'who-said', 'country', { query: 'x', country: 'swed' }));
    expect(sweden.callback.data.choices).toEqual([{ name: '🇸🇪 Sweden (SE)', value: 'SE' }]);
    const united = await h.send(autocomplete(h.fake, 'deny', 'country', { country: 'united' }));
    expect(values(united.callback.data.choices)[0]).toBe('GB');
    expect(values(united.callback.data.choices)).toContain('US');
  });
});

describe('plain questions', () => {
  it('"what did Tony Blair say about taxes" answers Tony Blair on taxes, and says how it was read', async () => {
    const out = await h.send(
      slashCommand(h.fake, 'who-said', { query: 'what did Tony Blair say about taxes' }),
    );
    const embed = out.message.embeds[0];
    expect(embed.title).toBe('“what did Tony Blair say about taxes”');
    expect(embed.description).toMatch(/^Read as: speaker \*\*Tony Blair\*\*, topic “taxes”\./);
    const text = displayed(textOf(out.message));
    expect(text).toContain('Taxes will not rise under Labour');
    expect(text).not.toContain('Gordon Brown');
    expect(limitViolations(out.message)).toEqual([]);
  });

  it('"what has Brown said on taxes" names both Browns', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: 'what has Brown said on taxes' }));
    expect(out.message.embeds[0].description).toMatch(
      /^Read as: speakers \*\*(Gordon|Nick) Brown\*\* or \*\*(Gordon|Nick) Brown\*\*, topic “taxes”\./,
    );
  });

  it.each(['did Russia deny hacking?', 'who denied hacking in Russia'])(
    '%j answers Russia’s denials about hacking only',
    async (query) => {
      const out = await h.send(slashCommand(h.fake, 'who-said', { query }));
      const embed = out.message.embeds[0];
      expect(embed.description).toMatch(
        /^Read as: country 🇷🇺 \*\*Russia\*\* \(RU\), topic “hacking”, denials only\./,
      );
      const text = displayed(textOf(out.message));
      expect(text).toContain('We never did any hacking');
      expect(text).not.toContain('Hacking is a crime we fight'); // Russian, but no denial
      expect(text).not.toContain('The hacking claims are false'); // a denial, but Chinese
    },
  );

  it('a question naming no one the corpus knows is searched as typed', async () => {
    const out = await h.send(
      slashCommand(h.fake, 'who-said', { query: 'what did Zebedee Nobody say about taxes' }),
    );
    expect(textOf(out.message)).not.toContain('Read as');
  });

  it('a query of common words only is told so', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: 'what is the' }));
    expect(out.message.content).toBe(
      'Every word of “what is the” is too common to search for; add a name or a topic.',
    );
    const search = await h.send(slashCommand(h.fake, 'search', { query: 'the' }));
    expect(search.message.content).toBe(
      'Every word of “the” is too common to search for; add a name or a topic.',
    );
  });
});
