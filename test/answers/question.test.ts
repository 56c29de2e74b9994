/** Plain questions read as speaker (or country) and topic: the pure parser, and what answers make of it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answer, speakersNamed } from '../../src/answers/answer.ts';
import { type NameLookup, parseQuestion } from '../../src/answers/question.ts';
import type { QuestionReading, WhoSaidAnswer } from '../../src/answers/types.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { countryInfo, findCountry } from '../../src/countries.ts';
import { buildCorpus } from '../../src/engine/corpus.ts';
import { renderText } from '../../src/render/text.ts';
import { parseQuery } from '../../src/search/query.ts';
import { extractStatements } from '../engine/fixtures/extractor.ts';
import { article, corpusFolder } from '../engine/helpers.ts';

const corpus = buildCorpus(
  await loadCorpus(
    corpusFolder({
      'budget.txt': article('Budget', [
        ['Taxes will not rise under Labour', 'Tony Blair', 'GB'],
        ['Taxes are a matter for the chancellor', 'Gordon Brown', 'GB'],
        ['Farmers pay too much in taxes', 'Nick Brown', 'GB'],
        ['Immigration must be controlled', 'Tony Blair', 'GB'],
      ]),
      'hacking.txt': article('Hacking', [
        ['We never did any hacking', 'Ivan Petrov', 'RU'],
        ['Hacking is a crime we fight', 'Anna Ivanova', 'RU'],
        ['The hacking claims are false', 'Li Wei', 'CN'],
      ]),
    }),
    { maxFileBytes: 1e6 },
  ),
  extractStatements,
);

const names: NameLookup = { speakers: (words) => speakersNamed(corpus, words), country: findCountry };
const hasContent = (topic: string) => parseQuery(topic).terms.length > 0;
const read = (text: string) => parseQuestion(text, names, hasContent);
const speakerNames = (reading: QuestionReading | null) => reading?.speakers?.map((s) => s.name);

describe('parseQuestion', () => {
  it.each([
    ['what did Tony Blair say about taxes', 'Tony Blair', 'taxes'],
    ['What did Tony Blair say about taxes?', 'Tony Blair', 'taxes'],
    ['what has Blair said on immigration', 'Tony Blair', 'immigration'],
    ['what is Blair saying about the budget', 'Tony Blair', 'the budget'],
    ['what Tony Blair said about taxes', 'Tony Blair', 'taxes'],
    ['did Blair say anything about taxes', 'Tony Blair', 'taxes'],
    ['what did Prime Minister Tony Blair say about taxes', 'Tony Blair', 'taxes'],
    ['what did   tony blair  say about taxes ?', 'Tony Blair', 'taxes'],
  ])('reads %j as a speaker and a topic', (text, speaker, topic) => {
    const reading = read(text);
    expect(speakerNames(reading)).toEqual([speaker]);
    expect(reading).toMatchObject({ topic, denials: false });
  });

  it('names every speaker who shares a surname, the most quoted first', () => {
    expect(speakerNames(read('what did Brown say about taxes'))?.sort()).toEqual([
      'Gordon Brown',
      'Nick Brown',
    ]);
    expect(speakerNames(read('what did Gordon Brown say about taxes'))).toEqual(['Gordon Brown']);
  });

  it.each([
    ['did Russia deny hacking', 'RU', 'hacking', true],
    ['has Russia denied the hacking claims?', 'RU', 'the hacking claims', true],
    ['what did Russia deny about hacking', 'RU', 'hacking', true],
    ['who denied hacking in Russia?', 'RU', 'hacking', true],
    ['who in Russia denied hacking', 'RU', 'hacking', true],
    ['who denied claims of hacking in the US', 'US', 'claims of hacking', true],
    ['who denied interference in elections in Russia', 'RU', 'interference in elections', true],
    ['what did the Russians say about hacking', 'RU', 'hacking', false],
    ['who said hacking in China', 'CN', 'hacking', false],
    ['what did the UK say about taxes', 'GB', 'taxes', false],
  ])('reads %j as a country and a topic', (text, code, topic, denials) => {
    const reading = read(text);
    expect(reading?.country?.code).toBe(code);
    expect(reading).toMatchObject({ topic, denials });
    expect(reading?.speakers).toBeUndefined();
  });

  it("reads a speaker's denials too", () => {
    expect(read('did Ivan Petrov deny hacking')).toMatchObject({
      speakers: [{ name: 'Ivan Petrov' }],
      topic: 'hacking',
      denials: true,
    });
  });

  it.each([
    'empire of hackers',
    'taxes',
    'what did Zebedee Nobody say about taxes', // no such speaker
    'what did he say about taxes', // a pronoun is nobody
    'what did it say about taxes', // "it" is not Italy
    'what did us say about taxes', // nor "us" the United States
    'what did I say about taxes',
    'did Russia deny', // no topic
    'what did Tony Blair say about it', // a topic of common words only
    'who denied hacking in the morning', // "the morning" is no country
    'who in Tony Blair said taxes', // only a country is "in" somewhere
    'what did Tony Blair say',
    `what did Tony Blair say about ${'taxes '.repeat(50)}`, // too long to be a question
  ])('leaves %j to be searched as typed', (text) => {
    expect(read(text)).toBeNull();
  });

  it('never throws, and every reading names a speaker of the corpus or a known country', () => {
    const fragment = fc.constantFrom(
      'what',
      'did',
      'has',
      'who',
      'in',
      'from',
      'say',
      'said',
      'about',
      'on',
      'deny',
      'denied',
      'the',
      'Tony',
      'Blair',
      'Brown',
      'Russia',
      'Russians',
      'US',
      'us',
      'it',
      'taxes',
      'hacking',
      '?',
      '"',
      '',
    );
    const text = fc.oneof(
      fc.array(fragment, { maxLength: 12 }).map((words) => words.join(' ')),
      fc.string({ maxLength: 80 }),
      fc
        .tuple(fc.constantFrom('what did ', 'did ', 'who denied ', 'what has '), fc.string(), fc.string())
        .map(([a, b, c]) => `${a}${b} say about ${c}`),
    );
    fc.assert(
      fc.property(text, (t) => {
        const reading = read(t);
        if (!reading) return;
        expect(Boolean(reading.speakers?.length) !== Boolean(reading.country)).toBe(true);
        for (const s of reading.speakers ?? []) expect(corpus.speakers.get(s.id)?.name).toBe(s.name);
        if (reading.country) expect(countryInfo(reading.country.code)).toEqual(reading.country);
        expect(hasContent(reading.topic)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('who-said with a question', () => {
  it('answers for the speaker it names, and says how it read the question', () => {
    const a = answer(corpus, {
      type: 'who-said',
      query: 'what did Tony Blair say about taxes',
    }) as WhoSaidAnswer;
    expect(a.reading).toMatchObject({ speakers: [{ name: 'Tony Blair' }], topic: 'taxes' });
    expect(a.groups.map((g) => g.speaker.name)).toEqual(['Tony Blair']);
    expect(a.groups[0]!.statements.map((s) => s.text)).toEqual(['Taxes will not rise under Labour']);
    expect(renderText(a)).toContain('Read as: speaker Tony Blair, topic “taxes”.');
  });

  it('answers only denials when the question asks about denying', () => {
    const a = answer(corpus, { type: 'who-said', query: 'did Russia deny hacking?' }) as WhoSaidAnswer;
    expect(a.groups.flatMap((g) => g.statements.map((s) => s.text))).toEqual(['We never did any hacking']);
    expect(renderText(a)).toContain('Read as: country 🇷🇺 Russia (RU), topic “hacking”, denials only.');
  });

  it('searches the words as typed when a filter already says who', () => {
    const a = answer(corpus, {
      type: 'who-said',
      query: 'what did Tony Blair say about taxes',
      speaker: 'Gordon Brown',
    }) as WhoSaidAnswer;
    expect(a.reading).toBeUndefined();
  });
});
