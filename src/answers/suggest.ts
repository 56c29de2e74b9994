/**
 * "Did you mean": the nearest speaker or country names to something a user
 * typed that names none ("Gordon Brwn", "Blare", "Rusia", "brit").
 *
 * The names are searched with MiniSearch (prefix and fuzzy matching over
 * each word of a name), not a hand-rolled edit distance: the speaker index
 * is built once per corpus (a corpus never changes once built; a reload
 * makes a new one) and the country index once per process.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { countryInfo, everyCountry } from '../countries.ts';
import type { Corpus } from '../engine/corpus.ts';
import type { Speaker } from '../model.ts';
import { STOP_WORDS } from '../search/tokenize.ts';
import { foldName } from '../text/fold.ts';
import type { CountryInfo } from './types.ts';

/** How many names a "did you mean" offers. */
export const SUGGESTIONS = 3;
/**
 * Edits forgiven per letter typed (MiniSearch rounds): one in "Brwn" or
 * "Rusia", two in "Blare" (Blair); none in a word under four letters, where
 * one edit makes almost any other word ("XX" is not "Xa").
 */
const fuzzy = (term: string): number => (term.length < 4 ? 0 : 0.3);
/**
 * A candidate scoring under this share of the best one is noise, not a near
 * miss. People share first names and surnames, so a second or third person
 * is often as likely ("Blare": Tony Blair, Clare Short); a country's names
 * are its own, so one clearly nearer ("Rusia": Russia) stands alone.
 */
const MIN_SHARE = { speakers: 0.25, countries: 0.65 } as const;

/** Words of a name as they are compared: folded ("Côte" = "cote"), function words dropped. */
function processTerm(term: string): string | null {
  const folded = foldName(term);
  return folded && !STOP_WORDS.has(folded) ? folded : null;
}

function nameIndex<T extends { id: string }>(docs: T[], fields: (keyof T & string)[]): MiniSearch<T> {
  const index = new MiniSearch<T>({ fields, storeFields: [], processTerm });
  index.addAll(docs);
  return index;
}

function nearest(
  index: MiniSearch,
  input: string,
  options: {
    boost: (id: string) => number;
    limit: number;
    minShare: number;
    fields?: Record<string, number>;
  },
): SearchResult[] {
  const results = index.search(input, {
    prefix: true,
    fuzzy,
    combineWith: 'OR',
    boost: options.fields ?? {},
    boostDocument: (id) => options.boost(id as string),
  });
  const best = results[0]?.score ?? 0;
  return results.filter((r) => r.score >= best * options.minShare).slice(0, options.limit);
}

interface SpeakerNames {
  index: MiniSearch<{ id: string; name: string }>;
}

/** One index per corpus, made the first time a speaker is not found. */
const speakerNames = new WeakMap<Corpus, SpeakerNames>();

function speakerNamesOf(corpus: Corpus): SpeakerNames {
  let names = speakerNames.get(corpus);
  if (!names) {
    // Descriptions ("a Treasury spokesman") are no one to look up by name.
    const named = [...corpus.speakers.values()].flatMap((s) =>
      s.described ? [] : [{ id: s.id, name: s.name }],
    );
    names = { index: nameIndex(named, ['name']) };
    speakerNames.set(corpus, names);
  }
  return names;
}

/** Of two equally near names, the more quoted speaker is the likelier meant. */
function quotedWeight(speaker: Speaker | undefined): number {
  return 1 + Math.log10(1 + (speaker?.statementCount ?? 0)) / 4;
}

/**
 * Suggestions already made for a corpus, by what was typed: the same
 * misspelling is looked up once, and a fuzzy search (which makes garbage
 * for the collector) is not repeated for every retry. Bounded.
 */
const made = new WeakMap<Corpus, Map<string, readonly unknown[]>>();
const MADE_LIMIT = 1000;

function remembered<T>(corpus: Corpus, key: string, make: () => T[]): T[] {
  let cache = made.get(corpus);
  if (!cache) {
    cache = new Map();
    made.set(corpus, cache);
  }
  let found = cache.get(key) as T[] | undefined;
  if (!found) {
    if (cache.size >= MADE_LIMIT) cache.clear();
    found = make();
    cache.set(key, found);
  }
  return [...found];
}

/** The corpus's speakers whose names are nearest to `input`, best first (canonical names). */
export function suggestSpeakers(corpus: Corpus, input: string, limit = SUGGESTIONS): string[] {
  return remembered(corpus, `speaker\u0000${limit}\u0000${input}`, () => {
    const { index } = speakerNamesOf(corpus);
    const boost = (id: string) => quotedWeight(corpus.speakers.get(id));
    return nearest(index, input, { boost, limit, minShare: MIN_SHARE.speakers }).map(
      (r) => corpus.speakers.get(r.id as string)!.name,
    );
  });
}

/**
 * The countries nearest to `input` for an answer about this corpus: those
 * it has statements (or denials) from first among equally near ones.
 */
export function suggestCountriesFor(
  corpus: Corpus,
  input: string,
  by: 'statements' | 'denials',
): CountryInfo[] {
  return remembered(corpus, `${by}\u0000${input}`, () => suggestCountries(input, countryCounts(corpus, by)));
}

interface CountryNames {
  id: string;
  /** The name answers show ("China"): a near miss of it beats one of another spelling ("Crna Gora"). */
  name: string;
  /** Every word of its other names, spellings and demonyms, once each. */
  names: string;
}

/** Sovereign states are likelier meant than territories ("brit": United Kingdom, not the British Virgin Islands). */
const STATE_BOOST = 3;
const states = new Set<string>();

let countryNames: MiniSearch<CountryNames> | null = null;

function countryNamesIndex(): MiniSearch<CountryNames> {
  countryNames ??= nameIndex(
    everyCountry().map((c) => {
      if (c.independent) states.add(c.code);
      return { id: c.code, name: c.name, names: [...new Set(c.names.join(' ').split(' '))].join(' ') };
    }),
    ['name', 'names'],
  );
  return countryNames;
}

/** Statements and denials per country in a corpus, counted once per corpus. */
const counted = new WeakMap<Corpus, Record<'statements' | 'denials', Map<string, number>>>();

/** How many statements (or denials) a corpus holds for each country: "did you mean" prefers those. */
export function countryCounts(corpus: Corpus, by: 'statements' | 'denials'): ReadonlyMap<string, number> {
  let counts = counted.get(corpus);
  if (!counts) {
    const statements = new Map<string, number>();
    for (const s of corpus.statements)
      if (s.country) statements.set(s.country, (statements.get(s.country) ?? 0) + 1);
    const denials = new Map([...corpus.denialsByCountry].map(([code, ids]) => [code, ids.length]));
    counts = { statements, denials };
    counted.set(corpus, counts);
  }
  return counts[by];
}

/**
 * Known countries whose names (names, other spellings, demonyms) are
 * nearest to `input`, best first. `counts` (statements or denials per
 * country in the corpus) puts the countries the corpus speaks for first
 * among equally near ones ("brit": United Kingdom before British Virgin Islands).
 */
export function suggestCountries(
  input: string,
  counts: ReadonlyMap<string, number> = new Map(),
  limit = SUGGESTIONS,
): CountryInfo[] {
  const boost = (code: string) =>
    (1 + Math.min(counts.get(code) ?? 0, 1)) * (states.has(code) ? STATE_BOOST : 1);
  const results = nearest(countryNamesIndex(), input, {
    boost,
    limit,
    minShare: MIN_SHARE.countries,
    fields: { name: 2 },
  });
  return results.flatMap((r) => countryInfo(r.id as string) ?? []);
}
