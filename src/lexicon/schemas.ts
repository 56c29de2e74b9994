/**
 * What a row of each lexicon table may hold: one zod schema per table, its
 * columns, and the classes and flags a cell may name. The row types are
 * inferred from the schemas; nothing else declares them.
 */
import { z } from 'zod';
import { countryInfo } from '../countries.ts';
import type { TableShape } from './parse.ts';

/** A word or word form as the engine's tokens are looked up: lower case, no spaces ("spokesman", "'s", "sen."). */
const Word = z
  .string()
  .regex(/^\S+$/, 'one word, without spaces')
  .refine((w) => w === w.toLowerCase(), 'words are written in lower case');

/** A name as running text writes it, possibly several words ("White House", "Quai d'Orsay"). */
const Phrase = z.string().regex(/^\S+(?: \S+)*$/, 'words separated by single spaces');

/** An ISO 3166-1 alpha-2 code that the world-countries data knows ("RU", "GB"). */
export const CountryCode = z
  .string()
  .refine(
    (code) => /^[A-Z]{2}$/.test(code) && countryInfo(code) !== null,
    'not a country code: two capital letters that world-countries knows (ISO 3166-1 alpha-2, e.g. GB)',
  );

/** A cell that lists values separated by single spaces ("title male modifier"). */
function listOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((cell) => cell.split(' '))
    .pipe(
      z.array(z.enum(values)).refine((list) => new Set(list).size === list.length, 'a value is listed twice'),
    );
}

/** Grammar: function words and other small closed classes the rules test words against. */
export const GRAMMAR_CLASSES = [
  'pronoun',
  'first-person',
  'object-pronoun',
  'indefinite',
  'determiner',
  'demonstrative',
  'quantifier',
  'preposition',
  'conjunction',
  'clause-conjunction',
  'relative',
  'complementizer',
  'auxiliary',
  'be',
  'negation',
  'clause-word',
  'adverb',
  'before-verb',
  'sentence-adverb',
  'opening-word',
  'sentence-starter',
  'not-a-name',
  'weekday',
  'month',
  'time',
  'setting',
  'common-verb',
  'name-connector',
  'name-inner',
  'name-glue',
  'title-minor',
  'contraction',
  'share',
  'approximator',
  'post-modifier',
] as const;
export const GrammarRow = z.object({ form: Word, classes: listOf(GRAMMAR_CLASSES) });
export type GrammarRow = z.infer<typeof GrammarRow>;
export type GrammarClass = (typeof GRAMMAR_CLASSES)[number];

/** Abbreviations that keep their period ("Mr.", "Corp."), and whether one may end a sentence. */
export const ABBREVIATION_CLASSES = ['never-ends-sentence', 'may-end-sentence'] as const;
export const AbbreviationRow = z.object({ form: Word, class: z.enum(ABBREVIATION_CLASSES) });
export type AbbreviationRow = z.infer<typeof AbbreviationRow>;

/** Words that describe who speaks: titles, honorifics, gendered words, organisation words. */
export const TITLE_CLASSES = [
  'honorific',
  'title',
  'male',
  'female',
  'org',
  'org-descriptor',
  'generic-org',
  'corporate-suffix',
  'speaker',
  'people',
  'modifier',
  'name-title',
  'official',
  'international',
] as const;
export const TitleRow = z.object({ form: Word, classes: listOf(TITLE_CLASSES) });
export type TitleRow = z.infer<typeof TitleRow>;
export type TitleClass = (typeof TITLE_CLASSES)[number];

/** Given names and the gender they suggest. */
export const NameRow = z.object({ name: Word, gender: z.enum(['m', 'f']) });
export type NameRow = z.infer<typeof NameRow>;

/** Denial wording. */
export const DENIAL_CLASSES = [
  'strong',
  'weak',
  'falsehood',
  'conduct',
  'claim',
  'strong-claim',
  'accusation',
  'criticism',
  'refusal-object',
  'intention',
  'deny-form',
  'negator',
  'past-negation',
  'focus',
  'speech',
  'claim-verb',
  'possessive',
  'copula',
  'demonstrative-subject',
  'trait',
  'scandal',
  'misrepresentation',
  'ignorance',
  'innocence',
  'rebuttal-cue',
  'reproach',
  'proposal',
  'needs-that',
  'claiming-verb',
  'claim-maker',
  'not-a-fact',
  'lie',
  'condemnation',
  'speculation-kind',
  'past-state',
  'hearsay',
  'advice',
  'commitment-cue',
  'motive',
  'hedge',
  'equating',
] as const;
export const DenialRow = z.object({ form: Word, classes: listOf(DENIAL_CLASSES) });
export type DenialRow = z.infer<typeof DenialRow>;
export type DenialClass = (typeof DENIAL_CLASSES)[number];

