/**
 * Feeds from Discord, end to end: the real discord.js client against the
 * local Discord-compatible server, and an RSS feed and its articles served by
 * an HTTP server this test starts on 127.0.0.1 (allowed with
 * SOURCE_FETCH_ALLOW_ADDRESSES). A member is refused; a moderator adds a
 * feed, which is polled at once, and its items are found by /who-said; the
 * audit channel gets the feed and the batch; polling again adds nothing; a
 * malformed feed gets a one-line reply; the feed is listed and removed.
 *
 * With WHOSAID_TRANSCRIPT=1 the replies, as the local Discord recorded
 * them, are printed (the transcript on the issue).
 */
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, corpusFolder } from '../engine/helpers.ts';
import { limitViolations } from '../support/discord-limits.ts';
import type { RecordedRequest } from '../support/fake-discord.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  ALICE,
  autocomplete,
  displayed,
  MODERATOR,
  type Outcome,
  slashCommand,
  textOf,
} from '../support/interactions.ts';
import { stubService } from '../support/stub-service.ts';

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads are free-form JSON in tests
type Json = any;

const AUDIT_CHANNEL = '300000000000000005';
const FIRST = article('First report', [['We never hacked anyone', 'Ivan Petrov', 'RU']]);
const PAGES: Record<string, string> = {
  '/news/grain': article('Grain report', [['Our grain exports will grow', 'Anna Berg', 'SE']]),
  '/news/wheat': article('Wheat report', [['Wheat prices will fall', 'Olof Lind', 'SE']]),
  '/news/oats': article('Oats report', [['Oats are the new wheat', 'Karin Ek', 'SE']]),
};

let server: Server;
let base: string;
const served: string[] = [];
let dir: string;
let h: Harness;

function rss(links: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Grain news</title>
<link>${base}/</link><description>Cereal news</description>
${links.map((l, i) => `<item><title>Item ${i}</title><link>${l}</link><guid isPermaLink="false">${i}</guid></item>`).join('\n')}
</channel></rss>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url!);
    if (req.url === '/feeds/grain.xml')
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rss([`${base}/news/grain`, `${base}/news/wheat`, `${base}/news/gone`]));
    if (req.url === '/feeds/broken.xml')
      return void res
        .writeHead(200, { 'content-type': 'text/xml' })
        .end('<rss><channel><item></channel></rss>');
    const page = PAGES[req.url!];
    if (page) return void res.writeHead(200, { 'content-type': 'text/markdown' }).end(page);
    res.writeHead(404).end();
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

const auditPosts = () =>
  h.fake.requests
    .filter(
      (r: RecordedRequest) => r.method === 'POST' && r.path === `/api/v10/channels/${AUDIT_CHANNEL}/messages`,
    )
    .map((r) => displayed((r.body as Json).content as string));
const addedFiles = () =>
  existsSync(path.join(dir, 'added')) ? readdirSync(path.join(dir, 'added')).sort() : [];

/** Sends a command and, with WHOSAID_TRANSCRIPT=1, prints it and the reply as Discord shows it. */
async function run(name: string, options: Json, who = MODERATOR): Promise<Outcome> {
  const out = await h.send(slashCommand(h.fake, name, options, who));
  if (process.env.WHOSAID_TRANSCRIPT) {
    const args = Object.entries(options)
      .map(([k, v]) => ` ${k}:${v}`)
      .join('');
    console.log(`\n> ${who.username}: /${name}${args}\n${displayed(textOf(out.message))}`);
  }
  return out;
}

async function whoSaid(query: string): Promise<string> {
  return textOf((await h.send(slashCommand(h.fake, 'who-said', { query }))).message);
}

