import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullScanAsked, hashBytes, scanRecorded } from '../../src/engine/scan.ts';
import { snapshotFolder } from '../../src/engine/snapshot-files.ts';

let root: string;
let corpus: string;
let snapshots: string;
const OLD = new Date('2020-01-01T00:00:00Z');

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'whosaid-scan-record-'));
  corpus = path.join(root, 'corpus');
  snapshots = path.join(root, 'snapshots');
  await import('node:fs/promises').then((fs) => fs.mkdir(corpus));
  await writeFile(path.join(corpus, 'a.md'), 'Alpha said hello.\n');
  await writeFile(path.join(corpus, 'b.md'), 'Beta said goodbye.\n');
  // Old modification times: not "racy", so the scan records them.
  for (const f of ['a.md', 'b.md']) await utimes(path.join(corpus, f), OLD, OLD);
});

afterEach(() => rm(root, { recursive: true, force: true }));

const scan = (fullScan = false) =>
  scanRecorded(corpus, { maxFileBytes: 1e6, blocking: true, snapshotDir: snapshots, fullScan });

describe('scanRecorded', () => {
  it('reuses the recorded hash of a file whose size and times are unchanged, without reading it', async () => {
    const first = await scan();
    expect(first.files.every((f) => f.stamp)).toBe(true);
    // ctime moves on every change, so it is only recorded once it is old enough: wait that out.
    const second = await scanAfterRacyWindow();
    expect(second.files.map((f) => f.hash)).toEqual(first.files.map((f) => f.hash));
    // Reused: the bytes are read only when asked for, and are the file's.
    expect(Object.getOwnPropertyDescriptor(second.files[0]!, 'bytes')?.get).toBeTypeOf('function');
    expect(hashBytes(second.files[0]!.bytes)).toBe(second.files[0]!.hash);
  });

  it('sees a change that keeps the size and puts the modification time back (the change time moved)', async () => {
    await scan();
    const file = path.join(corpus, 'a.md');
    await writeFile(file, 'Omega said hello.\n'); // same length
    await utimes(file, OLD, OLD);
    expect((await stat(file)).mtimeMs).toBe(OLD.getTime());
    const again = await scan();
    expect(again.files[0]!.hash).toBe(hashBytes(Buffer.from('Omega said hello.\n')));
  });

  it('hashes every file with a full scan (WHOSAID_FULL_SCAN), whatever the record says', async () => {
    await scanAfterRacyWindow();
    const record = `${snapshotFolder(snapshots, corpus)}.files.json`;
    const saved = JSON.parse(await readFile(record, 'utf8')) as { files: Record<string, unknown[]> };
    saved.files['a.md']![3] = '0'.repeat(64);
    await writeFile(record, JSON.stringify(saved));
    // A quick scan trusts the record while the file's stamp holds (the documented residual risk)…
    expect((await scan()).files[0]!.hash).toBe('0'.repeat(64));
    // …a full scan reads everything.
    const full = await scan(true);
    expect(full.files.map((f) => f.hash)).toEqual([
      hashBytes(Buffer.from('Alpha said hello.\n')),
      hashBytes(Buffer.from('Beta said goodbye.\n')),
    ]);
    expect(fullScanAsked({ WHOSAID_FULL_SCAN: '1' })).toBe(true);
    expect(fullScanAsked({ WHOSAID_FULL_SCAN: '0' })).toBe(false);
    expect(fullScanAsked({})).toBe(false);
  });
});

/** Scans once the files' change times are older than the racy window, so that the record holds them. */
async function scanAfterRacyWindow() {
  const ctime = Math.max(
    ...(await Promise.all(['a.md', 'b.md'].map((f) => stat(path.join(corpus, f))))).map((s) => s.ctimeMs),
  );
  const wait = ctime + 2100 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  await scan(); // records them now that they are old enough
  return scan();
}
