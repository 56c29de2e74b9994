/**
 * Ranking, exactly as MiniSearch ranks: BM25+ with MiniSearch's default
 * parameters, prefix and typo matches weighted down by how far they are from
 * what was typed, and a document's score multiplied by how many of the
 * query's terms it matched. The index executes queries its own way (top-k,
 * rarest terms first), but the order it produces is MiniSearch's.
 */

/** MiniSearch's defaults: term saturation k, length normalisation b, and the BM25+ floor d. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** MiniSearch's default weights of a prefix or a fuzzy match, relative to an exact one. */
const MATCH_WEIGHTS = { prefix: 0.375, fuzzy: 0.45 } as const;

/** BM25's inverse document frequency of a term held by `documentFrequency` of `documentCount` texts. */
export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * BM25+ of one term in one text: MiniSearch's `calcBM25Score`, with the
 * inverse document frequency computed once per term (see
 * `inverseDocumentFrequency`).
 */
export function termScore(
  idf: number,
  termFrequency: number,
  fieldLength: number,
  averageLength: number,
): number {
  const { k, b, d } = BM25;
  return (
    idf * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageLength)))
  );
}

/** Weight of a term found as a longer form of a prefix (`distance` extra characters). */
export function prefixWeight(term: string, distance: number): number {
  return (MATCH_WEIGHTS.prefix * term.length) / (term.length + 0.3 * distance);
}

/** Weight of a term found within `distance` edits of a typed word. */
export function fuzzyWeight(term: string, distance: number): number {
  return (MATCH_WEIGHTS.fuzzy * term.length) / (term.length + distance);
}
