/**
 * `npm run ask` on a folder of the formats people have: a Markdown post with a
 * static-site generator's front matter, an HTML page, a JSON export, a JSONL
 * feed, a Windows-1252 text file and a dataset README.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFolder } from '../engine/helpers.ts';
import { type CliResult, runCli } from '../support/cli.ts';

const { FORCE_COLOR: _force, NO_COLOR: _no, ...ENV } = process.env;

const PAGE = readFileSync(new URL('../corpus/fixtures/news-page.html', import.meta.url), 'utf8');

/** "“The Eastmouth harbour fees are fair,” said …" in Windows-1252 (0x93 and 0x94 are the curly quotes). */
const FEES = Buffer.concat([
  Buffer.from('Harbour fees\n\n'),
  Buffer.from([0x93]),
  Buffer.from('The Eastmouth harbour fees are fair,'),
  Buffer.from([0x94]),
  Buffer.from(' said port director Joan Reid.\n'),
]);

/** Front matter as a static-site generator writes it: `published` in words, a key whosaid does not know. */
const POST = [
  '---',
  'title: Strike talks resume',
  'published: 14 March 2024',
  'tags: [port, strike]',
  '---',
  '',
  '"The Eastmouth strike will end by Friday," said union leader Mary Quinn.',
  '',
].join('\n');

const FILES = {
  'posts/strike.md': POST,
  'news/port.html': PAGE,
  'exports/feed.json': JSON.stringify([
    {
      title: 'Harbour to reopen',
      date: 'March 15, 2024',
      url: 'https://news.example/reopen',
      text: 'The harbour at Eastmouth could reopen within days.\n\n“The harbour will reopen on Monday,” said Mayor Ann Cole of Eastmouth.',
    },
  ]),
  'exports/wire.jsonl': [
    JSON.stringify({
      title: 'Minister visits port',
      publishedAt: '2024-03-16',
      text: 'The minister visited.',
    }),
    JSON.stringify({
      title: 'Trade Secretary speaks',
      publishedAt: '2024-03-17',
      body: '"Eastmouth harbour must stay open," said Trade Secretary Bill Hart.',
    }),
  ].join('\n'),
  'notes/fees.txt': FEES,
  'README.TXT': 'About this folder.\n',
};

function ask(dir: string, ...args: string[]): Promise<CliResult> {
  // Built in memory: a temporary corpus leaves no snapshot behind.
  return runCli('src/cli/ask.ts', [...args, '--corpus', dir], {
    ...ENV,
    LOG_LEVEL: 'silent',
    WHOSAID_NO_SNAPSHOT: '1',
  });
}

describe('npm run ask on HTML, JSON, JSONL and text files', () => {
  it('answers with citations from each, and reports the README skipped and the encoding read around', async () => {
    const dir = corpusFolder(FILES);
    const { code, stdout, stderr } = await ask(dir, 'search', 'Eastmouth');
    expect(code).toBe(0);
    for (const citation of [
      '[news/port:1.1]',
      '[exports/feed/1:1.1]',
      '[exports/wire/2:1.1]',
      '[notes/fees:2.1]',
      '[posts/strike:1.1]',
    ]) {
      expect(stdout).toContain(citation);
    }
    // Metadata from each format: the page's publisher and canonical link, the export's date and url.
    expect(stdout).toContain(
      'Eastmouth Gazette, 2024-03-14T09:30:00+00:00, ¶1 [news/port:1.1] https://www.eastmouth-gazette.example/news/port-strike-talks-collapse',
    );
    expect(stdout).toContain('2024-03-15, ¶1 [exports/feed/1:1.1] https://news.example/reopen');
    expect(stdout).toContain('“The Eastmouth harbour fees are fair,” said port director Joan Reid.');
    expect(stdout).toContain('“Strike talks resume” — 2024-03-14, ¶1 [posts/strike:1.1]');
    for (const junk of ['Related stories', 'Most read', 'cookies', 'About this folder'])
      expect(stdout).not.toContain(junk);
    expect(stderr).toContain("whosaid: skipped README.TXT: the dataset's notes");
    expect(stderr).toContain(
      'whosaid: warning notes/fees.txt: not valid UTF-8: read as Windows-1252 (Latin-1)',
    );
  });

  it('lists the warnings beside the skipped files in the corpus answer', async () => {
    const { code, stdout } = await ask(corpusFolder(FILES), 'corpus');
    expect(code).toBe(0);
    // Every article of every format, and nothing else: the README is the one file skipped.
    expect(stdout).toMatch(/^6 documents, /);
    expect(stdout).toMatch(/Skipped files:\n {2}README\.TXT: the dataset's notes[^\n]*\nWarnings:/);
    expect(stdout).toContain(
      'Warnings:\n  notes/fees.txt: not valid UTF-8: read as Windows-1252 (Latin-1)\n  posts/strike.md: front matter: unknown key "tags" ignored',
    );
  });

  it('finds who said what in each format', async () => {
    const dir = corpusFolder(FILES);
    const harbour = await ask(dir, 'who-said', 'harbour');
    expect(harbour.code).toBe(0);
    expect(harbour.stdout).toContain('Bill Hart (Trade Secretary)');
    expect(harbour.stdout).toContain('[exports/wire/2:1.1]');
    expect(harbour.stdout).toContain('Ann Cole (Mayor)');
    expect(harbour.stdout).toContain('[exports/feed/1:2.1]');
    expect(harbour.stdout).toContain('Joan Reid');
    expect(harbour.stdout).toContain('[notes/fees:2.1]');
    const idle = await ask(dir, 'who-said', 'ships sit idle');
    expect(idle.stdout).toContain('Ravi Patel');
    expect(idle.stdout).toContain('[news/port:6.1]');
  });
});
