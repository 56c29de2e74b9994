/**
 * Autocomplete suggestions, computed from the in-memory catalog: no I/O, no
 * engine call, so they come back well inside Discord's 3 seconds. Codes,
 * names and demonyms are all matched ("ru", "Russia", "Russian").
 */
import type { Catalog } from '../answers/requests.ts';
import { everyCountry, findCountry } from '../countries.ts';
import { type Choice, renderChoices } from '../render/discord.ts';
import { plural } from '../render/plural.ts';
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

type CorpusCountry = Catalog['countries'][number];

/**
 * A country's code, names, spellings and demonyms (folded) match whole or
 * from the start of a word ("brit": Great Britain, British), never from
 * inside one ("ira" is not in "Emirates").
 */
function rankCountry(typed: string, names: readonly string[]): number | null {
  if (names.includes(typed)) return 0;
  return names.some((n) => n.startsWith(typed) || n.includes(` ${typed}`)) ? 1 : null;
}

/**
 * Every country matching what was typed (by code, name, other spelling or
 * demonym): the one it names exactly first, then those with statements (for
 * /deny, with denials) with their counts, then the corpus's other countries,
 * then the rest, so a country the corpus does not cover can still be picked.
 */
export function countryChoices(catalog: Catalog, typed: string, by: 'denials' | 'statements'): Choice[] {
  const input = normalise(typed);
  const named = input ? findCountry(input)?.code : undefined;
  const inCorpus = new Map(catalog.countries.map((c) => [c.code, c]));
  const tier = (r: number, counts: CorpusCountry | undefined) =>
    r === 0 ? 0 : !counts ? 3 : counts[by] > 0 ? 1 : 2;
  const ranked = everyCountry()
    .flatMap((c) => {
      const r = !input
        ? 2
        : c.code === named
          ? 0
          : rankCountry(input, [normalise(c.code), normalise(c.name), ...c.names]);
      const counts = inCorpus.get(c.code);
      return r === null ? [] : [{ c, counts, r, tier: tier(r, counts) }];
    })
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        a.r - b.r ||
        (b.counts?.[by] ?? 0) - (a.counts?.[by] ?? 0) ||
        (b.counts?.statements ?? 0) - (a.counts?.statements ?? 0) ||
        a.c.name.localeCompare(b.c.name),
    );
  return renderChoices(
    ranked.map(({ c, counts }) => ({
      name: `${c.flag} ${c.name} (${c.code})${counts ? ` · ${by === 'denials' ? plural(counts.denials, 'denial') : plural(counts.statements, 'statement')}` : ''}`,
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
