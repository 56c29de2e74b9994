/**
 * Snapshots are checked, never trusted (issue 11): an edited or shifted
 * snapshot is detected, logged, never served, and replaced on disk by a good
 * one; temporary folders a killed writer left are removed at the next start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../src/engine/host.ts';
import { temporaryPath } from '../../src/engine/snapshot-files.ts';
import { extractStatements } from './fixtures/extractor.ts';
import { article, corpusFolder, readSegment, resealSegment, snapshotOnDisk, tempFolder } from './helpers.ts';

const FILES = {
  'a.md': article('Ministers trade claims', [
    ['We never hacked anyone', 'Ivan Petrov', 'RU'],
    ['Hackers work for an empire of lies', 'Li Wei', 'CN'],
  ]),
  'b.md': article(
    'Second report',
    [['Our grain exports will grow', 'Anna Berg', 'SE']],
    'Markets rose. Then fell.',
  ),
};

/** A corpus folder, a snapshot folder, and an engine that opens one from the other, noting its warnings. */
function setting() {
  const dir = corpusFolder(FILES);
  const snapshots = tempFolder();
  const warnings: string[] = [];
  const open = () =>
    EngineHost.open({
      corpusDir: dir,
      maxFileBytes: 1e6,
      snapshotDir: snapshots,
      extract: extractStatements,
      codeVersion: 'v1',
      warn: (message) => warnings.push(message),
    });
  /** The one snapshot's folder. */
  const snapshot = () => {
    const [corpus] = readdirSync(snapshots);
    const keys = readdirSync(path.join(snapshots, corpus!)).filter(
      (n) => !n.includes('.tmp-') && n !== 'segments' && !n.endsWith('.json'),
    );
    expect(keys).toHaveLength(1);
    return path.join(snapshots, corpus!, keys[0]!);
  };
  return { dir, snapshots, warnings, open, snapshot };
}

const speakerOf = (host: EngineHost, words: string) =>
  host.corpus.statements.find((s) => s.text.text.includes(words))?.speakerName;

