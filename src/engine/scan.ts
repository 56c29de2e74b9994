/**
 * The engine's corpus scan: the loader's own (src/corpus/scan.ts), so both
 * pick and skip files alike, plus a record of what it saw.
 *
 * With snapshots on, each scan writes `<SNAPSHOT_DIR>/<corpus key>.files.json`:
 * every file's size, modification and change times (ms, as the system gives
 * them) and sha256. The next scan reuses the hash of a file whose three are
 * unchanged instead of reading and hashing it, so a warm start or a reload
 * reads only the files that changed. Set WHOSAID_FULL_SCAN=1 (or `ask
 * --rehash`) to read and hash every file regardless.
 *
 * Correctness: a write changes the change time (ctime), which no program can
 * set back, so an edit that keeps the size and restores the modification time
 * (`touch -d`, `cp -p`, rsync) is still seen. A file written again within the
 * same clock tick after the scan recorded it would keep all three: entries
 * modified less than `RACY_MS` before the scan began are therefore not
 * recorded, and are hashed again next time. What remains: a file system whose
 * clock or timestamps lie (a network mount with coarse or cached times, a
 * clock set back), or a block-level change that bypasses the file system. The
 * snapshot itself is still checked against its checksums on every open; only
 * "these are the files it was built from" rests on the timestamps.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CorpusScan, type FileStamp, scanCorpus } from '../corpus/scan.ts';
import { snapshotFolder, temporaryPath } from './snapshot-files.ts';

export {
  type CorpusScan,
  type FileStamp,
  hashBytes,
  type ScannedFile,
  type ScanOptions,
  scanCorpus,
} from '../corpus/scan.ts';

/** Files modified this close to the scan's start are hashed again next time (a write in the same tick). */
const RACY_MS = 2000;
const RECORD_FORMAT = 'whosaid-files-1';

export interface RecordedScanOptions {
  maxFileBytes: number;
  blocking?: boolean;
  /** Where snapshots live; unset: no record is read or written, every file is hashed. */
  snapshotDir?: string | undefined;
  /** Hash every file (default: WHOSAID_FULL_SCAN set to anything but 0/false/no). */
  fullScan?: boolean | undefined;
}

/** Scans `dir`, reusing the hashes of unchanged files recorded by the previous scan, and records this one. */
export async function scanRecorded(dir: string, options: RecordedScanOptions): Promise<CorpusScan> {
  const record = options.snapshotDir ? `${snapshotFolder(options.snapshotDir, dir)}.files.json` : null;
  const full = options.fullScan ?? fullScanAsked();
  const known = record && !full ? readRecord(record) : undefined;
  const startedAt = Date.now();
  const scan = await scanCorpus(dir, {
    maxFileBytes: options.maxFileBytes,
    blocking: options.blocking,
    known,
  });
  if (record) writeRecord(record, scan, startedAt);
  return scan;
}

export function fullScanAsked(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.WHOSAID_FULL_SCAN?.trim().toLowerCase();
  return value !== undefined && !['', '0', 'false', 'no'].includes(value);
}

/** The record, checked entry by entry; anything malformed is dropped (that file is hashed again). */
function readRecord(file: string): Map<string, FileStamp> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const { format, files } = (parsed ?? {}) as { format?: unknown; files?: unknown };
  if (format !== RECORD_FORMAT || typeof files !== 'object' || files === null) return undefined;
  const known = new Map<string, FileStamp>();
  for (const [name, entry] of Object.entries(files as Record<string, unknown>)) {
    if (!Array.isArray(entry) || entry.length !== 4) continue;
    const [size, mtimeMs, ctimeMs, hash] = entry as unknown[];
    if (
      typeof size === 'number' &&
      typeof mtimeMs === 'number' &&
      typeof ctimeMs === 'number' &&
      typeof hash === 'string' &&
      /^[0-9a-f]{64}$/.test(hash)
    )
      known.set(name, { size, mtimeMs, ctimeMs, hash });
  }
  return known;
}

/** Writes the record atomically; failing to write it only costs the next scan its shortcut. */
function writeRecord(file: string, scan: CorpusScan, startedAt: number): void {
  const files: Record<string, [number, number, number, string]> = {};
  for (const f of scan.files) {
    const s = f.stamp;
    if (!s || s.hash !== f.hash) continue;
    if (s.mtimeMs >= startedAt - RACY_MS || s.ctimeMs >= startedAt - RACY_MS) continue;
    files[f.file] = [s.size, s.mtimeMs, s.ctimeMs, s.hash];
  }
  const temporary = temporaryPath(file);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify({ format: RECORD_FORMAT, files }));
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written (the folder is not one): nothing to remove.
    }
  }
}