describe('feeds from Discord', () => {
  it('refuses members without Manage Server, privately, before fetching anything', async () => {
    const fetched = served.length;
    for (const [name, options] of [
      ['corpus add-feed', { url: `${base}/feeds/grain.xml` }],
      ['corpus feeds', { poll: true }],
      ['corpus remove-feed', { feed: `${base}/feeds/grain.xml` }],
    ] as const) {
      const out = await run(name, options, ALICE);
      expect(out.ephemeral, name).toBe(true);
      expect(out.message.content, name).toBe(
        'Only members with the **Manage Server** permission can add, list or remove sources.',
      );
    }
    expect(served.length).toBe(fetched);
    const choices = await h.send(autocomplete(h.fake, 'corpus remove-feed', 'feed', { feed: '' }, ALICE));
    expect(choices.callback.data.choices).toEqual([]);
  });

  it('adds a feed: it is polled at once, its items are answered from, and the audit channel says so', async () => {
    const out = await run('corpus add-feed', { url: `${base}/feeds/grain.xml` });
    expect(out.deferred).toBe(true);
    expect(out.ephemeral).toBe(true);
    expect(limitViolations(out.message)).toEqual([]);
    expect(out.message.embeds[0].title).toBe('Feed added');
    const text = displayed(textOf(out.message));
    expect(text).toContain('mod added the feed Grain news (<http://127.0.0.1:');
    expect(text).toMatch(
      /Grain news \(<http:\/\/127\.0\.0\.1:\d+\/feeds\/grain\.xml>\): 2 new items added\./,
    );
    expect(text).toMatch(/Reloaded in \d+ ms: documents 1 → 3 \(\+2\)/);
    expect(text).toContain('📥 “Grain report”');
    expect(text).toContain('📥 “Wheat report”');
    expect(text).toMatch(
      /⚠️ Skipped <http:\/\/127\.0\.0\.1:\d+\/news\/gone>: the server answered 404 Not Found/,
    );
    expect(addedFiles()).toHaveLength(2);

    expect(await whoSaid('grain exports')).toContain('Anna Berg');
    expect(await whoSaid('wheat prices')).toContain('Olof Lind');

    await h.fake.waitForRequest(() => auditPosts().length >= 2);
    const posts = auditPosts();
    expect(posts[0]).toMatch(
      /^📰 mod added the feed “Grain news” \(<http.*grain\.xml>\); it is polled from now on\.$/,
    );
    expect(posts[1]).toMatch(
      /^📰 mod added 2 items from the feed “Grain news” \(<http.*>\): “Grain report” \(1 statement\); “Wheat report” \(1 statement\); skipped 1: <http.*\/news\/gone> \(the server answered 404 Not Found\)\. Reloaded: 3 documents\.$/,
    );
    expect(h.logs.filter((l) => l.event === 'source').at(-1)).toMatchObject({ action: 'feed-batch' });
  });

  it('polls again on request and adds nothing new; the list shows the feed and its items', async () => {
    const posts = auditPosts().length;
    const files = addedFiles();
    const out = await run('corpus feeds', { poll: true });
    expect(out.message.embeds[0].title).toBe('Feeds polled');
    const text = displayed(textOf(out.message));
    expect(text).toMatch(/Grain news \(<http.*>\): 0 new items added, 3 seen before\./);
    expect(text).toMatch(/Added by mod <t:\d+:f> · 2 items in the corpus/);
    expect(addedFiles()).toEqual(files);
    expect(auditPosts()).toHaveLength(posts); // nothing new, nothing recorded

    const list = displayed(textOf((await run('corpus list', {})).message));
    expect(list).toMatch(
      /from <http:\/\/127\.0\.0\.1:\d+\/news\/grain>, an item of the feed <http.*grain\.xml>/,
    );
  });

  it('answers a malformed feed in one line, and changes nothing', async () => {
    const files = addedFiles();
    const out = await run('corpus add-feed', { url: `${base}/feeds/broken.xml` });
    const reply = displayed(out.message.content);
    expect(reply).toMatch(
      /^Could not add the feed <http:\/\/127\.0\.0\.1:\d+\/feeds\/broken\.xml>: it is not well-formed XML \(line 1: Expected closing tag 'item' .*\)\. Nothing was changed\.$/,
    );
    expect(reply).not.toContain('\n');
    expect(addedFiles()).toEqual(files);
    await h.fake.waitForRequest(() => auditPosts().at(-1)?.includes('broken.xml') === true);
    expect(auditPosts().at(-1)).toMatch(
      /^⚠️ mod could not add the feed http.*broken\.xml: it is not well-formed XML/,
    );
  });

  it('says in a short notice what /corpus add-url and remove did when Discord refuses the full reply', async () => {
    const refusingEmbeds = async (name: string, options: Json) => {
      const payload = slashCommand(h.fake, name, options, MODERATOR);
      const edit = (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(`/${payload.token}/`);
      h.fake.faults.push({ matches: (r) => edit(r) && (r.body as Json)?.embeds?.length > 0, status: 400 });
      h.fake.dispatch('INTERACTION_CREATE', payload);
      await h.fake.waitForRequest((r) => edit(r) && !((r.body as Json)?.embeds?.length > 0));
      return displayed(h.fake.originalMessage(payload.token).content);
    };
    const added = await refusingEmbeds('corpus add-url', { url: `${base}/news/oats` });
    expect(added).toMatch(
      /^Added `added\/127-0-0-1-oats-[0-9a-f]{8}\.md`; the corpus was reloaded \(4 documents\)\. Discord did not take the full reply; it is in the audit trail and the logs\.$/,
    );
    expect(await whoSaid('oats')).toContain('Karin Ek');
    const file = /`(added\/[^`]+)`/.exec(added)![1]!;
    const removed = await refusingEmbeds('corpus remove', { source: file });
    expect(removed).toMatch(
      /^Removed `added\/127-0-0-1-oats-[0-9a-f]{8}\.md`; the corpus was reloaded \(3 documents\)\./,
    );
    expect(removed).not.toContain('Something went wrong');
  });

  it('removes a feed picked by autocomplete; its items stay', async () => {
    const choices = await h.send(
      autocomplete(h.fake, 'corpus remove-feed', 'feed', { feed: 'grain' }, MODERATOR),
    );
    const [choice] = choices.callback.data.choices;
    expect(choice.name).toMatch(/^Grain news · http:\/\/127\.0\.0\.1:\d+\/feeds\/grain\.xml$/);
    const out = await run('corpus remove-feed', { feed: choice.value });
    expect(out.message.embeds[0].title).toBe('Feed removed');
    expect(displayed(textOf(out.message))).toMatch(
      /mod removed the feed Grain news .*: it is no longer polled\. The 2 items it added stay/,
    );
    expect(await whoSaid('grain exports')).toContain('Anna Berg');
    const list = displayed(textOf((await run('corpus feeds', {})).message));
    expect(list).toContain('No feed is polled.');
  });
});
