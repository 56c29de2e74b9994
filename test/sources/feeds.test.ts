/**
 * Feeds without Discord: the source manager's feed poller over the real
 * loader and engine (with the tests' stand-in attribution step), polling RSS
 * 2.0 and Atom feeds served by an HTTP server this test starts on 127.0.0.1.
 * New items are added once, in one reload per batch; a second poll and a
 * restart add nothing; items are deduplicated by canonical URL and by
 * content hash; a malformed feed, a feed repeating its items, a feed that
 * does not answer, a feed that is an image and an item whose page is not
 * there each get a reason (in the summary, the ledger and the audit
 * channel), and leave the corpus as it was.
 */
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answers/requests.ts';
import type { FeedBatchSummary } from '../../src/answers/sources.ts';
import type { ReloadReport, WhoSaidAnswer } from '../../src/answers/types.ts';
import { Refusal } from '../../src/bot/errors.ts';
import { createLogger } from '../../src/log.ts';
import { parseRanges } from '../../src/sources/address.ts';
import { FEED_LOCK, FEED_POLLER } from '../../src/sources/feeds.ts';
import { auditLine, SourceManager } from '../../src/sources/manager.ts';
import { article, corpusFolder } from '../engine/helpers.ts';
import { displayed } from '../support/interactions.ts';
import { stubService } from '../support/stub-service.ts';

const MOD = { id: '400000000000000003', username: 'mod', guildId: '300000000000000001' };
const FIRST = article('First report', [['We never hacked anyone', 'Ivan Petrov', 'RU']]);
const page = (title: string, words: string, who: string) => article(title, [[words, who, 'SE']]);
const PAGES: Record<string, string> = {
  '/news/grain': page('Grain report', 'Our grain exports will grow', 'Anna Berg'),
  '/news/wheat': page('Wheat report', 'Wheat prices will fall', 'Olof Lind'),
  '/news/oats': page('Oats report', 'Oats are the new wheat', 'Karin Ek'),
  '/news/rye': page('Rye report', 'Rye bread sales doubled', 'Per Nyman'),
  '/news/barley': page('Barley report', 'Barley harvests were late', 'Eva Sund'),
  '/news/millet': page('Millet report', 'Millet is coming back', 'Lars Falk'),
};
// The same text as /news/grain, at another address.
PAGES['/mirror/grain-copy'] = PAGES['/news/grain']!;

let server: Server;
let base: string;
/** Feeds by path: [content type, body] (changed by the tests). */
const feeds = new Map<string, [string, string | Buffer]>();
const served: string[] = [];

let dir: string;
let service: AnswerService;
let manager: SourceManager;
const audit: string[] = [];
let reloads = 0;
let failReload: string | null = null;
let throwReload: Error | null = null;