/** Verbs that attribute words to a speaker. */
export const CUE_CLASSES = ['speech', 'denial', 'naming'] as const;
export const CUE_VERB_FLAGS = [
  'bare-clause',
  'takes-object',
  'dismissal',
  'accusing',
  'takes-infinitive',
] as const;
export const CueVerbRow = z.object({
  lemma: Word,
  class: z.enum(CUE_CLASSES),
  flags: listOf(CUE_VERB_FLAGS).default([]),
  /** Every form of the verb, when they are not the regular lemma, -s, -ed and -ing. */
  forms: z
    .string()
    .transform((cell) => cell.split(' '))
    .pipe(z.array(Word))
    .optional(),
});
export type CueVerbRow = z.infer<typeof CueVerbRow>;
export type CueClass = (typeof CUE_CLASSES)[number];

/** Single forms of cue verbs that behave differently from the rest of the verb. */
export const CUE_FORM_FLAGS = ['noisy', 'takes-recipient'] as const;
export const CueFormRow = z.object({ form: Word, flags: listOf(CUE_FORM_FLAGS) });
export type CueFormRow = z.infer<typeof CueFormRow>;

/** Other words of an attribution: "made a statement that", "told reporters". */
export const CUE_WORD_CLASSES = [
  'light-verb',
  'statement',
  'audience',
  'dismissal-verb',
  'dismissal-particle',
  'denial-noun',
  'control',
] as const;
export const CueWordRow = z.object({ form: Word, classes: listOf(CUE_WORD_CLASSES) });
export type CueWordRow = z.infer<typeof CueWordRow>;

/** Places: other names of countries, demonyms, place words, and names that mislead. */
export const PLACE_CLASSES = ['country', 'demonym', 'place', 'building', 'ambiguous', 'no-country'] as const;
const NEEDS_COUNTRY: readonly string[] = ['country', 'demonym'];
export const PlaceRow = z
  .object({ name: Phrase, classes: listOf(PLACE_CLASSES), country: CountryCode.optional() })
  .refine(
    (row) => row.classes.some((c) => NEEDS_COUNTRY.includes(c)) === (row.country !== undefined),
    'a country or demonym row names its country; other rows leave the country out',
  );
export type PlaceRow = z.infer<typeof PlaceRow>;

/** Offices, institutions, metonyms and parties, each with its country. */
export const INSTITUTION_CLASSES = [
  'office',
  'ministry',
  'agency',
  'parliament',
  'party',
  'court',
  'union',
] as const;
export const InstitutionRow = z.object({
  name: Phrase,
  class: z.enum(INSTITUTION_CLASSES),
  country: CountryCode,
  /** The body's one name, when this row is another name for it ("Tories" → "Conservative Party"). */
  canonical: Phrase.optional(),
});
export type InstitutionRow = z.infer<typeof InstitutionRow>;

/** Every table: its columns, in order, and its row schema. */
export const SHAPES = {
  grammar: { columns: ['form', 'classes'], row: GrammarRow },
  abbreviations: { columns: ['form', 'class'], row: AbbreviationRow },
  titles: { columns: ['form', 'classes'], row: TitleRow },
  names: { columns: ['name', 'gender'], row: NameRow },
  denial: { columns: ['form', 'classes'], row: DenialRow },
  cueVerbs: { columns: ['lemma', 'class', 'flags', 'forms'], row: CueVerbRow },
  cueForms: { columns: ['form', 'flags'], row: CueFormRow },
  cueWords: { columns: ['form', 'classes'], row: CueWordRow },
  places: { columns: ['name', 'classes', 'country'], row: PlaceRow },
  institutions: { columns: ['name', 'class', 'country', 'canonical'], row: InstitutionRow },
} satisfies Record<string, TableShape<unknown>>;

export type TableName = keyof typeof SHAPES;
