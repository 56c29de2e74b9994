/** Reading RSS and Atom feeds (src/sources/feed.ts): links, ids, titles; what is not a feed, by name. */
import { describe, expect, it } from 'vitest';
import { canonicalUrl, FeedProblem, parseFeed } from '../../src/sources/feed.ts';

const BASE = 'http://127.0.0.1:8080/feeds/news.xml';
const parse = (xml: string) => parseFeed(Buffer.from(xml), BASE);
const problem = (xml: string | Buffer) => {
  try {
    parseFeed(typeof xml === 'string' ? Buffer.from(xml) : xml, BASE);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedProblem);
    return (error as Error).message;
  }
  throw new Error('parsed');
};

describe('parseFeed', () => {
  it('reads RSS 2.0 items: link (relative ones resolved), guid, title, date; an item with no link is counted', () => {
    const feed = parse(`<?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
        <title>Example &amp; News</title><link>http://example.org/</link>
        <atom:link href="${BASE}" rel="self" type="application/rss+xml"/>
        <item><title><![CDATA[Grain <em>exports</em>]]></title><link>/news/grain</link>
          <guid isPermaLink="false">grain-1</guid><pubDate>Thu, 14 Mar 2024 09:00:00 GMT</pubDate></item>
        <item><title>Only a guid</title><guid>http://example.org/news/wheat</guid></item>
        <item><title>Nothing to fetch</title><description>No link at all</description></item>
      </channel></rss>`);
    expect(feed).toEqual({
      format: 'rss',
      title: 'Example & News',
      items: [
        {
          link: 'http://127.0.0.1:8080/news/grain',
          id: 'grain-1',
          title: 'Grain <em>exports</em>',
          published: 'Thu, 14 Mar 2024 09:00:00 GMT',
        },
        {
          link: 'http://example.org/news/wheat',
          id: 'http://example.org/news/wheat',
          title: 'Only a guid',
          published: null,
        },
      ],
      linkless: 1,
    });
  });

  it('reads Atom entries: the alternate link, id, title, published or updated', () => {
    const feed = parse(`<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom news</title>
      <link rel="self" href="${BASE}"/>
      <entry><id>urn:uuid:1</id><title type="html">First</title>
        <link rel="edit" href="/edit/1"/><link rel="alternate" type="text/html" href="/news/first"/>
        <updated>2024-03-14T09:00:00Z</updated></entry>
      <entry><id>urn:uuid:2</id><title>Second</title><link href="https://example.org/second"/>
        <published>2024-03-15</published><updated>2024-03-16</updated></entry>
    </feed>`);
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Atom news');
    expect(feed.items).toEqual([
      {
        link: 'http://127.0.0.1:8080/news/first',
        id: 'urn:uuid:1',
        title: 'First',
        published: '2024-03-14T09:00:00Z',
      },
      { link: 'https://example.org/second', id: 'urn:uuid:2', title: 'Second', published: '2024-03-15' },
    ]);
  });

  it('reads RSS 1.0 (RDF) and a declared Windows-1252 encoding', () => {
    const xml = Buffer.from(
      '<?xml version="1.0" encoding="windows-1252"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">' +
        '<channel><title>Caf\xe9</title></channel><item rdf:about="http://example.org/a"><title>A</title><link>http://example.org/a</link></item></rdf:RDF>',
      'latin1',
    );
    const feed = parseFeed(xml, BASE);
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('Café');
    expect(feed.items.map((i) => i.link)).toEqual(['http://example.org/a']);
  });

  it('names what is wrong with what is not a feed', () => {
    expect(problem('<rss><channel><item><title>x</title></channel></rss>')).toMatch(
      /^it is not well-formed XML \(line 1: Expected closing tag 'item'/,
    );
    expect(problem('<html><body><p>Hello</p></body></html>')).toBe(
      'it is XML but not an RSS or Atom feed (its root element is <html>)',
    );
    expect(problem('Just some words')).toBe('it is not XML (it does not start with a tag)');
    expect(problem('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss>&a;</rss>')).toBe(
      'it declares XML entities, which whosaid does not expand',
    );
  });
});

describe('canonicalUrl', () => {
  it('leaves out the scheme, www., the fragment, tracking parameters, a trailing slash and the query order', () => {
    expect(canonicalUrl('https://www.Example.org/news/a/?utm_source=rss&b=2&a=1#top')).toBe(
      'example.org/news/a?a=1&b=2',
    );
    expect(canonicalUrl('http://example.org/news/a?b=2&a=1&fbclid=x')).toBe('example.org/news/a?a=1&b=2');
    expect(canonicalUrl('http://127.0.0.1:8080/')).toBe('127.0.0.1:8080');
  });
});
