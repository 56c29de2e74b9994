/**
 * Corpus management from Discord, end to end: the real discord.js client
 * against the local Discord-compatible server, and articles served by an
 * HTTP server this test starts on 127.0.0.1 (allowed with
 * SOURCE_FETCH_ALLOW_ADDRESSES). A moderator adds by URL and by attachment
 * and sees what was read; a member is refused; bad input gets a one-line
 * reply and changes nothing; the list shows who and when; remove takes an
 * article out of the answers; every change is in the ledger, the log and the
 * audit channel.
 */
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, corpusFolder } from '../engine/helpers.ts';
import { limitViolations } from '../support/discord-limits.ts';
import type { RecordedRequest } from '../support/fake-discord.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { ALICE, autocomplete, displayed, MODERATOR, slashCommand, textOf } from '../support/interactions.ts';
import { stubService } from '../support/stub-service.ts';

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads are free-form JSON in tests
type Json = any;

const AUDIT_CHANNEL = '300000000000000005';
const FIRST = article('First report', [['We never hacked anyone', 'Ivan Petrov', 'RU']]);
const GRAIN =
  '---\ntitle: Grain exports to grow\npublished: 2024-03-14\npublisher: Example News\n---\n\n' +
  '"Our grain exports will grow," said Anna Berg of SE. "Prices will not rise," said Nils Holm of SE.\n';
const WHEAT = article('Wheat report', [['Wheat prices will fall', 'Olof Lind', 'SE']]);

let server: Server;
let base: string;
const served: string[] = [];
let dir: string;
let h: Harness;

