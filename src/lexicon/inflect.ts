/**
 * The forms of a cue verb: those its row lists, else the regular ones
 * (lemma, -s or -es, -ed or -d, -ing).
 */
import type { CueVerbRow } from './schemas.ts';

/** "report" → report, reports, reported, reporting; "stress" → stresses; "note" → noted, noting. */
export function regularForms(lemma: string): string[] {
  const endsInE = lemma.endsWith('e');
  const stem = endsInE ? lemma.slice(0, -1) : lemma;
  const sibilant = /(?:s|sh|ch|x|z)$/.test(lemma);
  return [lemma, sibilant ? `${lemma}es` : `${lemma}s`, endsInE ? `${lemma}d` : `${lemma}ed`, `${stem}ing`];
}

export function formsOf(verb: Pick<CueVerbRow, 'lemma' | 'forms'>): string[] {
  return verb.forms ?? regularForms(verb.lemma);
}
