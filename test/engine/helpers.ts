/** Shared helpers for engine tests: corpora on disk and in memory, and a corpus's comparable parts. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Corpus } from '../../src/engine/corpus.ts';
import { type CorpusScan, hashBytes } from '../../src/engine/scan.ts';
import type { ParsedQuery } from '../../src/search/query.ts';

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** A temporary folder, removed after the test file. */
export function tempFolder(prefix = 'whosaid-engine-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** Writes `files` (path → text) into a new temporary corpus folder. */
export function corpusFolder(files: Record<string, string | Uint8Array>): string {
  const dir = tempFolder('whosaid-corpus-');
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

/** A scan of files held in memory, as `scanCorpus` would return for them on disk. */
export function scanOf(files: Record<string, string>): CorpusScan {
  return {
    files: Object.keys(files)
      .sort()
      .map((file) => {
        const bytes = Buffer.from(files[file]!);
        return { file, bytes, hash: hashBytes(bytes) };
      }),
    skipped: [],
  };
}

/** What two corpora must share to be the same corpus (maps and indexes are derived from these). */
export function contentOf(corpus: Corpus) {
  return {
    documents: corpus.documents,
    sentences: corpus.sentences,
    statements: corpus.statements,
    speakers: [...corpus.speakers.values()],
    skipped: corpus.skipped,
    sizes: [corpus.sentenceIndex.size, corpus.statementIndex.size],
  };
}

/** Both indexes' answers to `query`, for comparing corpora. */
export function searchBoth(corpus: Corpus, query: ParsedQuery) {
  return {
    sentences: corpus.sentenceIndex.search(query, { limit: 20 }),
    statements: corpus.statementIndex.search(query, { limit: 20 }),
  };
}

/** An article in the stand-in extractor's format: `"<words>," said <First Last> of <CC>.` */
export function article(title: string, quotes: [string, string, string][], extra = ''): string {
  const body = quotes.map(([words, who, cc]) => `"${words}," said ${who} of ${cc}.`).join(' ');
  return `${title}\n\n${body}\n\n${extra}\n`;
}

/**
 * A snapshot segment on disk (see src/engine/snapshot.ts): a 4-byte header
 * length, the JSON header, then its arrays. For tests that damage one.
 */
export interface SegmentOnDisk {
  header: { kind: string; sections: Record<string, [string, number, number]> } & Record<string, unknown>;
  bytes: Buffer;
  /** A section's numbers, as a view into `bytes` (edits go to `bytes`). */
  ints(section: string): Int32Array;
}

export function readSegment(file: string): SegmentOnDisk {
  const bytes = readFileSync(file);
  const length = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(8, 8 + length).toString('utf8')) as SegmentOnDisk['header'];
  const start = 8 + length + ((8 - (length % 8)) % 8);
  const copy = Buffer.from(bytes); // aligned: a fresh buffer of its own
  return {
    header,
    bytes: copy,
    ints(section) {
      const [, offset, count] = header.sections[section]!;
      return new Int32Array(copy.buffer, copy.byteOffset + start + offset, count);
    },
  };
}

/** The manifest of the snapshot in `folder`, and the path of each segment it names. */
export function snapshotOnDisk(folder: string) {
  const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as {
    chunks: { name: string; sha256: string; documents: number }[];
    indexes: Record<string, { terms: { name: string }; ids: { name: string }; segments: { name: string }[] }>;
  };
  const segment = (name: string) => path.join(path.dirname(folder), 'segments', name);
  return { manifest, segment };
}

/**
 * Writes `bytes` as the segment replacing `name` in the snapshot in `folder`,
 * with a new name and checksum in its manifest, and the manifest's checksum
 * again: a damage no checksum can see.
 */
export function resealSegment(folder: string, name: string, bytes: Uint8Array): void {
  const sum = createHash('sha256').update(bytes).digest('hex');
  const segments = path.join(path.dirname(folder), 'segments');
  writeFileSync(path.join(segments, sum), bytes);
  const file = path.join(folder, 'manifest.json');
  const manifest = readFileSync(file, 'utf8').replaceAll(name, sum);
  writeFileSync(file, manifest);
  const manifestSum = createHash('sha256').update(manifest).digest('hex');
  writeFileSync(path.join(folder, 'checksums.json'), JSON.stringify({ 'manifest.json': manifestSum }));
}
