/**
 * A speaker's country. Evidence is only ever read from a speaker's own name,
 * title and appositions ("Kremlin spokesman", "Iran's Foreign Ministry"):
 * never from what they said or where they were. A person whose title names
 * an institution without a country ("ministry spokesman") takes the country
 * of the institution the article names nearby.
 */
import { ORG_WORDS } from '../lexicon/index.ts';
import { firstCountry } from './countries.ts';
import type { Entity } from './entity.ts';
import { type Moment, SCAN_LIMIT, upperBound } from './timeline.ts';
import type { Token } from './tokens.ts';

/** Country evidence in tokens (title, apposition, or an organisation's name). */
export function countryIn(tokens: readonly Token[]): string | null {
  return firstCountry(tokens.map((t) => t.text));
}

/**
 * A person's country when no title gives one: the institution their title
 * names ("ministry spokesman" after "Iran's Foreign Ministry"), the last one
 * mentioned before them, else the first one after. `organisations` are the
 * mentions of organisations with a country, in document order.
 */
export function settleCountry(e: Entity, organisations: readonly Moment[]): void {
  if (e.country || e.kind !== 'person') return;
  const heads = [...e.titleKeys].filter((k) => ORG_WORDS.has(k));
  if (heads.length === 0) return;
  const fits = (o: Entity) => heads.some((h) => o.orgHeads.has(h));
  const start = upperBound(organisations, e.firstPosition);
  for (let i = start - 1; i >= 0 && start - i <= SCAN_LIMIT; i--) {
    if (fits(organisations[i]!.entity)) {
      e.country = organisations[i]!.entity.country;
      return;
    }
  }
  for (let i = start; i < organisations.length && i - start < SCAN_LIMIT; i++) {
    if (fits(organisations[i]!.entity)) {
      e.country = organisations[i]!.entity.country;
      return;
    }
  }
}
