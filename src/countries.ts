/**
 * Country names, codes, demonyms, capitals and flags.
 *
 * The data comes from the `world-countries` package at run time (it is under
 * ODbL, so no derived copy is committed). Only the lookups live here; the
 * attribution engine adds its own institutional aliases (Kremlin, …).
 */
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import type { CountryInfo } from './answers/types.ts';
import type { CountryCode } from './model.ts';

/** Loaded from the package at run time: the dataset's licence (ODbL) stays with it. */
const worldCountries = createRequire(import.meta.url)('world-countries/countries.json') as Countries;

interface CountryRecord extends CountryInfo {
  /** Lower-cased names, official names, alternative spellings and demonyms. */
  names: string[];
  demonyms: string[];
  capitals: string[];
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

function normalise(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .trim()
    .toLowerCase();
}

function precedence(r: CountryRecord): number {
  return (r.independent ? 1e9 : 0) + r.area / 1e3;
}

function buildRecords(): Map<CountryCode, CountryRecord> {
  const records = new Map<CountryCode, CountryRecord>();
  for (const c of worldCountries) {
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => Boolean(d));
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 2)]
      .concat(EXTRA_NAMES[c.cca2] ?? [])
      .map(normalise);
    records.set(c.cca2, {
      code: c.cca2,
      name: c.name.common,
      flag: c.flag,
      names: [...new Set(names)],
      demonyms: [...new Set(demonyms.map(normalise))],
      capitals: (c.capital ?? []).map(normalise),
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
  const key = normalise(input);
  if (/^[a-z]{2}$/.test(key)) {
    const byCode = countryInfo(key);
    if (byCode) return byCode;
  }
  const code = BY_NAME.get(key) ?? BY_NAME.get(key.replace(/^the /, ''));
  return code ? countryInfo(code) : null;
}

/** The country a name, alternative spelling or demonym denotes ("Chinese" → CN). */
export function countryCodeOfName(name: string): CountryCode | null {
  return BY_NAME.get(normalise(name)) ?? null;
}

/** The country whose capital this is ("Moscow" → RU), or null. */
export function countryCodeOfCapital(name: string): CountryCode | null {
  const key = normalise(name);
  for (const r of RECORDS.values()) if (r.capitals.includes(key)) return r.code;
  return null;
}

/** All names and demonyms, for building matchers. */
export function allCountryNames(): { name: string; code: CountryCode; demonym: boolean }[] {
  const out: { name: string; code: CountryCode; demonym: boolean }[] = [];
  for (const r of RECORDS.values()) {
    for (const n of r.names) out.push({ name: n, code: r.code, demonym: false });
    for (const d of r.demonyms) out.push({ name: d, code: r.code, demonym: true });
  }
  return out;
}
