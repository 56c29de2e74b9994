/**
 * Corpus management without Discord: the source manager over the real
 * loader and engine (with the tests' stand-in attribution step), fetching
 * from an HTTP server this test starts on 127.0.0.1. What is added is read
 * and served; whatever fails leaves nothing behind and the corpus serving as
 * before; every change is in the ledger.
 */
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answers/requests.ts';
import type { WhoSaidAnswer } from '../../src/answers/types.ts';
import { Refusal } from '../../src/bot/errors.ts';
import { createLogger } from '../../src/log.ts';
import { parseRanges } from '../../src/sources/address.ts';
import { auditLine, SourceManager } from '../../src/sources/manager.ts';
import { article, corpusFolder } from '../engine/helpers.ts';
import { displayed } from '../support/interactions.ts';
import { stubService } from '../support/stub-service.ts';

const MOD = { id: '400000000000000003', username: 'mod', guildId: '300000000000000001' };
const FIRST = article('First report', [['We never hacked anyone', 'Ivan Petrov', 'RU']]);
const GRAIN = article('Grain report', [['Our grain exports will grow', 'Anna Berg', 'SE']]);
const WHEAT = article('Wheat report', [['Wheat prices will fall', 'Olof Lind', 'SE']]);

let server: Server;
let base: string;
const pages = new Map<string, { type: string; body: string | Buffer }>();
const served: string[] = [];

let dir: string;
let service: AnswerService;
let manager: SourceManager;
const audit: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url!);
    const page = pages.get(req.url!);
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': page.type }).end(page.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pages.set('/grain', { type: 'text/markdown', body: GRAIN });
  pages.set('/wheat.txt', { type: 'text/plain', body: WHEAT });
  pages.set('/empty-body', { type: 'text/markdown', body: '---\ntitle: Nothing here\n---\n\n' });

  dir = corpusFolder({ 'first.txt': FIRST });
  service = await stubService(dir);
  manager = new SourceManager({
    corpusDir: dir,
    limits: { timeoutMs: 2000, maxBytes: 100_000, maxRedirects: 2, allow: parseRanges('127.0.0.1') },
    service,
    reload: () => service.reload(),
    logger: createLogger('silent'),
    audit: async (line) => void audit.push(line),
  });
});

afterAll(() => {
  server?.closeAllConnections();
  server?.close();
});

const addedFiles = () =>
  existsSync(path.join(dir, 'added')) ? readdirSync(path.join(dir, 'added')).sort() : [];
const scratch = () =>
  existsSync(path.join(dir, '.whosaid/tmp')) ? readdirSync(path.join(dir, '.whosaid/tmp')) : [];
