import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/answer.ts';
import type { DenyAnswer, QuotesAnswer, WhoSaidAnswer } from '../../src/answers/types.ts';
import { extractStatements } from '../../src/attribution/index.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { buildCorpus } from '../../src/engine/corpus.ts';
import { renderText } from '../../src/render/text.ts';
import { corpusFolder } from '../engine/helpers.ts';

// The real attribution engine: these tests pin what a user sees across articles.
const corpus = buildCorpus(
  await loadCorpus(
    corpusFolder({
      'a.md': 'Trade talks\n\nU.S. President Donald Trump said on Monday that the economy was strong.\n',
      'b.md': 'Inquiry\n\nTrump denied that he had colluded with Moscow during the campaign.\n',
      'c.md':
        '---\ntitle: Budget\ncountry: GB\n---\nBudget\n\nThe chancellor, Gordon Brown, denied that taxes would rise.\n',
    }),
    { maxFileBytes: 1e6 },
  ),
  extractStatements,
);

describe('one speaker, one country, across articles', () => {
  it('files a bare surname under the full name another article gives', () => {
    const a = answer(corpus, { type: 'who-said', query: 'colluded with Moscow' }) as WhoSaidAnswer;
    expect(a.groups[0]!.speaker).toMatchObject({
      name: 'Donald Trump',
      country: 'US',
      countryEvidence: 'corpus',
    });
    const quotes = answer(corpus, { type: 'quotes', speaker: 'Trump' }) as QuotesAnswer;
    expect(quotes.statements.map((s) => s.text)).toEqual([
      'the economy was strong',
      'he had colluded with Moscow during the campaign',
    ]);
  });

  it('lists under /deny the denials /who-said shows with that country, saying where the country comes from', () => {
    const deny = answer(corpus, { type: 'deny', country: 'US' }) as DenyAnswer;
    expect(deny.groups.flatMap((g) => g.statements.map((s) => s.text))).toEqual([
      'he had colluded with Moscow during the campaign',
    ]);
    expect(renderText(deny, { ansi: false })).toContain('United States (as other articles say)');
  });

  it("gives an official the article's own country from its front matter", () => {
    const deny = answer(corpus, { type: 'deny', country: 'GB' }) as DenyAnswer;
    expect(deny.groups[0]!.speaker).toMatchObject({
      name: 'Gordon Brown',
      country: 'GB',
      countryEvidence: 'home',
    });
  });
});

describe('/deny on a long list', () => {
  it('shows the first denials, explicit ones first, and says how many there are in all', async () => {
    const many = buildCorpus(
      await loadCorpus(
        corpusFolder({
          'a.md': 'One\n\nU.S. Senator Jane Roe said the plan had nothing to do with the election.\n',
          'b.md': 'Two\n\nU.S. Senator John Doe denied that he had leaked the memo.\n',
        }),
        { maxFileBytes: 1e6 },
      ),
      extractStatements,
    );
    const deny = answer(many, { type: 'deny', country: 'US', limit: 1 }) as DenyAnswer;
    expect(deny.total).toBe(2);
    // The explicit denial ("denied") comes before the implicit one, though later in the corpus.
    expect(deny.groups.flatMap((g) => g.statements.map((s) => s.text))).toEqual(['he had leaked the memo']);
    expect(renderText(deny, { ansi: false })).toContain('the first 1 of 2');
  });
});
