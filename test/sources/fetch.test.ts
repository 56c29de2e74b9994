/**
 * Fetching a source within limits, against HTTP servers this test starts on
 * 127.0.0.1 (allowed through the allow-list, as the bot's tests allow it):
 * slow answers, huge ones (declared, streamed, or compressed), redirect
 * loops and chains, redirects to addresses that are not allowed, content
 * types that are not articles, errors.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRanges } from '../../src/sources/address.ts';
import { checkUrl, type FetchLimits, FetchRefused, fetchLimited } from '../../src/sources/fetch.ts';

const ARTICLE = '---\ntitle: A test article\n---\n\n"We never did it," said Ivan Petrov of RU.\n';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(
  host: string,
  routes: Record<string, Handler>,
): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) route(req, res);
    else res.writeHead(404).end('no such page');
  });
  server.listen(0, host);
  await once(server, 'listening');
  return { server, base: `http://${host}:${(server.address() as AddressInfo).port}` };
}

let local: { server: Server; base: string };
/** A second server, on 127.0.0.2: allowed where 127.0.0.1 is not. */
let other: { server: Server; base: string } | null = null;
const hits: string[] = [];

const text =
  (body: string | Buffer, type = 'text/markdown; charset=utf-8'): Handler =>
  (_req, res) =>
    void res.writeHead(200, { 'content-type': type }).end(body);
const redirect =
  (to: () => string, status = 302): Handler =>
  (_req, res) =>
    void res.writeHead(status, { location: to() }).end();

beforeAll(async () => {
  local = await serve('127.0.0.1', {
    '/article.md': (req, res) => {
      hits.push(req.url!);
      text(ARTICLE)(req, res);
    },
    '/moved': redirect(() => '/article.md', 301),
    '/chain/1': redirect(() => '/chain/2'),
    '/chain/2': redirect(() => '/chain/3'),
    '/chain/3': redirect(() => '/chain/4'),
    '/chain/4': redirect(() => '/article.md'),
    '/loop': redirect(() => '/loop'),
    '/ping': redirect(() => '/pong', 307),
    '/pong': redirect(() => `${local.base}/ping`, 308),
    '/to-metadata': redirect(() => 'http://metadata.test/latest/meta-data/'),
    '/to-file': redirect(() => 'file:///etc/passwd'),
    '/silent': () => {
      // Never answers.
    },
    '/dribble': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(timer));
    },
    '/declared-huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.write('<html>');
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    },
    '/bomb': (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(20_000_000, ' '))),
    '/gzipped': (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/markdown', 'content-encoding': 'gzip' })
        .end(gzipSync(ARTICLE)),
    '/report.pdf': text('%PDF-1.7 …', 'application/pdf'),
    '/photo.png': text('\x89PNG', 'image/png'),
    '/blob': text('bytes', 'application/octet-stream'),
    '/untyped': (_req, res) => {
      res.removeHeader('content-type');
      res.writeHead(200).end('text without a type');
    },
    '/gone': (_req, res) => void res.writeHead(410).end(),
  });
  try {
    other = await serve('127.0.0.2', {
      '/to-loopback': redirect(() => `${local.base}/article.md`),
      '/to-mapped': redirect(() => `http://[::ffff:127.0.0.1]:${new URL(local.base).port}/article.md`),
    });
  } catch {
    other = null; // a system without 127.0.0.2 (Linux has the whole of 127.0.0.0/8)
  }
});

afterAll(async () => {
  for (const s of [local?.server, other?.server]) {
    s?.closeAllConnections();
    s?.close();
  }
});

const LIMITS: FetchLimits = {
  timeoutMs: 1500,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  allow: parseRanges('127.0.0.1'),
  accept: ['text/html', 'text/plain', 'text/markdown', 'application/json'],
};

/** The refusal a fetch ends in (fails the test if it succeeds). */
async function refusal(url: string, limits: Partial<FetchLimits> = {}, resolve?: (host: string) => string[]) {
  const error = await fetchLimited(
    url,
    { ...LIMITS, ...limits },
    resolve
      ? {
          resolve: async (host) =>
            resolve(host).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
        }
      : {},
  ).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefused);
  return error as FetchRefused;
}

