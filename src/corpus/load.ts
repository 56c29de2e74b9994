/**
 * Reads the corpus folder into validated, segmented documents.
 *
 * A bad file never breaks a load: it is skipped with its name and the reason,
 * and every other file still loads. Only a folder that yields no document at
 * all is an error.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusDocument, SkippedFile } from '../model.ts';
import { splitFrontMatter, validateFrontMatter } from './frontmatter.ts';
import { segmentDocument } from './segment.ts';

export const DOCUMENT_EXTENSIONS = ['.md', '.txt'];

export interface LoadOptions {
  /** Files larger than this many bytes are skipped. */
  maxFileBytes: number;
}

export interface LoadedCorpus {
  documents: CorpusDocument[];
  skipped: SkippedFile[];
}

/** The corpus as a whole cannot be used (missing folder, no valid document). */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function loadCorpus(dir: string, options: LoadOptions): Promise<LoadedCorpus> {
  const root = await resolveRoot(dir);
  const { candidates, skipped } = await listFiles(root);
  const results = await Promise.all(candidates.map((file) => readDocument(root, file, options)));
  const documents: CorpusDocument[] = [];
  const usedIds = new Set<string>();
  results.forEach((result, i) => {
    if ('reason' in result) skipped.push(result);
    else documents.push(assignId(result, candidates[i]!, usedIds));
  });
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

async function resolveRoot(dir: string): Promise<string> {
  try {
    const root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new CorpusError(`${dir} is not a folder`);
    return root;
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw new CorpusError(
      `cannot open corpus folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
}

/** Relative paths (forward slashes) of candidate documents, sorted, and the files passed over. */
async function listFiles(root: string): Promise<{ candidates: string[]; skipped: SkippedFile[] }> {
  const candidates: string[] = [];
  const skipped: SkippedFile[] = [];
  const walk = async (relDir: string): Promise<void> => {
    const entries = await readdir(path.join(root, relDir), { withFileTypes: true });
    for (const entry of entries) {
      // Hidden files (.gitkeep, .DS_Store) are housekeeping, not documents.
      if (entry.name.startsWith('.')) continue;
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else if (DOCUMENT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) candidates.push(rel);
      else if (entry.isSymbolicLink()) candidates.push(rel);
      else
        skipped.push({
          file: rel,
          reason: `not a document (only ${DOCUMENT_EXTENSIONS.join(', ')} files are read)`,
        });
    }
  };
  await walk('');
  candidates.sort();
  return { candidates, skipped };
}

type ReadResult = Omit<CorpusDocument, 'id'> | SkippedFile;

async function readDocument(root: string, file: string, options: LoadOptions): Promise<ReadResult> {
  const skip = (reason: string): SkippedFile => ({ file, reason });
  const full = path.join(root, file);
  try {
    if ((await lstat(full)).isSymbolicLink()) {
      const target = await realpath(full);
      if (!isInside(root, target)) return skip('link points outside the corpus folder');
      if (!DOCUMENT_EXTENSIONS.includes(path.extname(target).toLowerCase()))
        return skip('link to a non-document');
    }
    const info = await stat(full);
    if (!info.isFile()) return skip('not a regular file');
    if (info.size > options.maxFileBytes) {
      return skip(`too large (${info.size} bytes; the limit is ${options.maxFileBytes})`);
    }
    const bytes = await readFile(full);
    return parseDocument(file, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return skip(code ? `unreadable (${code})` : `unreadable (${String(error)})`);
  }
}

/**
 * Turns one file's bytes into a document (without its id), or the reason it
 * cannot be one. Pure: the benchmark and tests call it on in-memory text.
 */
export function parseDocument(file: string, bytes: Uint8Array): ReadResult {
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
  const hash = createHash('sha256').update(bytes).digest('hex');
  const { paragraphs, sentences } = segmentDocument(text, bodyStart, '');
  return {
    file,
    title: meta?.title ?? titleFromText(text, bodyStart),
    published: meta?.published,
    publisher: meta?.publisher,
    author: meta?.author,
    url: meta?.url,
    text,
    bodyStart,
    hash,
    paragraphs,
    sentences,
  };
}

/** A file without front matter takes its first non-empty line as its title. */
function titleFromText(text: string, bodyStart: number): string {
  const line = text
    .slice(bodyStart)
    .split('\n')
    .find((l) => l.trim() !== '')!;
  const title = line.trim().replace(/^#+\s*/, '');
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Document ids come from the path inside the corpus folder, without the
 * extension, so the same files always get the same ids and citations stay
 * valid across reloads. `:` is reserved for sentence ids.
 */
export function documentIdFor(file: string): string {
  return file.replace(/\.(md|txt)$/i, '').replace(/[^\p{L}\p{N}_./-]+/gu, '-');
}

function assignId(doc: Omit<CorpusDocument, 'id'>, file: string, used: Set<string>): CorpusDocument {
  let id = documentIdFor(file);
  // "a.md" and "a.txt" would collide: the later one keeps its extension.
  if (used.has(id)) id = file.replace(/[^\p{L}\p{N}_./-]+/gu, '-');
  used.add(id);
  return withId(doc, id);
}

/** Gives a document its id and re-keys its sentence ids. */
export function withId(doc: Omit<CorpusDocument, 'id'>, id: string): CorpusDocument {
  const sentences = doc.sentences.map((s) => ({ ...s, docId: id, id: `${id}:${s.paragraph}.${s.index}` }));
  return { ...doc, id, sentences };
}