describe('a damaged snapshot', () => {
  it('edited on disk (a quote given to someone else) is detected, logged, rebuilt and replaced', async () => {
    const { warnings, open, snapshot } = setting();
    await (await open()).flush();
    const { manifest, segment } = snapshotOnDisk(snapshot());
    const chunk = segment(manifest.chunks[0]!.name);
    const edited = readFileSync(chunk, 'latin1')
      .replaceAll('Li Wei', 'Jo Doe')
      .replaceAll('li-wei', 'jo-doe');
    writeFileSync(chunk, edited, 'latin1');

    const second = await open();
    expect(second.openedFrom).not.toBe('snapshot');
    expect(speakerOf(second, 'empire of lies')).toBe('Li Wei');
    expect(warnings).toEqual([
      expect.stringMatching(/is damaged \(segment \w+ does not match its checksum\)/),
    ]);
    await second.flush();

    // Replaced on disk (the damaged segment too): the next start opens it, and says nothing.
    expect(readFileSync(chunk, 'latin1')).not.toContain('Jo Doe');
    const third = await open();
    expect(third.openedFrom).toBe('snapshot');
    expect(speakerOf(third, 'empire of lies')).toBe('Li Wei');
    expect(warnings).toHaveLength(1);
  });

  it('with its manifest edited is detected, logged and rebuilt', async () => {
    const { warnings, open, snapshot } = setting();
    await (await open()).flush();
    const file = path.join(snapshot(), 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.skipped = [{ file: 'c.md', reason: 'not a document' }];
    writeFileSync(file, JSON.stringify(manifest));
    expect((await open()).openedFrom).not.toBe('snapshot');
    expect(warnings).toEqual([
      expect.stringMatching(/is damaged \(manifest\.json does not match its checksum\)/),
    ]);
  });

  it('naming a segment that is gone, or one of another kind, is rebuilt', async () => {
    const { warnings, open, snapshot } = setting();
    await (await open()).flush();
    const folder = snapshot();
    const { manifest, segment } = snapshotOnDisk(folder);
    // The sentence index's terms given as the statement index's: a segment of the wrong kind.
    const terms = manifest.indexes.sentences!.terms.name;
    resealSegment(folder, manifest.indexes.statements!.ids.name, readFileSync(segment(terms)));
    expect((await open()).openedFrom).not.toBe('snapshot');
    expect(warnings).toEqual([expect.stringMatching(/is damaged \(segment \w+ is not a segment of ids\)/)]);
    await (await open()).flush();
    const again = snapshotOnDisk(snapshot());
    rmSync(again.segment(again.manifest.chunks[0]!.name));
    expect((await open()).openedFrom).not.toBe('snapshot');
    expect(warnings[1]).toMatch(/is damaged \(segment \w+ is missing\)/);
  });

  it('with sentence offsets shifted is detected even when its checksums agree', async () => {
    const { warnings, open, snapshot } = setting();
    const first = await open();
    await first.flush();
    const folder = snapshot();
    const { manifest, segment } = snapshotOnDisk(folder);
    const name = manifest.chunks[0]!.name;
    const chunk = readSegment(segment(name));
    const numbers = chunk.ints('sentences');
    // Each sentence is paragraph, index, start, end: move every one two characters on.
    for (let i = 0; i < numbers.length; i += 4) {
      numbers[i + 2]! += 2;
      numbers[i + 3]! += 2;
    }
    resealSegment(folder, name, chunk.bytes);

    const second = await open();
    expect(second.openedFrom).not.toBe('snapshot');
    expect(warnings).toEqual([expect.stringMatching(/is damaged \(document \w+: sentence 1\.1 /)]);
    expect(second.corpus.sentences.map((s) => s.text)).toEqual(first.corpus.sentences.map((s) => s.text));
    await second.flush();
    expect((await open()).openedFrom).toBe('snapshot');
    expect(warnings).toHaveLength(1);
  });

  it('with a statement out of its document is detected even when its checksums agree', async () => {
    const { warnings, open, snapshot } = setting();
    await (await open()).flush();
    const folder = snapshot();
    const { manifest, segment } = snapshotOnDisk(folder);
    const name = manifest.chunks[0]!.name;
    const chunk = readSegment(segment(name));
    const rows = chunk.ints('statements');
    rows[1] = 5000; // the first statement's text: start, end
    rows[2] = 5010;
    resealSegment(folder, name, chunk.bytes);
    expect((await open()).openedFrom).not.toBe('snapshot');
    expect(warnings).toEqual([expect.stringMatching(/is damaged \(document a: statement 1 /)]);
  });

  it('with an index posting past its texts is detected even when its checksums agree', async () => {
    const { warnings, open, snapshot } = setting();
    await (await open()).flush();
    const folder = snapshot();
    const { manifest, segment } = snapshotOnDisk(folder);
    const name = manifest.indexes.sentences!.segments[0]!.name;
    const index = readSegment(segment(name));
    index.ints('postingText')[0] = 1_000_000;
    resealSegment(folder, name, index.bytes);
    expect((await open()).openedFrom).not.toBe('snapshot');
    expect(warnings).toEqual([expect.stringMatching(/is damaged \(segment \w+ has a posting of no text\)/)]);
  });
});

describe('temporary snapshot folders', () => {
  it('left by a process killed while writing are removed at the next start', async () => {
    const { warnings, open, snapshot } = setting();
    await (await open()).flush();
    const target = snapshot();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has ended
    const leftBehind = [
      temporaryPath(target).replace(`-${process.pid}-`, `-${gone}-`),
      `${target}.tmp-${gone}-0badf00d`, // as named before they carried the machine's name
    ];
    const running = temporaryPath(target).replace(`-${process.pid}-`, `-${process.ppid}-`);
    for (const folder of [...leftBehind, running]) {
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'texts.bin'), 'half a snapshot');
    }
    expect((await open()).openedFrom).toBe('snapshot');
    for (const folder of leftBehind) expect(existsSync(folder)).toBe(false);
    expect(existsSync(running)).toBe(true); // its writer is alive: it may still finish
    expect(warnings).toEqual([expect.stringMatching(/^removed 2 unfinished snapshot folder/)]);
  });
});
