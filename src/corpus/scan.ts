/**
 * Reads the corpus folder's files and hashes them, without parsing any: the
 * first half of `loadCorpus` (./load.ts), and the one place that decides
 * which files count and why others are skipped.
 *
 * Split out because a warm start and an incremental reload must know which
 * files changed before deciding what to parse: a snapshot is keyed by these
 * hashes, and only files whose hash is new are handed to `parseDocument`.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SkippedFile } from '../model.ts';
import { IGNORE_FILE, type IgnoreRules, ignoreRules } from './ignore.ts';
import { DOCUMENT_EXTENSIONS } from './readers/formats.ts';

export { DOCUMENT_EXTENSIONS };

/** The corpus as a whole cannot be used (missing or unreadable folder, no valid document). */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

export interface ScanOptions {
  /** Files larger than this many bytes are skipped. */
  maxFileBytes: number;
  /**
   * Use blocking file calls: twice as fast, for a thread with nothing else
   * to do yet (an engine opening its corpus). A thread that is answering
   * requests scans without blocking.
   */
  blocking?: boolean;
  /**
   * Files seen by an earlier scan (path → size, times, hash): a file whose
   * size, modification time and change time are all unchanged is not read or
   * hashed again; its recorded hash is reused and its bytes are read only if
   * asked for (see `src/engine/scan.ts`, which keeps this record, and
   * WHOSAID_FULL_SCAN there to hash everything).
   */
  known?: ReadonlyMap<string, FileStamp> | undefined;
  /** Replaces some of the file-system calls (tests: a folder that cannot be listed, even by root). */
  fileSystem?: Partial<ScanFileSystem> | undefined;
}

/** The file-system calls a scan makes, blocking or not. */
export interface ScanFileSystem {
  readdir(dir: string): Promise<fs.Dirent[]>;
  lstat(file: string): Promise<fs.Stats>;
  stat(file: string): Promise<fs.Stats>;
  realpath(file: string): Promise<string>;
  readFile(file: string): Promise<Uint8Array>;
}

const NON_BLOCKING: ScanFileSystem = {
  readdir: (dir) => fs.promises.readdir(dir, { withFileTypes: true }),
  lstat: (file) => fs.promises.lstat(file),
  stat: (file) => fs.promises.stat(file),
  realpath: (file) => fs.promises.realpath(file),
  // The callback `readFile`: fewer steps per file than the promise API's file handles.
  readFile: promisify(fs.readFile),
};

const BLOCKING: ScanFileSystem = {
  readdir: async (dir) => fs.readdirSync(dir, { withFileTypes: true }),
  lstat: async (file) => fs.lstatSync(file),
  stat: async (file) => fs.statSync(file),
  realpath: async (file) => fs.realpathSync(file),
  readFile: async (file) => fs.readFileSync(file),
};

/** A candidate document's bytes and their sha256 (the same hash a parsed document carries). */
export interface ScannedFile {
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  /** Read on first use when the hash was reused from an earlier scan (`known`). */
  bytes: Uint8Array;
  hash: string;
  /** Size and times when scanned, so that the next scan can reuse `hash` (`known`). */
  stamp?: FileStamp | undefined;
}

/** What tells a scan that a file is unchanged since its hash was taken. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  hash: string;
}

export interface CorpusScan {
  /** Readable candidate documents, sorted by path. */
  files: ScannedFile[];
  /** Files passed over before parsing (not a document, too large, unreadable…). */
  skipped: SkippedFile[];
}

export async function scanCorpus(dir: string, options: ScanOptions): Promise<CorpusScan> {
  const io = { ...(options.blocking ? BLOCKING : NON_BLOCKING), ...options.fileSystem };
  const root = await resolveRoot(dir, io);
  const rules = await readIgnoreFile(root, io);
  const { candidates, skipped } = await listFiles(dir, root, io, rules);
  if (rules.problem) skipped.push({ file: IGNORE_FILE, reason: rules.problem });
  const results = await mapLimited(candidates, OPEN_FILES, (file) => readCandidate(root, file, options, io));
  const files: ScannedFile[] = [];
  for (const result of results) {
    if ('reason' in result) skipped.push(result);
    else files.push(result);
  }
  return { files, skipped };
}

/**
 * One file named on its own (an argument of `npm run statements`), read
 * with the same checks as a file found by `scanCorpus`: a regular file (a
 * link only to a file beside it), within `maxFileBytes`. Its `file` is its
 * name.
 */
export async function scanFile(file: string, options: ScanOptions): Promise<ScannedFile | SkippedFile> {
  const io = { ...(options.blocking ? BLOCKING : NON_BLOCKING), ...options.fileSystem };
  const full = path.resolve(file);
  return readCandidate(path.dirname(full), path.basename(full), options, io);
}

