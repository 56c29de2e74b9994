/**
 * A bad folder is a bad file: skipped with its reason, never the end of a
 * load (issue 11). Unreadable folders are simulated by a failing `readdir`, so
 * the tests hold when they run as root (which reads a mode-000 folder).
 */

import * as fs from 'node:fs';
import { chmodSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CorpusError, type ScanFileSystem, scanCorpus } from '../../src/corpus/scan.ts';
import { corpusFolder } from '../engine/helpers.ts';
import { deepFolder } from '../support/deep-folder.ts';

const OPTIONS = { maxFileBytes: 1_000_000 };
const FILES = { 'a.md': 'First report\n\nIt rained.\n', 'news/b.md': 'Second report\n\nIt snowed.\n' };

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed`), { code });
}

/** `readdir` that fails with `code` for folders named `name`, and reads the others. */
function failingReaddir(name: string, code: string): Partial<ScanFileSystem> {
  return {
    readdir: async (dir) => {
      if (path.basename(dir) === name) throw errno(code);
      return fs.readdirSync(dir, { withFileTypes: true });
    },
  };
}

const files = (scan: { files: { file: string }[] }) => scan.files.map((f) => f.file);

describe('scanCorpus and folders it cannot read', () => {
  it.each([false, true])('skips a folder it may not list (EACCES), blocking: %s', async (blocking) => {
    const dir = corpusFolder({ ...FILES, 'lost+found/x.md': 'Recovered\n\nText.\n' });
    const scan = await scanCorpus(dir, {
      ...OPTIONS,
      blocking,
      fileSystem: failingReaddir('lost+found', 'EACCES'),
    });
    expect(files(scan)).toEqual(['a.md', 'news/b.md']);
    expect(scan.skipped).toEqual([{ file: 'lost+found/', reason: 'unreadable folder (EACCES)' }]);
  });

  it.skipIf(process.getuid?.() === 0)('skips a real mode-000 folder when not running as root', async () => {
    const dir = corpusFolder({ ...FILES, 'lost+found/x.md': 'Recovered\n\nText.\n' });
    chmodSync(path.join(dir, 'lost+found'), 0o000);
    try {
      const scan = await scanCorpus(dir, OPTIONS);
      expect(files(scan)).toEqual(['a.md', 'news/b.md']);
      expect(scan.skipped).toEqual([{ file: 'lost+found/', reason: 'unreadable folder (EACCES)' }]);
    } finally {
      chmodSync(path.join(dir, 'lost+found'), 0o755);
    }
  });

  it('skips a folder whose path is longer than the system allows (ENAMETOOLONG)', async () => {
    const dir = corpusFolder(FILES);
    const deep = deepFolder(dir);
    try {
      for (const blocking of [false, true]) {
        const scan = await scanCorpus(dir, { ...OPTIONS, blocking });
        expect(files(scan)).toEqual(['a.md', 'news/b.md']);
        expect(scan.skipped).toHaveLength(1);
        expect(scan.skipped[0]!.file).toMatch(/^deep\/d+\/.*\/$/);
        expect(scan.skipped[0]!.reason).toBe(
          'unreadable folder (ENAMETOOLONG: the path is longer than the system allows)',
        );
      }
    } finally {
      deep.remove();
    }
  });

  it('skips a folder renamed or deleted while the scan runs', async () => {
    const dir = corpusFolder({ ...FILES, 'moving/c.md': 'Third report\n\nIt hailed.\n' });
    // The root is listed; then, before the scan reaches it, the folder is renamed away.
    const fileSystem: Partial<ScanFileSystem> = {
      readdir: async (folder) => {
        const entries = fs.readdirSync(folder, { withFileTypes: true });
        if (folder === fs.realpathSync(dir)) renameSync(path.join(dir, 'moving'), path.join(dir, '.moved'));
        return entries;
      },
    };
    const scan = await scanCorpus(dir, { ...OPTIONS, fileSystem });
    expect(files(scan)).toEqual(['a.md', 'news/b.md']);
    expect(scan.skipped).toEqual([
      { file: 'moving/', reason: 'unreadable folder (ENOENT: it was moved or deleted during the scan)' },
    ]);
  });

  it('skips a folder that became a file while the scan runs (ENOTDIR)', async () => {
    const dir = corpusFolder(FILES);
    const scan = await scanCorpus(dir, { ...OPTIONS, fileSystem: failingReaddir('news', 'ENOTDIR') });
    expect(files(scan)).toEqual(['a.md']);
    expect(scan.skipped).toEqual([{ file: 'news/', reason: 'unreadable folder (ENOTDIR)' }]);
  });

  it('still fails, as a CorpusError, when the corpus folder itself cannot be read', async () => {
    const dir = corpusFolder(FILES);
    const root = path.basename(fs.realpathSync(dir));
    await expect(scanCorpus(dir, { ...OPTIONS, fileSystem: failingReaddir(root, 'EACCES') })).rejects.toThrow(
      new CorpusError(`cannot read corpus folder ${dir}: EACCES`),
    );
  });

  it('loadCorpus loads everything else and lists the folder with the skipped files', async () => {
    const dir = corpusFolder(FILES);
    mkdirSync(path.join(dir, 'empty-folder'));
    const deep = deepFolder(dir);
    try {
      const { documents, skipped } = await loadCorpus(dir, OPTIONS);
      expect(documents.map((d) => d.id)).toEqual(['a', 'news/b']);
      expect(skipped.map((s) => s.reason)).toEqual([
        'unreadable folder (ENAMETOOLONG: the path is longer than the system allows)',
      ]);
    } finally {
      deep.remove();
    }
  });
});
