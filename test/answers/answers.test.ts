import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/answer.ts';
import { formatCitation } from '../../src/answers/citation.ts';
import type { Citation, SourceAnswer, WhoSaidAnswer } from '../../src/answers/types.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { buildCorpus, type Extractor } from '../../src/engine/corpus.ts';
import { renderText } from '../../src/render/text.ts';
// A stand-in for the attribution engine, so these tests pin the answer layer alone.
import { extractStatements } from '../engine/fixtures/extractor.ts';
import { corpusFolder } from '../engine/helpers.ts';

const ARTICLE_A = `---
title: Ministers trade claims
published: 2021-05-06
publisher: The Daily
url: https://example.org/a
---
Ministers trade claims

"We never hacked anyone," said Ivan Petrov of RU. "The claims are false," said Ivan Petrov of RU.

"Hackers work for an empire of lies," said Li Wei of CN. Then @everyone went home.
`;
const ARTICLE_B = `Second report

"We never hacked anyone," said Ivan Petrov of RU.

"Our grain exports will grow," said Anna Berg of SE.
`;

async function corpusOf(files: Record<string, string>) {
  const dir = corpusFolder(files);
  return buildCorpus(await loadCorpus(dir, { maxFileBytes: 1e6 }), extractStatements);
}

const corpus = await corpusOf({ 'a.md': ARTICLE_A, 'b.txt': ARTICLE_B });

/** Every citation must point at exactly the text it cites. */
function expectVerbatim(text: string, c: Citation) {
  const doc = corpus.documentById.get(c.docId)!;
  expect(doc.text.slice(c.start, c.end)).toBe(text);
}

describe('who-said', () => {
  it('answers with the speaker, the verbatim quote, highlights and a citation', () => {
    const a = answer(corpus, { type: 'who-said', query: 'empire of lies' }) as WhoSaidAnswer;
    expect(a.groups).toHaveLength(1);
    const [hit] = a.groups[0]!.statements;
    expect(a.groups[0]!.speaker).toMatchObject({ name: 'Li Wei', country: 'CN' });
    expect(hit!.text).toBe('Hackers work for an empire of lies');
    expect(hit!.highlights.map(([s, e]) => hit!.text.slice(s, e))).toEqual(['empire of lies']);
    expectVerbatim(hit!.text, hit!.citations[0]!);
    expect(hit!.citations[0]).toMatchObject({
      docId: 'a',
      paragraph: 3,
      sentenceId: 'a:3.1',
      published: '2021-05-06',
    });
  });

  it('merges the same words from the same speaker: reported by N sources, each cited', () => {
    const a = answer(corpus, { type: 'who-said', query: 'never hacked' }) as WhoSaidAnswer;
    const [hit] = a.groups[0]!.statements;
    expect(hit!.citations.map((c) => c.docId)).toEqual(['a', 'b']);
    for (const c of hit!.citations) expectVerbatim(hit!.text, c);
    expect(renderText(a)).toContain('reported by 2 sources');
  });

  it('lists each speaker when several said it', () => {
    const a = answer(corpus, { type: 'who-said', query: 'hacked hackers' }) as WhoSaidAnswer;
    expect(a.groups.map((g) => g.speaker.name).sort()).toEqual(['Ivan Petrov', 'Li Wei']);
  });

  it('filters by speaker and by country (code or name)', () => {
    const bySpeaker = answer(corpus, {
      type: 'who-said',
      query: 'hacked hackers',
      speaker: 'Li Wei',
    }) as WhoSaidAnswer;
    expect(bySpeaker.groups.map((g) => g.speaker.name)).toEqual(['Li Wei']);
    const byCountry = answer(corpus, {
      type: 'who-said',
      query: 'hacked hackers',
      country: 'Russia',
    }) as WhoSaidAnswer;
    expect(byCountry.groups.map((g) => g.speaker.name)).toEqual(['Ivan Petrov']);
    expect(byCountry.filters.country).toBe('RU');
  });

  it('says plainly when nothing matches, and shows the closest sentences as such', () => {
    const a = answer(corpus, { type: 'who-said', query: 'went home' }) as WhoSaidAnswer;
    expect(a.groups).toEqual([]);
    expect(a.closest[0]!.text).toBe('Then @everyone went home.');
    const text = renderText(a);
    expect(text).toMatch(/^No statement in the corpus matches “went home”/);
    expect(text).toContain('Closest sentences (not statements)');
  });
});

describe('deny', () => {
  it("answers that country's denials, grouped by speaker, nothing from others", () => {
    const a = answer(corpus, { type: 'deny', country: 'ru' });
    expect(a.type === 'deny' && a.country?.code).toBe('RU');
    if (a.type !== 'deny') throw new Error('wrong type');
    expect(a.groups.map((g) => g.speaker.name)).toEqual(['Ivan Petrov']);
    expect(a.groups[0]!.statements.map((s) => s.text)).toEqual([
      'We never hacked anyone',
      'The claims are false',
    ]);
  });

  it('says exactly so for an unknown country or one with no denials', () => {
    expect(renderText(answer(corpus, { type: 'deny', country: 'Atlantis' }))).toBe(
      '“Atlantis” is not a country whosaid knows. Try a name (Russia) or a code (RU).',
    );
    expect(renderText(answer(corpus, { type: 'deny', country: 'SE' }))).toBe(
      'No denials by officials of 🇸🇪 Sweden in the corpus.',
    );
  });

  it('narrows to a topic', () => {
    const a = answer(corpus, { type: 'deny', country: 'RU', topic: 'claims' });
    if (a.type !== 'deny') throw new Error('wrong type');
    expect(a.groups[0]!.statements.map((s) => s.text)).toEqual(['The claims are false']);
  });
});

