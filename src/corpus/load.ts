/**
 * Reads the corpus folder into validated, segmented documents.
 *
 * A bad file never breaks a load: it is skipped with its name and the reason,
 * and every other file still loads. Only a folder that yields no document at
 * all is an error.
 */

import { datelineCountry, mainCountry } from '../identity/countries.ts';
import type { CorpusDocument, FileWarning, SkippedFile } from '../model.ts';
import { overLimits, tooManyParagraphs } from './limits.ts';
import { type Article, readArticles } from './readers/index.ts';
import { CorpusError, type CorpusScan, hashBytes, type ScannedFile, scanCorpus } from './scan.ts';
import { LINE_BREAK, segmentDocument } from './segment.ts';

export { CorpusError, DOCUMENT_EXTENSIONS } from './scan.ts';

/** A document as parsed, before it has its id. */
export type ParsedDocument = Omit<CorpusDocument, 'id'>;

export interface LoadOptions {
  /** Files larger than this many bytes are skipped. */
  maxFileBytes: number;
}

export interface LoadedCorpus {
  documents: CorpusDocument[];
  skipped: SkippedFile[];
  /** Files that loaded with something read around (`corpusWarnings` of the documents). */
  warnings?: FileWarning[];
}

/** Scans, reads and parses the corpus folder in one go (tests, and tools without an engine). */
export async function loadCorpus(dir: string, options: LoadOptions): Promise<LoadedCorpus> {
  const read = readScan(await scanCorpus(dir, { maxFileBytes: options.maxFileBytes }), dir);
  const documents = read.documents.map((d) => d.doc);
  return { documents, skipped: read.skipped, warnings: corpusWarnings(documents) };
}

/** A scan's documents, in file order, and the files skipped (before parsing, or by a reader). */
export interface ScanDocuments {
  /** Each document with its id; `reused`: the very document `reuse` gave (same bytes, same id). */
  documents: { doc: CorpusDocument; reused: boolean }[];
  skipped: SkippedFile[];
}

/**
 * The one way scanned files become documents, for the engine's builds and
 * reloads (src/engine/corpus.ts, `planCorpus`), the CLI and `loadCorpus`:
 * each file parsed by the readers (`parseDocuments`), or, when `reuse` gives
 * the documents an earlier build read from the same bytes, those; ids given
 * in path order (`assignDocumentId`). Throws `CorpusError` when no file
 * yields a document.
 */
export function readScan(
  scan: CorpusScan,
  dir: string,
  reuse?: (file: ScannedFile) => readonly CorpusDocument[] | null,
): ScanDocuments {
  const skipped = [...scan.skipped];
  const documents: ScanDocuments['documents'] = [];
  const usedIds = new Set<string>();
  for (const file of scan.files) {
    const kept = reuse?.(file) ?? null;
    const parsed = kept ?? parseDocuments(file.file, file.bytes);
    if ('reason' in parsed) {
      skipped.push(parsed);
      continue;
    }
    for (const doc of parsed) {
      const id = assignDocumentId(file.file, usedIds, doc.part);
      if (kept && (doc as CorpusDocument).id === id)
        documents.push({ doc: doc as CorpusDocument, reused: true });
      else documents.push({ doc: withId(doc, id), reused: false });
    }
  }
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  if (documents.length === 0) {
    const why = skipped.length ? ` (${skipped.length} file(s) skipped: ${describeSkipped(skipped)})` : '';
    throw new CorpusError(`no valid document in ${dir}${why}`);
  }
  return { documents, skipped };
}

