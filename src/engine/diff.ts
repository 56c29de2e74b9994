/** What changed between two corpora, for the reload report. */
import type { CorpusCounts, ReloadReport } from '../answers/types.ts';
import type { SkippedFile } from '../model.ts';

/** The parts of a corpus a diff looks at (a full `Corpus` has them). */
export interface CorpusSummary {
  documents: { id: string; hash: string }[];
  sentences: { length: number };
  statements: { length: number };
  speakers: { size: number };
  skipped: SkippedFile[];
}

export function countsOf(c: CorpusSummary): CorpusCounts {
  return {
    documents: c.documents.length,
    sentences: c.sentences.length,
    statements: c.statements.length,
    speakers: c.speakers.size,
  };
}

export function diffCorpora(
  before: CorpusSummary,
  after: CorpusSummary,
): Pick<ReloadReport, 'added' | 'removed' | 'changed' | 'skipped' | 'before' | 'after'> {
  const old = new Map(before.documents.map((d) => [d.id, d.hash]));
  const now = new Map(after.documents.map((d) => [d.id, d.hash]));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed: [...now].filter(([id, hash]) => old.has(id) && old.get(id) !== hash).map(([id]) => id),
    skipped: after.skipped,
    before: countsOf(before),
    after: countsOf(after),
  };
}

/** The summary of a corpus as a plain object: small enough to send between threads. */
export function summaryOf(c: CorpusSummary): CorpusSummary {
  return {
    documents: c.documents.map((d) => ({ id: d.id, hash: d.hash })),
    sentences: { length: c.sentences.length },
    statements: { length: c.statements.length },
    speakers: { size: c.speakers.size },
    skipped: c.skipped,
  };
}
