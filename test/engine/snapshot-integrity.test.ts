/**
 * Snapshots are checked, never trusted (issue 11): an edited or shifted
 * snapshot is detected, logged, never served, and replaced on disk by a good
 * one; temporary folders a killed writer left are removed at the next start.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../src/engine/host.ts';
import { temporaryPath } from '../../src/engine/snapshot-files.ts';
import { extractStatements } from './fixtures/extractor.ts';
import { article, corpusFolder, tempFolder } from './helpers.ts';

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
    const keys = readdirSync(path.join(snapshots, corpus!)).filter((n) => !n.includes('.tmp-'));
    expect(keys).toHaveLength(1);
    return path.join(snapshots, corpus!, keys[0]!);
  };
  return { dir, snapshots, warnings, open, snapshot };
}

const speakerOf = (host: EngineHost, words: string) =>
  host.corpus.statements.find((s) => s.text.text.includes(words))?.speakerName;

/** Writes checksums.json again for the files as they are now: a damage the checksums cannot see. */
function reseal(folder: string): void {
  const sums: Record<string, string> = {};
  for (const file of ['manifest.json', 'texts.bin', 'arrays.bin']) {
    sums[file] = createHash('sha256')
      .update(readFileSync(path.join(folder, file)))
      .digest('hex');
  }
  writeFileSync(path.join(folder, 'checksums.json'), JSON.stringify(sums));
}

describe('a damaged snapshot', () => {
  it('edited on disk (a quote given to someone else) is detected, logged, rebuilt and replaced', async () => {
    const { warnings, open, snapshot } = setting();
    await (await open()).flush();
    const manifest = path.join(snapshot(), 'manifest.json');
    const edited = readFileSync(manifest, 'utf8')
      .replaceAll('Li Wei', 'Joe Bloggs')
      .replaceAll('li-wei', 'joe-bloggs');
    JSON.parse(edited); // still valid JSON
    writeFileSync(manifest, edited);

    const second = await open();
    expect(second.openedFrom).not.toBe('snapshot');
    expect(speakerOf(second, 'empire of lies')).toBe('Li Wei');
    expect(warnings).toEqual([
      expect.stringMatching(/is damaged \(manifest\.json does not match its checksum\)/),
    ]);
    await second.flush();

    // Replaced on disk: the next start opens it, and says nothing.
    expect(readFileSync(path.join(snapshot(), 'manifest.json'), 'utf8')).not.toContain('Joe Bloggs');
    const third = await open();
    expect(third.openedFrom).toBe('snapshot');
    expect(speakerOf(third, 'empire of lies')).toBe('Li Wei');
    expect(warnings).toHaveLength(1);
  });

  it('with sentence offsets shifted is detected even when its checksums agree', async () => {
    const { warnings, open, snapshot } = setting();
    const first = await open();
    await first.flush();
    const folder = snapshot();
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as {
      sections: { name: string; offset: number; length: number }[];
    };
    const section = manifest.sections.find((s) => s.name === 'sentences')!;
    const file = path.join(folder, 'arrays.bin');
    const bytes = readFileSync(file);
    const numbers = new Int32Array(bytes.buffer, bytes.byteOffset + section.offset, section.length);
    // Each sentence is paragraph, index, start, end: move every one two characters on.
    for (let i = 0; i < numbers.length; i += 4) {
      numbers[i + 2]! += 2;
      numbers[i + 3]! += 2;
    }
    writeFileSync(file, bytes);
    reseal(folder);

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
    const file = path.join(folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.documents[0].statements[0].text = [5000, 5010];
    writeFileSync(file, JSON.stringify(manifest));
    reseal(folder);
    expect((await open()).openedFrom).not.toBe('snapshot');
    expect(warnings).toEqual([expect.stringMatching(/is damaged \(document a: statement 1 /)]);
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
