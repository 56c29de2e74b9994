/**
 * The terminal renderer's words for finding one's way: how a question was
 * read, "did you mean", and a query too common to search for. Plain text,
 * like the rest of src/render/text.ts.
 */
import type { CountryInfo, QuestionReading } from '../answers/types.ts';

/** "a, b or c". */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function countryName(c: CountryInfo): string {
  return `${c.flag} ${c.name} (${c.code})`;
}

/** " Did you mean Tony Blair or Clare Short?", or nothing without names. */
export function didYouMeanText(names: readonly string[]): string {
  return names.length ? ` Did you mean ${list(names)}?` : '';
}

/** " Did you mean 🇷🇺 Russia (RU)?", or nothing without countries. */
export function didYouMeanCountryText(countries: readonly CountryInfo[]): string {
  return countries.length ? ` Did you mean ${list(countries.map(countryName))}?` : '';
}

export function tooCommonLine(query: string): string {
  return `Every word of “${query}” is too common to search for; add a name or a topic.`;
}

/** "Read as: speaker Tony Blair, topic “taxes”, denials only." */
export function readingLine(reading: QuestionReading): string {
  const speakers = (reading.speakers ?? []).map((s) => s.name);
  const who = reading.country
    ? `country ${countryName(reading.country)}`
    : `${speakers.length > 1 ? 'speakers' : 'speaker'} ${list(speakers)}`;
  return `Read as: ${who}, topic “${reading.topic}”${reading.denials ? ', denials only' : ''}.`;
}
