/**
 * Fetching a source a moderator names (a URL, or a Discord attachment's
 * URL), with limits: a time limit for the whole fetch, redirects included; a
 * size cap, checked against Content-Length and again while reading (after
 * decompression); a redirect cap, each hop checked again; the content types
 * whosaid can read; and only public addresses, unless the allow-list names
 * others (see ./address.ts).
 *
 * Addresses are checked where the connection is made: the request's DNS
 * lookup resolves the host, refuses it if any of its addresses is not
 * allowed, and hands the socket exactly the addresses it checked, so a host
 * cannot pass the check with one address and be reached at another (DNS
 * rebinding). A literal IP in the URL (which needs no lookup) is checked
 * before connecting. Built on node:http(s), so nothing is installed for it.
 */
import * as dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { type AddressRange, addressProblem, parseIp } from './address.ts';

export interface FetchLimits {
  /** For the whole fetch, redirects and reading included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Non-public addresses that may be reached all the same. */
  allow: readonly AddressRange[];
  /** Media types accepted (lower case, without parameters); `''` accepts a response with none. */
  accept: readonly string[];
}

/** What kind of problem stopped a fetch. */
export type FetchProblem =
  | 'url'
  | 'address'
  | 'timeout'
  | 'too-large'
  | 'redirects'
  | 'status'
  | 'content-type'
  | 'network';

/** A fetch refused or failed; the message names the problem in a few words ("it did not answer within 20 s"). */
export class FetchRefused extends Error {
  override name = 'FetchRefused';
  constructor(
    message: string,
    readonly problem: FetchProblem,
  ) {
    super(message);
  }
}

export interface Fetched {
  /** The URL as asked for. */
  url: string;
  /** Where the content came from, after redirects. */
  finalUrl: string;
  redirects: string[];
  status: number;
  /** The response's media type, lower case, without parameters (`text/html`); `''` when it states none. */
  mediaType: string;
  bytes: Buffer;
}

export interface FetchOptions {
  /** Replaces DNS (tests: a host that resolves to a private address). */
  resolve?: Resolver | undefined;
}

const USER_AGENT = 'whosaid (a Discord bot adding a news article a moderator asked for)';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PUBLIC_ONLY = ', and whosaid fetches only from public addresses';

/** `5 MB` (5,242,880 bytes, as MAX_FILE_BYTES's default is described), `900 kB`: for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} bytes`;
}

/** A URL whosaid may fetch: http(s), a host, no user name or password. Throws `FetchRefused`. */
export function checkUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new FetchRefused('it is not a web address (http:// or https://)', 'url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchRefused(`only http and https addresses can be fetched, not ${url.protocol}`, 'url');
  if (!url.hostname) throw new FetchRefused('the address has no host', 'url');
  if (url.username || url.password)
    throw new FetchRefused('addresses with a user name or password are not fetched', 'url');
  url.hash = '';
  return url;
}

/** Resolves a host name to every address it has (dns.lookup, `all: true`). */
export type Resolver = (hostname: string, family: number) => Promise<dns.LookupAddress[]>;

const systemResolver: Resolver = (hostname, family) =>
  dns.promises.lookup(hostname, { all: true, family, order: 'verbatim' });

/**
 * A DNS lookup that refuses a host if any address it resolves to is not
 * allowed, and otherwise gives the socket those same addresses.
 */
