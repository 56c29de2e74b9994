/**
 * fast-check generators for every answer type, biased towards what breaks
 * renderers: long texts, markdown and mention characters, many items, many
 * sources, long titles and ids.
 */
import fc from 'fast-check';
import type {
  Answer,
  Citation,
  CountryInfo,
  HelpCommand,
  Highlight,
  QuestionReading,
  ReloadReport,
  SentenceHit,
  SpeakerGroup,
  SpeakerInfo,
  StatementHit,
} from '../../src/answers/types.ts';

const nasty = fc.constantFrom(
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<#1>',
  '</cmd:1>',
  '**',
  '__',
  '||',
  '~~',
  '`',
  '> ',
  '# ',
  '- ',
  '1. ',
  '[x](https://e.com)',
  '\\',
  '\n',
  '🇷🇺',
  'é',
  '\u{1F600}',
);
const word = fc.stringMatching(/^[A-Za-z’'".,-]{1,12}$/);
/** Text mixing words, spaces and characters Discord gives meaning to. */
export const text = (maxParts: number) =>
  fc
    .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: nasty }), { maxLength: maxParts })
    .map((parts) => parts.join(' '));
const nonEmpty = (maxParts: number) => text(maxParts).map((t) => t || 'x');

const highlights = (length: number): fc.Arbitrary<Highlight[]> =>
  fc.array(
    fc.tuple(fc.nat(length), fc.nat(length)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
    { maxLength: 8 },
  );

const citation: fc.Arbitrary<Citation> = fc.record({
  docId: fc.stringMatching(/^[a-z0-9_]{1,90}$/),
  file: nonEmpty(3),
  title: nonEmpty(60),
  publisher: fc.option(nonEmpty(5), { nil: undefined }),
  published: fc.option(fc.constant('2020-09-11'), { nil: undefined }),
  url: fc.option(fc.webUrl(), { nil: undefined }),
  paragraph: fc.integer({ min: 1, max: 999 }),
  sentenceId: fc.stringMatching(/^[a-z0-9_]{1,120}:\d{1,3}\.\d{1,2}$/),
  start: fc.nat(),
  end: fc.nat(),
});

const country: fc.Arbitrary<CountryInfo> = fc.constantFrom(
  { code: 'RU', name: 'Russia', flag: '🇷🇺' },
  { code: 'CN', name: 'China', flag: '🇨🇳' },
);

const speaker: fc.Arbitrary<SpeakerInfo> = fc.record({
  id: fc.string({ maxLength: 20 }),
  name: nonEmpty(12),
  title: fc.option(nonEmpty(30), { nil: null }),
  country: fc.option(fc.constantFrom('RU', 'CN', 'IR', 'ZZ'), { nil: null }),
  kind: fc.constantFrom('person', 'organization', 'state'),
});

const quote = fc.oneof(text(30), text(600), fc.constant('word '.repeat(1500)));

/** Marks anywhere in a text, crossing or not: renderers must cope with any. */
const marks = (length: number) =>
  fc.array(
    fc.record({
      start: fc.nat(length),
      end: fc.nat(length),
      role: fc.constantFrom('speaker', 'cue', 'content', 'quote'),
    }),
    { maxLength: 6 },
  );

/** A statement shown as its words with some text around them (a sentence), marked. */
const statement: fc.Arbitrary<StatementHit> = fc
  .tuple(quote, text(8), text(8))
  .chain(([t, before, after]) => {
    const shown = `${before}${t}${after}`;
    return fc.record({
      statementId: fc.string({ maxLength: 10 }),
      kind: fc.constantFrom('direct', 'partial', 'indirect'),
      text: fc.constant(t),
      display: fc.record({
        text: fc.constant(shown),
        start: fc.nat(),
        end: fc.nat(),
        marks: marks(shown.length),
      }),
      cue: fc.option(nonEmpty(2), { nil: null }),
      denial: fc.boolean(),
      explicitDenial: fc.boolean(),
      score: fc.double({ noNaN: true }),
      highlights: highlights(shown.length),
      speaker,
      citations: fc.array(citation, { minLength: 1, maxLength: 14 }),
    });
  });

const sentenceHit: fc.Arbitrary<SentenceHit> = quote.chain((t) =>
  fc.record({
    sentenceId: fc.string({ maxLength: 20 }),
    text: fc.constant(t),
    score: fc.double({ noNaN: true }),
    terms: fc.array(word, { maxLength: 3 }),
    highlights: highlights(t.length),
    citation,
  }),
);

const group: fc.Arbitrary<SpeakerGroup> = fc.record({
  speaker,
  statements: fc.array(statement, { minLength: 1, maxLength: 6 }),
});

const counts = fc.record({
  documents: fc.nat(),
  sentences: fc.nat(),
  statements: fc.nat(),
  speakers: fc.nat(),
});

const skipped = fc.array(fc.record({ file: nonEmpty(20), reason: nonEmpty(40) }), { maxLength: 60 });

const reloadReport: fc.Arbitrary<ReloadReport> = fc.record({
  ok: fc.boolean(),
  error: fc.option(nonEmpty(200), { nil: undefined }),
  startedAt: fc.constant('2024-01-01T00:00:00.000Z'),
  ms: fc.nat(),
  added: fc.array(nonEmpty(10), { maxLength: 80 }),
  removed: fc.array(nonEmpty(10), { maxLength: 10 }),
  changed: fc.array(nonEmpty(10), { maxLength: 10 }),
  skipped,
  before: counts,
  after: counts,
});

const query = nonEmpty(40);

/** An optional `true` flag (tooCommon). */
const flag = fc.option(fc.constant(true), { nil: undefined });
/** "Did you mean" names: many, long and nasty. */
const suggestedNames = fc.array(nonEmpty(12), { maxLength: 8 });

const reading: fc.Arbitrary<QuestionReading> = fc.record({
  speakers: fc.option(fc.array(fc.record({ id: fc.string(), name: nonEmpty(12) }), { maxLength: 8 }), {
    nil: undefined,
  }),
  country: fc.option(country, { nil: undefined }),
  topic: nonEmpty(60),
  denials: fc.boolean(),
});

const helpCommand: fc.Arbitrary<HelpCommand> = fc.record({
  name: nonEmpty(3),
  description: nonEmpty(40),
  options: fc.array(fc.record({ name: nonEmpty(2), description: nonEmpty(20), required: fc.boolean() }), {
    maxLength: 25,
  }),
  example: fc.array(fc.record({ option: nonEmpty(2), value: fc.oneof(nonEmpty(60), fc.boolean()) }), {
    maxLength: 25,
  }),
  offline: fc.boolean(),
});

export const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({
    type: fc.constant('search' as const),
    query,
    hits: fc.array(sentenceHit, { maxLength: 25 }),
    tooCommon: flag,
  }),
  fc.record({
    type: fc.constant('who-said' as const),
    query,
    filters: fc.record({
      speaker: fc.option(nonEmpty(5), { nil: undefined }),
      country: fc.option(fc.constantFrom('RU', 'XX'), { nil: undefined }),
    }),
    groups: fc.array(group, { maxLength: 5 }),
    closest: fc.array(sentenceHit, { maxLength: 3 }),
    tooCommon: flag,
    unknown: fc.option(
      fc.record({
        speaker: fc.option(fc.record({ input: query, suggestions: suggestedNames }), { nil: undefined }),
        country: fc.option(fc.record({ input: query, suggestions: fc.array(country, { maxLength: 3 }) }), {
          nil: undefined,
        }),
      }),
      { nil: undefined },
    ),
    reading: fc.option(reading, { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('deny' as const),
    input: query,
    country: fc.option(country, { nil: null }),
    topic: fc.option(nonEmpty(20), { nil: undefined }),
    groups: fc.array(group, { maxLength: 5 }),
    total: fc.nat(500),
    suggestions: fc.option(fc.array(country, { maxLength: 3 }), { nil: undefined }),
    tooCommon: flag,
  }),
  fc.record({
    type: fc.constant('quotes' as const),
    input: query,
    speaker: fc.option(speaker, { nil: null }),
    statements: fc.array(statement, { maxLength: 20 }),
    suggestions: fc.option(suggestedNames, { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('source' as const),
    input: query,
    context: fc.option(
      fc.record({
        citation,
        sentences: fc.array(fc.record({ id: fc.string(), text: quote, cited: fc.boolean() }), {
          maxLength: 12,
        }),
      }),
      { nil: null },
    ),
  }),
  fc.record({
    type: fc.constant('corpus' as const),
    documents: fc.nat(),
    sentences: fc.nat(),
    statements: fc.nat(),
    speakers: fc.nat(),
    countries: fc.array(
      country.map((c) => ({ ...c, statements: 3, denials: 1 })),
      { maxLength: 250 },
    ),
    skipped,
    loadedAt: fc.constant('2024-01-01T00:00:00.000Z'),
    lastReload: fc.option(reloadReport, { nil: null }),
  }),
  fc.record({ type: fc.constant('reload' as const), report: reloadReport }),
  fc.record({ type: fc.constant('help' as const), commands: fc.array(helpCommand, { maxLength: 30 }) }),
);
