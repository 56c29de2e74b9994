/**
 * Words that, written with a capital before a name, are a title and not part
 * of the name ("MEP Robert Kilroy-Silk", "Home Secretary Charles Clarke").
 * And words that make a speaker an official: someone whose country the
 * article's dateline or the corpus's home country may give.
 */
import { fold, foldToken } from '../text/fold.ts';

const NAME_TITLES = new Set(
  `mp mep msp am mla td qc mp's euro shadow prime minister ministers secretary chancellor president
  vice deputy leader chairman chairwoman spokesman spokeswoman senator sen sen. rep rep. gov gov.
  governor mayor ambassador general gen gen. commissioner chief home foreign defence defense
  health education culture trade industry transport environment justice treasury interior
  tory tories labour conservative liberal democrat democratic republican lib dem dems snp plaid ukip
  bishop archbishop cardinal pope sheikh ayatollah judge lord lady sir dame baroness baron
  mr mrs ms miss dr prof professor rev reverend`
    .split(/\s+/)
    .filter(Boolean),
);

/** The token, folded, is a title word. */
export function isNameTitle(token: string): boolean {
  return NAME_TITLES.has(foldToken(token));
}

/**
 * Title and name words that mark a speaker as holding public office or
 * speaking for a government or party. Used only to decide whether a country
 * known from where the article stands (dateline, home country) may be given
 * to a speaker the text gives no country of its own.
 */
const OFFICIAL_WORDS = new Set(
  `minister ministers ministry secretary chancellor president premier prime government governments
  cabinet official officials spokesman spokeswoman spokesperson spokespeople mp mps mep meps msp msps
  am mla senator sen congressman congresswoman representative rep governor mayor ambassador envoy
  diplomat diplomats commissioner commission committee agency authority executive inquiry review
  department office treasury parliament parliamentary commons lords
  party tory tories conservative conservatives labour liberal democrats dem dems snp plaid ukip
  downing whitehall kremlin duma knesset bundestag senate congress administration authorities police
  army military leader leaders chairman whip shadow deputy councillor council mayor opposition
  attorney-general solicitor-general speaker monarchy palace`
    .split(/\s+/)
    .filter(Boolean),
);

/** Bodies above any one country: never given a dateline's or a home country. */
const INTERNATIONAL_WORDS = new Set(
  `european eu un nations nato imf world wto opec g8 g7 g20 international interpol unesco unicef who oecd`
    .split(/\s+/)
    .filter(Boolean),
);

/** The name is an international body's ("European Commission", "UN", "World Bank"). */
export function isInternational(name: string): boolean {
  return fold(name)
    .split(/[\s-]+/)
    .some((w) => INTERNATIONAL_WORDS.has(foldToken(w)));
}

/** The speaker's name or title marks them as an official or an official body. */
export function isOfficial(name: string, title: string | null): boolean {
  const words = fold(`${title ?? ''} ${name}`)
    .split(/[\s-]+/)
    .map(foldToken);
  return words.some((w) => OFFICIAL_WORDS.has(w));
}
