/**
 * The engine with files of several documents (JSON exports) and documents
 * with warnings: a reload keeps or replaces all of a file's documents, a
 * snapshot keeps each one's position and warnings, and the result is always
 * what loading the folder from scratch gives.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusWarnings, loadCorpus } from '../../src/corpus/load.ts';
import { buildCorpus, updateCorpus } from '../../src/engine/corpus.ts';
import { scanCorpus } from '../../src/engine/scan.ts';
import { SnapshotStore } from '../../src/engine/snapshot.ts';
import { extractStatements } from './fixtures/extractor.ts';
import { contentOf, corpusFolder, tempFolder } from './helpers.ts';

const MAX = 1_000_000;

const feed = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      title: `Item ${i + 1}`,
      date: '2024-03-14',
      text: `"We never did it," said Ivan Petrov of RU. Item ${i + 1}.`,
    }),
  ).join('\n');

const FILES = {
  'feed.jsonl': feed(3),
  'post.md': '---\ntitle: Post\ntags: [a]\n---\n"Taxes will fall," said Anna Berg of SE.\n',
  'latin1.txt': Buffer.from('Caf\xe9\n\nIt was open.\n', 'latin1'),
};

describe('the engine and the readers', () => {
  it('reloads a changed export, keeping the documents of unchanged files as they were', async () => {
    const dir = corpusFolder(FILES);
    const first = updateCorpus(null, await scanCorpus(dir, { maxFileBytes: MAX }), extractStatements, {
      dir,
    });
    expect(first.documents.map((d) => d.id)).toEqual(['feed/1', 'feed/2', 'feed/3', 'latin1', 'post']);
    writeFileSync(path.join(dir, 'feed.jsonl'), feed(4));
    const second = updateCorpus(first, await scanCorpus(dir, { maxFileBytes: MAX }), extractStatements, {
      dir,
    });
    expect(second.documents.map((d) => d.id)).toEqual([
      'feed/1',
      'feed/2',
      'feed/3',
      'feed/4',
      'latin1',
      'post',
    ]);
    // Unchanged files keep their very documents; the changed export is read again, all of it.
    expect(second.documentById.get('post')).toBe(first.documentById.get('post'));
    expect(second.documentById.get('feed/1')).not.toBe(first.documentById.get('feed/1'));
    const fresh = buildCorpus(await loadCorpus(dir, { maxFileBytes: MAX }), extractStatements);
    expect(contentOf(second)).toEqual(contentOf(fresh));
    const third = updateCorpus(second, await scanCorpus(dir, { maxFileBytes: MAX }), extractStatements, {
      dir,
    });
    expect(third.documents).toEqual(second.documents);
    expect(third.documentById.get('feed/2')).toBe(second.documentById.get('feed/2'));
  });

  it("keeps each document's position and warnings in a snapshot", async () => {
    const dir = corpusFolder(FILES);
    const scan = await scanCorpus(dir, { maxFileBytes: MAX });
    const corpus = updateCorpus(null, scan, extractStatements, { dir });
    const store = new SnapshotStore(tempFolder(), dir, 'v1');
    await store.save(store.keyOf(scan), corpus);
    const loaded = await store.load(store.keyOf(scan));
    expect(contentOf(loaded!)).toEqual(contentOf(corpus));
    expect(loaded!.documents.map((d) => d.part)).toEqual([1, 2, 3, undefined, undefined]);
    expect(corpusWarnings(loaded!.documents)).toEqual([
      { file: 'latin1.txt', message: 'not valid UTF-8: read as Windows-1252 (Latin-1)' },
      { file: 'post.md', message: 'front matter: unknown key "tags" ignored' },
    ]);
  });
});