beforeAll(async () => {
  const pages: Record<string, [type: string, body: string]> = {
    '/news/grain-exports': ['text/markdown; charset=utf-8', GRAIN],
    '/cdn/attachments/1/2/wheat.md': ['text/markdown; charset=utf-8', WHEAT],
    '/report.pdf': ['application/pdf', '%PDF-1.7'],
    '/menu-only.html': [
      'text/html',
      '<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>',
    ],
    '/cdn/binary.md': ['application/octet-stream', 'text\u0000with NUL bytes'],
  };
  server = createServer((req, res) => {
    served.push(req.url!);
    if (req.url === '/slow') return; // never answers
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    const page = pages[req.url!];
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': page[0] }).end(page[1]);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  dir = corpusFolder({ 'first.txt': FIRST });
  h = await startHarness({
    corpusDir: dir,
    service: await stubService(dir),
    env: {
      SOURCE_FETCH_ALLOW_ADDRESSES: '127.0.0.1',
      SOURCE_FETCH_TIMEOUT_SECONDS: '1',
      AUDIT_CHANNEL_ID: AUDIT_CHANNEL,
    },
  });
});

afterAll(async () => {
  await h?.close();
  server?.closeAllConnections();
  server?.close();
});

const wheat = {
  filename: 'wheat.md',
  size: Buffer.byteLength(WHEAT),
  content_type: 'text/markdown; charset=utf-8',
  get url() {
    return `${base}/cdn/attachments/1/2/wheat.md`;
  },
};

const addedFiles = () =>
  existsSync(path.join(dir, 'added')) ? readdirSync(path.join(dir, 'added')).sort() : [];
const ledger = () =>
  existsSync(path.join(dir, '.whosaid/ledger.jsonl'))
    ? readFileSync(path.join(dir, '.whosaid/ledger.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
const auditPosts = () =>
  h.fake.requests
    .filter(
      (r: RecordedRequest) => r.method === 'POST' && r.path === `/api/v10/channels/${AUDIT_CHANNEL}/messages`,
    )
    .map((r) => r.body as Json);
const shown = (out: { message: Json }) => displayed(textOf(out.message));

async function whoSaid(query: string): Promise<string> {
  return textOf((await h.send(slashCommand(h.fake, 'who-said', { query }))).message);
}

describe('corpus management from Discord', () => {
  it('refuses members without Manage Server, privately, before fetching or writing anything', async () => {
    const fetched = served.length;
    for (const [name, options] of [
      ['corpus add-url', { url: `${base}/news/grain-exports` }],
      ['corpus add-file', { file: wheat }],
      ['corpus list', {}],
      ['corpus remove', { source: 'added/x-00000000.md' }],
    ] as const) {
      const out = await h.send(slashCommand(h.fake, name, options, ALICE));
      expect(out.ephemeral, name).toBe(true);
      expect(out.message.content, name).toBe(
        'Only members with the **Manage Server** permission can add, list or remove sources.',
      );
    }
    expect(served.length).toBe(fetched);
    expect(addedFiles()).toEqual([]);
    const choices = await h.send(autocomplete(h.fake, 'corpus remove', 'source', { source: '' }, ALICE));
    expect(choices.callback.data.choices).toEqual([]);
    // /corpus info stays open to everyone.
    const info = await h.send(slashCommand(h.fake, 'corpus info', {}, ALICE));
    expect(info.message.embeds[0].description).toContain('**1** documents');
  });

  it('adds an article by URL and shows what was read: title, date, statements, speakers', async () => {
    const out = await h.send(
      slashCommand(h.fake, 'corpus add-url', { url: `${base}/news/grain-exports` }, MODERATOR),
    );
    expect(out.deferred).toBe(true);
    expect(out.ephemeral).toBe(true);
    expect(limitViolations(out.message)).toEqual([]);
    expect(out.message.embeds[0].title).toBe('Source added');
    const text = shown(out);
    expect(text).toMatch(
      /^mod added `added\/127-0-0-1-grain-exports-[0-9a-f]{8}\.md` from <http:\/\/127\.0\.0\.1:\d+\/news\/grain-exports>\.$/m,
    );
    expect(text).toMatch(
      /Reloaded in \d+ ms: documents 1 → 2 \(\+1\) · statements 1 → 3 \(\+2\) · speakers 1 → 3 \(\+2\)\./,
    );
    expect(text).toContain('Grain exports to grow');
    expect(text).toContain('published 2024-03-14 · Example News');
    expect(text).toContain('2 statements');
    expect(text).toContain('2 speakers');
    expect(text).toMatch(/Speakers: (Anna Berg|Nils Holm) \(🇸🇪 1\), (Anna Berg|Nils Holm) \(🇸🇪 1\)/);

    expect(await whoSaid('grain exports')).toContain('Anna Berg');
    expect(h.logs.filter((l) => l.event === 'reload').at(-1)).toMatchObject({
      by: { username: 'mod' },
      ok: true,
    });
    expect(h.logs.filter((l) => l.event === 'source').at(-1)).toMatchObject({
      action: 'add',
      by: { id: MODERATOR.id },
    });
    expect(ledger().at(-1)).toMatchObject({
      action: 'add',
      by: { username: 'mod' },
      origin: { kind: 'url' },
    });
    const post = await h.fake.waitForRequest((r) => r.path === `/api/v10/channels/${AUDIT_CHANNEL}/messages`);
    expect(post.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(displayed((post.body as Json).content)).toMatch(
      /^📥 mod added `added\/127-0-0-1-grain-exports-[0-9a-f]{8}\.md` from <http.*>: “Grain exports to grow” \(2024-03-14\): 2 statements, 2 speakers\.$/,
    );
  });

  it('adds an article from an attachment', async () => {
    const out = await h.send(slashCommand(h.fake, 'corpus add-file', { file: wheat }, MODERATOR));
    expect(out.message.embeds[0].title).toBe('Source added');
    const text = shown(out);
    expect(text).toMatch(/^mod added `added\/wheat-[0-9a-f]{8}\.md` from the attachment `wheat\.md`\.$/m);
    expect(text).toContain('Wheat report');
    expect(text).toContain('no date');
    expect(text).toContain('Speakers: Olof Lind (🇸🇪 1)');
    expect(served).toContain('/cdn/attachments/1/2/wheat.md');
    expect(await whoSaid('wheat prices')).toContain('Olof Lind');
  });

  it.each([
    [
      'a URL that does not answer',
      { url: '/slow' },
      /: it did not arrive within 1 s\. Nothing was changed\.$/,
    ],
    [
      'a redirect loop',
      { url: '/loop' },
      /: it redirects in a loop \(back to http:\/\/127\.0\.0\.1:\d+\/loop\)\./,
    ],
    ['a PDF', { url: '/report.pdf' }, /: it is a PDF, not an article \(whosaid reads text\/html, /],
    ['a page that is not there', { url: '/nothing' }, /: the server answered 404 Not Found\./],
    [
      'a private address',
      { url: 'http://10.0.0.1/' },
      /: 10\.0\.0\.1 is a private address, and whosaid fetches only from public addresses\./,
    ],
    [
      'not a web address',
      { url: 'file:///etc/passwd' },
      /: only http and https addresses can be fetched, not file:\./,
    ],
    [
      'an attachment of another type',
      { file: { filename: 'scan.pdf', size: 10, url: '/report.pdf' } },
      /^Could not add the file scan\.pdf: only \.md, \.txt, \.html, \.json and \.jsonl files can be added, not \.pdf\./,
    ],
    [
      'a page that holds no article',
      { url: '/menu-only.html' },
      /: the corpus loader skipped it: no article text found in the HTML page\. Nothing was changed\.$/,
    ],
    [
      'a binary attachment',
      { file: { filename: 'notes.md', size: 20, url: '/cdn/binary.md' } },
      /^Could not add the file notes\.md: it is binary, not text\./,
    ],
    [
      'an empty attachment',
      { file: { filename: 'empty.md', size: 0, url: '/nothing' } },
      /^Could not add the file empty\.md: it is empty\./,
    ],
  ] as const)('answers %s in one line, and changes nothing', async (_what, input, expected) => {
    const before = { files: addedFiles(), ledger: ledger().filter((e) => e.action !== 'refuse').length };
    const options =
      'url' in input
        ? { url: input.url.startsWith('/') ? `${base}${input.url}` : input.url }
        : { file: { ...input.file, url: `${base}${input.file.url}` } };
    const out = await h.send(
      slashCommand(h.fake, 'url' in input ? 'corpus add-url' : 'corpus add-file', options, MODERATOR),
    );
    expect(out.ephemeral).toBe(true);
    const reply = displayed(out.message.content);
    expect(reply).toMatch(expected);
    expect(reply).not.toContain('\n');
    expect(addedFiles()).toEqual(before.files);
    expect(ledger().filter((e) => e.action !== 'refuse')).toHaveLength(before.ledger);
    expect(ledger().at(-1)).toMatchObject({ action: 'refuse', by: { username: 'mod' } });
    expect(
      existsSync(path.join(dir, '.whosaid/tmp')) ? readdirSync(path.join(dir, '.whosaid/tmp')) : [],
    ).toEqual([]);
  });

  it('lists the sources, newest first, with who added them and when', async () => {
    const out = await h.send(slashCommand(h.fake, 'corpus list', {}, MODERATOR));
    expect(out.ephemeral).toBe(true);
    expect(out.message.embeds[0].title).toBe('Sources added from Discord');
    const text = shown(out);
    expect(text).toContain('2 sources, newest first.');
    expect(text.indexOf('Wheat report')).toBeLessThan(text.indexOf('Grain exports to grow'));
    expect(text).toMatch(/Added by mod <t:\d+:f> from the attachment `wheat\.md`/);
    expect(text).toMatch(/Added by mod <t:\d+:f> from <http:\/\/127\.0\.0\.1:\d+\/news\/grain-exports>/);
    expect(text).toContain('published 2024-03-14 · 2 statements · 2 speakers');
  });

  it('removes a source picked by autocomplete, and /who-said no longer finds it', async () => {
    const choices = await h.send(
      autocomplete(h.fake, 'corpus remove', 'source', { source: 'grain' }, MODERATOR),
    );
    const [choice] = choices.callback.data.choices;
    expect(choice.name).toMatch(/^Grain exports to grow · added\/127-0-0-1-grain-exports-/);
    const out = await h.send(slashCommand(h.fake, 'corpus remove', { source: choice.value }, MODERATOR));
    expect(out.message.embeds[0].title).toBe('Source removed');
    const text = shown(out);
    expect(text).toMatch(/^mod removed `added\/127-0-0-1-grain-exports-[0-9a-f]{8}\.md` from <http/m);
    expect(text).toContain('documents 3 → 2 (-1)');
    expect(await whoSaid('grain exports')).not.toContain('Anna Berg');
    expect(existsSync(path.join(dir, choice.value))).toBe(false);
    expect(ledger().at(-1)).toMatchObject({ action: 'remove', file: choice.value, by: { username: 'mod' } });

    const list = shown(await h.send(slashCommand(h.fake, 'corpus list', {}, MODERATOR)));
    expect(list).toContain('1 source, newest first.');
    expect(list).toMatch(
      /Recently removed\n`added\/127-0-0-1-grain-exports-[0-9a-f]{8}\.md` \(Grain exports to grow\) by mod <t:\d+:R>/,
    );
  });

  it('records /reload in the audit trail too', async () => {
    const posts = auditPosts().length;
    await h.send(slashCommand(h.fake, 'reload', {}, MODERATOR));
    expect(ledger().at(-1)).toMatchObject({
      action: 'reload',
      by: { username: 'mod' },
      reload: { ok: true, documents: 2 },
    });
    await h.fake.waitForRequest(() => auditPosts().length > posts);
    expect(displayed(auditPosts().at(-1).content)).toBe(
      '🔄 mod reloaded the corpus: 0 added, 0 removed, 0 changed, 0 skipped; 2 documents.',
    );
  });
});
