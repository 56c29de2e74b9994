import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../../../src/corpus/load.ts';
import { readHtml } from '../../../src/corpus/readers/html.ts';
import { looksLikeHtmlPage, readArticles } from '../../../src/corpus/readers/index.ts';
import type { CorpusDocument } from '../../../src/model.ts';

const PAGE = readFileSync(new URL('../fixtures/news-page.html', import.meta.url), 'utf8');

/** Every marker the fixture puts in navigation, scripts, comments, asides and the like. */
const JUNK = [
  'TRACKING-SCRIPT-TEXT',
  'COOKIE-BANNER-TEXT',
  'NAV-MENU-TEXT',
  'BREADCRUMB-TEXT',
  'SHARE-BAR-TEXT',
  'FIGURE-CAPTION-TEXT',
  'COMMENT-TEXT',
  'AD-SLOT-TEXT',
  'INLINE-SCRIPT-TEXT',
  'RELATED-STORY-TEXT',
  'Related stories',
  'COMMENTS-TEXT',
  'NEWSLETTER-TEXT',
  'MOST-READ-TEXT',
  'FOOTER-TEXT',
  'FOOTER-SCRIPT-TEXT',
  'Accept all',
  'Business reporter',
  '<',
  '&amp;',
];

function parsed(file: string, text: string): Omit<CorpusDocument, 'id'>[] {
  const docs = parseDocuments(file, Buffer.from(text));
  if ('reason' in docs) throw new Error(docs.reason);
  return docs;
}

describe('the HTML reader', () => {
  it('extracts the article body of a news page, paragraph by paragraph', () => {
    const [doc] = parsed('news/port.html', PAGE);
    const paragraphs = doc!.paragraphs.map((p) => doc!.text.slice(p.start, p.end));
    expect(paragraphs).toEqual([
      "Talks to end the strike at the Port of Eastmouth collapsed on Thursday after the operator rejected the union's latest pay offer, leaving hundreds of containers stranded on the quayside.",
      '“We have gone as far as we can go,” said Maria Olsen, the chief executive of Eastmouth Harbour Holdings. “The offer on the table is fair and it is final.”',
      "The union's general secretary, Tom Archer, denied that his members were holding the town to ransom. “Nobody wants this strike to go on, but we will not accept a pay cut dressed up as a pay rise,” he said.",
      'Transport Minister Helen Marsh said the government would not intervene in the dispute, but urged both sides to return to talks as soon as possible.',
      // White space inside a paragraph (a run of spaces, a line break in the source) is one space.
      "Local businesses say the stoppage, now in its third week, has cost them more than £2m in lost trade, and that the town's smaller firms are hit hardest.",
      '“Every day the ships sit idle is another day my drivers are not paid,” said haulier Ravi Patel, who runs a fleet of twelve lorries from the port.',
      'What happens next?',
      'The conciliation service Acas said it stood ready to help, and both sides are expected to meet again early next week.',
      // A <br> is a line break: two lines, each a paragraph to the segmenter.
      'Ms Olsen said the company had “no plans” to hire replacement workers.',
      'The union said it would ballot members on further action.',
    ]);
  });

  it('keeps navigation, scripts, comments, ads, captions, related stories and the footer out', () => {
    const [doc] = parsed('news/port.html', PAGE);
    for (const junk of JUNK) expect(doc!.text).not.toContain(junk);
    // The headline is metadata, not a paragraph; nor is the byline or the printed date.
    expect(doc!.text).not.toContain('Port strike talks collapse');
    expect(doc!.text).not.toContain('14 March 2024');
  });

  it('reads metadata from JSON-LD, Open Graph and article: tags, and the canonical link', () => {
    const [doc] = parsed('news/port.html', PAGE);
    expect(doc).toMatchObject({
      file: 'news/port.html',
      title: 'Port strike talks collapse as operator rejects pay offer',
      published: '2024-03-14T09:30:00+00:00',
      publisher: 'Eastmouth Gazette',
      author: 'Jane Doe',
      // The canonical link is relative: read against og:url.
      url: 'https://www.eastmouth-gazette.example/news/port-strike-talks-collapse',
      bodyStart: 0,
    });
    expect(doc!.warnings).toBeUndefined();
  });

  it('falls back to meta tags and <time> when a page has no JSON-LD', () => {
    const page = `<!doctype html><html><head><title>Mayor quits - The Courier</title>
      <meta name="author" content="By Sam Lee"><meta property="og:site_name" content="The Courier">
      <link rel="canonical" href="https://courier.example/mayor"></head>
      <body><nav><a href="/">Home</a></nav><article><h1>Mayor quits</h1>
      <time datetime="2023-11-02">2 November</time>
      ${'<p>The mayor of Westford resigned on Monday, saying she had lost the confidence of the council and would not stand again.</p>'.repeat(4)}
      </article></body></html>`;
    const [doc] = parsed('mayor.htm', page);
    expect(doc).toMatchObject({
      title: 'Mayor quits',
      published: '2023-11-02',
      publisher: 'The Courier',
      author: 'Sam Lee',
      url: 'https://courier.example/mayor',
    });
    expect(doc!.paragraphs).toHaveLength(4);
  });

  it('reads the JSON-LD articleBody when the page shows no article', () => {
    const page = `<html><head><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'ReportageNewsArticle',
      headline: 'Floods close the bridge',
      datePublished: 'Tue, 05 Mar 2024 07:15:00 GMT',
      articleBody: 'The bridge was closed on Tuesday.\nOfficials said it would reopen on Friday.',
    })}</script></head><body><div id="app"></div></body></html>`;
    const [doc] = parsed('floods.html', page);
    expect(doc).toMatchObject({ title: 'Floods close the bridge', published: '2024-03-05T07:15:00Z' });
    expect(doc!.text).toBe(
      'The bridge was closed on Tuesday.\n\nOfficials said it would reopen on Friday.\n',
    );
  });

  it('skips a page with no article text, saying so', () => {
    const result = parseDocuments(
      'empty.html',
      Buffer.from('<html><head><title>x</title></head><body></body></html>'),
    );
    expect(result).toEqual({ file: 'empty.html', reason: 'no article text found in the HTML page' });
  });

  it('reads an HTML page saved as .txt or .md as HTML, with a warning, not as text full of tags', () => {
    expect(looksLikeHtmlPage(PAGE)).toBe(true);
    expect(looksLikeHtmlPage('<!-- saved --> <html lang="en">')).toBe(true);
    expect(looksLikeHtmlPage('Headline\n\nThe <b>bold</b> claim.')).toBe(false);
    for (const file of ['renamed.txt', 'renamed.md']) {
      const [doc] = parsed(file, PAGE);
      expect(doc!.title).toBe('Port strike talks collapse as operator rejects pay offer');
      expect(doc!.warnings).toEqual(['an HTML page: read as HTML']);
      for (const junk of JUNK) expect(doc!.text).not.toContain(junk);
      expect(doc!.text).toBe(parsed('page.html', PAGE)[0]!.text);
    }
  });

  it('is one reader behind the common interface, taking a format from a content type', () => {
    const read = readArticles('page', Buffer.from(PAGE), 'html');
    expect('articles' in read && read.articles[0]!.title).toBe(
      'Port strike talks collapse as operator rejects pay offer',
    );
    const direct = readHtml(PAGE);
    expect('articles' in direct && direct.articles[0]!.text).toBe(
      'articles' in read && read.articles[0]!.text,
    );
  });
});
