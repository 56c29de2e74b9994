/**
 * Countries named in a few words ("U.S. President", "the Kremlin") and in an
 * article's dateline ("MOSCOW (Reuters) -"), with the attribution engine's
 * own matcher of running text, so both agree on what names a country.
 */
import { countryPhraseAt, firstCountry } from '../attribution/countries.ts';
import { wordTokens } from '../attribution/tokens.ts';
import type { CountryCode } from '../model.ts';

/** The first country the words name, or null. */
export function countryMentionedIn(words: string): CountryCode | null {
  return firstCountry(wordTokens(words));
}

/**
 * Every country the text names ("hackers from Russia, Iran and China" → RU,
 * IR, CN), in order, once each. Linear, with the fast word split below.
 */
export function countriesNamedIn(text: string): CountryCode[] {
  const tokens = plainWords(text);
  const found: CountryCode[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!CAPITAL.test(tokens[i]!)) continue;
    const hit = countryPhraseAt(tokens, i);
    if (!hit) continue;
    if (!found.includes(hit.code)) found.push(hit.code);
    i += hit.length - 1;
  }
  return found;
}

/** Mentions a country needs, and its lead over the next, to be what an article is about. */
const MAIN_MIN_MENTIONS = 3;
const MAIN_LEAD = 2;

const CAPITAL = /^\p{Lu}/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu;

/**
 * Words as the country matcher reads them, found by one regular expression
 * rather than the attribution tokenizer (a whole article's worth: ten times
 * faster), with a possessive's "'s" dropped and a sentence's full stop too,
 * but an abbreviation's kept ("U.S.").
 */
function plainWords(text: string): string[] {
  const words = text.match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const last = w.charCodeAt(w.length - 1);
    // Only words ending in "s" or "." can need trimming: most are left as matched.
    if (last !== 115 && last !== 46) continue;
    const bare = w.replace(/['’]s$/u, '');
    words[i] = /^(?:\p{L}\.)+$/u.test(bare) ? bare : bare.replace(/\.+$/, '');
  }
  return words;
}

/**
 * The country an article is about: the one its words name (countries,
 * demonyms, capitals, institutions) at least `MAIN_MIN_MENTIONS` times and
 * `MAIN_LEAD` times as often as any other. Linear in the text.
 */
export function mainCountry(text: string, bodyStart: number): CountryCode | null {
  const tokens = plainWords(text.slice(bodyStart));
  const counts = new Map<CountryCode, number>();
  for (let i = 0; i < tokens.length; i++) {
    // Every country phrase starts with a capital: skip the rest without a lookup.
    if (!CAPITAL.test(tokens[i]!)) continue;
    const hit = countryPhraseAt(tokens, i);
    if (!hit) continue;
    counts.set(hit.code, (counts.get(hit.code) ?? 0) + 1);
    i += hit.length - 1;
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, next] = ranked;
  if (!top || top[1] < MAIN_MIN_MENTIONS) return null;
  return !next || top[1] >= MAIN_LEAD * next[1] ? top[0] : null;
}

/**
 * A wire dateline at the start of the body: places in capitals, an optional
 * agency in brackets, then a dash ("MOSCOW (Reuters) -", "LONDON, March 3 —").
 * Several places ("WASHINGTON/TEHRAN/MOSCOW") name no one country.
 */
const DATELINE =
  /^\s*([A-Z][A-Z.'’ -]{1,40}(?:\/[A-Z][A-Z.'’ -]{1,40})*)(?:,[^\n–—-]{0,30})?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]{1,2}\s/;

/** The country a dateline at `bodyStart` names, or null. */
export function datelineCountry(text: string, bodyStart: number): CountryCode | null {
  const m = DATELINE.exec(text.slice(bodyStart, bodyStart + 200));
  if (!m) return null;
  const places = m[1]!.split('/').map((p) => p.trim());
  if (places.length !== 1) return null;
  // Datelines are shouted; the matcher wants "Moscow".
  const place = places[0]!.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
  return countryMentionedIn(place);
}
