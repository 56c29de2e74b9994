/**
 * RSS and Atom feeds as whosaid reads them: the items' links (and ids,
 * titles and dates, for the audit trail), nothing else. The XML is parsed by
 * fast-xml-parser (MIT, no native code), after a well-formedness check that
 * names the line of the first error; RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and
 * Atom 1.0 are read. A document declaring entities is refused rather than
 * expanded (no "billion laughs").
 *
 * Items are compared by their canonical URL (`canonicalUrl`): the link with
 * the scheme, a leading `www.`, the fragment, tracking parameters
 * (`utm_*`, `fbclid`…), a trailing slash and the order of the query left
 * out, so the same article reached two ways is one article.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Media types a feed may be served as (many servers send feeds as plain XML, some as text/plain). */
export const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/x-rss+xml',
  'text/plain',
];

export interface FeedItem {
  /** The item's link, absolute (resolved against the feed's address). */
  link: string;
  /** Its guid (RSS) or id (Atom), when it has one. */
  id: string | null;
  title: string | null;
  published: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  items: FeedItem[];
  /** Items without a usable link (nothing to fetch): counted, not listed. */
  linkless: number;
}

/** A feed that cannot be read; the message names the problem in a few words. */
export class FeedProblem extends Error {
  override name = 'FeedProblem';
}

// biome-ignore lint/suspicious/noExplicitAny: parsed XML is free-form
type Node = any;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** The text of an element that may carry attributes (`<title type="html">…</title>`). */
function textOf(node: Node): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string' || typeof node === 'number') return String(node).trim() || null;
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'object' && '#text' in node) return textOf(node['#text']);
  return null;
}

/** Decodes the bytes as the XML declaration (or a byte-order mark) says; UTF-8 otherwise. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    throw new FeedProblem(`it declares an encoding whosaid cannot read (${declared})`);
  }
}

function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, base);
    url.hash = '';
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An RSS item's link: `<link>` text (an `atom:link` beside it has an href instead). */
function rssLink(item: Node): string | null {
  for (const link of item.link ?? []) {
    const text = textOf(link);
    if (text) return text;
    if (link?.['@_href'] && (link['@_rel'] ?? 'alternate') === 'alternate') return String(link['@_href']);
  }
  const guid = item.guid;
  const permalink = typeof guid === 'object' && guid !== null ? guid['@_isPermaLink'] : undefined;
  const text = textOf(guid);
  // A guid is the article's address unless it says it is not (isPermaLink defaults to true).
  return text && permalink !== 'false' && /^https?:\/\//i.test(text) ? text : null;
}

/** An Atom entry's link: the `alternate` one (a link with no rel is alternate), else the first. */
function atomLink(entry: Node): string | null {
  const links: Node[] = entry.link ?? [];
  const alternate = links.find((l) => (l?.['@_rel'] ?? 'alternate') === 'alternate' && l['@_href']);
  return alternate?.['@_href'] ?? null;
}

/** Parses an RSS or Atom feed. Throws `FeedProblem` naming what is wrong. */
export function parseFeed(bytes: Uint8Array, base: string): ParsedFeed {
  const text = decode(bytes).replace(/^\uFEFF/, '');
  if (/<!ENTITY/i.test(text))
    throw new FeedProblem('it declares XML entities, which whosaid does not expand');
  if (!/^\s*</.test(text)) throw new FeedProblem('it is not XML (it does not start with a tag)');
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new FeedProblem(
      `it is not well-formed XML (line ${valid.err.line}: ${valid.err.msg.replace(/\.$/, '')})`,
    );
  let doc: Node;
  try {
    doc = parser.parse(text);
  } catch (error) {
    throw new FeedProblem(`it is not well-formed XML (${(error as Error).message})`);
  }
  let format: ParsedFeed['format'];
  let title: string | null;
  let raw: { link: string | null; id: string | null; title: string | null; published: string | null }[];
  if (doc.rss?.channel || doc.channel) {
    const channel = doc.rss?.channel ?? doc.channel;
    const ch = Array.isArray(channel) ? channel[0] : channel;
    format = 'rss';
    title = textOf(ch?.title);
    raw = ((ch?.item ?? []) as Node[]).map((item) => ({
      link: rssLink(item),
      id: textOf(item.guid),
      title: textOf(item.title),
      published: textOf(item.pubDate) ?? textOf(item.date),
    }));
  } else if (doc.RDF) {
    format = 'rdf';
    title = textOf(doc.RDF.channel?.title);
    raw = ((doc.RDF.item ?? []) as Node[]).map((item) => ({
      link: textOf(item.link),
      id: item['@_about'] ? String(item['@_about']) : null,
      title: textOf(item.title),
      published: textOf(item.date),
    }));
  } else if (doc.feed) {
    format = 'atom';
    title = textOf(doc.feed.title);
    raw = ((doc.feed.entry ?? []) as Node[]).map((entry) => ({
      link: atomLink(entry),
      id: textOf(entry.id),
      title: textOf(entry.title),
      published: textOf(entry.published) ?? textOf(entry.updated),
    }));
  } else {
    const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing';
    throw new FeedProblem(`it is XML but not an RSS or Atom feed (its root element is <${root}>)`);
  }
  const items: FeedItem[] = [];
  let linkless = 0;
  for (const r of raw) {
    const link = absolute(r.link, base);
    if (link) items.push({ link, id: r.id, title: r.title, published: r.published });
    else linkless++;
  }
  return { format, title, items, linkless };
}

/** Query parameters that say where a click came from, not what was read. */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ocid|cmpid|at_medium|at_campaign)$/i;

/**
 * The URL an article is compared by: `example.org/news/a?b=1` for
 * `https://www.example.org/news/a/?utm_source=rss&b=1#top`.
 */
export function canonicalUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return input.trim();
  }
  const params = [...url.searchParams]
    .filter(([key]) => !TRACKING.test(key))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  const port = url.port ? `:${url.port}` : '';
  return `${url.hostname.replace(/^www\./, '')}${port}${pathname}${query}`;
}