/** The warnings of a corpus's documents, once per file and message, in file order. */
export function corpusWarnings(documents: readonly CorpusDocument[]): FileWarning[] {
  const seen = new Set<string>();
  const warnings: FileWarning[] = [];
  for (const doc of documents) {
    for (const message of doc.warnings ?? []) {
      const key = `${doc.file}\0${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      warnings.push({ file: doc.file, message });
    }
  }
  return warnings.sort((a, b) => a.file.localeCompare(b.file));
}

export function describeSkipped(skipped: SkippedFile[]): string {
  return skipped.map((s) => `${s.file}: ${s.reason}`).join('; ');
}

/**
 * Turns one file's bytes into its documents (without their ids): one for a
 * Markdown, text or HTML file, one per article for a JSON export. Or the
 * reason the file holds none. An article of several that cannot be used (an
 * entry with no text, one over the limits) is a warning on the file's other
 * documents. Pure: the benchmark and tests call it on in-memory text.
 */
export function parseDocuments(file: string, bytes: Uint8Array): ParsedDocument[] | SkippedFile {
  const read = readArticles(file, bytes);
  if ('reason' in read) return { file, reason: read.reason };
  const hash = hashBytes(bytes);
  const documents: ParsedDocument[] = [];
  const problems: string[] = [];
  for (const article of read.articles) {
    const doc = documentOf(file, hash, article);
    if (typeof doc !== 'string') documents.push(doc);
    else if (read.articles.length === 1 && article.part === undefined) return { file, reason: doc };
    else problems.push(`${article.where ? `${article.where}: ` : ''}${doc}; not read`);
  }
  if (documents.length === 0) return { file, reason: `no article could be read: ${problems.join('; ')}` };
  const fileWarnings = [...read.warnings, ...problems];
  if (fileWarnings.length)
    for (const doc of documents) doc.warnings = [...fileWarnings, ...(doc.warnings ?? [])];
  return documents;
}

/**
 * One file's only (or first) document, or why there is none: for callers
 * that read one article per file (the benchmark, the evaluation).
 */
export function parseDocument(file: string, bytes: Uint8Array): ParsedDocument | SkippedFile {
  const parsed = parseDocuments(file, bytes);
  return 'reason' in parsed ? parsed : parsed[0]!;
}

/** An article as a segmented document, or why it cannot be one. */
function documentOf(file: string, hash: string, article: Article): ParsedDocument | string {
  const { text, bodyStart } = article;
  if (text.trim() === '') return 'empty';
  if (text.slice(bodyStart).trim() === '') return 'empty (front matter but no text)';
  const crowded = tooManyParagraphs(text, bodyStart);
  if (crowded) return crowded;
  const { paragraphs, sentences } = segmentDocument(text, bodyStart, '');
  const over = overLimits(paragraphs.length, sentences.length);
  if (over) return over;
  return {
    file,
    ...(article.part === undefined ? {} : { part: article.part }),
    title: article.title ?? titleFromText(text, bodyStart),
    published: article.published,
    publisher: article.publisher,
    author: article.author,
    url: article.url,
    country: article.country,
    text,
    bodyStart,
    hash,
    // Where the article stands, worked out once per file: every build and reload reads it.
    dateline: datelineCountry(text, bodyStart) ?? undefined,
    about: mainCountry(text, bodyStart) ?? undefined,
    paragraphs,
    sentences,
    ...(article.warnings.length ? { warnings: article.warnings } : {}),
  };
}

/** A file without front matter takes its first non-empty line as its title. */
function titleFromText(text: string, bodyStart: number): string {
  const line = text
    .slice(bodyStart)
    .split(LINE_BREAK)
    .find((l) => l.trim() !== '')!;
  const title = line.trim().replace(/^#+\s*/, '');
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

/**
 * Document ids come from the path inside the corpus folder, without the
 * extension, so the same files always get the same ids and citations stay
 * valid across reloads. `:` is reserved for sentence ids.
 */
export function documentIdFor(file: string): string {
  return file.replace(/\.(md|txt|html?|jsonl?)$/i, '').replace(/[^\p{L}\p{N}_./-]+/gu, '-');
}

/**
 * The id of the next file in path order: its `documentIdFor`, unless an
 * earlier file took that one ("a.md" and "a.txt"): then the later one keeps
 * its extension. An article of a file of several adds its position
 * (`exports/feed/3`). Records the id in `used`.
 */
export function assignDocumentId(file: string, used: Set<string>, part?: number): string {
  const suffix = part === undefined ? '' : `/${part}`;
  let id = documentIdFor(file) + suffix;
  if (used.has(id)) id = file.replace(/[^\p{L}\p{N}_./-]+/gu, '-') + suffix;
  used.add(id);
  return id;
}

/** Gives a document its id and re-keys its sentence ids. */
export function withId(doc: Omit<CorpusDocument, 'id'>, id: string): CorpusDocument {
  const sentences = doc.sentences.map((s) => ({ ...s, docId: id, id: `${id}:${s.paragraph}.${s.index}` }));
  return { ...doc, id, sentences };
}
