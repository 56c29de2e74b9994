/**
 * Speakers across the corpus: each statement's canonical speaker (see
 * names.ts) and the speaker's country with the evidence that gave it.
 *
 * Country evidence, strongest first; a statement takes the first that gives one:
 * - `stated`: the sentence's own words for the speaker name a country ("U.S.
 *   President Donald Trump", "the Kremlin", "Tory leader Michael Howard");
 * - `document`: the same person is given a country elsewhere in the article;
 * - `corpus`: the same person is given one in other articles (most often given
 *   wins), so every Trump statement is American once he is "U.S. President
 *   Donald Trump" anywhere;
 * - `dateline`: the article's dateline ("MOSCOW (Reuters) -") names the country,
 *   for officials only (a minister, a spokesman, a party, "the government");
 * - `article`: the country the article is about, when it names one country
 *   clearly more than any other and that is not the home country ("Japan's
 *   economy … said economy minister Heizo Takenaka" in a British corpus), for
 *   officials only;
 * - `home`: the article's `country:` front matter, else the corpus's home
 *   country (CORPUS_COUNTRY), last: for officials, and for any named speaker
 *   of an article clearly about the home country (a domestic news corpus
 *   rarely says "British" of its own prime minister, or of a British charity).
 *
 * A country from dateline or home also reaches the person's other statements
 * (as `corpus`) when nothing stronger gives that person one, so "Mr Brown"
 * without a title in one article is British because "Chancellor Gordon Brown"
 * is in another.
 */
import type { CountryCode, CountryEvidence, ExtractedStatement } from '../model.ts';
import { countryMentionedIn } from './countries.ts';
import { mostFrequent } from './majority.ts';
import { canonicalNames, keyOfUse, type NameUse, nameKey } from './names.ts';
import { isInternational, isOfficial } from './titles.ts';

export interface IdentityStatement {
  docId: string;
  speaker: ExtractedStatement['speaker'];
}

export interface DocumentPlace {
  /** The article's own `country:` front matter. */
  country?: CountryCode | undefined;
  /** The country its dateline names. */
  dateline?: CountryCode | undefined;
  /** The country the article names clearly most often, if any (see `mainCountry`). */
  main?: CountryCode | undefined;
}

export interface IdentityOptions {
  /** The corpus's home country, for officials nothing else gives one. */
  homeCountry?: CountryCode | null | undefined;
}

export interface Identity {
  /** Canonical display name. */
  name: string;
  country: CountryCode | null;
  countryEvidence: CountryEvidence | null;
}

/** One identity per statement, in the same order. Linear in the statements. */
export function resolveIdentities(
  statements: readonly IdentityStatement[],
  places: (docId: string) => DocumentPlace | undefined,
  options: IdentityOptions = {},
): Identity[] {
  // Tens of thousands of statements, a few thousand ways of naming a speaker: work per way.
  const { uses, useOf } = distinctUses(statements);
  const canonical = canonicalNames(uses);
  const useNames = uses.map((u) => canonical.get(keyOfUse(u)) ?? u.name);
  const useKeys = uses.map((u, k) => `${u.kind}:${nameKey(useNames[k]!)}`);
  const placeable = uses.map((u) => isOfficial(u.name, u.title) && !isInternational(u.name));
  const stated = new Map<string, CountryCode | null>();
  const own = statements.map((s) => ownCountry(s, stated));
  const keys = statements.map((_, i) => useKeys[useOf[i]!]!);
  const home = options.homeCountry ?? null;
  const domesticSpeaker = uses.map((u) => isNamed(u.name) && !isInternational(u.name));
  // Where each article stands is the same for all its statements: worked out once per article.
  const officialsPlace = new Map<string, Evidence | null>();
  const namedPlace = new Map<string, Evidence | null>();
  const placeOf = (memo: Map<string, Evidence | null>, docId: string, find: typeof placeCountry) => {
    let evidence = memo.get(docId);
    if (evidence === undefined) {
      evidence = find(places(docId), home);
      memo.set(docId, evidence);
    }
    return evidence;
  };
  const placed = statements.map((s, i): Evidence | null => {
    if (own[i]) return null;
    if (placeable[useOf[i]!]) return placeOf(officialsPlace, s.docId, placeCountry);
    // In an article about the home country, a named speaker the text places nowhere else is of it.
    return domesticSpeaker[useOf[i]!] ? placeOf(namedPlace, s.docId, homeOfDomesticArticle) : null;
  });
  const byPerson = majorityCountries(
    keys,
    own.map((o) => o?.country ?? null),
  );
  const byPersonPlaced = majorityCountries(
    keys,
    placed.map((p) => p?.country ?? null),
  );
  const leaders = surnameCountries(byPerson);
  return statements.map((_, i) => {
    const name = useNames[useOf[i]!]!;
    const o = own[i];
    if (o) return { name, country: o.country, countryEvidence: o.countryEvidence };
    const corpus = byPerson.get(keys[i]!);
    if (corpus) return { name, country: corpus, countryEvidence: 'corpus' };
    // A named person placed in several articles is where most of them place him: "Tory
    // leader Michael Howard" in one article about Turkey is still British.
    const p = placed[i];
    const viaPlaced = isNamed(name) ? byPersonPlaced.get(keys[i]!) : undefined;
    if (viaPlaced && viaPlaced !== p?.country) return { name, country: viaPlaced, countryEvidence: 'corpus' };
    if (p) return { name, country: p.country, countryEvidence: p.countryEvidence };
    // "the Assad government", "Kuczynski's administration": the leader's country.
    const led = leaders.get(ledBy(name) ?? '');
    if (led) return { name, country: led, countryEvidence: 'corpus' };
    return { name, country: null, countryEvidence: null };
  });
}

