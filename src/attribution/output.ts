/**
 * The engine's output: a statement whose speaker is resolved becomes an
 * ExtractedStatement, with the speaker's mention, and the denial check run on
 * the words it reports.
 */
import type { ExtractedStatement, Span } from '../model.ts';
import { isDenial } from './denial.ts';
import type { NounPhrase } from './phrases.ts';
import { isPronoun } from './phrases.ts';
import { type RawStatement, span } from './raw-statement.ts';
import type { Token } from './tokens.ts';

/** How much text before a cue tells a refusal to comment ("would neither confirm nor deny"). */
const BEFORE_CUE_CHARS = 40;

export function toStatement(text: string, r: RawStatement): ExtractedStatement {
  const e = r.entity!;
  const phrase = r.phrase;
  const mention = phrase && !r.continues ? mentionSpan(text, phrase) : null;
  const selfWords = new Set(e.nameKeys.flatMap((k) => k.split(' ')));
  return {
    kind: r.kind,
    text: span(text, r.start, r.end),
    speaker: {
      name: e.name,
      title: r.title,
      country: e.country,
      kind: e.kind,
      mention,
      ...(e.descriptionOnly ? { described: true } : {}),
    },
    cue: r.cue,
    ...(r.quoted ? { quotes: r.quoted.map(([start, end]) => span(text, start, end)) } : {}),
    denial: isDenial({
      text: r.reported,
      cueLemma: r.cueLemma,
      clause: r.thatClause === true,
      country: e.country,
      selfWords,
      indirect: r.kind !== 'direct',
      afterDenial: r.afterDenial === true,
      beforeCue: r.cue ? text.slice(Math.max(0, r.cue.start - BEFORE_CUE_CHARS), r.cue.start) : undefined,
    }),
  };
}

function mentionSpan(text: string, phrase: NounPhrase): Span {
  const toks: Token[] = phrase.tokens;
  const first = 0;
  let last = toks.length - 1;
  while (last > first && toks[last]!.lower === "'s") last--;
  if (isPronoun(toks[first])) last = first;
  return span(text, toks[first]!.start, toks[last]!.end);
}
