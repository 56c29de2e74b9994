/**
 * A statement as the engine first finds it: its kind and offsets, the
 * speaker phrase its own attribution uses (or the statement it continues),
 * its cue, and the reported words the denial check reads. Speakers are
 * resolved to entities later (./speakers.ts).
 */
import type { Span } from '../model.ts';
import type { Entity } from './entity.ts';
import type { NounPhrase } from './phrases.ts';
import type { SentenceInfo } from './syntax.ts';
import type { Quote } from './tokens.ts';

export interface RawStatement {
  kind: 'direct' | 'partial' | 'indirect';
  start: number;
  end: number;
  /** The speaker phrase this statement's own attribution uses, or null for a continuation. */
  phrase: NounPhrase | null;
  sentence: SentenceInfo;
  /** The statement whose speaker this one continues. */
  continues: RawStatement | null;
  cue: Span | null;
  cueLemma: string | null;
  /** The reported words are a clause introduced by "that" (or a colon), not an object. */
  thatClause?: boolean;
  /** A quote continuing, in its paragraph, a statement whose cue is a denial ("she denied it. “I was not there.”"). */
  afterDenial?: boolean;
  /** The reported words, for denial detection. */
  reported: string;
  quote: Quote | null;
  /** Reported speech: the partial quotes inside it (the speaker's own words), as offsets. */
  quoted?: [number, number][];
  entity: Entity | null;
  title: string | null;
}

export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** The words inside the marks, without a trailing comma ("…claim,”" → "…claim"). */
export function quoteTextSpan(text: string, q: Quote): [number, number] {
  let end = q.innerEnd;
  while (end > q.innerStart && /[,;:\s–—-]/u.test(text[end - 1]!)) end--;
  return [q.innerStart, end];
}

/** A statement with an attribution of its own, not a continuation of another. */
export function isPrimary(r: RawStatement): boolean {
  return r.phrase !== null && r.continues === null;
}