describe('fetching a source', () => {
  it('fetches an article and follows redirects, each recorded', async () => {
    const direct = await fetchLimited(`${local.base}/article.md`, LIMITS);
    expect(direct).toMatchObject({ status: 200, mediaType: 'text/markdown', redirects: [] });
    expect(direct.bytes.toString()).toBe(ARTICLE);
    const moved = await fetchLimited(`${local.base}/chain/2`, LIMITS);
    expect(moved.redirects).toEqual([
      `${local.base}/chain/3`,
      `${local.base}/chain/4`,
      `${local.base}/article.md`,
    ]);
    expect(moved.finalUrl).toBe(`${local.base}/article.md`);
    const gzipped = await fetchLimited(`${local.base}/gzipped`, LIMITS);
    expect(gzipped.bytes.toString()).toBe(ARTICLE);
  });

  it('gives up on a server that does not answer, within the time limit', async () => {
    const started = Date.now();
    const error = await refusal(`${local.base}/silent`, { timeoutMs: 400 });
    expect(error).toMatchObject({ problem: 'timeout', message: 'it did not arrive within 0.4 s' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a body that trickles in, within the time limit', async () => {
    const started = Date.now();
    expect(await refusal(`${local.base}/dribble`, { timeoutMs: 400 })).toMatchObject({ problem: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a body over the size cap: declared, streamed without end, or compressed', async () => {
    expect(await refusal(`${local.base}/declared-huge`)).toMatchObject({
      problem: 'too-large',
      message: 'it is 50 MB; the limit is 1 MB',
    });
    expect(await refusal(`${local.base}/endless`)).toMatchObject({
      problem: 'too-large',
      message: 'it is larger than 1 MB; the limit is 1 MB',
    });
    expect(await refusal(`${local.base}/bomb`)).toMatchObject({ problem: 'too-large' });
  });

  it('refuses redirect loops and chains longer than the cap', async () => {
    expect(await refusal(`${local.base}/loop`)).toMatchObject({
      problem: 'redirects',
      message: `it redirects in a loop (back to ${local.base}/loop)`,
    });
    expect(await refusal(`${local.base}/ping`)).toMatchObject({
      problem: 'redirects',
      message: `it redirects in a loop (back to ${local.base}/ping)`,
    });
    expect(await refusal(`${local.base}/chain/1`)).toMatchObject({
      problem: 'redirects',
      message: 'it redirects more than 3 times',
    });
    expect(await refusal(`${local.base}/moved`, { maxRedirects: 0 })).toMatchObject({
      message: 'it redirects more than 0 times',
    });
  });

  it('refuses 127.0.0.1 when it is not allowed, also as the target of a redirect', async () => {
    expect(await refusal(`${local.base}/article.md`, { allow: [] })).toMatchObject({
      problem: 'address',
      message: '127.0.0.1 is a loopback address, and whosaid fetches only from public addresses',
    });
    if (!other) return console.warn('no 127.0.0.2: skipped the redirect half');
    const before = hits.length;
    const allowOther = { allow: parseRanges('127.0.0.2') };
    expect(await refusal(`${other.base}/to-loopback`, allowOther)).toMatchObject({
      problem: 'address',
      message: '127.0.0.1 is a loopback address, and whosaid fetches only from public addresses',
    });
    expect(await refusal(`${other.base}/to-mapped`, allowOther)).toMatchObject({
      problem: 'address',
      message: expect.stringContaining('an IPv4-mapped loopback address'),
    });
    // Refused before connecting: the server on 127.0.0.1 never saw a request.
    expect(hits.length).toBe(before);
  });

  it('checks every address a host resolves to, on every hop', async () => {
    expect(await refusal('http://mixed.test/a', {}, () => ['93.184.216.34', '10.0.0.7'])).toMatchObject({
      problem: 'address',
      message:
        'mixed.test resolves to 10.0.0.7, a private address, and whosaid fetches only from public addresses',
    });
    expect(
      await refusal(`${local.base}/to-metadata`, {}, (host) =>
        host === 'metadata.test' ? ['169.254.169.254'] : [],
      ),
    ).toMatchObject({
      problem: 'address',
      message: expect.stringContaining('169.254.169.254, a link-local address'),
    });
    expect(await refusal('http://v6.test/', {}, () => ['fd00::5'])).toMatchObject({
      message: expect.stringContaining('fd00::5, a unique local address'),
    });
    expect(await refusal('http://nothing.test/', {}, () => [])).toMatchObject({
      problem: 'network',
      message: 'the host nothing.test was not found',
    });
  });

  it('refuses what is not an article: a PDF, an image, an unknown or missing type', async () => {
    expect(await refusal(`${local.base}/report.pdf`)).toMatchObject({
      problem: 'content-type',
      message:
        'it is a PDF, not an article (whosaid reads text/html, text/plain, text/markdown and application/json)',
    });
    expect((await refusal(`${local.base}/photo.png`)).message).toMatch(/^it is an image, not an article/);
    expect((await refusal(`${local.base}/blob`)).message).toMatch(
      /^it is of type application\/octet-stream, not an article/,
    );
    expect((await refusal(`${local.base}/untyped`)).message).toMatch(
      /^it is of no stated type, not an article/,
    );
  });

  it('names an error status, a refused connection, and a redirect to a scheme it does not fetch', async () => {
    expect(await refusal(`${local.base}/gone`)).toMatchObject({
      problem: 'status',
      message: 'the server answered 410 Gone',
    });
    expect(await refusal(`${local.base}/nowhere`)).toMatchObject({
      message: 'the server answered 404 Not Found',
    });
    expect(await refusal(`${local.base}/to-file`)).toMatchObject({
      problem: 'redirects',
      message:
        'it redirects to file:///etc/passwd, and only http and https addresses can be fetched, not file:',
    });
    const closed = await serve('127.0.0.1', {});
    const port = new URL(closed.base).port;
    closed.server.close();
    await once(closed.server, 'close');
    expect(await refusal(`http://127.0.0.1:${port}/`)).toMatchObject({
      problem: 'network',
      message: `127.0.0.1:${port} refused the connection`,
    });
  });

  it('accepts only http(s) URLs without credentials', () => {
    for (const [url, message] of [
      ['ftp://example.org/a.txt', 'only http and https addresses can be fetched, not ftp:'],
      ['file:///etc/passwd', 'only http and https addresses can be fetched, not file:'],
      ['javascript:alert(1)', 'only http and https addresses can be fetched, not javascript:'],
      ['https://user:secret@example.org/', 'addresses with a user name or password are not fetched'],
      ['not a url', 'it is not a web address (http:// or https://)'],
    ] as const) {
      expect(() => checkUrl(url)).toThrow(message);
    }
    expect(checkUrl(' https://example.org/a#top ').href).toBe('https://example.org/a');
  });
});
