/**
 * Country evidence inside a speaker's own words of description: country
 * names, demonyms and capitals from the `world-countries` package (ODbL, read
 * from the package at run time, never copied), plus a short alias list of
 * institutions and government metonyms of our own.
 *
 * Matching works on the engine's tokens, so "Iran’s Foreign Ministry" and
 * "the U.S. Department" are looked up exactly as they were tokenised.
 */
import { countryInfo, worldCountries } from '../countries.ts';
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

/**
 * Names that denote something else far more often in English news: US states
 * and cities ("Georgia", "New Jersey"), first names ("Chad Wolfe", "Jordan").
 */
const AMBIGUOUS_NAMES = new Set([
  'georgia',
  'georgian',
  'jordan',
  'chad',
  'jersey',
  'guernsey',
  'man',

  'christmas island',
  'victoria',
  'kingston',
  'hamilton',
  'georgetown',
  'san jose',
  'santiago',
  'lima',
  'la paz',
  'washington d.c.',
  'sucre',
  'tunis',
  'algiers',
  'andorra la vella',
]);

/** Our own aliases: institutions and metonyms the dataset does not list. */
const ALIASES: [phrase: string, code: string, kind: 'state' | 'organization' | null][] = [
  ['Kremlin', 'RU', 'organization'],
  ['Duma', 'RU', 'organization'],
  ['White House', 'US', 'organization'],
  ['Pentagon', 'US', 'organization'],
  ['State Department', 'US', 'organization'],
  ['Department of State', 'US', 'organization'],
  ['Homeland Security', 'US', 'organization'],
  ['Capitol Hill', 'US', 'organization'],
  ['Foggy Bottom', 'US', 'organization'],
  ['FBI', 'US', 'organization'],
  ['CIA', 'US', 'organization'],
  ['NSA', 'US', 'organization'],
  ['DHS', 'US', 'organization'],
  ['Justice Department', 'US', 'organization'],
  ['Treasury Department', 'US', 'organization'],
  ['Downing Street', 'GB', 'organization'],
  ['Whitehall', 'GB', 'organization'],
  ['Number 10', 'GB', 'organization'],
  ['No 10', 'GB', 'organization'],
  ['Élysée', 'FR', 'organization'],
  ['Elysée', 'FR', 'organization'],
  ['Elysee', 'FR', 'organization'],
  ["Quai d'Orsay", 'FR', 'organization'],
  ['Zhongnanhai', 'CN', 'organization'],
  ['Blue House', 'KR', 'organization'],
  ['Knesset', 'IL', 'organization'],
  ['Bundestag', 'DE', 'organization'],
  ['Washington', 'US', 'state'],
  ['U.S.', 'US', 'state'],
  ['US', 'US', 'state'],
  ['USA', 'US', 'state'],
  ['U.S.A.', 'US', 'state'],
  ['America', 'US', 'state'],
  ['Britain', 'GB', 'state'],
  ['Great Britain', 'GB', 'state'],
  ['UK', 'GB', 'state'],
  ['U.K.', 'GB', 'state'],
  ['England', 'GB', 'state'],
  ['Scotland', 'GB', 'state'],
  ['Wales', 'GB', 'state'],
  ['Holland', 'NL', 'state'],
  ['Burma', 'MM', 'state'],
  ['Ivory Coast', 'CI', 'state'],
  ['Czech Republic', 'CZ', 'state'],
  ['Persia', 'IR', 'state'],
  ['Turkey', 'TR', 'state'],
  ['Kiev', 'UA', 'state'],
  ['Gaza', 'PS', 'state'],
  ['Swaziland', 'SZ', 'state'],
  ['Cape Verde', 'CV', 'state'],
  ['East Timor', 'TL', 'state'],
  ['Macedonia', 'MK', 'state'],
  ['Islamic Republic', 'IR', 'state'],
  ['UAE', 'AE', 'state'],
  ['DPRK', 'KP', 'state'],
  ['PRC', 'CN', 'state'],
  ['Briton', 'GB', null],
  ['Britons', 'GB', null],
  ['Dutch', 'NL', null],
  ['Saudi', 'SA', null],
  ['Emirati', 'AE', null],
  ['Filipino', 'PH', null],
  ['Scottish', 'GB', null],
  ['Welsh', 'GB', null],
  ['English', 'GB', null],
  ['Soviet', 'RU', null],
];

/** Phrase (lower-case tokens joined by a space) → what it denotes. */
const PHRASES = new Map<string, CountryPhrase>();
let longestPhrase = 1;

function phraseKey(phrase: string): string[] {
  return wordTokens(phrase).map(foldName);
}

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
  longestPhrase = Math.max(longestPhrase, key.length);
}

function build(): void {
  for (const [phrase, code, kind] of ALIASES)
    addPhrase(phrase, { code, evidence: 'alias', speakerKind: kind });
  // Sovereign states first, so "American" is the US and not a territory. Stricter than
  // src/countries.ts (UN members, longer alternative spellings): running text, not a user's pick.
  const ordered = [...worldCountries].sort(
    (a, b) => Number(b.unMember) - Number(a.unMember) || b.area - a.area,
  );
  for (const c of ordered) {
    if (!c.unMember && !['TW', 'PS', 'XK', 'VA', 'HK'].includes(c.cca2)) continue;
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3)];
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

/**
 * The longest country phrase that starts at `tokens[i]` (compared normalised),
 * or null. Capitalisation is required: "us" is a pronoun, "US" a country.
 */
export function countryPhraseAt(tokens: readonly string[], i: number): CountryPhrase | null {
  const first = tokens[i];
  if (!first || !/^\p{Lu}/u.test(first)) return null;
  let found: CountryPhrase | null = null;
  let key = '';
  for (let n = 0; n < longestPhrase && i + n < tokens.length; n++) {
    const t = tokens[i + n]!;
    key = n === 0 ? foldName(t) : `${key} ${foldName(t)}`;
    const hit = PHRASES.get(key);
    if (hit && hit.length === n + 1) found = hit;
  }
  if (found && found.evidence === 'alias' && tokens[i] === 'US' && isShoutedText(tokens, i)) return null;
  return found;
}

/** "US" inside an all-capitals stretch is the pronoun ("TELL US"). */
function isShoutedText(tokens: readonly string[], i: number): boolean {
  const neighbour = tokens[i - 1] ?? tokens[i + 1] ?? '';
  return neighbour.length > 2 && neighbour === neighbour.toUpperCase() && /\p{L}/u.test(neighbour);
}

/** A country name that needs context ("Jordan", "Georgia", "Chad"), when the whole phrase is one. */
export function ambiguousCountry(tokens: readonly string[]): CountryPhrase | null {
  return AMBIGUOUS_PHRASES.get(tokens.map(foldName).join(' ')) ?? null;
}

/** The dataset's common name for a code ("RU" → "Russia"). */
export function countryName(code: string): string {
  return countryInfo(code)?.name ?? code;
}
