/**
 * Country evidence inside a speaker's own words of description: country
 * names, demonyms and capitals from the `world-countries` package (ODbL, read
 * from the package at run time, never copied), plus the lexicon's own
 * institutions, metonyms, other country names and demonyms
 * (src/lexicon/tables/institutions.ts and places.ts).
 *
 * Matching works on the engine's tokens, so "Iran’s Foreign Ministry" and
 * "the U.S. Department" are looked up exactly as they were tokenised.
 */
import { countryInfo, worldCountries } from '../countries.ts';
import { AMBIGUOUS_COUNTRY_NAMES, COUNTRY_ALIASES, NO_COUNTRY_NAMES } from '../lexicon/index.ts';
import { foldName } from '../text/fold.ts';
import { wordTokens } from './tokens.ts';

export { countryDemonym } from '../countries.ts';

export type CountryEvidence = 'name' | 'demonym' | 'capital' | 'alias';

export interface CountryPhrase {
  code: string;
  evidence: CountryEvidence;
  /** For aliases: what the phrase names when it speaks ("Kremlin" is an organisation). */
  speakerKind: 'state' | 'organization' | null;
  /** Number of tokens the phrase spans. */
  length: number;
}

/** Alternative spellings this short are codes ("RU", "RUS"), not names running text uses. */
const MAX_CODE_LENGTH = 3;
/** "TELL US": a neighbour of this many capitals or more shows shouted text. */
const SHOUTED_WORD_LENGTH = 3;

/** Phrase (lower-case tokens joined by a space) → what it denotes. */
const PHRASES = new Map<string, CountryPhrase>();
/** Every proper start of a phrase ("united", "united arab"): a lookup stops once its words start none. */
const PREFIXES = new Set<string>();
let longestPhrase = 1;

function phraseKey(phrase: string): string[] {
  return wordTokens(phrase).map(foldName);
}

/**
 * Names that denote something else far more often in English news (the
 * lexicon's ambiguous places: "Georgia", "Jordan", "Chad"), as phrase keys.
 */
const AMBIGUOUS_NAMES = new Set(AMBIGUOUS_COUNTRY_NAMES.map((name) => phraseKey(name).join(' ')));

/** Ambiguous names that are countries only in a list of countries ("Egypt, Jordan and Morocco"). */
const AMBIGUOUS_PHRASES = new Map<string, CountryPhrase>();

function addPhrase(phrase: string, entry: Omit<CountryPhrase, 'length'>): void {
  const key = phraseKey(phrase);
  if (key.length === 0) return;
  const joined = key.join(' ');
  if (AMBIGUOUS_NAMES.has(joined)) {
    if (entry.evidence === 'name' && !AMBIGUOUS_PHRASES.has(joined)) {
      AMBIGUOUS_PHRASES.set(joined, { ...entry, length: key.length });
    }
    return;
  }
  if (PHRASES.has(joined)) return;
  PHRASES.set(joined, { ...entry, length: key.length });
  for (let n = 1; n < key.length; n++) PREFIXES.add(key.slice(0, n).join(' '));
  longestPhrase = Math.max(longestPhrase, key.length);
}

function build(): void {
  for (const alias of COUNTRY_ALIASES)
    addPhrase(alias.name, { code: alias.country, evidence: 'alias', speakerKind: alias.speaks });
  // Sovereign states first, so "American" is the US and not a territory. Stricter than
  // src/countries.ts (UN members, longer alternative spellings): running text, not a user's pick.
  const ordered = [...worldCountries].sort(
    (a, b) => Number(b.unMember) - Number(a.unMember) || b.area - a.area,
  );
  for (const c of ordered) {
    if (!c.unMember && !['TW', 'PS', 'XK', 'VA', 'HK'].includes(c.cca2)) continue;
    const names = [
      c.name.common,
      c.name.official,
      ...c.altSpellings.filter((s) => s.length > MAX_CODE_LENGTH),
    ];
    for (const n of names) addPhrase(n, { code: c.cca2, evidence: 'name', speakerKind: 'state' });
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (d) addPhrase(d, { code: c.cca2, evidence: 'demonym', speakerKind: null });
    }
    for (const capital of c.capital ?? []) {
      addPhrase(capital, { code: c.cca2, evidence: 'capital', speakerKind: 'state' });
    }
  }
}
build();

/** Names with no country (tokens as written, joined by a space), and every word in them. */
const NO_COUNTRY = new Set(NO_COUNTRY_NAMES.map((name) => wordTokens(name).join(' ')));
const NO_COUNTRY_WORDS = new Set(NO_COUNTRY_NAMES.flatMap((name) => wordTokens(name)));
const longestNoCountry = Math.max(0, ...NO_COUNTRY_NAMES.map((name) => wordTokens(name).length));

/** `tokens[i]` is inside a name that says nothing of a country ("Labour" in "Labour Minister"). */
function insideNoCountryName(tokens: readonly string[], i: number): boolean {
  if (!NO_COUNTRY_WORDS.has(tokens[i]!)) return false;
  for (let start = Math.max(0, i - longestNoCountry + 1); start <= i; start++) {
    let key = '';
    for (let n = 0; n < longestNoCountry && start + n < tokens.length; n++) {
      key = n === 0 ? tokens[start]! : `${key} ${tokens[start + n]!}`;
      if (start + n >= i && NO_COUNTRY.has(key)) return true;
    }
  }
  return false;
}

/**
 * The longest country phrase that starts at `tokens[i]` (compared normalised),
 * or null. Capitalisation is required: "us" is a pronoun, "US" a country. A
 * token inside a name with no country ("Labour Minister") starts none.
 */
export function countryPhraseAt(tokens: readonly string[], i: number): CountryPhrase | null {
  const first = tokens[i];
  if (!first || !/^\p{Lu}/u.test(first)) return null;
  if (insideNoCountryName(tokens, i)) return null;
  let found: CountryPhrase | null = null;
  let key = '';
  for (let n = 0; n < longestPhrase && i + n < tokens.length; n++) {
    const t = tokens[i + n]!;
    key = n === 0 ? foldName(t) : `${key} ${foldName(t)}`;
    const hit = PHRASES.get(key);
    if (hit && hit.length === n + 1) found = hit;
    if (!PREFIXES.has(key)) break;
  }
  if (found && found.evidence === 'alias' && tokens[i] === 'US' && isShoutedText(tokens, i)) return null;
  return found;
}

/** The first country the words name (as tokens), or null. */
export function firstCountry(tokens: readonly string[]): string | null {
  for (let i = 0; i < tokens.length; i++) {
    const hit = countryPhraseAt(tokens, i);
    if (hit) return hit.code;
  }
  return null;
}

/** "US" inside an all-capitals stretch is the pronoun ("TELL US"). */
function isShoutedText(tokens: readonly string[], i: number): boolean {
  const neighbour = tokens[i - 1] ?? tokens[i + 1] ?? '';
  return (
    neighbour.length >= SHOUTED_WORD_LENGTH &&
    neighbour === neighbour.toUpperCase() &&
    /\p{L}/u.test(neighbour)
  );
}

/** A country name that needs context ("Jordan", "Georgia", "Chad"), when the whole phrase is one. */
export function ambiguousCountry(tokens: readonly string[]): CountryPhrase | null {
  return AMBIGUOUS_PHRASES.get(tokens.map(foldName).join(' ')) ?? null;
}

/** The dataset's common name for a code ("RU" → "Russia"). */
export function countryName(code: string): string {
  return countryInfo(code)?.name ?? code;
}
