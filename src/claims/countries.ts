/** Every country a text names, with the attribution engine's matcher (src/attribution/countries.ts). */
import { countryPhraseAt } from '../attribution/countries.ts';
import { wordTokens } from '../attribution/tokens.ts';
import type { CountryCode } from '../model.ts';

/** The countries the words name ("hackers from Russia, Iran and China" → RU, IR, CN), in order, once each. */
export function countriesNamedIn(text: string): CountryCode[] {
  const tokens = wordTokens(text);
  const found: CountryCode[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hit = countryPhraseAt(tokens, i);
    if (hit && !found.includes(hit.code)) found.push(hit.code);
  }
  return found;
}
