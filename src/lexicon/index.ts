/**
 * The lexicon's lookups: every table in ./tables loaded and checked once,
 * then turned into the read-only sets and maps the attribution engine
 * imports. The tables are the data; this module only indexes them.
 */
import { foldName, foldToken } from '../text/fold.ts';
import { frozenMap, frozenRows, frozenSet } from './frozen.ts';
import { formsOf } from './inflect.ts';
import { type Lexicon, loadLexicon } from './load.ts';
import type { CueClass, CueVerbRow, DenialClass, GrammarClass, TitleClass } from './schemas.ts';

export { LexiconError } from './parse.ts';
export type { CueClass } from './schemas.ts';

const lexicon: Lexicon = loadLexicon();

/** The words of rows that have a class ("determiner" → the, a, an, …). */
function withClass<Class extends string>(
  rows: readonly { form: string; classes: readonly Class[] }[],
): (cls: Class) => ReadonlySet<string> {
  return (cls) => frozenSet(rows.filter((r) => r.classes.includes(cls)).map((r) => r.form));
}

/* Grammar --------------------------------------------------------------- */

const grammar: (cls: GrammarClass) => ReadonlySet<string> = withClass(lexicon.grammar);
export const PRONOUNS = grammar('pronoun');
export const FIRST_PERSON = grammar('first-person');
export const OBJECT_PRONOUNS = grammar('object-pronoun');
export const INDEFINITE_SPEAKERS = grammar('indefinite');
export const DETERMINERS = grammar('determiner');
export const DEMONSTRATIVES = grammar('demonstrative');
export const QUANTIFIER_STARTS = grammar('quantifier');
export const PREPOSITIONS = grammar('preposition');
export const CONJUNCTIONS = grammar('conjunction');
export const CLAUSE_CONJUNCTIONS = grammar('clause-conjunction');
export const RELATIVES = grammar('relative');
export const COMPLEMENTIZERS = grammar('complementizer');
export const AUXILIARIES = grammar('auxiliary');
export const BE_FORMS = grammar('be');
export const NEGATIONS = grammar('negation');
export const AUX_OR_CLAUSE = grammar('clause-word');
export const ADVERBS = grammar('adverb');
export const BEFORE_VERB = grammar('before-verb');
export const SENTENCE_ADVERBS = grammar('sentence-adverb');
export const SENTENCE_OPENING_WORDS = grammar('opening-word');
export const SENTENCE_STARTERS = grammar('sentence-starter');
export const NON_NAME_OPENERS = grammar('not-a-name');
export const WEEKDAYS = grammar('weekday');
export const MONTHS = grammar('month');
export const TIME_WORDS = grammar('time');
export const SETTING_WORDS = grammar('setting');
export const COMMON_VERBS = grammar('common-verb');
export const NAME_CONNECTORS = grammar('name-connector');
export const NAME_INNER = grammar('name-inner');
export const NAME_GLUE = grammar('name-glue');
export const MINOR_TITLE_WORDS = grammar('title-minor');
export const CONTRACTIONS = grammar('contraction');
export const SHARE_WORDS = grammar('share');
export const APPROXIMATORS = grammar('approximator');
export const POST_MODIFIERS = grammar('post-modifier');

/* Abbreviations ----------------------------------------------------------- */

export const HONORIFIC_ABBREVIATIONS = frozenSet(
  lexicon.abbreviations.filter((r) => r.class === 'never-ends-sentence').map((r) => r.form),
);
export const OTHER_ABBREVIATIONS = frozenSet(
  lexicon.abbreviations.filter((r) => r.class === 'may-end-sentence').map((r) => r.form),
);

/* Titles, honorifics, organisation words ---------------------------------- */

const titles: (cls: TitleClass) => ReadonlySet<string> = withClass(lexicon.titles);
export const HONORIFICS = titles('honorific');
export const TITLE_WORDS = titles('title');
/** Corpus-wide identities (src/identity): titles before names, officials, international bodies. */
export const NAME_TITLES = titles('name-title');
export const OFFICIAL_WORDS = titles('official');
export const INTERNATIONAL_WORDS = titles('international');
export const MALE_WORDS = titles('male');
export const FEMALE_WORDS = titles('female');
export const ORG_WORDS = titles('org');
export const ORG_DESCRIPTORS = titles('org-descriptor');
export const GENERIC_ORG_HEADS = titles('generic-org');
export const CORPORATE_SUFFIXES = titles('corporate-suffix');
export const SPEAKER_NOUNS = titles('speaker');
export const PLURAL_PERSON_HEADS = titles('people');
export const TITLE_MODIFIERS = titles('modifier');

