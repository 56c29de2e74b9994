/**
 * Answers about the corpus's sources: what a file was read as (`documents`,
 * answered by the engine), and the answers of corpus management from Discord
 * (`sources`, `source-change`, made by the bot from the ledger; see
 * src/sources/).
 */
import type { Corpus } from '../engine/corpus.ts';
import type { CountryCode, SkippedFile } from '../model.ts';
import type { CorpusCounts } from './types.ts';

/** One document as read from its file: what a moderator checks after adding a source. */
export interface DocumentSummary {
  id: string;
  file: string;
  title: string;
  published?: string | undefined;
  publisher?: string | undefined;
  author?: string | undefined;
  url?: string | undefined;
  paragraphs: number;
  sentences: number;
  statements: number;
  denials: number;
  /** Speakers found, most statements first. */
  speakers: { name: string; country: CountryCode | null; statements: number; described: boolean }[];
  /** What the loader read around (an encoding fallback, an unknown front-matter key). */
  warnings: string[];
}

/** The documents a corpus file gave (a JSON Lines file may give several), or why it was skipped. */
export interface DocumentsAnswer {
  type: 'documents';
  file: string;
  documents: DocumentSummary[];
  skipped: SkippedFile | null;
}

export type SourceOrigin =
  | { kind: 'url'; url: string; finalUrl: string }
  | { kind: 'attachment'; name: string; url: string }
  | { kind: 'feed'; feed: string; url: string; finalUrl: string };

export interface SourcePerson {
  id: string;
  username: string;
}

/** What a source gave when it was added, as the ledger recorded it. */
export interface SourceDocumentNote {
  id: string;
  title: string;
  published?: string | undefined;
  statements: number;
  speakers: number;
}

export interface SourceInfo {
  /** `added/<name>` in the corpus folder. */
  file: string;
  origin: SourceOrigin;
  addedBy: SourcePerson;
  addedAt: string;
  documents: SourceDocumentNote[];
  /** The ledger lists it but the file is gone from the folder (removed by hand). */
  missing: boolean;
}

/** /corpus list: the sources added from Discord, newest first, and the latest removals. */
export interface SourcesAnswer {
  type: 'sources';
  sources: SourceInfo[];
  removed: { file: string; title: string | null; by: SourcePerson; at: string }[];
  /** Files in `added/` the ledger has no record of (copied there by hand). */
  untracked: string[];
  /** Ledger lines that could not be read. */
  unreadable: number;
}

/** /corpus add-url, add-file and remove: what changed, and what the corpus made of the file. */
export interface SourceChangeAnswer {
  type: 'source-change';
  action: 'added' | 'replaced' | 'removed';
  file: string;
  origin: SourceOrigin | null;
  by: SourcePerson;
  documents: DocumentSummary[];
  reload: { ms: number; before: CorpusCounts; after: CorpusCounts };
  /** Things worth a second look ("no statement was found"). */
  warnings: string[];
}

/** A feed the bot polls: from the configuration (FEEDS) or added by a moderator. */
export interface FeedInfo {
  url: string;
  title: string | null;
  from: 'config' | 'discord';
  addedBy: SourcePerson | null;
  addedAt: string | null;
  /** Items of this feed now in the corpus. */
  items: number;
  /** The last poll that found something to say (new items, skipped items, a problem). */
  last: { at: string; problem: string | null; added: number; skipped: number } | null;
}

/** What one poll of one feed did. */
export interface FeedBatchSummary {
  feed: string;
  title: string | null;
  /** Why the feed could not be read; nothing was added. */
  problem: string | null;
  added: { file: string; url: string; titles: string[] }[];
  skipped: { url: string; reason: string }[];
  /** Items seen before (or already in the corpus by address). */
  known: number;
  /** Items the feed listed more than once, taken once. */
  repeated: number;
  /** New items left for the next poll. */
  left: number;
  reload: { ms: number; before: CorpusCounts; after: CorpusCounts } | null;
}

/** /corpus add-feed, feeds and remove-feed. */
export interface FeedsAnswer {
  type: 'feeds';
  action: 'list' | 'added' | 'removed' | 'polled';
  by: SourcePerson;
  /** The feed added or removed. */
  feed: FeedInfo | null;
  feeds: FeedInfo[];
  /** What polling did: the new feed's first poll, or every feed's (`/corpus feeds poll:true`). */
  batches: FeedBatchSummary[];
  /** Minutes between polls. */
  intervalMinutes: number;
}

/** A document file is `file` itself, or a part of it (`file#2`, `file/2`: a JSON Lines file's articles). */
function fromFile(docFile: string, file: string): boolean {
  return docFile === file || (docFile.startsWith(file) && /^[#/:]/.test(docFile.slice(file.length)));
}

export function answerDocuments(corpus: Corpus, file: string): DocumentsAnswer {
  const documents = corpus.documents.filter((d) => fromFile(d.file, file));
  const ids = new Set(documents.map((d) => d.id));
  const byDoc = new Map<string, { statements: number; denials: number; speakers: Map<string, number> }>();
  for (const s of corpus.statements) {
    if (!ids.has(s.docId)) continue;
    const entry = byDoc.get(s.docId) ?? { statements: 0, denials: 0, speakers: new Map() };
    entry.statements++;
    if (s.denial) entry.denials++;
    entry.speakers.set(s.speakerId, (entry.speakers.get(s.speakerId) ?? 0) + 1);
    byDoc.set(s.docId, entry);
  }
  return {
    type: 'documents',
    file,
    documents: documents.map((doc) => {
      const counts = byDoc.get(doc.id);
      const speakers = [...(counts?.speakers ?? [])]
        .map(([id, statements]) => {
          const speaker = corpus.speakers.get(id);
          return {
            name: speaker?.name ?? id,
            country: speaker?.country ?? null,
            statements,
            described: speaker?.described ?? false,
          };
        })
        .sort((a, b) => b.statements - a.statements || a.name.localeCompare(b.name));
      return {
        id: doc.id,
        file: doc.file,
        title: doc.title,
        published: doc.published,
        publisher: doc.publisher,
        author: doc.author,
        url: doc.url,
        paragraphs: doc.paragraphs.length,
        sentences: doc.sentences.length,
        statements: counts?.statements ?? 0,
        denials: counts?.denials ?? 0,
        speakers,
        // Documents carry warnings once the readers of issue 12 report them.
        warnings: [...((doc as { warnings?: readonly string[] }).warnings ?? [])],
      };
    }),
    skipped: corpus.skipped.find((s) => fromFile(s.file, file)) ?? null,
  };
}
