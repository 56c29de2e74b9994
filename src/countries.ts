/**
 * Country names, codes, demonyms and flags.
 *
 * The data comes from the `world-countries` package at run time (it is under
 * ODbL, so no derived copy is committed). The dataset is read here once, for
 * the lookups users' input needs and for the attribution engine's matcher of
 * running text (src/attribution/countries.ts), which keeps its own phrase
 * table: stricter (UN members, no ambiguous names) and with the lexicon's
 * institutions and aliases (Kremlin, …; src/lexicon/tables).
 */
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import { z } from 'zod';
import type { CountryInfo } from './answers/types.ts';
import type { CountryCode } from './model.ts';
import { foldName } from './text/fold.ts';

/** Loaded from the package at run time: the dataset's licence (ODbL) stays with it. */
export const worldCountries = createRequire(import.meta.url)('world-countries/countries.json') as Countries;

interface CountryRecord extends CountryInfo {
  /** Lower-cased names, official names, alternative spellings and demonyms. */
  names: string[];
  demonyms: string[];
  /** The English (masculine) demonym as the dataset writes it ("Iranian"), or null. */
  demonym: string | null;
  independent: boolean;
  area: number;
}

/** Common short forms news text uses that the dataset does not list. */
const EXTRA_NAMES: Record<string, string[]> = {
  US: [
    'us',
    'u.s.',
    'u.s.a.',
    'usa',
    'america',
    'united states of america',
    'the united states',
    'the us',
    'the u.s.',
  ],
  GB: ['uk', 'u.k.', 'britain', 'great britain', 'england', 'the uk', 'the u.k.'],
  KR: ['south korea'],
  KP: ['north korea'],
  RU: ['russian federation'],
  IR: ['islamic republic of iran', 'persia'],
  CN: ["people's republic of china", 'prc', 'mainland china'],
  AE: ['uae', 'u.a.e.'],
};

function precedence(r: CountryRecord): number {
  return (r.independent ? 1e9 : 0) + r.area / 1e3;
}

function buildRecords(): Map<CountryCode, CountryRecord> {
  const records = new Map<CountryCode, CountryRecord>();
  for (const c of worldCountries) {
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => Boolean(d));
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 2)]
      .concat(EXTRA_NAMES[c.cca2] ?? [])
      .map(foldName);
    records.set(c.cca2, {
      code: c.cca2,
      name: c.name.common,
      flag: c.flag,
      names: [...new Set(names)],
      demonyms: [...new Set(demonyms.map(foldName))],
      demonym: c.demonyms?.eng?.m || null,
      independent: c.independent === true,
      area: c.area,
    });
  }
  return records;
}

const RECORDS = buildRecords();
const BY_NAME = new Map<string, CountryCode>();
// Sovereign states claim a shared name or demonym first ("American" is the US,
// not the Northern Mariana Islands), and within them, the larger country.
const byPrecedence = [...RECORDS.values()].sort((a, b) => precedence(b) - precedence(a));
for (const r of byPrecedence) {
  for (const n of [...r.names, ...r.demonyms]) if (!BY_NAME.has(n)) BY_NAME.set(n, r.code);
}

/** Display data for a code, or null for a code the dataset does not know. */
export function countryInfo(code: string): CountryInfo | null {
  const r = RECORDS.get(code.toUpperCase());
  return r ? { code: r.code, name: r.name, flag: r.flag } : null;
}

/**
 * Resolves what a user typed ("RU", "ru", "Russia", "Russian", "Russian
 * Federation") to a country. Codes and names are both accepted.
 */
export function findCountry(input: string): CountryInfo | null {
  const key = foldName(input);
  if (/^[a-z]{2}$/.test(key)) {
    const byCode = countryInfo(key);
    if (byCode) return byCode;
  }
  const code = BY_NAME.get(key) ?? BY_NAME.get(key.replace(/^the /, ''));
  return code ? countryInfo(code) : null;
}

/** A country with every name it is known by (folded): names, other spellings and demonyms. */
export interface NamedCountry extends CountryInfo {
  names: string[];
  /** A sovereign state (not a territory). */
  independent: boolean;
}

let everyCountryList: NamedCountry[] | null = null;

/** Every country the dataset knows, by name: for autocomplete and "did you mean". */
export function everyCountry(): readonly NamedCountry[] {
  everyCountryList ??= [...RECORDS.values()]
    .map((r) => ({
      code: r.code,
      name: r.name,
      flag: r.flag,
      names: [...new Set([...r.names, ...r.demonyms])],
      independent: r.independent,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return everyCountryList;
}

/** The English demonym for a code ("IR" → "Iranian"), or null. */
export function countryDemonym(code: string): string | null {
  return RECORDS.get(code.toUpperCase())?.demonym ?? null;
}

/**
 * A country a person writes (a code such as "GB" or a name such as "United
 * Kingdom"), validated to its code: for settings and front matter alike.
 */
export const CountryInputSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const country = findCountry(value);
    if (!country) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a country (use a code such as GB, or a name)`,
      });
      return z.NEVER;
    }
    return country.code;
  });
