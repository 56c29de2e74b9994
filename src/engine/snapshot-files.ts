/**
 * Where snapshots live on disk, and their temporary folders: a snapshot is
 * written under `<key>.tmp-<host>-<pid>-<tag>-<random>` and renamed into
 * place, so a reader never sees half of one. A process killed while writing
 * leaves its temporary folder behind (tens of MB at ×1): the next engine to
 * open the corpus removes those of processes of this machine that are gone,
 * and a service that stops removes its own. (Another machine's, or another
 * container's, sharing the folder, are removed only once an hour old: its
 * processes cannot be seen from here.)
 *
 * File-system calls only, so the thread that talks to Discord can clean up
 * without loading the engine.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** A temporary folder older than this is abandoned whoever wrote it (a write takes seconds). */
const ABANDONED_MS = 3600 * 1000;

const TEMPORARY = /\.tmp-([A-Za-z0-9]*)-(\d+)-/;
/** The name whosaid wrote temporary folders under before they carried the machine: `<key>.tmp-<pid>-<hex>`. */
const LEGACY = /\.tmp-(\d+)-[0-9a-f]{8}$/;
/** This machine (or container), as temporary names carry it. */
const HOST = hostname()
  .replace(/[^A-Za-z0-9]/g, '')
  .slice(0, 32);

/** The folder holding the snapshots of the corpus in `corpusDir`. */
export function snapshotFolder(root: string, corpusDir: string): string {
  const corpusKey = createHash('sha256').update(path.resolve(corpusDir)).digest('hex').slice(0, 16);
  return path.join(root, corpusKey);
}

/** A fresh temporary name for writing the snapshot at `target`; `tag` names the service writing it. */
export function temporaryPath(target: string, tag?: string): string {
  return `${target}.tmp-${HOST}-${process.pid}-${tag ? `${tag}-` : ''}${randomBytes(4).toString('hex')}`;
}

export function isTemporary(name: string): boolean {
  return name.includes('.tmp-');
}

/**
 * Removes the temporary folders in `folder` that no one is writing any more:
 * those of a process of this machine that is gone, those of an earlier
 * process that had this one's pid (made before this process started:
 * containers reuse pids), and any older than an hour. Returns the names removed.
 */
export function removeAbandoned(folder: string, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of list(folder)) {
    const full = path.join(folder, name);
    const made = modified(full);
    if (made === null) continue;
    const found = TEMPORARY.exec(name);
    const legacy = found ? null : LEGACY.exec(name);
    const pid = Number(found ? found[2] : legacy?.[1]);
    const here = pid > 0 && (found ? found[1] === HOST : legacy !== null);
    const abandoned =
      now - made > ABANDONED_MS ||
      (here && (pid === process.pid ? made < performance.timeOrigin : !isRunning(pid)));
    if (abandoned && remove(full)) removed.push(name);
  }
  return removed;
}

/** Removes the temporary folders this process wrote in `folder` for the service tagged `tag`. */
export function removeOwn(folder: string, tag: string): void {
  const prefix = `.tmp-${HOST}-${process.pid}-${tag}-`;
  for (const name of list(folder)) if (name.includes(prefix)) remove(path.join(folder, name));
}

function list(folder: string): string[] {
  try {
    return readdirSync(folder).filter(isTemporary);
  } catch {
    return [];
  }
}

function modified(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function remove(full: string): boolean {
  try {
    // Retries: a worker stopped mid-write may still have a file being created in it.
    rmSync(full, { recursive: true, force: true, maxRetries: 3, retryDelay: 10 });
    return true;
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