/**
 * Files read at once. Reading every file at once runs out of file
 * descriptors on a large corpus (EMFILE), and an unreadable file would then be
 * skipped at random.
 */
const OPEN_FILES = 64;

/** `Promise.all(items.map(fn))` with at most `limit` calls in flight; results in item order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function resolveRoot(dir: string, io: ScanFileSystem): Promise<string> {
  try {
    const root = await io.realpath(dir);
    if (!(await io.stat(root)).isDirectory()) throw new CorpusError(`${dir} is not a folder`);
    return root;
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw new CorpusError(`cannot open corpus folder ${dir}: ${codeOf(error)}`);
  }
}

/**
 * Relative paths (forward slashes) of candidate documents, sorted, and the
 * files passed over. A folder that cannot be listed (no permission, a path
 * longer than the system allows, moved or deleted while the scan runs) is
 * passed over like a bad file, as `folder/` with the reason; only the corpus
 * folder itself must be readable.
 */
async function listFiles(
  dir: string,
  root: string,
  io: ScanFileSystem,
  rules: IgnoreRules,
): Promise<{ candidates: string[]; skipped: SkippedFile[] }> {
  const candidates: string[] = [];
  const skipped: SkippedFile[] = [];
  const walk = async (relDir: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await io.readdir(path.join(root, relDir));
    } catch (error) {
      const code = codeOf(error);
      if (relDir === '') throw new CorpusError(`cannot read corpus folder ${dir}: ${code}`);
      skipped.push({ file: `${relDir}/`, reason: `unreadable folder (${FOLDER_ERRORS[code] ?? code})` });
      return;
    }
    for (const entry of entries) {
      // Hidden files (.gitkeep, .DS_Store) are housekeeping, not documents.
      if (entry.name.startsWith('.')) continue;
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      // Named by .whosaidignore (silently), or a dataset's README or licence (with the reason).
      const rule = rules.check(rel, entry.isDirectory());
      if (rule === 'ignored') continue;
      if (rule) skipped.push({ file: rel, reason: rule });
      else if (entry.isDirectory()) await walk(rel);
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

/** The corpus folder's ignore rules; an ignore file that cannot be read is reported, not fatal. */
async function readIgnoreFile(root: string, io: ScanFileSystem): Promise<IgnoreRules> {
  try {
    const bytes = await io.readFile(path.join(root, IGNORE_FILE));
    return ignoreRules(new TextDecoder().decode(bytes));
  } catch (error) {
    const code = codeOf(error);
    return code === 'ENOENT'
      ? ignoreRules(null)
      : ignoreRules(null, `unreadable (${code}): its rules were not applied`);
  }
}

/** What the less obvious error codes of a folder that cannot be listed mean, for the skip reason. */
const FOLDER_ERRORS: Record<string, string> = {
  ENAMETOOLONG: 'ENAMETOOLONG: the path is longer than the system allows',
  ENOENT: 'ENOENT: it was moved or deleted during the scan',
};

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

async function readCandidate(
  root: string,
  file: string,
  options: ScanOptions,
  io: ScanFileSystem,
): Promise<ScannedFile | SkippedFile> {
  const skip = (reason: string): SkippedFile => ({ file, reason });
  const full = path.join(root, file);
  try {
    let info = await io.lstat(full);
    if (info.isSymbolicLink()) {
      const target = await io.realpath(full);
      if (!isInside(root, target)) return skip('link points outside the corpus folder');
      if (!DOCUMENT_EXTENSIONS.includes(path.extname(target).toLowerCase()))
        return skip('link to a non-document');
      info = await io.stat(full);
    }
    if (!info.isFile()) return skip('not a regular file');
    if (info.size > options.maxFileBytes) {
      return skip(`too large (${info.size} bytes; the limit is ${options.maxFileBytes})`);
    }
    const seen = options.known?.get(file);
    if (seen && seen.size === info.size && seen.mtimeMs === info.mtimeMs && seen.ctimeMs === info.ctimeMs) {
      return unread(file, full, seen);
    }
    const bytes = await io.readFile(full);
    const hash = hashBytes(bytes);
    return {
      file,
      bytes,
      hash,
      stamp: { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, hash },
    };
  } catch (error) {
    return skip(`unreadable (${codeOf(error)})`);
  }
}

/** A file taken as unchanged: its recorded hash, and its bytes read only if someone asks (a build that lacks it). */
function unread(file: string, full: string, stamp: FileStamp): ScannedFile {
  let bytes: Uint8Array | undefined;
  return {
    file,
    hash: stamp.hash,
    stamp,
    get bytes() {
      // Gone or unreadable since: empty, so the loader skips it rather than the build failing.
      bytes ??= readOrEmpty(full);
      return bytes;
    },
  };
}

function readOrEmpty(full: string): Uint8Array {
  try {
    return fs.readFileSync(full);
  } catch {
    return new Uint8Array(0);
  }
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
