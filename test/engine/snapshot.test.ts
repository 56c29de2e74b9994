import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractStatements as realExtractor } from '../../src/attribution/index.ts';
import { updateCorpus } from '../../src/engine/corpus.ts';
import { EngineHost } from '../../src/engine/host.ts';
import { scanCorpus } from '../../src/engine/scan.ts';
import { SnapshotStore, snapshotKey } from '../../src/engine/snapshot.ts';
import { parseQuery } from '../../src/search/query.ts';
import { extractStatements } from './fixtures/extractor.ts';
import {
  article,
  contentOf,
  corpusFolder,
  scanOf,
  searchBoth,
  snapshotOnDisk,
  tempFolder,
  writeFiles,
} from './helpers.ts';

const FILES = {
  'a.md': `---\ntitle: Ministers trade claims\npublished: 2021-05-06\nurl: https://example.org/a\n---\n${article(
    'Ministers trade claims',
    [
      ['We never hacked anyone', 'Ivan Petrov', 'RU'],
      ['Hackers work for an empire of lies', 'Li Wei', 'CN'],
    ],
  )}`,
  'news/b.txt': article(
    'Second report',
    [['Our grain exports will grow', 'Anna Berg', 'SE']],
    'Café “au lait”.',
  ),
  'notes.pdf': 'skipped',
};
const QUERIES = ['empire of hackers', '"grain exports"', 'hackrs', 'cafe', 'never'];

describe('snapshot keys', () => {
  const scan = scanOf({ 'a.md': 'A\n\ntext\n', 'b.md': 'B\n\ntext\n' });

  it('change when a file changes, appears or goes, and when the code version changes', () => {
    const key = snapshotKey('v1', scan);
    expect(snapshotKey('v1', scanOf({ 'a.md': 'A\n\ntext\n', 'b.md': 'B\n\ntext\n' }))).toBe(key);
    expect(snapshotKey('v1', scanOf({ 'a.md': 'A\n\ntext!\n', 'b.md': 'B\n\ntext\n' }))).not.toBe(key);
    expect(snapshotKey('v1', scanOf({ 'a.md': 'A\n\ntext\n' }))).not.toBe(key);
    expect(snapshotKey('v2', scan)).not.toBe(key);
  });

  it('change when the files skipped, or why, change', () => {
    const skipped = { ...scan, skipped: [{ file: 'x.pdf', reason: 'not a document' }] };
    expect(snapshotKey('v1', skipped)).not.toBe(snapshotKey('v1', scan));
    const other = { ...scan, skipped: [{ file: 'x.pdf', reason: 'too large' }] };
    expect(snapshotKey('v1', other)).not.toBe(snapshotKey('v1', skipped));
  });
});