describe('quotes, source, search, corpus', () => {
  it('quotes a speaker in document order, by full name or surname, each statement once', () => {
    const a = answer(corpus, { type: 'quotes', speaker: 'petrov' });
    if (a.type !== 'quotes') throw new Error('wrong type');
    expect(a.speaker?.name).toBe('Ivan Petrov');
    // The same words reported again in b are one statement, cited twice.
    expect(a.statements.map((s) => s.citations.map((c) => c.docId))).toEqual([['a', 'b'], ['a']]);
    expect(answer(corpus, { type: 'quotes', speaker: 'Nobody Here' })).toMatchObject({ speaker: null });
  });

  it('shows a cited sentence within its paragraph', () => {
    const a = answer(corpus, { type: 'source', citation: 'a:2.2' }) as SourceAnswer;
    expect(a.context?.sentences.map((s) => s.cited)).toEqual([false, true]);
    expect(a.context?.citation.paragraph).toBe(2);
    expect(answer(corpus, { type: 'source', citation: 'a:99.1' })).toMatchObject({ context: null });
  });

  it('searches every sentence, not only statements', () => {
    const a = answer(corpus, { type: 'search', query: 'went home' });
    if (a.type !== 'search') throw new Error('wrong type');
    expect(a.hits[0]!.sentenceId).toBe('a:3.2');
    expectVerbatim(a.hits[0]!.text, a.hits[0]!.citation);
  });

  it('counts the corpus and its countries', () => {
    const a = answer(corpus, { type: 'corpus' });
    expect(a).toMatchObject({ documents: 2, statements: 5, speakers: 3 });
    if (a.type !== 'corpus') throw new Error('wrong type');
    expect(a.countries.map((c) => [c.code, c.statements, c.denials])).toEqual([
      ['RU', 3, 3],
      ['CN', 1, 0],
      ['SE', 1, 0],
    ]);
  });
});

describe('formatCitation', () => {
  it('gives title, publisher, date, paragraph, id and link where known', () => {
    const c = corpus.statements[0]!;
    const doc = corpus.documentById.get(c.docId)!;
    expect(formatCitation({ ...citation(doc.id), paragraph: 2, sentenceId: 'a:2.1' })).toBe(
      '“Ministers trade claims” — The Daily, 2021-05-06, ¶2 [a:2.1] https://example.org/a',
    );
    expect(
      formatCitation({
        ...citation('b'),
        title: 'Second report',
        publisher: undefined,
        published: undefined,
        url: undefined,
      }),
    ).toBe('“Second report” — ¶1 [b:1.1]');
  });
});

function citation(docId: string): Citation {
  const doc = corpus.documentById.get(docId)!;
  return {
    docId,
    file: doc.file,
    title: doc.title,
    publisher: doc.publisher,
    published: doc.published,
    url: doc.url,
    paragraph: 1,
    sentenceId: `${docId}:1.1`,
    start: 0,
    end: 1,
  };
}

describe('a partial quote inside the reported clause around it', () => {
  // `<Name> of <CC> said <clause>.`: the clause is indirect speech, and any
  // "quoted words" in it are also a partial quote by the same speaker.
  const TEXT = `Overlap report

Ivan Petrov of RU said the reports were "utterly unfounded" and politically driven.
`;
  const overlapping: Extractor = (text) => {
    const m = /(\w+ \w+) of ([A-Z]{2}) said (.+?)\./.exec(text)!;
    const speaker = { name: m[1]!, title: null, country: m[2]!, kind: 'person' as const, mention: null };
    const clauseStart = m.index + m[0].indexOf(m[3]!);
    const clause = m[3]!;
    const inner = /"([^"]+)"/.exec(clause)!;
    const partialStart = clauseStart + inner.index + 1;
    return [
      {
        kind: 'indirect',
        text: { start: clauseStart, end: clauseStart + clause.length, text: clause },
        speaker,
        cue: null,
        denial: true,
      },
      {
        kind: 'partial',
        text: { start: partialStart, end: partialStart + inner[1]!.length, text: inner[1]! },
        speaker,
        cue: null,
        denial: true,
      },
    ];
  };
  const overlapCorpus = async () => {
    const dir = corpusFolder({ 'o.txt': TEXT });
    return buildCorpus(await loadCorpus(dir, { maxFileBytes: 1e6 }), overlapping);
  };

  it('is one thing said: who-said shows the better-ranked of the two, once', async () => {
    const c = await overlapCorpus();
    expect(c.statements).toHaveLength(2);
    const quoted = answer(c, { type: 'who-said', query: 'utterly unfounded' }) as WhoSaidAnswer;
    expect(quoted.groups.flatMap((g) => g.statements.map((s) => s.kind))).toEqual(['partial']);
    const clause = answer(c, { type: 'who-said', query: 'politically driven' }) as WhoSaidAnswer;
    expect(clause.groups.flatMap((g) => g.statements.map((s) => s.kind))).toEqual(['indirect']);
  });

  it('is listed once by /deny and /quotes: the clause, which holds the quoted words', async () => {
    const c = await overlapCorpus();
    for (const request of [
      { type: 'deny', country: 'RU' },
      { type: 'quotes', speaker: 'Petrov' },
    ] as const) {
      const a = answer(c, request);
      const statements =
        a.type === 'deny' ? a.groups.flatMap((g) => g.statements) : a.type === 'quotes' ? a.statements : [];
      expect(statements.map((s) => s.text)).toEqual([
        'the reports were "utterly unfounded" and politically driven',
      ]);
    }
  });
});
