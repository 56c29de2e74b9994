/**
 * Adding sources in the formats people have, read by the corpus readers:
 * an HTML page (its article, title, date and publisher), a JSON Lines export
 * (one document per line), and an HTML page that holds no article, which the
 * loader skips: the reply says why and nothing is kept.
 */
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answers/requests.ts';
import { Refusal } from '../../src/bot/errors.ts';
import { createLogger } from '../../src/log.ts';
import { parseRanges } from '../../src/sources/address.ts';
import { SourceManager } from '../../src/sources/manager.ts';
import { article, corpusFolder } from '../engine/helpers.ts';
import { displayed } from '../support/interactions.ts';
import { stubService } from '../support/stub-service.ts';

const MOD = { id: '400000000000000003', username: 'mod', guildId: '300000000000000001' };

const PAGE = `<!doctype html><html><head><title>Grain exports to grow - Example News</title>
<meta property="og:title" content="Grain exports to grow">
<meta property="article:published_time" content="2024-03-14T09:00:00Z">
<meta property="og:site_name" content="Example News"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Grain exports to grow</h1>
<p>STOCKHOLM - Sweden's farmers expect a record harvest this year, officials said on Thursday, after a wet spring and a warm summer across the south of the country.</p>
<p>"Our grain exports will grow," said Anna Berg of SE. She added that the ministry would publish its forecast next month, and that prices were expected to stay steady through the autumn.</p>
<p>"Prices will not rise," said Nils Holm of SE, speaking at a press conference in the capital, where he also answered questions about the new rail link to the northern ports.</p>
</article><aside>Related stories: Menu words never said</aside><script>var x = "Script words," said Evil Person of XX;</script></body></html>`;
const NO_ARTICLE =
  '<!doctype html><html><head><title>Nothing</title></head><body><nav><a href="/">Home</a></nav></body></html>';
const EXPORT =
  '{"title": "Alpha", "publishedAt": "2024-03-14", "text": "\\"Alpha words here,\\" said Alma Alm of SE."}\n' +
  '{"title": "Beta", "publishedAt": "2024-03-15", "text": "\\"Beta words here,\\" said Bert Berg of SE."}\n';

let server: Server;
let base: string;
let dir: string;
let service: AnswerService;
let manager: SourceManager;

beforeAll(async () => {
  const pages: Record<string, [string, string]> = {
    '/news/grain': ['text/html; charset=utf-8', PAGE],
    '/news/nothing': ['text/html', NO_ARTICLE],
    '/cdn/export.jsonl': ['application/octet-stream', EXPORT],
  };
  server = createServer((req, res) => {
    const page = pages[req.url!];
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': page[0] }).end(page[1]);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = corpusFolder({ 'first.txt': article('First', [['We never hacked anyone', 'Ivan Petrov', 'RU']]) });
  service = await stubService(dir);
  manager = new SourceManager({
    corpusDir: dir,
    limits: { timeoutMs: 2000, maxBytes: 1e6, maxRedirects: 2, allow: parseRanges('127.0.0.1') },
    service,
    reload: () => service.reload(),
    logger: createLogger('silent'),
  });
});

afterAll(() => {
  server?.closeAllConnections();
  server?.close();
});

const added = () => (existsSync(path.join(dir, 'added')) ? readdirSync(path.join(dir, 'added')).sort() : []);

describe('adding sources in other formats', () => {
  it('reads an HTML page: its article, title, date and publisher, and nothing of its menus or scripts', async () => {
    const a = await manager.addUrl(`${base}/news/grain`, MOD);
    expect(a.file).toMatch(/^added\/127-0-0-1-grain-[0-9a-f]{8}\.html$/);
    expect(a.documents).toEqual([
      expect.objectContaining({
        title: 'Grain exports to grow',
        published: '2024-03-14T09:00:00Z',
        publisher: 'Example News',
        statements: 2,
      }),
    ]);
    expect(a.documents[0]!.speakers.map((s) => s.name).sort()).toEqual(['Anna Berg', 'Nils Holm']);
    expect(a.warnings).toEqual([]);
  });

  it('reads a JSON Lines attachment as one document per line', async () => {
    const a = await manager.addAttachment(
      { name: 'export.jsonl', size: EXPORT.length, url: `${base}/cdn/export.jsonl`, contentType: null },
      MOD,
    );
    expect(a.file).toMatch(/^added\/export-[0-9a-f]{8}\.jsonl$/);
    expect(a.documents.map((d) => [d.id, d.title, d.statements])).toEqual([
      [`${a.file.replace(/\.jsonl$/, '')}/1`, 'Alpha', 1],
      [`${a.file.replace(/\.jsonl$/, '')}/2`, 'Beta', 1],
    ]);
    const list = await manager.list();
    expect(list.sources[0]!.documents.map((d) => d.title)).toEqual(['Alpha', 'Beta']);
  });

  it('refuses a page that holds no article, with the loader reason, and keeps nothing', async () => {
    const before = added();
    const error = await manager.addUrl(`${base}/news/nothing`, MOD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refusal);
    expect(displayed((error as Refusal).message)).toMatch(
      /^Could not add <http:\/\/127\.0\.0\.1:\d+\/news\/nothing>: the corpus loader skipped it: no article text found in the HTML page\. Nothing was changed\.$/,
    );
    expect(added()).toEqual(before);
  });
});
