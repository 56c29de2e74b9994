/**
 * What a speaker's name and title say about them, for corpus-wide identities:
 * which capitalised words before a name are a title and not part of it ("MEP
 * Robert Kilroy-Silk"), whether the speaker is an official (whose country an
 * article's dateline or the home country may give), and whether the speaker
 * is an international body (never given one). The words are lexicon rows
 * (src/lexicon/tables/titles.ts: name-title, official, international).
 */
import { INTERNATIONAL_WORDS, NAME_TITLES, OFFICIAL_WORDS } from '../lexicon/index.ts';
import { fold, foldToken } from '../text/fold.ts';

/** The token, folded, is a title word. */
export function isNameTitle(token: string): boolean {
  return NAME_TITLES.has(foldToken(token));
}

function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[\s-]+/)
    .map(foldToken);
}

/** The name is an international body's ("European Commission", "UN", "World Bank"). */
export function isInternational(name: string): boolean {
  return wordsOf(name).some((w) => INTERNATIONAL_WORDS.has(w));
}

/** The speaker's name or title marks them as an official or an official body. */
export function isOfficial(name: string, title: string | null): boolean {
  return wordsOf(`${title ?? ''} ${name}`).some((w) => OFFICIAL_WORDS.has(w));
}