describe('SnapshotStore', () => {
  it('gives back the corpus it saved: same content, same answers', async () => {
    const dir = corpusFolder(FILES);
    const scan = await scanCorpus(dir, { maxFileBytes: 1e6 });
    const corpus = updateCorpus(null, scan, extractStatements, { dir });
    const store = new SnapshotStore(tempFolder(), dir, 'v1');
    await store.save(store.keyOf(scan), corpus);
    const loaded = await store.load(store.keyOf(scan));
    expect(loaded).not.toBeNull();
    expect(contentOf(loaded!)).toEqual(contentOf(corpus));
    for (const q of QUERIES)
      expect(searchBoth(loaded!, parseQuery(q))).toEqual(searchBoth(corpus, parseQuery(q)));
  });

  it('keeps the identities it stored, and resolves them again for another home country', async () => {
    const dir = corpusFolder({
      'a.md': 'Budget\n\nThe chancellor, Gordon Brown, denied that taxes would rise.\n',
    });
    const scan = await scanCorpus(dir, { maxFileBytes: 1e6 });
    const root = tempFolder();
    const plain = new SnapshotStore(root, dir, 'v1');
    const key = plain.keyOf(scan);
    await plain.save(key, updateCorpus(null, scan, realExtractor, { dir }));
    const same = await plain.load(key);
    expect(same!.statements[0]).toMatchObject({ speakerName: 'Gordon Brown', country: null });
    const british = await new SnapshotStore(root, dir, 'v1', { homeCountry: 'GB' }).load(key);
    expect(british!.statements[0]).toMatchObject({ country: 'GB', countryEvidence: 'home' });
    expect(contentOf(british!)).toEqual(
      contentOf(updateCorpus(null, scan, realExtractor, { dir, homeCountry: 'GB' })),
    );
  });

  it('serves no snapshot of another code version, nor a damaged one', async () => {
    const dir = corpusFolder(FILES);
    const root = tempFolder();
    const scan = await scanCorpus(dir, { maxFileBytes: 1e6 });
    const store = new SnapshotStore(root, dir, 'v1');
    const key = store.keyOf(scan);
    await store.save(key, updateCorpus(null, scan, extractStatements, { dir }));
    expect(await new SnapshotStore(root, dir, 'v2').load(key)).toBeNull();
    expect(await new SnapshotStore(root, dir, 'v2').loadLatest()).toBeNull();
    const [folder] = readdirSync(root);
    const { manifest, segment } = snapshotOnDisk(path.join(root, folder!, key));
    writeFileSync(segment(manifest.indexes.sentences!.segments[0]!.name), 'truncated');
    expect(await store.load(key)).toBeNull();
    expect(existsSync(path.join(root, folder!, key))).toBe(false); // removed, for a good one to replace
    expect(await store.load(key)).toBeNull();
  });

  it('keeps the two newest snapshots of a corpus', async () => {
    const dir = corpusFolder(FILES);
    const root = tempFolder();
    const store = new SnapshotStore(root, dir, 'v1');
    for (const n of [1, 2, 3]) {
      writeFiles(dir, { 'c.md': `Version ${n}\n\nText ${n}.\n` });
      const scan = await scanCorpus(dir, { maxFileBytes: 1e6 });
      await store.save(store.keyOf(scan), updateCorpus(null, scan, extractStatements, { dir }));
      await new Promise((r) => setTimeout(r, 15));
    }
    const [folder] = readdirSync(root);
    expect(readdirSync(path.join(root, folder!)).filter((n) => n !== 'segments')).toHaveLength(2);
    const latest = await store.loadLatest();
    expect(latest?.documents.map((d) => d.title)).toContain('Version 3');
  });
});

describe('EngineHost start-up', () => {
  const open = (dir: string, snapshotDir: string, codeVersion = 'v1') =>
    EngineHost.open({
      corpusDir: dir,
      maxFileBytes: 1e6,
      snapshotDir,
      extract: extractStatements,
      codeVersion,
    });

  it('builds, then starts from the snapshot, then updates it after a change or builds for a new version', async () => {
    const dir = corpusFolder(FILES);
    const snapshots = tempFolder();
    const first = await open(dir, snapshots);
    expect(first.openedFrom).toBe('built');
    await first.flush();

    const second = await open(dir, snapshots);
    expect(second.openedFrom).toBe('snapshot');
    expect(contentOf(second.corpus)).toEqual(contentOf(first.corpus));

    writeFiles(dir, { 'news/b.txt': article('Second report', [['Exports will shrink', 'Anna Berg', 'SE']]) });
    const third = await open(dir, snapshots);
    expect(third.openedFrom).toBe('updated snapshot');
    expect(third.corpus.statements.map((s) => s.text.text)).toContain('Exports will shrink');
    await third.flush();

    expect((await open(dir, snapshots)).openedFrom).toBe('snapshot');
    expect((await open(dir, snapshots, 'v2')).openedFrom).toBe('built');
  });

  it('opens only from a snapshot of exactly these files when told to, and never builds then', async () => {
    const dir = corpusFolder(FILES);
    const snapshots = tempFolder();
    const only = (d: string) =>
      EngineHost.open(
        {
          corpusDir: d,
          maxFileBytes: 1e6,
          snapshotDir: snapshots,
          extract: extractStatements,
          codeVersion: 'v1',
        },
        { snapshotOnly: true },
      );
    await expect(only(dir)).rejects.toThrow('no snapshot of the current files');
    await (await open(dir, snapshots)).flush();
    expect((await only(dir)).openedFrom).toBe('snapshot');
    writeFiles(dir, { 'c.md': article('Third', [['The election was fair', 'Maria Lopez', 'ES']]) });
    await expect(only(dir)).rejects.toThrow('no snapshot of the current files');
  });

  it('answers the same after a reload in place as a fresh start', async () => {
    const dir = corpusFolder(FILES);
    const host = await open(dir, tempFolder());
    writeFiles(dir, { 'c.md': article('Third', [['The election was fair', 'Maria Lopez', 'ES']]) });
    expect(await host.reload()).toMatchObject({ ok: true, added: ['c'] });
    const fresh = await open(dir, tempFolder());
    expect(contentOf(host.corpus)).toEqual(contentOf(fresh.corpus));
    expect(host.catalog()).toEqual(fresh.catalog());
    expect(await host.reload()).toMatchObject({ ok: true, added: [], changed: [] });
  });
});

