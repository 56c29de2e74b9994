import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBodyStart, splitFrontMatter } from '../../src/corpus/frontmatter.ts';
import { CorpusError, documentIdFor, loadCorpus } from '../../src/corpus/load.ts';
import { corpusFolder } from '../engine/helpers.ts';

const OPTIONS = { maxFileBytes: 5_000_000 };

const good =
  '---\ntitle: A good article\npublished: 2021-03-04\npublisher: The Daily\nurl: https://example.org/a\n---\nThe minister said it was false.\n';

describe('front matter', () => {
  it('splits the block from the body', () => {
    const { data, bodyStart } = splitFrontMatter(good);
    expect(data).toEqual({
      title: 'A good article',
      published: '2021-03-04',
      publisher: 'The Daily',
      url: 'https://example.org/a',
    });
    expect(good.slice(bodyStart)).toBe('The minister said it was false.\n');
  });

  it('reports unclosed blocks and bad YAML', () => {
    expect(() => splitFrontMatter('---\ntitle: x\nBody')).toThrow('never closed');
    expect(() => splitFrontMatter('---\ntitle: [x\n---\nBody')).toThrow('not valid YAML');
  });

  it('finds the body by the same rule without reading the YAML', () => {
    expect(findBodyStart(good)).toBe(splitFrontMatter(good).bodyStart);
    expect(findBodyStart('---\ntitle: [x\n---\r\nBody')).toBe('---\ntitle: [x\n---\r\n'.length);
    expect(findBodyStart('---\ntitle: x\nBody')).toBe(0);
    expect(findBodyStart('Just a body.\n---\nmore')).toBe(0);
    expect(findBodyStart('')).toBe(0);
  });
});

describe('loadCorpus', () => {
  it('loads .md and .txt files, titles from the first line when there is no front matter', async () => {
    const dir = corpusFolder({ 'a.md': good, 'sub/b.txt': '\n\n# Headline here\n\nBody text.' });
    const { documents, skipped } = await loadCorpus(dir, OPTIONS);
    expect(skipped).toEqual([]);
    expect(documents.map((d) => [d.id, d.title])).toEqual([
      ['a', 'A good article'],
      ['sub/b', 'Headline here'],
    ]);
    const a = documents[0]!;
    expect(a.sentences[0]!.id).toBe('a:1.1');
    expect(a.text.slice(a.sentences[0]!.start, a.sentences[0]!.end)).toBe('The minister said it was false.');
  });

  it('skips every kind of bad file with its reason, and still loads the rest', async () => {
    const outside = corpusFolder({ 'secret.md': 'Outside text.' });
    const dir = corpusFolder({
      'good.md': good,
      'empty.md': ' \n\n',
      'binary.txt': new Uint8Array([0x43, 0x61, 0x00, 0xe9, 0x20, 0x21]),
      'big.txt': 'x'.repeat(2000),
      'unclosed.md': '---\ntitle: x\nText.',
      'bad-yaml.md': '---\ntitle: [x\n---\nText.',
      'notes.pdf': '%PDF',
      'broken.json': '{"title": "x", ',
    });
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'escape.md'));
    symlinkSync(path.join(dir, 'missing.md'), path.join(dir, 'dangling.md'));
    const { documents, skipped } = await loadCorpus(dir, { maxFileBytes: 1000 });
    expect(documents.map((d) => d.id)).toEqual(['good']);
    expect(skipped).toEqual([
      {
        file: 'bad-yaml.md',
        reason: expect.stringMatching(/^invalid front matter: front matter is not valid YAML: /),
      },
      { file: 'big.txt', reason: 'too large (2000 bytes; the limit is 1000)' },
      { file: 'binary.txt', reason: 'binary data, not text' },
      { file: 'broken.json', reason: expect.stringMatching(/^not valid JSON: /) },
      { file: 'dangling.md', reason: 'unreadable (ENOENT)' },
      { file: 'empty.md', reason: 'empty' },
      { file: 'escape.md', reason: 'link points outside the corpus folder' },
      {
        file: 'notes.pdf',
        reason: 'not a document (only .md, .txt, .html, .htm, .json, .jsonl files are read)',
      },
      { file: 'unclosed.md', reason: 'invalid front matter: front matter opened with --- is never closed' },
    ]);
  });

  it('fails when no file is usable, saying why', async () => {
    const dir = corpusFolder({ 'empty.md': '' });
    await expect(loadCorpus(dir, OPTIONS)).rejects.toThrow(CorpusError);
    await expect(loadCorpus(dir, OPTIONS)).rejects.toThrow('empty.md: empty');
    await expect(loadCorpus(path.join(dir, 'nope'), OPTIONS)).rejects.toThrow('cannot open corpus folder');
  });

  it('gives the same ids to the same files on every load', async () => {
    const first = await loadCorpus('corpus', OPTIONS);
    const second = await loadCorpus('corpus', OPTIONS);
    expect(second.documents.map((d) => [d.id, d.hash, d.sentences.map((s) => s.id)])).toEqual(
      first.documents.map((d) => [d.id, d.hash, d.sentences.map((s) => s.id)]),
    );
  });

  it('keeps ids free of the sentence-id separator and apart for a.md and a.txt', async () => {
    expect(documentIdFor('news/2020: report.md')).toBe('news/2020-report');
    const dir = corpusFolder({ 'a.md': good, 'a.txt': 'Other text.' });
    const { documents } = await loadCorpus(dir, OPTIONS);
    expect(documents.map((d) => d.id)).toEqual(['a', 'a.txt']);
  });

  it('ships the seed corpus with the documented metadata', async () => {
    const { documents, skipped } = await loadCorpus('corpus', OPTIONS);
    expect(skipped).toEqual([]);
    expect(documents.map((d) => [d.id, d.published, d.publisher, d.url])).toEqual([
      ['000_dedf56004ae8cd24', '2020-09-11', undefined, undefined],
      ['001_e6221dfe59bbf6ac', undefined, undefined, undefined],
    ]);
  });
});
