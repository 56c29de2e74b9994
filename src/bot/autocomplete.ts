/**
 * Autocomplete suggestions, computed from the in-memory catalog: no I/O, no
 * engine call, so they come back well inside Discord's 3 seconds. Codes,
 * names and demonyms are all matched ("ru", "Russia", "Russian").
 */
import type { Catalog } from '../answers/requests.ts';
import { findCountry } from '../countries.ts';
import { type Choice, renderChoices } from '../render/discord.ts';
import { foldName } from '../text/fold.ts';

/** Typed text and names compare folded (src/text/fold.ts), as extraction compares names. */
const normalise = foldName;

/** Lower is better; null means no match. */
function rank(typed: string, candidates: string[]): number | null {
  let best: number | null = null;
  for (const candidate of candidates.map(normalise)) {
    const r =
      candidate === typed ? 0 : candidate.startsWith(typed) ? 1 : candidate.includes(typed) ? 2 : null;
    if (r !== null && (best === null || r < best)) best = r;
  }
  return best;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Countries whose speakers are in the corpus; for /deny, those with denials first. */
export function countryChoices(catalog: Catalog, typed: string, by: 'denials' | 'statements'): Choice[] {
  const input = normalise(typed);
  const named = input ? findCountry(input)?.code : undefined;
  const ranked = catalog.countries
    .map((c) => ({ c, r: !input ? 2 : c.code === named ? 0 : rank(input, [c.code, c.name]) }))
    .filter((x): x is { c: (typeof catalog.countries)[number]; r: number } => x.r !== null)
    .sort((a, b) => a.r - b.r || b.c[by] - a.c[by] || b.c.statements - a.c.statements);
  return renderChoices(
    ranked.map(({ c }) => ({
      name: `${c.flag} ${c.name} (${c.code}) · ${by === 'denials' ? plural(c.denials, 'denial') : plural(c.statements, 'statement')}`,
      value: c.code,
    })),
  );
}

/** Speakers by name or title, the most quoted first. */
export function speakerChoices(catalog: Catalog, typed: string): Choice[] {
  const input = normalise(typed);
  const ranked = catalog.speakers
    .map((s) => ({ s, r: input ? rank(input, [s.name, s.title ?? '']) : 2 }))
    .filter((x): x is { s: Catalog['speakers'][number]; r: number } => x.r !== null)
    .sort((a, b) => a.r - b.r || b.s.statements - a.s.statements);
  return renderChoices(
    ranked.map(({ s }) => ({
      name: [s.name, s.title, plural(s.statements, 'statement')].filter(Boolean).join(' · '),
      value: s.name,
    })),
  );
}