const ledger = () =>
  readFileSync(path.join(dir, '.whosaid/ledger.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

async function whoSaid(query: string): Promise<string[]> {
  const a = (await service.ask({ type: 'who-said', query })) as WhoSaidAnswer;
  return a.groups.map((g) => g.speaker.name);
}

async function documentCount(): Promise<number> {
  const a = await service.ask({ type: 'corpus' });
  return a.type === 'corpus' ? a.documents : -1;
}

async function refused(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  // As Discord shows it: the message is markdown, with corpus and user text escaped.
  return displayed((error as Refusal).message);
}

describe('adding a source by URL', () => {
  it('stores it under added/, reloads, and says what was read', async () => {
    const a = await manager.addUrl(`${base}/grain`, MOD);
    expect(a).toMatchObject({ type: 'source-change', action: 'added', by: { username: 'mod' } });
    expect(a.file).toMatch(/^added\/127-0-0-1-grain-[0-9a-f]{8}\.md$/);
    expect(a.documents).toEqual([
      expect.objectContaining({
        title: 'Grain report',
        statements: 1,
        speakers: [expect.objectContaining({ name: 'Anna Berg', country: 'SE', statements: 1 })],
      }),
    ]);
    expect(a.reload.before.documents).toBe(1);
    expect(a.reload.after.documents).toBe(2);
    expect(a.warnings).toEqual([]);
    expect(await whoSaid('grain exports')).toEqual(['Anna Berg']);
    expect(readFileSync(path.join(dir, a.file), 'utf8')).toBe(GRAIN);
    expect(ledger().at(-1)).toMatchObject({
      action: 'add',
      by: MOD,
      file: a.file,
      origin: { kind: 'url', url: `${base}/grain` },
      documents: [{ title: 'Grain report', statements: 1, speakers: 1 }],
      reload: { ok: true },
    });
    expect(audit.at(-1)).toMatch(/^📥 \*\*mod\*\* added `added\/127-0-0-1-grain-[0-9a-f]{8}\.md` from <http/);
    expect(scratch()).toEqual([]);
  });

  it('refuses the same article again, unchanged, and keeps one copy', async () => {
    const before = addedFiles();
    const message = await refused(manager.addUrl(`${base}/grain`, MOD));
    expect(message).toMatch(/it is already in the corpus, unchanged, as added\/127-0-0-1-grain-/);
    expect(addedFiles()).toEqual(before);
    expect(ledger().at(-1)).toMatchObject({ action: 'refuse', reason: expect.stringContaining('already') });
  });

  it('replaces the file of a URL added before when its article changed', async () => {
    pages.set('/grain', { type: 'text/markdown', body: GRAIN.replace('will grow', 'will grow fast') });
    const a = await manager.addUrl(`${base}/grain`, MOD);
    expect(a.action).toBe('replaced');
    expect(addedFiles()).toHaveLength(1);
    expect(readFileSync(path.join(dir, a.file), 'utf8')).toContain('will grow fast');
    expect(await documentCount()).toBe(2);
  });

  it('takes a file the loader skips out again, names why, and keeps serving the version before', async () => {
    const before = addedFiles();
    const count = await documentCount();
    // The same URL whose article now has no body: the file it replaces comes back.
    pages.set('/grain', { type: 'text/markdown', body: '---\ntitle: Grain\n---\n\n' });
    const message = await refused(manager.addUrl(`${base}/grain`, MOD));
    expect(message).toMatch(
      /^Could not add <http:\/\/127\.0\.0\.1:\d+\/grain>: the corpus loader skipped it: empty/,
    );
    expect(message).toMatch(/Nothing was changed\.$/);
    expect(addedFiles()).toEqual(before);
    expect(readFileSync(path.join(dir, 'added', before[0]!), 'utf8')).toContain('will grow fast');
    expect(await whoSaid('grain exports')).toEqual(['Anna Berg']);
    // A new URL whose file is skipped leaves nothing, and the corpus lists no phantom skipped file.
    await refused(manager.addUrl(`${base}/empty-body`, MOD));
    expect(addedFiles()).toEqual(before);
    expect(scratch()).toEqual([]);
    expect(await documentCount()).toBe(count);
    const corpus = await service.ask({ type: 'corpus' });
    expect(corpus.type === 'corpus' && corpus.skipped).toEqual([]);
    expect(ledger().at(-1)).toMatchObject({ action: 'refuse', what: `${base}/empty-body` });
  });

  it('names a failed fetch and writes nothing', async () => {
    const before = addedFiles();
    expect(await refused(manager.addUrl(`${base}/missing`, MOD))).toMatch(
      /: the server answered 404 Not Found\. Nothing was changed\.$/,
    );
    expect(await refused(manager.addUrl('ftp://example.org/a.txt', MOD))).toBe(
      'Could not add ftp://example.org/a.txt: only http and https addresses can be fetched, not ftp:. Nothing was changed.',
    );
    expect(addedFiles()).toEqual(before);
  });

  it('runs changes one at a time: two adds at once are both kept', async () => {
    pages.set('/a.md', {
      type: 'text/markdown',
      body: article('Alpha', [['Alpha words here', 'Alma Alm', 'SE']]),
    });
    pages.set('/b.md', {
      type: 'text/markdown',
      body: article('Beta', [['Beta words here', 'Bert Berg', 'SE']]),
    });
    const [a, b] = await Promise.all([
      manager.addUrl(`${base}/a.md`, MOD),
      manager.addUrl(`${base}/b.md`, MOD),
    ]);
    expect([a.action, b.action]).toEqual(['added', 'added']);
    expect(await whoSaid('alpha words')).toEqual(['Alma Alm']);
    expect(await whoSaid('beta words')).toEqual(['Bert Berg']);
  });
});

describe('adding a source from an attachment', () => {
  it('checks the name, size and emptiness before fetching anything', async () => {
    const fetched = served.length;
    const file = (name: string, size = 100) => ({ name, size, url: `${base}/wheat.txt`, contentType: null });
    expect(await refused(manager.addAttachment(file('report.pdf'), MOD))).toBe(
      'Could not add the file report.pdf: only .md, .txt, .html, .json and .jsonl files can be added, not .pdf. Nothing was changed.',
    );
    expect(await refused(manager.addAttachment(file('huge.txt', 50_000_000), MOD))).toMatch(
      /it is 47\.7 MB; the limit is 98 kB/,
    );
    expect(await refused(manager.addAttachment(file('empty.md', 0), MOD))).toMatch(/: it is empty\./);
    expect(served.length).toBe(fetched);
  });

  it('adds a text file under a name from the attachment and its content', async () => {
    const a = await manager.addAttachment(
      {
        name: 'Wheat Report (final).txt',
        size: WHEAT.length,
        url: `${base}/wheat.txt`,
        contentType: 'text/plain',
      },
      MOD,
    );
    expect(a.file).toMatch(/^added\/wheat-report-final-[0-9a-f]{8}\.txt$/);
    expect(a.origin).toEqual({
      kind: 'attachment',
      name: 'Wheat Report (final).txt',
      url: `${base}/wheat.txt`,
    });
    expect(await whoSaid('wheat prices')).toEqual(['Olof Lind']);
  });

  it('refuses binary content whatever its name says', async () => {
    pages.set('/fake.md', {
      type: 'application/octet-stream',
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]),
    });
    expect(
      await refused(
        manager.addAttachment({ name: 'fake.md', size: 6, url: `${base}/fake.md`, contentType: null }, MOD),
      ),
    ).toMatch(/it is an image \(PNG\), not text/);
  });
});

