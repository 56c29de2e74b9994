/**
 * Reads the corpus folder into validated, segmented documents.
 *
 * A bad file never breaks a load: it is skipped with its name and the reason,
 * and every other file still loads. Only a folder that yields no document at
 * all is an error.
 */

import { datelineCountry, mainCountry } from '../identity/countries.ts';
import type { CorpusDocument, SkippedFile } from '../model.ts';
import { splitFrontMatter, validateFrontMatter } from './frontmatter.ts';
import { overLimits, tooManyParagraphs } from './limits.ts';
import { CorpusError, hashBytes, scanCorpus } from './scan.ts';
import { LINE_BREAK, segmentDocument } from './segment.ts';

export { CorpusError, DOCUMENT_EXTENSIONS } from './scan.ts';

export interface LoadOptions {
  /** Files larger than this many bytes are skipped. */
  maxFileBytes: number;
}

export interface LoadedCorpus {
  documents: CorpusDocument[];
  skipped: SkippedFile[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function loadCorpus(dir: string, options: LoadOptions): Promise<LoadedCorpus> {
  const { files, skipped } = await scanCorpus(dir, { maxFileBytes: options.maxFileBytes });
  const documents: CorpusDocument[] = [];
  const usedIds = new Set<string>();
  for (const { file, bytes } of files) {
    const result = parseDocument(file, bytes);
    if ('reason' in result) skipped.push(result);
    else documents.push(withId(result, assignDocumentId(file, usedIds)));
  }
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  if (documents.length === 0) {
    const why = skipped.length ? ` (${skipped.length} file(s) skipped: ${describeSkipped(skipped)})` : '';
    throw new CorpusError(`no valid document in ${dir}${why}`);
  }
  return { documents, skipped };
}

export function describeSkipped(skipped: SkippedFile[]): string {
  return skipped.map((s) => `${s.file}: ${s.reason}`).join('; ');
}

/**
 * Turns one file's bytes into a document (without its id), or the reason it
 * cannot be one. Pure: the benchmark and tests call it on in-memory text.
 */
export function parseDocument(file: string, bytes: Uint8Array): Omit<CorpusDocument, 'id'> | SkippedFile {
  const skip = (reason: string): SkippedFile => ({ file, reason });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return skip('not valid UTF-8');
  }
  if (text.trim() === '') return skip('empty');
  let meta: ReturnType<typeof validateFrontMatter> | null = null;
  let bodyStart = 0;
  try {
    const split = splitFrontMatter(text);
    bodyStart = split.bodyStart;
    if (split.data !== null) meta = validateFrontMatter(split.data);
  } catch (error) {
    return skip(`invalid front matter: ${(error as Error).message}`);
  }
  if (text.slice(bodyStart).trim() === '') return skip('empty (front matter but no text)');
  const crowded = tooManyParagraphs(text, bodyStart);
  if (crowded) return skip(crowded);
  const hash = hashBytes(bytes);
  const { paragraphs, sentences } = segmentDocument(text, bodyStart, '');
  const over = overLimits(paragraphs.length, sentences.length);
  if (over) return skip(over);
  return {
    file,
    title: meta?.title ?? titleFromText(text, bodyStart),
    published: meta?.published,
    publisher: meta?.publisher,
    author: meta?.author,
    url: meta?.url,
    country: meta?.country,
    text,
    bodyStart,
    hash,
    // Where the article stands, worked out once per file: every build and reload reads it.
    dateline: datelineCountry(text, bodyStart) ?? undefined,
    about: mainCountry(text, bodyStart) ?? undefined,
    paragraphs,
    sentences,
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
  return file.replace(/\.(md|txt)$/i, '').replace(/[^\p{L}\p{N}_./-]+/gu, '-');
}

/**
 * The id of the next file in path order: its `documentIdFor`, unless an
 * earlier file took that one ("a.md" and "a.txt"): then the later one keeps
 * its extension. Records the id in `used`.
 */
export function assignDocumentId(file: string, used: Set<string>): string {
  let id = documentIdFor(file);
  if (used.has(id)) id = file.replace(/[^\p{L}\p{N}_./-]+/gu, '-');
  used.add(id);
  return id;
}

/** Gives a document its id and re-keys its sentence ids. */
export function withId(doc: Omit<CorpusDocument, 'id'>, id: string): CorpusDocument {
  const sentences = doc.sentences.map((s) => ({ ...s, docId: id, id: `${id}:${s.paragraph}.${s.index}` }));
  return { ...doc, id, sentences };
}
