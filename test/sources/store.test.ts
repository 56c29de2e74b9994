/**
 * Where added sources are kept: names that cannot leave `added/`, stable for
 * the same URL; the checks that turn away empty and binary files; the
 * append-only ledger and what its lines add up to.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentSources, Ledger, type LedgerEntry } from '../../src/sources/ledger.ts';
import {
  addedPath,
  contentProblem,
  extensionForUrl,
  SourceStore,
  slugOf,
  storedName,
  urlSlug,
} from '../../src/sources/store.ts';
import { tempFolder } from '../engine/helpers.ts';

describe('names of added files', () => {
  it('are always a safe name inside added/, whatever they are made from', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string(),
        fc.constantFrom('.md', '.txt', '.html', '.json', '.jsonl'),
        (base, identity, ext) => {
          const name = storedName(base, identity, ext);
          expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}\.(md|txt|html|json|jsonl)$/);
          expect(name.length).toBeLessThanOrEqual(60 + 1 + 8 + 6);
          expect(addedPath(name)).toBe(`added/${name}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('are the same for the same URL, and differ for another', () => {
    const url = new URL('https://www.bbc.co.uk/news/world-europe-12345678');
    expect(urlSlug(url)).toBe('bbc-co-uk-world-europe-12345678');
    const name = storedName(urlSlug(url), url.href, '.html');
    expect(name).toBe(storedName(urlSlug(url), url.href, '.html'));
    expect(name).not.toBe(storedName(urlSlug(url), `${url.href}?page=2`, '.html'));
    expect(slugOf('Ça va? Ünïcode — and ../../etc/passwd')).toBe('ca-va-unicode-and-etc-passwd');
    expect(slugOf('../..')).toBe('article');
    expect(slugOf('日本語')).toBe('article');
  });

  it('refuse, when typed, anything that could leave added/ or is not a name it makes', () => {
    for (const input of [
      '../corpus.md',
      'added/../../etc/passwd.md',
      '..%2Fx.md',
      '.hidden.md',
      'added/sub/x.md',
      '/etc/passwd',
      'x.pdf',
      'X.md',
      '',
    ]) {
      expect(addedPath(input), input).toBeNull();
    }
    expect(addedPath(' report-1a2b3c4d.md ')).toBe('added/report-1a2b3c4d.md');
  });

  it('take their extension from the content type, and from the path for plain text and JSON', () => {
    const url = (p: string) => new URL(`https://example.org${p}`);
    expect(extensionForUrl('text/html', url('/a'))).toBe('.html');
    expect(extensionForUrl('text/markdown', url('/a'))).toBe('.md');
    expect(extensionForUrl('text/plain', url('/raw/README.md'))).toBe('.md');
    expect(extensionForUrl('text/plain', url('/a.txt'))).toBe('.txt');
    expect(extensionForUrl('application/json', url('/export.jsonl'))).toBe('.jsonl');
    expect(extensionForUrl('application/json', url('/a'))).toBe('.json');
    expect(extensionForUrl('application/x-ndjson', url('/a'))).toBe('.jsonl');
  });
});

describe('what cannot be an article', () => {
  it('names empty, binary, PDF and image files; passes text in any encoding', () => {
    expect(contentProblem(new Uint8Array())).toBe('it is empty');
    expect(contentProblem(Buffer.from(' \n\t\r\n'))).toBe('it is empty');
    expect(contentProblem(Buffer.from('%PDF-1.4\n…'))).toBe('it is a PDF, not text');
    expect(contentProblem(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe(
      'it is an image (PNG), not text',
    );
    expect(contentProblem(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatch(/zip/);
    expect(contentProblem(Buffer.from('text\0with a NUL'))).toBe('it is binary, not text');
    expect(contentProblem(Buffer.from('Caf\xe9 au lait', 'latin1'))).toBeNull();
    expect(contentProblem(Buffer.from('\ufeffHello', 'utf16le'))).toBeNull();
    expect(contentProblem(Buffer.from('# Title\n\nBody.'))).toBeNull();
  });
});

describe('the store', () => {
  it('writes a file in one rename, puts a replaced one back, and leaves no scratch file', async () => {
    const dir = tempFolder();
    const store = new SourceStore(dir);
    const first = await store.put('added/a-00000000.md', Buffer.from('one'));
    expect(readFileSync(path.join(dir, 'added/a-00000000.md'), 'utf8')).toBe('one');
    const aside = await store.setAside('added/a-00000000.md');
    expect(await store.exists('added/a-00000000.md')).toBe(false);
    const second = await store.put('added/a-00000000.md', Buffer.from('two'));
    await second.remove();
    await aside!.restore();
    expect(readFileSync(path.join(dir, 'added/a-00000000.md'), 'utf8')).toBe('one');
    expect(readdirSync(path.join(dir, '.whosaid/tmp'))).toEqual([]);
    await first.remove();
    expect(await store.exists('added/a-00000000.md')).toBe(false);
    expect(await store.setAside('added/a-00000000.md')).toBeNull();
    expect(() => store.pathOf('../outside.md')).toThrow('outside the corpus folder');
  });
});

describe('the ledger', () => {
  const by = { id: '1', username: 'mod', guildId: '2' };
  const reload = { ok: true, ms: 5, added: 1, removed: 0, changed: 0, skipped: [], documents: 2 };
  const add = (file: string, at: string): LedgerEntry => ({
    at,
    by,
    action: 'add',
    file,
    origin: { kind: 'url', url: 'https://example.org/a', finalUrl: 'https://example.org/a' },
    sha256: 'ab',
    bytes: 10,
    mediaType: 'text/markdown',
    replaced: false,
    documents: [{ id: file.replace(/\.md$/, ''), title: 'A', statements: 1, speakers: 1 }],
    reload,
  });

  it('appends lines, reads them back, and passes over a line it cannot read', async () => {
    const dir = tempFolder();
    const ledger = new Ledger(dir);
    expect(await ledger.read()).toEqual({ entries: [], unreadable: 0 });
    await ledger.append(add('added/a.md', '2024-01-01T00:00:00.000Z'));
    appendFileSync(ledger.file, '{"torn": \n');
    await ledger.append(add('added/b.md', '2024-01-02T00:00:00.000Z'));
    await ledger.append({
      at: '2024-01-03T00:00:00.000Z',
      by,
      action: 'remove',
      file: 'added/a.md',
      documents: [],
      reload,
    });
    await ledger.append({
      at: '2024-01-04T00:00:00.000Z',
      by,
      action: 'refuse',
      what: 'x',
      reason: 'it is empty',
    });
    await ledger.append({ at: '2024-01-05T00:00:00.000Z', by, action: 'reload', reload });
    const { entries, unreadable } = await ledger.read();
    expect(unreadable).toBe(1);
    expect(entries.map((e) => e.action)).toEqual(['add', 'add', 'remove', 'refuse', 'reload']);
    expect([...currentSources(entries).keys()]).toEqual(['added/b.md']);
    // Append-only: what was written stays, in order.
    expect(readFileSync(ledger.file, 'utf8').split('\n').filter(Boolean)).toHaveLength(6);
  });

  it('refuses to write an entry that is not one', async () => {
    const dir = tempFolder();
    mkdirSync(path.join(dir, '.whosaid'));
    writeFileSync(path.join(dir, '.whosaid/ledger.jsonl'), '');
    const ledger = new Ledger(dir);
    await expect(ledger.append({ action: 'add' } as unknown as LedgerEntry)).rejects.toThrow();
    expect(readFileSync(ledger.file, 'utf8')).toBe('');
  });
});
