/** Shared helpers for engine tests: corpora on disk and in memory, and a corpus's comparable parts. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
