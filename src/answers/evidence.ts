/**
 * How an answer explains a speaker's country that the quoted sentence does
 * not state itself. One wording for every renderer.
 */
import type { CountryEvidence } from '../model.ts';

const NOTES: Record<CountryEvidence, string | null> = {
  stated: null,
  document: 'as the article says elsewhere',
  corpus: 'as other articles say',
  dateline: "from the article's dateline",
  article: 'the country the article is about',
  home: "the corpus's home country",
};

/** A short note on where the country comes from, or null when the sentence says it. */
export function countryEvidenceNote(evidence: CountryEvidence | null | undefined): string | null {
  return evidence ? NOTES[evidence] : null;
}