function rss(items: { link: string; guid?: string; title?: string }[], title = 'Grain news'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>${base}/</link><description>News</description>
${items
  .map(
    (i) =>
      `<item><title>${i.title ?? 'An item'}</title><link>${i.link}</link>${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}<pubDate>Thu, 14 Mar 2024 09:00:00 GMT</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

function atom(entries: { href: string; id: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Cereal wire</title><id>urn:cereal</id><updated>2024-03-14T09:00:00Z</updated>
${entries.map((e) => `<entry><id>${e.id}</id><title>Entry</title><link rel="alternate" href="${e.href}"/><updated>2024-03-14T09:00:00Z</updated></entry>`).join('\n')}
</feed>`;
}

function newManager(svc: AnswerService, urls: string[] = []): SourceManager {
  return new SourceManager({
    corpusDir: dir,
    limits: { timeoutMs: 1000, maxBytes: 100_000, maxRedirects: 2, allow: parseRanges('127.0.0.1') },
    service: svc,
    reload: async () => {
      reloads++;
      if (throwReload) throw throwReload;
      if (failReload) {
        const counts = (await svc.ask({ type: 'corpus' })) as { documents: number };
        const same = { documents: counts.documents, sentences: 0, statements: 0, speakers: 0 };
        return {
          ok: false,
          error: failReload,
          startedAt: new Date().toISOString(),
          ms: 1,
          added: [],
          removed: [],
          changed: [],
          skipped: [],
          before: same,
          after: same,
        } satisfies ReloadReport;
      }
      return svc.reload();
    },
    logger: createLogger('silent'),
    audit: async (line) => void audit.push(displayed(line)),
    feeds: { urls, intervalMinutes: 30 },
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url!);
    if (req.url === '/feeds/silent.xml') return; // never answers
    const feed = feeds.get(req.url!);
    if (feed) return void res.writeHead(200, { 'content-type': feed[0] }).end(feed[1]);
    const text = PAGES[req.url!.split('?')[0]!];
    if (text) return void res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(text);
    if (req.url === '/news/menu.html')
      return void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>');
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  dir = corpusFolder({ 'first.txt': FIRST });
  service = await stubService(dir);
  manager = newManager(service, [`${base}/feeds/grain.xml`]);
});

afterAll(() => {
  manager?.feeds?.stop();
  server?.closeAllConnections();
  server?.close();
});

beforeEach(() => {
  failReload = null;
  throwReload = null;
});

const addedFiles = () =>
  existsSync(path.join(dir, 'added')) ? readdirSync(path.join(dir, 'added')).sort() : [];
const scratch = () =>
  existsSync(path.join(dir, '.whosaid/tmp')) ? readdirSync(path.join(dir, '.whosaid/tmp')) : [];
const ledger = () =>
  existsSync(path.join(dir, '.whosaid/ledger.jsonl'))
    ? readFileSync(path.join(dir, '.whosaid/ledger.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];

async function whoSaid(query: string, svc = service): Promise<string[]> {
  const a = (await svc.ask({ type: 'who-said', query })) as WhoSaidAnswer;
  return a.groups.map((g) => g.speaker.name);
}

async function documentCount(svc = service): Promise<number> {
  const a = await svc.ask({ type: 'corpus' });
  return a.type === 'corpus' ? a.documents : -1;
}

/** The corpus as it stands: what a bad feed or item must leave alone. */
async function snapshot() {
  return {
    documents: await documentCount(),
    files: addedFiles(),
    sources: ledger().filter((e) => e.action === 'add' || (e.action === 'feed-batch' && e.added.length))
      .length,
  };
}

/** Polls one feed (added for the test, or from the configuration) and returns its batch. */
async function pollOnly(feedPath: string): Promise<FeedBatchSummary> {
  const batches = await manager.feeds!.pollAll({ id: 'feeds', username: 'feed poll', guildId: null });
  const batch = batches.find((b) => b.feed === `${base}${feedPath}`);
  expect(batch, feedPath).toBeDefined();
  return batch!;
}

async function refused(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return displayed((error as Refusal).message);
}

describe('polling feeds', () => {
  it('adds the new items of an RSS 2.0 feed once, in one reload; a second poll and a restart add nothing', async () => {
    feeds.set('/feeds/grain.xml', [
      'application/rss+xml',
      rss([{ link: `${base}/news/grain` }, { link: `${base}/news/wheat`, guid: 'wheat-1' }]),
    ]);
    const before = reloads;
    const batch = await pollOnly('/feeds/grain.xml');
    expect(batch).toMatchObject({ title: 'Grain news', problem: null, skipped: [], known: 0, repeated: 0 });
    expect(batch.added.map((a) => a.titles)).toEqual([['Grain report'], ['Wheat report']]);
    expect(batch.added.map((a) => a.file)).toEqual([
      expect.stringMatching(/^added\/127-0-0-1-grain-[0-9a-f]{8}\.md$/),
      expect.stringMatching(/^added\/127-0-0-1-wheat-[0-9a-f]{8}\.md$/),
    ]);
    expect(reloads - before).toBe(1);
    expect(batch.reload).toMatchObject({ before: { documents: 1 }, after: { documents: 3 } });
    expect(await whoSaid('grain exports')).toEqual(['Anna Berg']);
    expect(await whoSaid('wheat prices')).toEqual(['Olof Lind']);
    const entry = ledger().at(-1);
    expect(entry).toMatchObject({
      action: 'feed-batch',
      feed: `${base}/feeds/grain.xml`,
      by: { username: 'feed poll' },
      problem: null,
      added: [{ url: `${base}/news/grain` }, { url: `${base}/news/wheat` }],
      reload: { ok: true, documents: 3 },
    });
    expect(audit.at(-1)).toMatch(
      /^📰 feed poll added 2 items from the feed “Grain news” \(<http:\/\/127\.0\.0\.1:\d+\/feeds\/grain\.xml>\): “Grain report” \(1 statement\); “Wheat report” \(1 statement\)\. Reloaded: 3 documents\.$/,
    );
    // Feed items are sources like any other: listed with where they came from, removable.
    const list = await manager.list();
    expect(list.sources.map((s) => s.origin)).toContainEqual({
      kind: 'feed',
      feed: `${base}/feeds/grain.xml`,
      url: `${base}/news/wheat`,
      finalUrl: `${base}/news/wheat`,
    });

    const lines = ledger().length;
    const fetched = served.length;
    const again = await pollOnly('/feeds/grain.xml');
    expect(again).toMatchObject({ added: [], skipped: [], known: 2, problem: null });
    expect(reloads - before).toBe(1);
    expect(ledger()).toHaveLength(lines); // nothing to say: nothing recorded
    expect(served.slice(fetched)).toEqual(['/feeds/grain.xml']); // the items are not fetched again

    // A restart: a new service and manager over the same folder know the items from the ledger.
    const restarted = await stubService(dir);
    const second = newManager(restarted, [`${base}/feeds/grain.xml`]);
    const [afterRestart] = await second.feeds!.pollAll(MOD);
    expect(afterRestart).toMatchObject({ added: [], known: 2 });
    expect(await documentCount(restarted)).toBe(3);
    expect(addedFiles()).toHaveLength(2);
    expect(ledger()).toHaveLength(lines);
  });

  it('reads an Atom feed, and passes over an item already in the corpus by its canonical URL', async () => {
    const oats = await manager.addUrl(`${base}/news/oats?edition=2`, MOD);
    await manager.addFeed(`${base}/feeds/cereal.atom`, MOD).catch(() => undefined); // not served yet: refused
    feeds.set('/feeds/cereal.atom', [
      'application/atom+xml',
      atom([
        // The same article as added above: www., scheme, tracking parameters, trailing slash and fragment aside.
        { href: `${base}/news/oats/?utm_source=atom&edition=2#comments`, id: 'urn:oats' },
        { href: `${base}/news/rye`, id: 'urn:rye' },
      ]),
    ]);
    const fetched = served.length;
    const answer = await manager.addFeed(`${base}/feeds/cereal.atom`, MOD);
    expect(answer).toMatchObject({
      type: 'feeds',
      action: 'added',
      feed: { title: 'Cereal wire', from: 'discord' },
    });
    const [batch] = answer.batches;
    expect(batch!.added.map((a) => a.url)).toEqual([`${base}/news/rye`]);
    expect(batch!.skipped).toEqual([
      {
        url: `${base}/news/oats/?utm_source=atom&edition=2`,
        reason: `it is already in the corpus as ${oats.file}`,
      },
    ]);
    expect(served.slice(fetched)).not.toContain('/news/oats/?utm_source=atom&edition=2');
    expect(await whoSaid('rye bread')).toEqual(['Per Nyman']);
    expect(ledger().at(-2)).toMatchObject({ action: 'feed-add', feed: `${base}/feeds/cereal.atom`, by: MOD });
    expect(audit.at(-2)).toMatch(
      /^📰 mod added the feed “Cereal wire” \(<http.*cereal\.atom>\); it is polled from now on\.$/,
    );
    expect(audit.at(-1)).toMatch(
      /skipped 1: <http.*\/news\/oats\/\?utm_source=atom&edition=2> \(it is already in the corpus as added\/127-0-0-1-oats-/,
    );
  });

  it('passes over an item whose text is already in the corpus (same content hash, another address)', async () => {
    const before = await snapshot();
    feeds.set('/feeds/mirror.xml', [
      'application/rss+xml',
      rss([{ link: `${base}/mirror/grain-copy` }], 'Mirror'),
    ]);
    const answer = await manager.addFeed(`${base}/feeds/mirror.xml`, MOD);
    expect(answer.batches[0]).toMatchObject({
      added: [],
      skipped: [
        {
          url: `${base}/mirror/grain-copy`,
          reason: expect.stringMatching(
            /^its text is the same as added\/127-0-0-1-grain-[0-9a-f]{8}\.md, already in the corpus$/,
          ),
        },
      ],
      reload: null,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('takes an item a feed repeats once (the same link, other guids, tracking parameters)', async () => {
    feeds.set('/feeds/repeats.xml', [
      'application/rss+xml',
      rss(
        [
          { link: `${base}/news/barley`, guid: 'a' },
          { link: `${base}/news/barley?utm_campaign=rss`, guid: 'b' },
          { link: `${base}/news/barley`, guid: 'c' },
          { link: `http://127.0.0.1:${new URL(base).port}/news/barley#more`, guid: 'd' },
        ],
        'Repeats',
      ),
    ]);
    const before = reloads;
    const [batch] = (await manager.addFeed(`${base}/feeds/repeats.xml`, MOD)).batches;
    expect(batch).toMatchObject({ repeated: 3, skipped: [] });
    expect(batch!.added).toHaveLength(1);
    expect(reloads - before).toBe(1);
    expect(served.filter((u) => u.startsWith('/news/barley'))).toHaveLength(1);
    expect(audit.at(-1)).toContain('3 items the feed repeated, taken once');
    // Polled again: every item repeated, every item known; nothing fetched, nothing added.
    const again = await pollOnly('/feeds/repeats.xml');
    expect(again).toMatchObject({ added: [], repeated: 3, known: 1 });
  });

  it.each([
    [
      'a malformed feed',
      '/feeds/broken.xml',
      ['application/rss+xml', '<rss><channel><item><title>Unclosed</channel></rss>'],
      /^it is not well-formed XML \(line 1: Expected closing tag 'title'/,
    ],
    [
      'an HTML page given as a feed',
      '/feeds/page.xml',
      ['text/xml', '<html><body><p>Hello</p></body></html>'],
      /^it is XML but not an RSS or Atom feed \(its root element is <html>\)$/,
    ],
    [
      'a feed that is an image',
      '/feeds/logo.png',
      ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])],
      /^it is an image, not a feed \(whosaid reads RSS and Atom feeds\)$/,
    ],
    ['a feed that does not answer', '/feeds/silent.xml', null, /^it did not arrive within 1 s$/],
    ['a feed that is not there', '/feeds/gone.xml', null, /^the server answered 404 Not Found$/],
  ] as const)('answers %s with its reason, and changes nothing', async (_what, feedPath, body, reason) => {
    if (body) feeds.set(feedPath, [body[0], body[1]]);
    const before = await snapshot();
    const posts = audit.length;
    // From a moderator: refused, with the reason; nothing recorded but the refusal.
    const message = await refused(manager.addFeed(`${base}${feedPath}`, MOD));
    expect(message).toMatch(/^Could not add the feed <http:\/\/127\.0\.0\.1:\d+\/feeds\/[a-z.]+>: /);
    expect(
      message.replace(/^Could not add the feed <[^>]+>: /, '').replace(/\. Nothing was changed\.$/, ''),
    ).toMatch(reason);
    expect(ledger().at(-1)).toMatchObject({ action: 'refuse', what: `the feed ${base}${feedPath}`, by: MOD });
    expect(audit.length).toBe(posts + 1);

    // From the configuration: polled, with the reason in the ledger and the audit channel, once.
    const configured = newManager(service, [`${base}${feedPath}`]);
    const [batch] = await configured.feeds!.pollAll({ id: 'feeds', username: 'feed poll', guildId: null });
    expect(batch!.problem).toMatch(reason);
    expect(batch!.added).toEqual([]);
    expect(ledger().at(-1)).toMatchObject({ action: 'feed-batch', problem: batch!.problem, added: [] });
    expect(audit.at(-1)).toMatch(
      /^📰 feed poll: the feed <http.*> could not be read: .*; nothing was added\.$/,
    );
    const lines = ledger().length;
    await configured.feeds!.pollAll({ id: 'feeds', username: 'feed poll', guildId: null });
    expect(ledger()).toHaveLength(lines); // the same problem again is not recorded again

    expect(await snapshot()).toEqual(before);
    expect(scratch()).toEqual([]);
  });

  it('skips an item whose page is not there (404) or holds no article, with the reason, and adds the rest', async () => {
    feeds.set('/feeds/mixed.xml', [
      'application/rss+xml',
      rss(
        [
          { link: `${base}/news/missing` },
          { link: `${base}/news/menu.html` },
          { link: `${base}/news/logo.png` },
          { link: `${base}/news/millet` },
        ],
        'Mixed',
      ),
    ]);
    const files = addedFiles();
    const [batch] = (await manager.addFeed(`${base}/feeds/mixed.xml`, MOD)).batches;
    expect(batch!.added.map((a) => a.url)).toEqual([`${base}/news/millet`]);
    expect(batch!.skipped).toEqual([
      { url: `${base}/news/missing`, reason: 'the server answered 404 Not Found' },
      { url: `${base}/news/logo.png`, reason: 'the server answered 404 Not Found' },
      {
        url: `${base}/news/menu.html`,
        reason: 'the corpus loader skipped it: no article text found in the HTML page',
      },
    ]);
    // Only the article is kept: the page the loader skipped is not left behind.
    expect(addedFiles()).toHaveLength(files.length + 1);
    expect(addedFiles().filter((f) => !files.includes(f))).toEqual([
      expect.stringMatching(/^127-0-0-1-millet-/),
    ]);
    expect(addedFiles().some((f) => f.includes('menu'))).toBe(false);
    expect(audit.at(-1)).toMatch(
      /skipped 3: <http.*\/news\/missing> \(the server answered 404 Not Found\); <http.*\/news\/logo\.png> \(the server answered 404 Not Found\); <http.*\/news\/menu\.html> \(the corpus loader skipped it: no article text found in the HTML page\)/,
    );
    // Not fetched again on the next poll.
    const fetched = served.length;
    const again = await pollOnly('/feeds/mixed.xml');
    expect(again).toMatchObject({ added: [], skipped: [], known: 4 });
    expect(served.slice(fetched)).toContain('/feeds/mixed.xml');
    expect(served.slice(fetched).filter((u) => u.startsWith('/news/'))).toEqual([]);
  });

  it('takes a whole batch out again when its reload fails, and tries its items on the next poll', async () => {
    PAGES['/news/sorghum'] = page('Sorghum report', 'Sorghum needs little water', 'Ida Berg');
    feeds.set('/feeds/late.xml', ['application/rss+xml', rss([{ link: `${base}/news/sorghum` }], 'Late')]);
    const before = await snapshot();
    failReload = 'the engine worker died';
    const [batch] = (await manager.addFeed(`${base}/feeds/late.xml`, MOD)).batches;
    expect(batch).toMatchObject({
      added: [],
      skipped: [{ url: `${base}/news/sorghum`, reason: 'the reload failed (the engine worker died)' }],
    });
    expect(await snapshot()).toEqual(before);
    expect(scratch()).toEqual([]);
    expect(audit.at(-1)).toContain('tried again next poll');
    failReload = null;
    const retried = await pollOnly('/feeds/late.xml');
    expect(retried.added.map((a) => a.titles)).toEqual([['Sorghum report']]);
    expect(await whoSaid('sorghum water')).toEqual(['Ida Berg']);
  });

  it('records an add or remove whose reload did not finish in the audit trail, and changes nothing', async () => {
    PAGES['/news/quinoa'] = page('Quinoa report', 'Quinoa prices doubled', 'Nora Lund');
    PAGES['/news/teff'] = page('Teff report', 'Teff is the grain of the year', 'Leo Strand');
    const before = await snapshot();
    throwReload = new Error('The bot is restarting');
    await expect(manager.addUrl(`${base}/news/quinoa`, MOD)).rejects.toBe(throwReload);
    expect(ledger().at(-1)).toMatchObject({
      action: 'refuse',
      what: `${base}/news/quinoa`,
      reason: 'the reload did not finish (The bot is restarting)',
    });
    expect(audit.at(-1)).toMatch(
      /^⚠️ mod could not add http.*: the reload did not finish \(The bot is restarting\)\.$/,
    );
    expect(await snapshot()).toEqual(before);

    throwReload = null;
    const { file } = await manager.addUrl(`${base}/news/teff`, MOD);
    const added = await snapshot();
    throwReload = new Error('The bot is restarting');
    await expect(manager.remove(file, MOD)).rejects.toBe(throwReload);
    expect(ledger().at(-1)).toMatchObject({ action: 'refuse', change: 'remove', what: file });
    expect(audit.at(-1)).toMatch(/^⚠️ mod could not remove added\/.*: the reload did not finish/);
    throwReload = null;
    expect(await snapshot()).toEqual(added);
    expect(await whoSaid('teff grain')).toEqual(['Leo Strand']);
    expect(scratch()).toEqual([]);

    // A /reload that did not finish (the router records it so).
    await manager.recordReloadError(MOD, new Error('The bot is restarting'));
    expect(ledger().at(-1)).toMatchObject({
      action: 'reload',
      reload: { ok: false, error: 'The bot is restarting' },
    });
    expect(audit.at(-1)).toBe(
      '🔄 mod reloaded the corpus, and it failed (The bot is restarting); the previous corpus is still served.',
    );
  });

  it('gives way to another process polling the same corpus folder, and takes over a stale lock', async () => {
    const lock = path.join(dir, FEED_LOCK);
    writeFileSync(lock, JSON.stringify({ pid: 1, at: new Date().toISOString() }));
    const fetched = served.length;
    expect(await manager.feeds!.pollAll(FEED_POLLER)).toEqual([]);
    expect(served.length).toBe(fetched);
    expect(existsSync(lock)).toBe(true); // not ours to remove
    const old = new Date(Date.now() - 20 * 60_000);
    utimesSync(lock, old, old);
    const batches = await manager.feeds!.pollAll(FEED_POLLER);
    expect(batches.length).toBeGreaterThan(0);
    expect(served.length).toBeGreaterThan(fetched);
    expect(existsSync(lock)).toBe(false);
  });

  it('polls on its interval once started, and stops when the bot stops', async () => {
    PAGES['/news/spelt'] = page('Spelt report', 'Spelt flour sold out', 'Ulf Holm');
    feeds.set('/feeds/timed.xml', ['application/rss+xml', rss([{ link: `${base}/news/spelt` }], 'Timed')]);
    const stopping = new AbortController();
    const timed = new SourceManager({
      corpusDir: dir,
      limits: { timeoutMs: 1000, maxBytes: 100_000, maxRedirects: 2, allow: parseRanges('127.0.0.1') },
      service,
      reload: () => service.reload(),
      logger: createLogger('silent'),
      feeds: { urls: [`${base}/feeds/timed.xml`], intervalMinutes: 0.002 }, // 120 ms
      signal: stopping.signal,
    });
    const polls = () => served.filter((u) => u === '/feeds/timed.xml').length;
    timed.startFeeds();
    for (let i = 0; i < 100 && polls() < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(polls()).toBeGreaterThanOrEqual(3);
    expect(await whoSaid('spelt flour')).toEqual(['Ulf Holm']);
    expect(
      ledger().filter((e) => e.action === 'feed-batch' && e.feed === `${base}/feeds/timed.xml`),
    ).toHaveLength(1);
    stopping.abort();
    await new Promise((r) => setTimeout(r, 400));
    const after = polls();
    await new Promise((r) => setTimeout(r, 400));
    expect(polls()).toBe(after);
  });

  it('lists the feeds with where each came from; a configured feed cannot be removed from Discord, an added one can', async () => {
    const list = await manager.listFeeds(MOD);
    expect(list.feeds.map((f) => [f.url.replace(base, ''), f.from])).toEqual([
      ['/feeds/grain.xml', 'config'],
      ['/feeds/cereal.atom', 'discord'],
      ['/feeds/mirror.xml', 'discord'],
      ['/feeds/repeats.xml', 'discord'],
      ['/feeds/mixed.xml', 'discord'],
      ['/feeds/late.xml', 'discord'],
    ]);
    expect(list.feeds[0]).toMatchObject({ title: 'Grain news', items: 2, addedBy: null });
    expect(list.feeds[1]).toMatchObject({ title: 'Cereal wire', items: 1, addedBy: { username: 'mod' } });
    expect(await refused(manager.removeFeed(`${base}/feeds/grain.xml`, MOD))).toMatch(
      /is listed in FEEDS, in the bot's configuration: it can only be stopped there\.$/,
    );
    expect(await refused(manager.addFeed(`${base}/feeds/cereal.atom`, MOD))).toMatch(/is already polled\./);
    const removed = await manager.removeFeed('Cereal wire', MOD);
    expect(removed).toMatchObject({
      action: 'removed',
      feed: { url: `${base}/feeds/cereal.atom`, items: 1 },
    });
    expect(ledger().at(-1)).toMatchObject({ action: 'feed-remove', feed: `${base}/feeds/cereal.atom` });
    expect((await manager.listFeeds(MOD)).feeds.map((f) => f.url)).not.toContain(`${base}/feeds/cereal.atom`);
    // Its items stay in the corpus.
    expect(await whoSaid('rye bread')).toEqual(['Per Nyman']);
    expect(auditLine(ledger().at(-1))).toContain('no longer polled');
  });
});
