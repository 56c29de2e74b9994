/** Finding one's way: "did you mean" and queries too common to search for (/help: help.test.ts; questions: question.test.ts). */
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/answer.ts';
import { suggestCountries, suggestSpeakers } from '../../src/answers/suggest.ts';
import type { DenyAnswer, QuotesAnswer, WhoSaidAnswer } from '../../src/answers/types.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { buildCorpus } from '../../src/engine/corpus.ts';
import { renderAnswer } from '../../src/render/discord.ts';
import { renderText } from '../../src/render/text.ts';
import { extractStatements } from '../engine/fixtures/extractor.ts';
import { article, corpusFolder } from '../engine/helpers.ts';

const corpus = buildCorpus(
  await loadCorpus(
    corpusFolder({
      'budget.txt': article('Budget', [
        ['Taxes will not rise under Labour', 'Tony Blair', 'GB'],
        ['Taxes are a matter for the chancellor', 'Gordon Brown', 'GB'],
        ['Farmers pay too much', 'Nick Brown', 'GB'],
        ['The Budget is fair', 'Clare Short', 'GB'],
      ]),
      'hacking.txt': article('Hacking', [['We never did any hacking', 'Ivan Petrov', 'RU']]),
    }),
    { maxFileBytes: 1e6 },
  ),
  extractStatements,
);

const names = (countries: { name: string }[] | undefined) => countries?.map((c) => c.name);

describe('did you mean', () => {
  it('offers the nearest speakers for a misspelt or partial name, the likeliest first', () => {
    expect(suggestSpeakers(corpus, 'Gordon Brwn')[0]).toBe('Gordon Brown');
    expect(suggestSpeakers(corpus, 'Blare')).toContain('Tony Blair');
    expect(suggestSpeakers(corpus, 'Petrof')).toEqual(['Ivan Petrov']);
    expect(suggestSpeakers(corpus, 'Zzyzx')).toEqual([]);
  });

  it('offers the nearest countries, states before territories, those the corpus covers first', () => {
    expect(names(suggestCountries('Rusia'))?.[0]).toBe('Russia');
    expect(names(suggestCountries('brit'))?.[0]).toBe('United Kingdom');
    expect(names(suggestCountries('Chna'))?.[0]).toBe('China');
    expect(suggestCountries('Atlantis')).toEqual([]);
    // Two letters are a code or nothing: one edit away is almost any word.
    expect(suggestCountries('XX')).toEqual([]);
  });

  it('/quotes with an unknown speaker says so and offers the nearest', () => {
    const a = answer(corpus, { type: 'quotes', speaker: 'Gordon Brwn' }) as QuotesAnswer;
    expect(a.speaker).toBeNull();
    expect(a.suggestions?.[0]).toBe('Gordon Brown');
    expect(renderText(a)).toMatch(
      /^No speaker called “Gordon Brwn” in the corpus\. Did you mean Gordon Brown/,
    );
    expect(renderAnswer(a)[0]!.content).toMatch(
      /^No speaker matches “Gordon Brwn”\. Did you mean \*\*Gordon Brown\*\*/,
    );
  });

  it('/who-said with an unknown speaker or country filter says which, with the nearest names', () => {
    const a = answer(corpus, {
      type: 'who-said',
      query: 'taxes',
      speaker: 'Blare',
      country: 'Grate Britain',
    }) as WhoSaidAnswer;
    expect(a.groups).toEqual([]);
    expect(a.unknown?.speaker).toEqual({
      input: 'Blare',
      suggestions: expect.arrayContaining(['Tony Blair']),
    });
    expect(names(a.unknown?.country?.suggestions)?.[0]).toBe('United Kingdom');
    const text = renderText(a);
    expect(text).toContain('No speaker called “Blare” in the corpus. Did you mean');
    expect(text).toContain(
      '“Grate Britain” is not a country whosaid knows. Did you mean 🇬🇧 United Kingdom (GB)',
    );
    // A known filter is no "did you mean".
    const known = answer(corpus, { type: 'who-said', query: 'taxes', speaker: 'Blair' }) as WhoSaidAnswer;
    expect(known.unknown).toBeUndefined();
  });

  it('/deny with an unknown country offers the nearest, and says plainly when none is near', () => {
    const rusia = answer(corpus, { type: 'deny', country: 'Rusia' }) as DenyAnswer;
    expect(names(rusia.suggestions)?.[0]).toBe('Russia');
    expect(renderText(rusia)).toMatch(
      /^“Rusia” is not a country whosaid knows\. Did you mean 🇷🇺 Russia \(RU\)/,
    );
    expect(renderAnswer(rusia)[0]!.content).toMatch(
      /^Unknown country: “Rusia”\. Did you mean 🇷🇺 \*\*Russia\*\* \(RU\)/,
    );
    const brit = answer(corpus, { type: 'deny', country: 'brit' }) as DenyAnswer;
    expect(names(brit.suggestions)?.[0]).toBe('United Kingdom');
    expect(renderText(answer(corpus, { type: 'deny', country: 'Atlantis' }))).toBe(
      '“Atlantis” is not a country whosaid knows. Try a name (Russia) or a code (RU).',
    );
  });
});

describe('queries made only of common words', () => {
  const TOO_COMMON = 'Every word of “what is the” is too common to search for; add a name or a topic.';

  it('are told so by /who-said, /search and /deny, instead of "nothing matched"', () => {
    for (const request of [
      { type: 'who-said', query: 'what is the' },
      { type: 'search', query: 'what is the' },
      { type: 'deny', country: 'RU', topic: 'what is the' },
    ] as const) {
      const a = answer(corpus, request);
      expect(a).toMatchObject({ tooCommon: true });
      expect(renderText(a)).toBe(TOO_COMMON);
      expect(renderAnswer(a)[0]!.content).toBe(TOO_COMMON);
    }
  });

  it('but a query with one word worth searching is searched', () => {
    expect(answer(corpus, { type: 'search', query: 'the budget' })).not.toHaveProperty('tooCommon');
  });
});

describe('suggestions are remembered per corpus', () => {
  it('gives the same names for the same input, each caller its own copy', () => {
    const first = suggestSpeakers(corpus, 'Gordon Brwn');
    first.push('changed by a caller');
    expect(suggestSpeakers(corpus, 'Gordon Brwn')).toEqual(first.slice(0, -1));
    const rusia = answer(corpus, { type: 'deny', country: 'Rusia' }) as DenyAnswer;
    expect(answer(corpus, { type: 'deny', country: 'Rusia' })).toEqual(rusia);
  });
});
