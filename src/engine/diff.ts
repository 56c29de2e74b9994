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

/** What a reload report says about the corpora, without its timing. */
export type CorpusDiff = Pick<ReloadReport, 'added' | 'removed' | 'changed' | 'skipped' | 'before' | 'after'>;

export function diffCorpora(before: CorpusSummary, after: CorpusSummary): CorpusDiff {
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

/**
 * A summary as it crosses threads: the documents as one string of
 * `id<TAB>hash` lines. Copying one string between threads is a memcpy, while
 * 22,000 small objects cost the receiving thread (the one that talks to
 * Discord) tens of milliseconds to rebuild.
 */
export interface PackedSummary {
  documents: string;
  counts: CorpusCounts;
  skipped: SkippedFile[];
}

export function packSummary(c: CorpusSummary): PackedSummary {
  return {
    documents: c.documents.map((d) => `${d.id}\t${d.hash}`).join('\n'),
    counts: countsOf(c),
    skipped: c.skipped,
  };
}

export function unpackSummary(p: PackedSummary): CorpusSummary {
  const documents = p.documents
    ? p.documents.split('\n').map((line) => {
        const tab = line.lastIndexOf('\t');
        return { id: line.slice(0, tab), hash: line.slice(tab + 1) };
      })
    : [];
  return {
    documents,
    sentences: { length: p.counts.sentences },
    statements: { length: p.counts.statements },
    speakers: { size: p.counts.speakers },
    skipped: p.skipped,
  };
}
