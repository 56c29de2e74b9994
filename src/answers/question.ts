/**
 * Plain English questions, read as a speaker (or a country) and a topic:
 *
 *   what did Tony Blair say about taxes      → speaker Tony Blair, topic “taxes”
 *   what has Blair said on immigration       → speaker Tony Blair, topic “immigration”
 *   did Russia deny hacking                  → country Russia, topic “hacking”, denials only
 *   who denied hacking in Russia             → the same
 *
 * A question is read only when it plainly is one (one of the patterns
 * below) and the name in it is a speaker of the corpus or a known country;
 * anything else is left to be searched as typed. Pure: the names are looked
 * up through `NameLookup`, so the parser knows nothing of corpora.
 */
import type { CountryInfo, QuestionReading } from './types.ts';

/** Who the words of a question may name. */
export interface NameLookup {
  /** The speakers `words` name (a full name, or a surname several may share), or none. */
  speakers(words: string): readonly { id: string; name: string }[];
  /** The country `words` name ("Russia", "the US", "Russian"), or null. */
  country(words: string): CountryInfo | null;
}

/** A topic must hold a word worth searching for (see `hasContent`). */
export type ContentTest = (topic: string) => boolean;

type Who = 'speaker-or-country' | 'country';

interface Pattern {
  /** Matches the whole question (trimmed, without its final "?"); groups: `name` and `topic`. */
  re: RegExp;
  who: Who;
  denials: boolean;
}

const SAY =
  '(?:say|says|said|saying|think|thinks|thought|claim|claims|claimed|tell\\s+us|told\\s+us|have\\s+to\\s+say)';
const ABOUT = '(?:about|on|of|over|regarding|concerning)';
const DENY = '(?:deny|denies|denied)';
const AUX = '(?:did|does|do|has|have|had)';

const PATTERNS: Pattern[] = [
  // what did Tony Blair say about taxes / what has Blair said on immigration / what is Blair saying about …
  {
    re: new RegExp(
      `^what\\s+(?:did|does|do|has|have|had|is|are|was|were)\\s+(?<name>.+?)\\s+${SAY}\\s+${ABOUT}\\s+(?<topic>.+)$`,
      'iu',
    ),
    who: 'speaker-or-country',
    denials: false,
  },
  // what Blair said about taxes
  {
    re: new RegExp(
      `^what\\s+(?<name>.+?)\\s+(?:said|says|thinks|thought|claimed)\\s+${ABOUT}\\s+(?<topic>.+)$`,
      'iu',
    ),
    who: 'speaker-or-country',
    denials: false,
  },
  // did Blair say anything about taxes / has Blair talked about taxes
  {
    re: new RegExp(
      `^${AUX}\\s+(?<name>.+?)\\s+(?:say|said|talk|talked|speak|spoken|comment|commented)\\s+(?:anything\\s+)?${ABOUT}\\s+(?<topic>.+)$`,
      'iu',
    ),
    who: 'speaker-or-country',
    denials: false,
  },
  // what did Russia deny about hacking
  {
    re: new RegExp(`^what\\s+${AUX}\\s+(?<name>.+?)\\s+${DENY}\\s+${ABOUT}\\s+(?<topic>.+)$`, 'iu'),
    who: 'speaker-or-country',
    denials: true,
  },
  // did Russia deny hacking / has Peskov denied the claims
  {
    re: new RegExp(`^${AUX}\\s+(?<name>.+?)\\s+${DENY}\\s+(?<topic>.+)$`, 'iu'),
    who: 'speaker-or-country',
    denials: true,
  },
  // is Russia denying hacking
  {
    re: /^(?:is|are|was|were)\s+(?<name>.+?)\s+denying\s+(?<topic>.+)$/iu,
    who: 'speaker-or-country',
    denials: true,
  },
  // who in Russia denied hacking / who from Iran said …
  {
    re: new RegExp(
      `^who\\s+(?:in|from)\\s+(?<name>.+?)\\s+(?:has\\s+|have\\s+)?${DENY}\\s+(?<topic>.+)$`,
      'iu',
    ),
    who: 'country',
    denials: true,
  },
  {
    re: /^who\s+(?:in|from)\s+(?<name>.+?)\s+(?:has\s+|have\s+)?(?:said|says)\s+(?<topic>.+)$/iu,
    who: 'country',
    denials: false,
  },
];