/* Given names --------------------------------------------------------------- */

export const MALE_GIVEN_NAMES = frozenSet(lexicon.names.filter((r) => r.gender === 'm').map((r) => r.name));
export const FEMALE_GIVEN_NAMES = frozenSet(lexicon.names.filter((r) => r.gender === 'f').map((r) => r.name));

/* Denial wording ----------------------------------------------------------- */

const denial: (cls: DenialClass) => ReadonlySet<string> = withClass(lexicon.denial);
export const STRONG_DENIAL = denial('strong');
export const WEAK_DENIAL = denial('weak');
export const FALSEHOOD = denial('falsehood');
export const CONDUCT = denial('conduct');
export const CLAIM_NOUNS = denial('claim');
export const STRONG_CLAIMS = denial('strong-claim');
export const ACCUSATIONS = denial('accusation');
export const CRITICISM = denial('criticism');
export const REFUSAL_OBJECTS = denial('refusal-object');
export const INTENTIONS = denial('intention');
export const DENY_FORMS = denial('deny-form');
export const NEGATORS = denial('negator');
export const PAST_NEGATIONS = denial('past-negation');
export const FOCUS = denial('focus');
export const SPEECH_WORDS = denial('speech');
export const CLAIM_VERBS = denial('claim-verb');
export const POSSESSIVES = denial('possessive');
export const COPULAS = denial('copula');
export const DEMONSTRATIVE_SUBJECTS = denial('demonstrative-subject');
export const TRAITS = denial('trait');
export const SCANDALS = denial('scandal');
export const MISREPRESENTATION = denial('misrepresentation');
export const IGNORANCE = denial('ignorance');
export const INNOCENCE = denial('innocence');
export const REBUTTAL_CUES = denial('rebuttal-cue');
export const REPROACH = denial('reproach');
export const PROPOSALS = denial('proposal');
export const NEEDS_THAT = denial('needs-that');
export const CLAIMING_VERBS = denial('claiming-verb');
export const CLAIM_MAKERS = denial('claim-maker');
export const NOT_A_FACT = denial('not-a-fact');
export const LIES = denial('lie');
export const CONDEMNATION = denial('condemnation');
export const SPECULATION_KINDS = denial('speculation-kind');
export const PAST_STATE = denial('past-state');
export const HEARSAY = denial('hearsay');
export const ADVICE = denial('advice');
export const COMMITMENT_CUES = denial('commitment-cue');
export const MOTIVES = denial('motive');
export const HEDGES = denial('hedge');
export const EQUATING = denial('equating');

/* Cues ------------------------------------------------------------------- */

export interface CueForm {
  lemma: string;
  cls: CueClass;
  /** The form is a present participle ("saying"), which takes its subject from the main clause. */
  participle: boolean;
  /** The verb takes a person as indirect object before its content ("told reporters that"). */
  takesRecipient: boolean;
  /** The verb may introduce a bare clause without "that" ("said China has never…"). */
  bareClause: boolean;
  /** The form is more often a noun or adjective ("report", "state"): it needs stronger evidence. */
  noisy: boolean;
}

/** Flags of single forms ("told" takes a recipient, "reports" is noisy). */
const formFlags = new Map(lexicon.cueForms.map((r) => [r.form, new Set(r.flags)]));

function cueForm(verb: CueVerbRow, form: string): CueForm {
  const flags = formFlags.get(form);
  const noisy = flags?.has('noisy') === true;
  return {
    lemma: verb.lemma,
    cls: verb.class,
    participle: form.endsWith('ing') && form !== verb.lemma,
    takesRecipient: flags?.has('takes-recipient') === true,
    bareClause: verb.flags.includes('bare-clause') && !noisy,
    noisy,
  };
}

