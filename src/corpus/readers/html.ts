/**
 * HTML pages (`.html`, `.htm`, and an HTML page saved under another name):
 * the article's text, found by Mozilla's Readability (what Firefox's Reader
 * View uses), becomes the document. Navigation, scripts, styles, comments,
 * asides, "related stories" and share bars never reach it: Readability
 * scores the page's blocks and keeps the article's, and the paragraphs are
 * then read from the elements it kept (`paragraphsOf`), each block its own
 * paragraph.
 *
 * Metadata comes from the page's own markup, before Readability changes it,
 * strongest first: JSON-LD (`NewsArticle` and the other article types), the
 * Open Graph and `article:` meta tags, other common meta names, the first
 * `<time datetime>`, and the canonical link.
 */

import { parseDate } from './dates.ts';
import { type DomDocument, paragraphsOf, parseHtml, readability } from './dom.ts';
import { type ArticleMeta, nameOf, namesOf, readMeta } from './fields.ts';
import type { FileArticles, Reader, Unreadable } from './types.ts';

export const htmlReader: Reader = {
  format: 'html',
  read: (text) => readHtml(text),
};

/** A page's article, or why it has none. */
export function readHtml(html: string): FileArticles | Unreadable {
  const document = parseHtml(html);
  const ld = jsonLdArticle(document);
  const found = pageMeta(document, ld);
  const headline = clean(document.querySelector('h1')?.textContent);
  const article = readability(document);
  let paragraphs = article?.content ? paragraphsOf(article.content) : [];
  if (paragraphs.length === 0 && typeof ld?.articleBody === 'string') {
    paragraphs = plainParagraphs(ld.articleBody);
  }
  const publisher = found.publisher ?? clean(article?.siteName);
  const title =
    found.title ?? withoutSiteName(clean(article?.title) ?? clean(document.title), headline, publisher);
  // The headline is metadata: a copy of it opening the text is not a paragraph of the article.
  if (title && paragraphs.length > 1 && sameText(paragraphs[0]!, title)) paragraphs.shift();
  if (paragraphs.length === 0) return { reason: 'no article text found in the HTML page' };
  const { meta, warnings } = readMeta({
    title,
    published: found.published ?? dateOf(article?.publishedTime),
    publisher,
    author: found.author ?? byline(article?.byline),
    url: found.url,
  });
  return {
    articles: [{ ...meta, text: `${paragraphs.join('\n\n')}\n`, bodyStart: 0, warnings }],
    warnings: [],
  };
}

type Json = Record<string, unknown>;

/**
 * The page's article metadata as found, each value already usable (a date
 * this reads, an http(s) link); undefined where the page has none.
 */
function pageMeta(document: DomDocument, ld: Json | null): ArticleMeta {
  const tags = metaTags(document);
  const tag = (...names: string[]) => names.map((n) => tags.get(n)).find((v) => v);
  const author = tag('author', 'article:author', 'byl', 'parsely-author', 'sailthru.author');
  const url = firstUrl(
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    tag('og:url'),
    ld && (typeof ld.url === 'string' ? ld.url : idOf(ld.mainEntityOfPage)),
  );
  return {
    title: clean(ld && (nameOf(ld.headline) ?? nameOf(ld.name))) ?? clean(tag('og:title', 'twitter:title')),
    published: firstDate(
      ld?.datePublished,
      tag(
        'article:published_time',
        'og:article:published_time',
        'datepublished',
        'publishdate',
        'publish-date',
        'pubdate',
        'date',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'dcterms.date',
        'sailthru.date',
        'parsely-pub-date',
      ),
      timeOf(document),
      ld?.dateCreated,
    ),
    publisher: clean(ld && namesOf(ld.publisher)) ?? clean(tag('og:site_name', 'application-name')),
    author:
      byline(ld ? namesOf(ld.author) : null) ??
      (author && !/^https?:/i.test(author) ? byline(author) : undefined),
    url,
  };
}

/** Meta tags by lower-cased `property`, `name` or `itemprop`; the first of each wins. */
function metaTags(document: DomDocument): Map<string, string> {
  const tags = new Map<string, string>();
  const list = document.querySelectorAll('meta[content]');
  for (let i = 0; i < list.length; i++) {
    const meta = list[i]!;
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

/** Schema.org types of news and other articles. */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;

/**
 * The first JSON-LD object of an article type, looked for through arrays,
 * `@graph` and nested objects (a `WebPage` whose `mainEntity` is the article).
 */
function jsonLdArticle(document: DomDocument): Json | null {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue;
    }
    const queue = [data];
    for (let seen = 0; queue.length && seen < 1000; seen++) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const types = [(item as Json)['@type']].flat().filter((t): t is string => typeof t === 'string');
        if (types.some((t) => ARTICLE_TYPE.test(t.replace(/^.*[/:#]/, '')))) return item as Json;
        queue.push(...Object.values(item));
      }
    }
  }
  return null;
}

/** The `datetime` of the page's publication `<time>`: one marked so, else the first in the article, else the first. */
function timeOf(document: DomDocument): string | undefined {
  const time =
    document.querySelector('time[itemprop="datePublished"][datetime], time[pubdate][datetime]') ??
    document.querySelector('article time[datetime]') ??
    document.querySelector('time[datetime]');
  return time?.getAttribute('datetime') ?? undefined;
}

function firstDate(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (value === undefined || value === null) continue;
    const date = parseDate(value);
    if (date) return date;
  }
  return undefined;
}

function dateOf(value: string | null | undefined): string | undefined {
  return value ? firstDate(value) : undefined;
}

/** The first value that is an absolute http(s) link; a relative one is read against the page's `og:url`. */
function firstUrl(...values: (string | null | undefined)[]): string | undefined {
  const absolute = values.find((v) => v && /^https?:\/\//i.test(v.trim()));
  for (const value of values) {
    if (!value) continue;
    try {
      const url = new URL(value.trim(), absolute?.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {}
  }
  return undefined;
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const id = (value as Json)['@id'] ?? (value as Json).url;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** One line of text, or undefined when there is none. */
function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** A byline as a name: "By Jane Doe" is Jane Doe. */
function byline(value: string | null | undefined): string | undefined {
  return clean(value?.replace(/^\s*by\s+/i, ''));
}

/** A separator between a page's headline and its site's name: "Mayor quits - The Courier". */
const TITLE_SEPARATOR = /^\s*[-|–—:·•]\s+\S/;

/**
 * A `<title>` without the site's name it ends with: the page's headline when
 * the title is the headline and more ("Mayor quits - The Courier" on a page
 * whose `<h1>` is "Mayor quits"), or the title less " - <publisher>".
 */
function withoutSiteName(
  title: string | undefined,
  headline: string | undefined,
  publisher: string | undefined,
): string | undefined {
  if (!title) return headline;
  if (headline && title.startsWith(headline) && TITLE_SEPARATOR.test(title.slice(headline.length))) {
    return headline;
  }
  if (publisher && title.endsWith(publisher)) {
    const rest = title.slice(0, -publisher.length).replace(/\s*[-|–—:·•]\s*$/, '');
    if (rest && rest !== title.slice(0, -publisher.length)) return rest;
  }
  return title;
}

function sameText(a: string, b: string): boolean {
  const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return fold(a) === fold(b);
}

/** Plain text with its own line breaks (JSON-LD `articleBody`), one paragraph per non-empty line. */
function plainParagraphs(text: string): string[] {
  return text
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