describe('listing and removing sources', () => {
  it('lists what was added, newest first, with who and when, and files added by hand', async () => {
    writeFileSync(
      path.join(dir, 'added', 'by-hand-00000000.md'),
      article('By hand', [['Manual words', 'Hans Hand', 'DE']]),
    );
    const list = await manager.list();
    expect(list.sources.map((s) => s.documents[0]?.title)).toEqual([
      'Wheat report',
      expect.stringMatching(/^(Alpha|Beta)$/),
      expect.stringMatching(/^(Alpha|Beta)$/),
      'Grain report',
    ]);
    expect(list.sources[0]).toMatchObject({ addedBy: { id: MOD.id, username: 'mod' }, missing: false });
    expect(Date.parse(list.sources[0]!.addedAt)).not.toBeNaN();
    expect(list.untracked).toEqual(['added/by-hand-00000000.md']);
    unlinkSync(path.join(dir, 'added', 'by-hand-00000000.md'));
  });

  it('offers the sources by title or file name for autocomplete', async () => {
    expect(await manager.choices('wheat')).toEqual([
      {
        name: expect.stringMatching(/^Wheat report · added\/wheat-report-final-/),
        value: expect.stringMatching(/^added\//),
      },
    ]);
    expect((await manager.choices('')).length).toBe(4);
    expect(await manager.choices('nothing like it')).toEqual([]);
  });

  it('removes one: the file goes, the corpus reloads without it, the ledger says who', async () => {
    const [wheat] = await manager.choices('wheat');
    const a = await manager.remove(wheat!.value, MOD);
    expect(a).toMatchObject({
      action: 'removed',
      file: wheat!.value,
      documents: [{ title: 'Wheat report' }],
    });
    expect(existsSync(path.join(dir, wheat!.value))).toBe(false);
    expect(await whoSaid('wheat prices')).toEqual([]);
    expect(ledger().at(-1)).toMatchObject({ action: 'remove', file: wheat!.value, by: MOD });
    const list = await manager.list();
    expect(list.removed[0]).toMatchObject({
      file: wheat!.value,
      title: 'Wheat report',
      by: { username: 'mod' },
    });
    expect(await refused(manager.remove(wheat!.value, MOD))).toMatch(/was added from Discord/);
    expect(await refused(manager.remove('../first.txt', MOD))).toMatch(
      /^No source \.\.\/first\.txt was added/,
    );
  });

  it('keeps a source whose removal would leave the corpus empty, and says why', async () => {
    // Only added sources left, then all but one removed: removing the last cannot reload.
    unlinkSync(path.join(dir, 'first.txt'));
    for (const choice of (await manager.choices('')).slice(1)) await manager.remove(choice.value, MOD);
    const [last] = await manager.choices('');
    const message = await refused(manager.remove(last!.value, MOD));
    expect(message).toMatch(
      /^Could not remove added\/.*: the reload failed \(no valid document in .*\)\. It is still in the corpus\.$/,
    );
    expect(existsSync(path.join(dir, last!.value))).toBe(true);
    expect(scratch()).toEqual([]);
  });
});

describe('the audit line', () => {
  it('says who did what, and cannot ping anyone', () => {
    const line = auditLine({
      at: '2024-01-01T00:00:00.000Z',
      by: { id: '1', username: '@everyone', guildId: null },
      action: 'refuse',
      what: 'https://example.org/x',
      reason: 'it is a PDF, not text',
    });
    expect(line).toBe('⚠️ **\\@everyone** could not add https://example.org/x: it is a PDF, not text.');
    expect(displayed(line)).toBe('⚠️ @everyone could not add https://example.org/x: it is a PDF, not text.');
  });
});

describe('a corpus folder that cannot be written to', () => {
  it('refuses the add in one line, and the corpus serves as before', async () => {
    const blocked = corpusFolder({ 'first.txt': FIRST, added: 'a file where the added/ folder would go' });
    const blockedService = await stubService(blocked);
    const blockedManager = new SourceManager({
      corpusDir: blocked,
      limits: { timeoutMs: 2000, maxBytes: 100_000, maxRedirects: 2, allow: parseRanges('127.0.0.1') },
      service: blockedService,
      reload: () => blockedService.reload(),
      logger: createLogger('silent'),
    });
    pages.set('/blocked.md', { type: 'text/markdown', body: GRAIN });
    expect(await refused(blockedManager.addUrl(`${base}/blocked.md`, MOD))).toMatch(
      /: it could not be stored in the corpus folder \((EEXIST|ENOTDIR)\)\. Nothing was changed\.$/,
    );
    expect(readFileSync(path.join(blocked, 'added'), 'utf8')).toBe('a file where the added/ folder would go');
    const corpus = await blockedService.ask({ type: 'corpus' });
    expect(corpus.type === 'corpus' && corpus.documents).toBe(1);
  });
});