/** Every form of every cue verb ("said", "denies", "labelled") → what it is. */
export const CUES: ReadonlyMap<string, Readonly<CueForm>> = frozenMap(
  lexicon.cueVerbs.flatMap((verb) => formsOf(verb).map((form) => [form, cueForm(verb, form)] as const)),
);

function lemmasWith(flag: CueVerbRow['flags'][number]): ReadonlySet<string> {
  return frozenSet(lexicon.cueVerbs.filter((r) => r.flags.includes(flag)).map((r) => r.lemma));
}
/** Verbs whose plain object is what they report ("dismissed the claim", "called it a hoax"). */
export const OBJECT_LEMMAS = lemmasWith('takes-object');
/** Denial verbs aimed at a claim ("rejected the allegations"). */
export const DISMISSAL_LEMMAS = lemmasWith('dismissal');
/** Verbs that make a claim others may deny ("alleged", "accused"): what a denial answers. */
export const ACCUSING_LEMMAS = lemmasWith('accusing');
/** Verbs that report a commitment or request as "to" and a verb ("vowed to repeal", "pledged to work"). */
export const INFINITIVE_LEMMAS = lemmasWith('takes-infinitive');

const cueWords = withClass(lexicon.cueWords);
export const LIGHT_VERBS = cueWords('light-verb');
export const STATEMENT_NOUNS = cueWords('statement');
export const AUDIENCE_WORDS = cueWords('audience');
/** "played down", "shrugged off", "brushed aside": a verb and a particle that together dismiss. */
export const DISMISSAL_VERBS = cueWords('dismissal-verb');
export const DISMISSAL_PARTICLES = cueWords('dismissal-particle');
/** "Syria's denials that …": nouns naming a denial. */
export const DENIAL_NOUNS = cueWords('denial-noun');
/** "was forced to deny": words that hand the subject to a cue after "to". */
export const CONTROL_WORDS = cueWords('control');

/* Places and institutions ---------------------------------------------------- */

/** Words of place names, folded ("vermont", "york"). */
export const PLACE_NAMES = frozenSet(
  lexicon.places.filter((r) => r.classes.includes('place')).map((r) => foldToken(r.name)),
);

/** Last words of a building's or street's name, folded ("tower", "street"): such a name is a place. */
export const BUILDING_WORDS = frozenSet(
  lexicon.places.filter((r) => r.classes.includes('building')).map((r) => foldToken(r.name)),
);

/** Country and city names that usually mean something else ("Georgia", "Jordan"), as written. */
export const AMBIGUOUS_COUNTRY_NAMES: readonly string[] = Object.freeze(
  lexicon.places.filter((r) => r.classes.includes('ambiguous')).map((r) => r.name),
);

/**
 * Names that hold a country's or an institution's name yet say nothing of a
 * country ("Labour Minister", "Social Democrats"), as written: case matters.
 */
export const NO_COUNTRY_NAMES: readonly string[] = Object.freeze(
  lexicon.places.filter((r) => r.classes.includes('no-country')).map((r) => r.name),
);

export interface CountryAlias {
  name: string;
  country: string;
  /** What the name denotes when it speaks: a state ("Britain"), an organisation ("Kremlin"), or nothing (a demonym). */
  speaks: 'state' | 'organization' | null;
}

/** Institutions, other country names and demonyms, each with its country: the matcher's own phrases. */
export const COUNTRY_ALIASES: readonly Readonly<CountryAlias>[] = frozenRows([
  ...lexicon.institutions.map((r) => ({ name: r.name, country: r.country, speaks: 'organization' as const })),
  ...lexicon.places.flatMap((r) =>
    r.country === undefined || r.classes.includes('ambiguous')
      ? []
      : [
          {
            name: r.name,
            country: r.country,
            speaks: r.classes.includes('country') ? ('state' as const) : null,
          },
        ],
  ),
]);

/**
 * Institutions' one names, by any of their names folded (foldName, without a
 * leading "the"): "tories" → "Conservative Party". Speakers named either way are one speaker.
 */
export const INSTITUTION_NAMES: ReadonlyMap<string, Readonly<{ name: string }>> = frozenMap(
  lexicon.institutions.flatMap((r) =>
    r.canonical ? [[foldName(r.name), { name: r.canonical }] as const] : [],
  ),
);
