/**
 * Reads the corpus folder's files and hashes them, without parsing any: the
 * first half of `loadCorpus` (src/corpus/load.ts), with the same rules for
 * which files count and why others are skipped.
 *
 * Split out because a warm start and an incremental reload must know which
 * files changed before deciding what to parse: a snapshot is keyed by these
 * hashes, and only files whose hash is new are handed to `parseDocument`.
 * A test pins this module to `loadCorpus` on a folder of good and bad files.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, DOCUMENT_EXTENSIONS } from '../corpus/load.ts';
import type { SkippedFile } from '../model.ts';

export interface ScanOptions {
  /** Files larger than this many bytes are skipped. */
  maxFileBytes: number;
}

/** A candidate document's bytes and their sha256 (the same hash a parsed document carries). */
export interface ScannedFile {
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  bytes: Uint8Array;
  hash: string;
}

export interface CorpusScan {
  /** Readable candidate documents, sorted by path. */
  files: ScannedFile[];
  /** Files passed over before parsing (not a document, too large, unreadable…). */
  skipped: SkippedFile[];
}

export async function scanCorpus(dir: string, options: ScanOptions): Promise<CorpusScan> {
  const root = await resolveRoot(dir);
  const { candidates, skipped } = await listFiles(root);
  const results = await Promise.all(candidates.map((file) => readCandidate(root, file, options)));
  const files: ScannedFile[] = [];
  for (const result of results) {
    if ('reason' in result) skipped.push(result);
    else files.push(result);
  }
  return { files, skipped };
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
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

async function readCandidate(
  root: string,
  file: string,
  options: ScanOptions,
): Promise<ScannedFile | SkippedFile> {
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
    return { file, bytes, hash: hashBytes(bytes) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return skip(code ? `unreadable (${code})` : `unreadable (${String(error)})`);
  }
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