/** who denied hacking in Russia / who said … from Iran: the name is after the last "in"/"from" that names a country. */
const WHO_IN_LAST = [
  { re: new RegExp(`^who\\s+(?:has\\s+|have\\s+)?${DENY}\\s+(?<rest>.+)$`, 'iu'), denials: true },
  { re: /^who\s+(?:has\s+|have\s+)?(?:said|says)\s+(?<rest>.+)$/iu, denials: false },
];

/** Words that are no one's name, whatever the corpus holds. */
const NOT_NAMES = new Set(
  'he she it they we you i us them him her his their this that these those there one someone anyone everyone nobody people somebody anybody everybody'.split(
    ' ',
  ),
);

/** Longest name a question is read with, in words ("the Democratic Republic of the Congo"). */
const MAX_NAME_WORDS = 6;
/** Longest question read at all, in characters: a paragraph pasted in is searched as typed. */
const MAX_QUESTION = 200;

/**
 * Reads `text` as a question about a speaker or a country, or returns null
 * (the text is then searched as typed). Never throws.
 */
export function parseQuestion(
  text: string,
  names: NameLookup,
  hasContent: ContentTest,
): QuestionReading | null {
  const question = text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\s?!.]+$/u, '');
  if (question.length === 0 || question.length > MAX_QUESTION) return null;
  // Most queries are phrases, not questions: one test rules them out.
  if (!/^(?:what|did|does|do|has|have|had|is|are|was|were|who)\s/iu.test(question)) return null;
  for (const pattern of PATTERNS) {
    const groups = pattern.re.exec(question)?.groups;
    if (!groups) continue;
    const reading = readingFor(groups.name!, groups.topic!, pattern.who, pattern.denials, names, hasContent);
    if (reading) return reading;
  }
  for (const { re, denials } of WHO_IN_LAST) {
    const rest = re.exec(question)?.groups?.rest;
    if (!rest) continue;
    // The last "in"/"from" first: "who denied interference in elections in Russia".
    const splits = [...rest.matchAll(/\s(?:in|from)\s/giu)].reverse();
    for (const split of splits) {
      const topic = rest.slice(0, split.index);
      const name = rest.slice(split.index + split[0].length);
      const reading = readingFor(name, topic, 'country', denials, names, hasContent);
      if (reading) return reading;
    }
  }
  return null;
}

function readingFor(
  name: string,
  topic: string,
  who: Who,
  denials: boolean,
  names: NameLookup,
  hasContent: ContentTest,
): QuestionReading | null {
  const cleanTopic = topic.trim();
  if (!cleanTopic || !hasContent(cleanTopic)) return null;
  const found = resolveName(name, who, names);
  if (!found) return null;
  return { ...found, topic: cleanTopic, denials };
}

/**
 * The speaker or country the words name: tried whole, then without their
 * first words ("Prime Minister Tony Blair" → "Tony Blair", "Mr Blair" →
 * "Blair"). A country comes before a speaker of the same name.
 */
function resolveName(
  name: string,
  who: Who,
  names: NameLookup,
): Pick<QuestionReading, 'speakers' | 'country'> | null {
  const words = name.trim().split(' ');
  if (words.length > MAX_NAME_WORDS) return null;
  for (let first = 0; first < words.length; first++) {
    const candidate = words.slice(first).join(' ');
    if (!nameLike(candidate)) continue;
    const country = countryNamed(candidate, names);
    if (country) return { country };
    if (who === 'country') continue;
    const speakers = names.speakers(candidate);
    if (speakers.length) return { speakers: speakers.map((s) => ({ id: s.id, name: s.name })) };
  }
  return null;
}

/**
 * The country the words name; "the Russians" names Russia as "Russian"
 * does. A word of three letters or fewer is a country only in capitals
 * ("US", "UK", "UAE"), so "it" is never Italy.
 */
function countryNamed(words: string, names: NameLookup): CountryInfo | null {
  const bare = words.replace(/^the\s+/iu, '');
  if (bare.length <= 3 && bare !== bare.toUpperCase()) return null;
  return names.country(words) ?? (/[^s]s$/iu.test(words) ? names.country(words.slice(0, -1)) : null);
}

/**
 * Words that could be a name: a letter, not a pronoun unless in capitals
 * ("US" is a country, "us" is not), and a short one capitalised ("Wu").
 */
function nameLike(words: string): boolean {
  const bare = words.replace(/^the\s+/iu, '');
  if (!/\p{L}/u.test(bare)) return false;
  if (NOT_NAMES.has(bare.toLowerCase()) && (bare.length < 2 || bare !== bare.toUpperCase())) return false;
  return bare.length > 2 || /^\p{Lu}/u.test(bare);
}
