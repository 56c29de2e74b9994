import { describe, expect, it } from 'vitest';
import { loadCorpus, parseDocuments } from '../../../src/corpus/load.ts';
import { corpusFolder } from '../../engine/helpers.ts';

const OPTIONS = { maxFileBytes: 1_000_000 };

const ARTICLES = [
  {
    title: 'Minister denies cuts',
    date: '2024-03-14',
    url: 'https://news.example/cuts',
    text: 'The minister denied the cuts.\n\n"There will be no cuts," she said.',
    author: 'Jane Doe',
    source: 'Example News',
    tags: ['politics'],
  },
  {
    headline: 'Union rejects offer',
    publishedAt: 'March 15, 2024',
    link: 'https://news.example/offer',
    body: 'The union rejected the offer on Friday.',
    publisher: { name: 'Wire Service' },
  },
  {
    title: 'Council approves bypass',
    published: '2024-03-16T08:00:00Z',
    content: '<p>The council approved the bypass.</p><p>Work starts <b>next year</b>.</p>',
    authors: [{ name: 'A. Writer' }, 'B. Writer'],
  },
];

function parsed(file: string, text: string) {
  const docs = parseDocuments(file, Buffer.from(text));
  if ('reason' in docs) throw new Error(docs.reason);
  return docs;
}

const meta = (docs: ReturnType<typeof parsed>) =>
  docs.map((d) => ({
    part: d.part,
    title: d.title,
    published: d.published,
    url: d.url,
    author: d.author,
    publisher: d.publisher,
    text: d.text,
  }));

const EXPECTED = [
  {
    part: 1,
    title: 'Minister denies cuts',
    published: '2024-03-14',
    url: 'https://news.example/cuts',
    author: 'Jane Doe',
    publisher: 'Example News',
    text: 'The minister denied the cuts.\n\n"There will be no cuts," she said.',
  },
  {
    part: 2,
    title: 'Union rejects offer',
    published: '2024-03-15',
    url: 'https://news.example/offer',
    author: undefined,
    publisher: 'Wire Service',
    text: 'The union rejected the offer on Friday.',
  },
  {
    part: 3,
    title: 'Council approves bypass',
    published: '2024-03-16T08:00:00Z',
    url: undefined,
    author: 'A. Writer, B. Writer',
    publisher: undefined,
    // Text written as HTML is read as paragraphs.
    text: 'The council approved the bypass.\n\nWork starts next year.\n',
  },
];

describe('the JSON and JSONL readers', () => {
  it('reads a JSON array, one document per object, with the field names people use', () => {
    expect(meta(parsed('export.json', JSON.stringify(ARTICLES)))).toEqual(EXPECTED);
  });

  it('reads an object with an "articles" array (as news APIs return them)', () => {
    const text = JSON.stringify({ status: 'ok', totalResults: 3, articles: ARTICLES }, null, 2);
    expect(meta(parsed('api.json', text))).toEqual(EXPECTED);
  });

  it('reads one article object as one document, without a part', () => {
    const [doc, ...rest] = parsed('one.json', JSON.stringify(ARTICLES[0]));
    expect(rest).toEqual([]);
    expect(doc!.part).toBeUndefined();
    expect(doc!.title).toBe('Minister denies cuts');
  });

  it('reads JSON Lines, one object per line, numbered by line', () => {
    const text = ARTICLES.map((a) => JSON.stringify(a)).join('\r\n');
    expect(meta(parsed('feed.jsonl', text))).toEqual(EXPECTED);
  });

  it('keeps the text a document stores exactly as the field holds it, so offsets index it', () => {
    const [doc] = parsed('export.json', JSON.stringify(ARTICLES));
    expect(doc!.text).toBe(ARTICLES[0]!.text);
    for (const s of doc!.sentences) expect(doc!.text.slice(s.start, s.end)).toBe(s.text);
    expect(doc!.sentences.map((s) => s.text)).toEqual([
      'The minister denied the cuts.',
      '"There will be no cuts," she said.',
    ]);
  });

  it('joins a list of paragraphs with blank lines; titles a text without one by its first line', () => {
    const [doc] = parsed('list.json', JSON.stringify([{ text: ['First line here.', 'Second paragraph.'] }]));
    expect(doc!.text).toBe('First line here.\n\nSecond paragraph.');
    expect(doc!.title).toBe('First line here.');
  });

  it('turns entries it cannot read and bad values into warnings, and loads the others', () => {
    const lines = [
      JSON.stringify({ title: 'Good', date: 'soon', url: 'ftp://x', text: 'It was fine.' }),
      '{ not json',
      JSON.stringify({ title: 'No text' }),
      '',
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ title: 'Also good', text: 'It was also fine.' }),
    ].join('\n');
    const docs = parsed('mixed.jsonl', lines);
    expect(docs.map((d) => [d.part, d.title])).toEqual([
      [1, 'Good'],
      [6, 'Also good'],
    ]);
    const fileWarnings = [
      'line 2: not valid JSON; not read',
      'line 3: no text (text, body, content or articleBody); not read',
      'line 5: not an object; not read',
    ];
    expect(docs[0]!.warnings).toEqual([
      ...fileWarnings,
      'line 1: key "date" is not a date ("soon"); left out',
      'line 1: key "url" is not an http(s) link; left out',
    ]);
    expect(docs[1]!.warnings).toEqual(fileWarnings);
    expect(docs[0]!.published).toBeUndefined();
  });

  it('skips a file with no article, saying why', () => {
    const skip = (file: string, text: string) => parseDocuments(file, Buffer.from(text));
    expect(skip('a.json', '{"status": "ok"}')).toEqual({
      file: 'a.json',
      reason:
        'no article in the JSON: expected an array of articles, an object with an "articles" array, or one article with a text field (text, body or content)',
    });
    expect(skip('b.json', '[{"title": "x"}]')).toEqual({
      file: 'b.json',
      reason: 'no article could be read: entry 1: no text (text, body, content or articleBody); not read',
    });
    expect(skip('c.json', '{"title": ')).toMatchObject({
      reason: expect.stringMatching(/^not valid JSON: /),
    });
    expect(skip('d.jsonl', '\n\n')).toEqual({ file: 'd.jsonl', reason: 'empty' });
  });

  it('reads JSON Lines saved as .json, saying so', () => {
    const docs = parsed('feed.json', ARTICLES.map((a) => JSON.stringify(a)).join('\n'));
    expect(docs).toHaveLength(3);
    expect(docs[0]!.warnings).toEqual(['holds one JSON object per line: read as JSON Lines']);
  });

  it('gives each article a stable id: the file id and its position', async () => {
    const dir = corpusFolder({
      'exports/feed.jsonl': ARTICLES.map((a) => JSON.stringify(a)).join('\n'),
      'exports/api.json': JSON.stringify({ articles: ARTICLES.slice(0, 2) }),
      'exports/one.json': JSON.stringify(ARTICLES[1]),
    });
    const first = await loadCorpus(dir, OPTIONS);
    expect(first.documents.map((d) => d.id)).toEqual([
      'exports/api/1',
      'exports/api/2',
      'exports/feed/1',
      'exports/feed/2',
      'exports/feed/3',
      'exports/one',
    ]);
    expect(first.documents[2]!.sentences[0]!.id).toBe('exports/feed/1:1.1');
    const again = await loadCorpus(dir, OPTIONS);
    expect(again.documents.map((d) => d.sentences.map((s) => s.id))).toEqual(
      first.documents.map((d) => d.sentences.map((s) => s.id)),
    );
  });
});