/** Each distinct (kind, name, title) once, with how many statements use it, and each statement's use. */
function distinctUses(statements: readonly IdentityStatement[]): { uses: NameUse[]; useOf: Int32Array } {
  const index = new Map<string, number>();
  const uses: NameUse[] = [];
  const useOf = new Int32Array(statements.length);
  statements.forEach((s, i) => {
    const { kind, name, title } = s.speaker;
    const key = `${kind}\u0000${name}\u0000${title ?? ''}`;
    let k = index.get(key);
    if (k === undefined) {
      k = uses.length;
      index.set(key, k);
      uses.push({ kind, name, title, count: 0 });
    }
    uses[k]!.count!++;
    useOf[i] = k;
  });
  return { uses, useOf };
}

/** Bodies known by their leader's name ("the Assad government"). */
const LED_BODY =
  /^(?:the\s+)?(\p{Lu}[\p{L}'’-]+)(?:['’]s)?\s+(?:government|administration|regime|cabinet|camp|team|office|aides)$/iu;

/** The leader's surname, folded, in "the Assad government", or null. */
function ledBy(name: string): string | null {
  const m = LED_BODY.exec(name.trim());
  return m ? nameKey(m[1]!) : null;
}

/**
 * Surname → country, from the people whose country the corpus knows; a
 * surname two people of different countries share is left out.
 */
function surnameCountries(byPerson: ReadonlyMap<string, CountryCode>): Map<string, CountryCode> {
  const out = new Map<string, CountryCode>();
  const clash = new Set<string>();
  for (const [key, country] of byPerson) {
    if (!key.startsWith('person:')) continue;
    const words = key.slice('person:'.length).split(' ');
    if (words.length < 2) continue;
    const last = words[words.length - 1]!;
    // "al-Assad" is also "Assad".
    for (const surname of new Set([last, last.split('-').pop()!])) {
      const known = out.get(surname);
      if (known && known !== country) clash.add(surname);
      else out.set(surname, country);
    }
  }
  for (const s of clash) out.delete(s);
  return out;
}

/** A name rather than a description ("Michael Howard", not "the minister"). */
function isNamed(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

type Evidence = { country: CountryCode; countryEvidence: CountryEvidence };

/** The country extraction found, stated in the sentence's words for the speaker or elsewhere in the article. */
function ownCountry(s: IdentityStatement, memo: Map<string, CountryCode | null>): Evidence | null {
  const country = s.speaker.country;
  if (!country) return null;
  const words = `${s.speaker.mention?.text ?? ''} ${s.speaker.title ?? ''}`;
  let named = memo.get(words);
  if (named === undefined) {
    named = countryMentionedIn(words);
    memo.set(words, named);
  }
  return { country, countryEvidence: named === country ? 'stated' : 'document' };
}

function placeCountry(place: DocumentPlace | undefined, home: CountryCode | null): Evidence | null {
  if (place?.dateline) return { country: place.dateline, countryEvidence: 'dateline' };
  const own = place?.country ?? home;
  if (place?.main && place.main !== own) return { country: place.main, countryEvidence: 'article' };
  if (place?.country) return { country: place.country, countryEvidence: 'home' };
  if (home) return { country: home, countryEvidence: 'home' };
  return null;
}

/** The home country, for an article clearly about it (its own `country:`, else the corpus's). */
function homeOfDomesticArticle(place: DocumentPlace | undefined, home: CountryCode | null): Evidence | null {
  const own = place?.country ?? home;
  return own && place?.main === own ? { country: own, countryEvidence: 'home' } : null;
}

/** Each identity's most frequent country (ties: first seen), over the statements that have one. */
function majorityCountries(keys: readonly string[], countries: readonly (CountryCode | null)[]) {
  const counts = new Map<string, Map<CountryCode, number>>();
  keys.forEach((key, i) => {
    const c = countries[i];
    if (!c) return;
    let m = counts.get(key);
    if (!m) {
      m = new Map();
      counts.set(key, m);
    }
    m.set(c, (m.get(c) ?? 0) + 1);
  });
  const best = new Map<string, CountryCode>();
  for (const [key, m] of counts) {
    const top = mostFrequent(m);
    if (top) best.set(key, top);
  }
  return best;
}