describe('snapshots written after a reload', () => {
  it('rewrite only the chunk of the changed file and the index segment of its texts', async () => {
    const names = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'];
    const dir = corpusFolder(
      Object.fromEntries(
        names.map((n, i) => [n, article(`Report ${i}`, [[`Prices rose ${i} times`, 'Anna Berg', 'SE']])]),
      ),
    );
    const snapshots = tempFolder();
    const host = await EngineHost.open({
      corpusDir: dir,
      maxFileBytes: 1e6,
      snapshotDir: snapshots,
      extract: extractStatements,
      codeVersion: 'v1',
      snapshotChunk: 2,
    });
    await host.flush();
    const [folder] = readdirSync(snapshots).filter((n) => !n.endsWith('.json'));
    const manifestOf = () => {
      const key = host.snapshotKey!;
      return snapshotOnDisk(path.join(snapshots, folder!, key)).manifest;
    };
    const before = manifestOf();
    expect(before.chunks).toHaveLength(3);
    writeFiles(dir, { 'c.md': article('Report 2', [['Prices fell', 'Anna Berg', 'SE']]) });
    expect(await host.reloadInPlace({ files: 10, bytes: 1e6 })).toMatchObject({ ok: true, changed: ['c'] });
    await host.flush();
    const after = manifestOf();
    expect(after.chunks.map((c) => c.name)).toEqual([
      before.chunks[0]!.name,
      expect.not.stringMatching(before.chunks[1]!.name),
      before.chunks[2]!.name,
    ]);
    for (const index of ['sentences', 'statements']) {
      expect(after.indexes[index]!.segments.slice(0, -1)).toEqual(before.indexes[index]!.segments);
      expect(after.indexes[index]!.segments).toHaveLength(2);
    }
  });

  it('hand the reload back when the change is over the limits, changing nothing', async () => {
    const dir = corpusFolder(FILES);
    const host = await EngineHost.open({
      corpusDir: dir,
      maxFileBytes: 1e6,
      snapshotDir: tempFolder(),
      extract: extractStatements,
      codeVersion: 'v1',
    });
    const corpus = host.corpus;
    writeFiles(dir, { 'c.md': article('Third', [['The election was fair', 'Maria Lopez', 'ES']]) });
    expect(await host.reloadInPlace({ files: 0, bytes: 1e6 })).toBeNull();
    expect(host.corpus).toBe(corpus);
    // A corpus larger than the limit reloads on a fresh worker: answers never wait for its update.
    expect(corpus.documents.length).toBeGreaterThan(1);
    expect(await host.reloadInPlace({ files: 1, bytes: 1e6, documents: 1 })).toBeNull();
    expect(host.corpus).toBe(corpus);
    expect(
      await host.reloadInPlace({ files: 1, bytes: 1e6, documents: corpus.documents.length }),
    ).toMatchObject({
      ok: true,
      added: ['c'],
    });
  });
});
