/**
 * What a name phrase says on its own: whether it names a person, an
 * organisation or a state, its canonical form ("Iran’s Foreign Ministry" →
 * "Iranian Foreign Ministry", "Microsoft Corp" → "Microsoft", "Mr. Smith" →
 * "Smith"), and the gender its title, honorific or given name suggests.
 */
import {
  CORPORATE_SUFFIXES,
  FEMALE_GIVEN_NAMES,
  FEMALE_WORDS,
  HONORIFICS,
  MALE_GIVEN_NAMES,
  MALE_WORDS,
  NAME_GLUE,
  ORG_DESCRIPTORS,
  ORG_WORDS,
  PLACE_NAMES,
  SENTENCE_ADVERBS,
  TITLE_WORDS,
} from '../lexicon/index.ts';
import { foldToken } from '../text/fold.ts';
import { ambiguousCountry, countryDemonym, countryPhraseAt } from './countries.ts';
import type { Entity, EntityKind, Gender } from './entity.ts';
import type { NounPhrase } from './phrases.ts';
import type { Token } from './tokens.ts';

/** Shouted names shorter than this are acronyms ("BBC"), kept as written. */
const MIN_SHOUTED_NAME = 4;

/** A token as the word lists and name keys compare it ("Corp." → "corp", "Élysée" → "elysee"). */
export function tokenKey(t: Token): string {
  return foldToken(t.text);
}

/** The text of tokens as written, single-spaced ("Chinese Foreign Minister"). */
export function tokensText(tokens: readonly Token[]): string {
  let out = '';
  let prevEnd = -1;
  for (const t of tokens) {
    const glue = prevEnd === t.start || t.lower === "'s" || t.lower === "'" ? '' : ' ';
    out += out ? glue + t.text : t.text;
    prevEnd = t.end;
  }
  return out;
}

/** "Wolf" and "Wolfe": one insertion, deletion or substitution apart at most. */
export function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export function genderOf(phrase: NounPhrase): Gender {
  const keys = [phrase.honorific ?? '', ...phrase.title.map(tokenKey), ...phrase.appositive.map(tokenKey)];
  if (keys.some((k) => FEMALE_WORDS.has(k))) return 'f';
  if (keys.some((k) => MALE_WORDS.has(k))) return 'm';
  // A common given name, when the name has a surname after it.
  const given = phrase.name.length > 1 ? tokenKey(phrase.name[0]!) : '';
  if (FEMALE_GIVEN_NAMES.has(given) && !MALE_GIVEN_NAMES.has(given)) return 'f';
  if (MALE_GIVEN_NAMES.has(given) && !FEMALE_GIVEN_NAMES.has(given)) return 'm';
  return null;
}

/** The phrase names an institution rather than a person ("Iran’s Foreign Ministry", "Microsoft Corp"). */
export function isInstitutionName(phrase: NounPhrase): boolean {
  const all = phrase.kind === 'name' ? phrase.name : phrase.title;
  const last = all[all.length - 1];
  if (!last?.cap) return false;
  if (ORG_WORDS.has(tokenKey(last)) || CORPORATE_SUFFIXES.has(tokenKey(last))) return true;
  // "Higher Education Funding Council for England", "Department of Health".
  const glue = all.findIndex((t, i) => i > 0 && (t.lower === 'for' || t.lower === 'of'));
  return (
    glue > 0 &&
    all[glue - 1]!.cap &&
    ORG_WORDS.has(tokenKey(all[glue - 1]!)) &&
    all.every((t, i) => t.cap || i === glue || t.lower === 'and')
  );
}

/** A name phrase's kind, from the phrase alone. */
export function kindOfName(phrase: NounPhrase): EntityKind {
  const texts = phrase.name.map((t) => t.text);
  const whole = countryPhraseAt(texts, 0) ?? (phrase.amongCountries ? ambiguousCountry(texts) : null);
  if (whole && whole.length === texts.length && whole.speakerKind) return whole.speakerKind;
  if (phrase.name.some((t) => ORG_WORDS.has(tokenKey(t)) && t.cap)) return 'organization';
  // A place ("Vermont", "New Hampshire") speaks only as an institution.
  if (phrase.name.every((t) => PLACE_NAMES.has(tokenKey(t)) || t.lower === 'new')) return 'organization';
  if (phrase.name.length === 1 && /^[\p{Lu}&]{2,}$/u.test(phrase.name[0]!.text)) return 'organization';
  const descriptors = [...phrase.title, ...phrase.appositive].map(tokenKey);
  const personTitle = descriptors.some((k) => TITLE_WORDS.has(k) && !ORG_WORDS.has(k));
  if (!personTitle && descriptors.some((k) => ORG_DESCRIPTORS.has(k))) return 'organization';
  return 'person';
}

/** "Iran’s Foreign Ministry" → "Iranian Foreign Ministry"; "Microsoft Corp" → "Microsoft". */
export function institutionName(tokens: readonly Token[]): string {
  let body = [...tokens];
  // "owner Menatep Group": a lower-case description before the name is not part of it.
  const firstCap = body.findIndex((t) => t.cap);
  if (firstCap > 0 && body.slice(firstCap).every((t) => t.cap || NAME_GLUE.has(t.lower))) {
    body = body.slice(firstCap);
  }
  while (body.length > 1 && CORPORATE_SUFFIXES.has(tokenKey(body[body.length - 1]!))) body.pop();
  const texts = body.map((t) => t.text);
  const hit = countryPhraseAt(texts, 0);
  // Only a country itself: "Treasury's Barker Review" is not a "British Barker Review".
  const country = hit?.speakerKind === 'state';
  if (hit && country && body[hit.length]?.lower === "'s" && body.length > hit.length + 1) {
    const demonym = countryDemonym(hit.code);
    if (demonym && body.slice(hit.length + 1).every((t) => t.cap)) {
      return `${demonym} ${tokensText(body.slice(hit.length + 1))}`;
    }
  }
  return tokensText(body);
}

/** "Mr. John Smith Jr" without honorifics; a trailing corporate suffix dropped. */
export function personName(phrase: NounPhrase): string {
  let name = phrase.name;
  while (name.length > 1 && CORPORATE_SUFFIXES.has(tokenKey(name[name.length - 1]!)))
    name = name.slice(0, -1);
  return tokensText(name.filter((t) => !HONORIFICS.has(tokenKey(t))));
}

/** "HUFFPOLLSTER" in a headline, "HuffPollster" in the text: keep the form that is not shouted. */
export function preferReadableName(e: Entity, phrase: NounPhrase): void {
  if (e.name.length < MIN_SHOUTED_NAME || e.name !== e.name.toUpperCase() || phrase.kind !== 'name') return;
  const written = tokensText(phrase.name);
  if (written.toLowerCase() === e.name.toLowerCase() && written !== written.toUpperCase()) e.name = written;
}

/** An appositive like "a Democratic pollster and consultant" without its determiner. */
export function trimAppositive(tokens: readonly Token[]): Token[] {
  let t = [...tokens];
  const opener = (w: string) =>
    ['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(w) || SENTENCE_ADVERBS.has(w);
  while (t.length > 0 && opener(t[0]!.lower)) t = t.slice(1);
  while (t.length > 0 && t[t.length - 1]!.type === 'punct') t.pop();
  return t;
}
