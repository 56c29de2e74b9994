import * as fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASET_NOTE_REASON, ignoreRules } from '../../src/corpus/ignore.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { type ScanFileSystem, scanCorpus } from '../../src/corpus/scan.ts';
import { corpusFolder } from '../engine/helpers.ts';

const OPTIONS = { maxFileBytes: 100_000 };
const ARTICLE = 'Headline\n\nThe minister said it was false.\n';

const files = (scan: { files: { file: string }[] }) => scan.files.map((f) => f.file);

describe('files that are not articles', () => {
  it("passes over a dataset's README, licence, source and changelog files, saying why", async () => {
    const dir = corpusFolder({
      'README.TXT': 'About the dataset.\n',
      'SOURCE.md': '# Where it comes from\n',
      LICENSE: 'MIT\n',
      'licence.txt': 'CC BY\n',
      'CHANGELOG.md': '1.0\n',
      'politics/readme.md': 'Notes on this folder.\n',
      'politics/001.txt': ARTICLE,
      // Named like notes but not notes: an article, and a folder of articles.
      'source-of-the-leak.md': ARTICLE,
      'sources/002.txt': ARTICLE,
    });
    const scan = await scanCorpus(dir, OPTIONS);
    expect(files(scan)).toEqual(['politics/001.txt', 'source-of-the-leak.md', 'sources/002.txt']);
    expect(scan.skipped.map((s) => s.file).sort()).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.TXT',
      'SOURCE.md',
      'licence.txt',
      'politics/readme.md',
    ]);
    for (const s of scan.skipped) expect(s.reason).toBe(DATASET_NOTE_REASON);
  });

  it('reads .whosaidignore (gitignore syntax): globs, folders, negation, and takes notes back', async () => {
    const dir = corpusFolder({
      '.whosaidignore': '# drafts are not published\ndrafts/\n*.draft.md\n/index.html\n!README.md\n',
      'README.md': ARTICLE,
      'README.TXT': 'About.\n',
      'index.html': '<html><body>list</body></html>',
      'news/index.html': `<html><body><article>${'<p>The minister said it was false, and said so again.</p>'.repeat(5)}</article></body></html>`,
      'drafts/a.md': ARTICLE,
      'news/drafts/b.md': ARTICLE,
      'news/c.draft.md': ARTICLE,
      'news/c.md': ARTICLE,
    });
    const scan = await scanCorpus(dir, OPTIONS);
    // Ignored files and folders are passed over without a word; README.md is taken back by "!README.md".
    expect(files(scan)).toEqual(['README.md', 'news/c.md', 'news/index.html']);
    expect(scan.skipped).toEqual([{ file: 'README.TXT', reason: DATASET_NOTE_REASON }]);
  });

  it('never lists an ignored folder (so one that cannot be read costs nothing)', async () => {
    const dir = corpusFolder({ '.whosaidignore': 'private/\n', 'a.md': ARTICLE, 'private/x.md': ARTICLE });
    const listed: string[] = [];
    const fileSystem: Partial<ScanFileSystem> = {
      readdir: async (folder) => {
        listed.push(path.basename(folder));
        return fs.readdirSync(folder, { withFileTypes: true });
      },
    };
    const scan = await scanCorpus(dir, { ...OPTIONS, fileSystem });
    expect(files(scan)).toEqual(['a.md']);
    expect(listed).not.toContain('private');
  });

  it('reports an ignore file it cannot read, and reads everything else', async () => {
    const dir = corpusFolder({ '.whosaidignore': 'b.md\n', 'a.md': ARTICLE, 'b.md': ARTICLE });
    const fileSystem: Partial<ScanFileSystem> = {
      readFile: async (file) => {
        if (file.endsWith('.whosaidignore')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return fs.readFileSync(file);
      },
    };
    const scan = await scanCorpus(dir, { ...OPTIONS, fileSystem });
    expect(files(scan)).toEqual(['a.md', 'b.md']);
    expect(scan.skipped).toEqual([
      { file: '.whosaidignore', reason: 'unreadable (EACCES): its rules were not applied' },
    ]);
  });

  it('loads a dataset folder as articles only', async () => {
    const dir = corpusFolder({
      'README.TXT': 'About.\n',
      'SOURCE.md': 'From.\n',
      'business/001.txt': ARTICLE,
    });
    const { documents, skipped } = await loadCorpus(dir, OPTIONS);
    expect(documents.map((d) => d.id)).toEqual(['business/001']);
    expect(skipped.map((s) => s.file)).toEqual(['README.TXT', 'SOURCE.md']);
  });

  it('matches names whatever their case', () => {
    const rules = ignoreRules('Drafts/\n');
    expect(rules.check('drafts', true)).toBe('ignored');
    expect(rules.check('ReadMe.markdown', false)).toBe(DATASET_NOTE_REASON);
    expect(rules.check('news/story.md', false)).toBeNull();
  });
});
