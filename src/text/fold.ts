/**
 * Text folding: the one place that says how two spellings of a word or name
 * are made to compare equal ("Élysée" and "elysee", "Iran’s" and "iran's").
 *
 * Search terms fold differently on purpose (src/search/tokenize.ts drops
 * periods, apostrophes and possessives so "U.S." finds "US"); this module is
 * for names, countries and the attribution engine's word lists.
 */

/** Combining marks left by canonical decomposition (accents, cedillas, …). */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Text with a character beyond ASCII (where accents may hide). */
const BEYOND_ASCII = /[^\u0020-\u007e]/;
/** Typographic single quotes used as apostrophes. */
const CURLY_APOSTROPHES = /[’‘]/g;
/** The right single quote: the apostrophe news text types ("Iran’s", "don’t"). */
const RIGHT_SINGLE_QUOTE = /’/g;

/** Accents off: "Élysée" → "Elysee" (compatibility decomposition, combining marks dropped). */
export function stripAccents(text: string): string {
  // Most words are plain ASCII: nothing to decompose, and normalising is the costly part.
  if (!BEYOND_ASCII.test(text)) return text;
  return text.normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** Lower case, no accents, straight apostrophes: "O’Brien" and "o'brien" fold alike. */
export function fold(text: string): string {
  return stripAccents(text).replace(CURLY_APOSTROPHES, "'").toLowerCase();
}

/** A name as names are compared: folded and trimmed ("  Côte d’Ivoire" → "cote d'ivoire"). */
export function foldName(name: string): string {
  return fold(name).trim();
}

/** A word token as word lists are looked up: folded, without an abbreviation's period ("Corp." → "corp"). */
export function foldToken(word: string): string {
  return fold(word).replace(/\.$/, '');
}

/**
 * A token's lower-case form: lower case with the typographic apostrophe
 * straightened ("Iran’s" → "iran's"), accents kept. Cheaper than `fold`, for
 * every token of a text.
 */
export function lowerWord(word: string): string {
  return word.toLowerCase().replace(RIGHT_SINGLE_QUOTE, "'");
}
