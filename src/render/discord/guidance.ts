/**
 * What answers say to help someone find their way (Discord markdown): how a
 * question was read, the nearest names to one the corpus does not know
 * ("did you mean"), and a query too common to search for.
 */
import type { CountryInfo, QuestionReading } from '../../answers/types.ts';
import { escapeText, quoted, shorten } from './markdown.ts';

/** "a, b or c". */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** A name in bold, escaped and kept short. */
function name(text: string): string {
  return `**${escapeText(shorten(text, 80))}**`;
}

export function countryName(country: CountryInfo): string {
  return `${country.flag} ${name(country.name)} (${escapeText(country.code)})`;
}

/** " Did you mean **Tony Blair** or **Clare Short**?", or nothing without names. */
export function didYouMean(names: readonly string[]): string {
  return names.length ? ` Did you mean ${list(names.slice(0, 5).map(name))}?` : '';
}

/** " Did you mean 🇷🇺 **Russia** (RU)?", or nothing without countries. */
export function didYouMeanCountry(countries: readonly CountryInfo[]): string {
  return countries.length ? ` Did you mean ${list(countries.slice(0, 5).map(countryName))}?` : '';
}

export function tooCommonText(query: string): string {
  return `Every word of ${quoted(query)} is too common to search for; add a name or a topic.`;
}

/** "Read as: speaker **Tony Blair**, topic “taxes”, denials only." */
export function readingText(reading: QuestionReading): string {
  const speakers = reading.speakers ?? [];
  const shown = speakers.slice(0, 3).map((s) => name(s.name));
  if (speakers.length > 3) shown.push(`${speakers.length - 3} more`);
  const who = reading.country
    ? `country ${countryName(reading.country)}`
    : `${speakers.length > 1 ? 'speakers' : 'speaker'} ${list(shown)}`;
  return `Read as: ${who}, topic ${quoted(reading.topic)}${reading.denials ? ', denials only' : ''}.`;
}