function guardedLookup(
  allow: readonly AddressRange[],
  resolve: Resolver,
  problems: (p: FetchRefused) => void,
): LookupFunction {
  return (hostname, options, callback) => {
    const answer = callback as (
      error: Error | null,
      address: string | dns.LookupAddress[],
      family?: number,
    ) => void;
    resolve(hostname, options.family === 4 || options.family === 6 ? options.family : 0).then(
      (list) => {
        if (list.length === 0) {
          return answer(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        }
        for (const { address } of list) {
          const problem = addressProblem(address, allow);
          if (problem) {
            const refused = new FetchRefused(
              `${hostname} resolves to ${address}, ${problem}${PUBLIC_ONLY}`,
              'address',
            );
            problems(refused);
            return answer(refused, '');
          }
        }
        if (options.all) return answer(null, list);
        return answer(null, list[0]!.address, list[0]!.family);
      },
      (error: Error) => answer(error, ''),
    );
  };
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: http.IncomingMessage;
}

function requestOnce(url: URL, signal: AbortSignal, lookup: LookupFunction): Promise<Hop> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'GET',
      // A fresh connection per request: a pooled socket would skip the address check.
      agent: false,
      lookup,
      signal,
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html, text/markdown, text/plain, application/json;q=0.9, */*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    request.once('response', (body) =>
      resolve({ status: body.statusCode ?? 0, headers: body.headers, body }),
    );
    request.once('error', reject);
    request.end();
  });
}

/** The body, decompressed, read to the end or refused once past `maxBytes`. */
async function readBody(hop: Hop, maxBytes: number): Promise<Buffer> {
  const encoding = String(hop.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const declared = Number(hop.headers['content-length']);
  // A compressed length says nothing of the size once decompressed; an identity one does.
  if ((encoding === 'identity' || encoding === '') && declared > maxBytes) {
    hop.body.destroy();
    throw tooLarge(maxBytes, declared);
  }
  const decoders: Record<string, () => NodeJS.ReadWriteStream> = {
    gzip: () => zlib.createGunzip(),
    'x-gzip': () => zlib.createGunzip(),
    deflate: () => zlib.createInflate(),
    br: () => zlib.createBrotliDecompress(),
  };
  let stream: Readable = hop.body;
  if (encoding !== 'identity' && encoding !== '') {
    const decoder = decoders[encoding];
    if (!decoder) {
      hop.body.destroy();
      throw new FetchRefused(`it is sent in an encoding whosaid cannot read (${encoding})`, 'content-type');
    }
    stream = hop.body.pipe(decoder()) as unknown as Readable;
    hop.body.once('error', (error) => stream.destroy(error));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      hop.body.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number, size?: number): FetchRefused {
  const what =
    size === undefined ? `it is larger than ${formatBytes(maxBytes)}` : `it is ${formatBytes(size)}`;
  return new FetchRefused(`${what}; the limit is ${formatBytes(maxBytes)}`, 'too-large');
}

/** `text/html; charset=utf-8` → `text/html`. */
export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** "a PDF", "an image": what a refused media type is, for the message. */
export function describeMediaType(type: string): string {
  if (type === '') return 'of no stated type';
  if (type === 'application/pdf') return 'a PDF';
  if (type.startsWith('image/')) return 'an image';
  if (type.startsWith('video/')) return 'a video';
  if (type.startsWith('audio/')) return 'a sound file';
  if (/zip|compressed|x-tar|gzip/.test(type)) return 'an archive';
  return `of type ${type}`;
}

/** What a network error means, in a few words. */
function networkProblem(error: unknown, url: URL): FetchRefused {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const host = url.host;
  const messages: Record<string, string> = {
    ENOTFOUND: `the host ${host} was not found`,
    EAI_AGAIN: `the host ${host} could not be looked up (DNS did not answer)`,
    ECONNREFUSED: `${host} refused the connection`,
    ECONNRESET: `${host} closed the connection`,
    EHOSTUNREACH: `${host} cannot be reached`,
    ENETUNREACH: `${host} cannot be reached`,
    HPE_INVALID_CONSTANT: `${host} did not answer in HTTP`,
  };
  if (messages[code]) return new FetchRefused(messages[code], 'network');
  if (/CERT|SSL|TLS/i.test(code))
    return new FetchRefused(`${host}'s TLS certificate was not accepted (${code})`, 'network');
  return new FetchRefused(
    `it could not be fetched (${code || (error as Error).message || String(error)})`,
    'network',
  );
}

/**
 * Fetches `input` within `limits`. Throws `FetchRefused` naming the
 * problem; never leaves a connection open.
 */
export async function fetchLimited(
  input: string,
  limits: FetchLimits,
  options: FetchOptions = {},
): Promise<Fetched> {
  const first = checkUrl(input);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const seconds = Number((limits.timeoutMs / 1000).toFixed(1));
  let refusedAddress: FetchRefused | null = null;
  const lookup = guardedLookup(limits.allow, options.resolve ?? systemResolver, (p) => {
    refusedAddress = p;
  });
  const redirects: string[] = [];
  const seen = new Set<string>([first.href]);
  let url = first;
  try {
    for (;;) {
      // A literal address needs no lookup, so the lookup's check never sees it.
      if (parseIp(url.hostname)) {
        const problem = addressProblem(url.hostname, limits.allow);
        if (problem) throw new FetchRefused(`${url.hostname} is ${problem}${PUBLIC_ONLY}`, 'address');
      }
      const hop = await requestOnce(url, signal, lookup);
      const location = hop.headers.location;
      if (REDIRECTS.has(hop.status) && location) {
        hop.body.resume();
        let next: URL;
        try {
          next = checkUrl(new URL(location, url).href);
        } catch (error) {
          throw error instanceof FetchRefused
            ? new FetchRefused(`it redirects to ${location}, and ${error.message}`, 'redirects')
            : error;
        }
        if (seen.has(next.href))
          throw new FetchRefused(`it redirects in a loop (back to ${next.href})`, 'redirects');
        if (redirects.length >= limits.maxRedirects)
          throw new FetchRefused(`it redirects more than ${limits.maxRedirects} times`, 'redirects');
        redirects.push(next.href);
        seen.add(next.href);
        url = next;
        continue;
      }
      if (hop.status < 200 || hop.status > 299) {
        hop.body.resume();
        const text = http.STATUS_CODES[hop.status];
        throw new FetchRefused(`the server answered ${hop.status}${text ? ` ${text}` : ''}`, 'status');
      }
      const mediaType = mediaTypeOf(hop.headers['content-type']);
      if (!limits.accept.includes(mediaType)) {
        hop.body.destroy();
        throw new FetchRefused(
          `it is ${describeMediaType(mediaType)}, not an article (whosaid reads ${readableTypes(limits.accept)})`,
          'content-type',
        );
      }
      const bytes = await readBody(hop, limits.maxBytes);
      return { url: first.href, finalUrl: url.href, redirects, status: hop.status, mediaType, bytes };
    }
  } catch (error) {
    if (error instanceof FetchRefused) throw error;
    if (refusedAddress) throw refusedAddress;
    if (signal.aborted) throw new FetchRefused(`it did not arrive within ${seconds} s`, 'timeout');
    throw networkProblem(error, url);
  }
}

function readableTypes(accept: readonly string[]): string {
  const named = accept.filter(Boolean);
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : (named[0] ?? 'nothing');
}
