/**
 * Query parsing. `"empire of hackers"` (straight or curly marks) is a phrase
 * that results must contain; the remaining words are ordinary terms.
 */
import { STOP_WORDS, tokenize } from './tokenize.ts';

export interface ParsedQuery {
  raw: string;
  /** Quoted phrases as normalised term sequences (stop words kept). */
  phrases: string[][];
  /** Every non-stop term, in query order, phrases' terms included. */
  terms: string[];
  /** All tokens of the query in order (stop words kept): ranks exact phrase matches first. */
  sequence: string[];
  /** True when the query's last word is still being typed (no trailing space, not quoted). */
  prefixLast: boolean;
}

const QUOTED = /["“”„«»]([^"“”„«»]+)["“”„«»]?/g;

export function parseQuery(raw: string): ParsedQuery {
  const phrases: string[][] = [];
  const unquoted = raw.replace(QUOTED, (_m, inner: string) => {
    const terms = tokenize(inner, 'query').map((t) => t.term);
    if (terms.length) phrases.push(terms);
    return ' ';
  });
  const sequence = tokenize(raw, 'query').map((t) => t.term);
  const terms = dedupe(sequence.filter((t) => !STOP_WORDS.has(t)));
  const lastIsFree =
    tokenize(unquoted, 'query').length > 0 && /[\p{L}\p{N}]$/u.test(raw.trimEnd()) && raw === raw.trimEnd();
  return { raw, phrases, terms, sequence, prefixLast: lastIsFree && phrases.length === 0 };
}

function dedupe(terms: string[]): string[] {
  return [...new Set(terms)];
}
