/**
 * How often a denial is linked to the claim it answers (src/claims/).
 *
 * - Seeds: every denial found in the two seed articles should answer
 *   Microsoft's claim, which both articles state.
 * - BBC: `gold/bbc-claims.json` labels, for 178 denials of the BBC development
 *   set, the sentence stating what is denied (or none; see bbc-claims.md).
 *   A denial the extractor found is scored when its link's sentence is the
 *   labelled one or an alternative; when the label is "none", a link is wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { claimAnswered } from '../claims/corpus.ts';
import { parseDocument, withId } from '../corpus/load.ts';
import { buildCorpus, type Corpus, type Extractor } from '../engine/corpus.ts';
import type { CorpusDocument } from '../model.ts';

const CLAIMS_GOLD_FILE = fileURLToPath(new URL('./gold/bbc-claims.json', import.meta.url));

const Span = z.object({ start: z.number().int(), end: z.number().int() });
const ClaimLabel = z.object({
  file: z.string(),
  split: z.enum(['tune', 'holdout']),
  denial: Span,
  claim: Span.nullable(),
  alternatives: z.array(Span).default([]),
  claimant: z.string().nullable(),
  note: z.string().optional(),
});
type ClaimLabel = z.infer<typeof ClaimLabel>;

export function loadClaimLabels(): ClaimLabel[] {
  return z.array(ClaimLabel).parse(JSON.parse(readFileSync(CLAIMS_GOLD_FILE, 'utf8')));
}

export interface SeedLinkScore {
  denials: number;
  /** Linked to a claim whose maker is Microsoft. */
  toMicrosoft: number;
  unlinked: number;
  misses: string[];
}

/** The seed corpus (`<shared>/seeds`), built as the bot builds it. */
export function buildSeedCorpus(seedsDir: string, extract: Extractor): Corpus {
  const documents: CorpusDocument[] = [];
  for (const name of readdirSync(seedsDir).sort()) {
    const parsed = parseDocument(name, readFileSync(path.join(seedsDir, name)));
    if (!('reason' in parsed)) documents.push(withId(parsed, name.replace(/\.\w+$/, '')));
  }
  return buildCorpus({ documents, skipped: [] }, extract, new Date());
}

export function scoreSeedLinks(corpus: Corpus): SeedLinkScore {
  const score: SeedLinkScore = { denials: 0, toMicrosoft: 0, unlinked: 0, misses: [] };
  corpus.statements.forEach((s, i) => {
    if (!s.denial) return;
    score.denials++;
    const claim = claimAnswered(corpus, i);
    if (!claim) score.unlinked++;
    if (claim?.claimant && /microsoft/i.test(claim.claimant)) score.toMicrosoft++;
    else score.misses.push(`${s.speakerName}: ${s.text.text.slice(0, 80)} → ${claim?.claimant ?? 'no link'}`);
  });
  return score;
}

export interface BbcLinkScore {
  labelled: number;
  /** Labelled denials the extractor found as a denial (the ones a link can be scored on). */
  found: number;
  /** Found denials whose article states the claim. */
  withClaim: number;
  right: number;
  wrong: number;
  unlinked: number;
  /** Found denials whose article states no claim: a link there is wrong. */
  withoutClaim: number;
  falseLinks: number;
  errors: string[];
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function scoreBbcLinks(
  corpus: Corpus,
  labels: readonly ClaimLabel[],
  split: 'tune' | 'holdout',
): BbcLinkScore {
  const score: BbcLinkScore = {
    labelled: 0,
    found: 0,
    withClaim: 0,
    right: 0,
    wrong: 0,
    unlinked: 0,
    withoutClaim: 0,
    falseLinks: 0,
    errors: [],
  };
  const byDoc = new Map<string, number[]>();
  corpus.statements.forEach((s, i) => {
    if (s.denial) byDoc.set(s.docId, [...(byDoc.get(s.docId) ?? []), i]);
  });
  for (const label of labels) {
    if (label.split !== split) continue;
    score.labelled++;
    const docId = label.file.replace(/\.txt$/, '');
    const position = (byDoc.get(docId) ?? []).find((i) => overlaps(corpus.statements[i]!.text, label.denial));
    if (position === undefined) continue;
    score.found++;
    const claim = claimAnswered(corpus, position);
    const doc = corpus.documentById.get(docId)!;
    const shown = claim ? doc.text.slice(claim.start, claim.end).slice(0, 90) : 'no link';
    const denial = doc.text.slice(label.denial.start, label.denial.end).slice(0, 70);
    if (!label.claim) {
      score.withoutClaim++;
      if (claim) {
        score.falseLinks++;
        score.errors.push(`false link ${label.file}: ${denial} → ${shown}`);
      }
      continue;
    }
    score.withClaim++;
    if (!claim) {
      score.unlinked++;
      score.errors.push(
        `unlinked ${label.file}: ${denial} ⇐ ${doc.text.slice(label.claim.start, label.claim.end).slice(0, 90)}`,
      );
    } else if ([label.claim, ...label.alternatives].some((g) => overlaps(g, claim))) score.right++;
    else {
      score.wrong++;
      score.errors.push(
        `wrong ${label.file}: ${denial} → ${shown} ⇐ ${doc.text.slice(label.claim.start, label.claim.end).slice(0, 90)}`,
      );
    }
  }
  return score;
}
