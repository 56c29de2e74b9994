import { describe, expect, it } from 'vitest';
import { loadCorpus, parseDocuments } from '../../../src/corpus/load.ts';
import { parseDate } from '../../../src/corpus/readers/dates.ts';
import { corpusFolder } from '../../engine/helpers.ts';

function parsed(text: string, file = 'a.md') {
  const docs = parseDocuments(file, Buffer.from(text));
  if ('reason' in docs) throw new Error(docs.reason);
  return docs[0]!;
}

const meta = (d: ReturnType<typeof parsed>) => ({
  title: d.title,
  published: d.published,
  publisher: d.publisher,
  author: d.author,
  url: d.url,
  country: d.country,
  warnings: d.warnings,
});

describe('publication dates', () => {
  it.each([
    ['2024-03-14', '2024-03-14'],
    ['2024-3-4', '2024-03-04'],
    ['2024/03/14', '2024-03-14'],
    ['2024-03-14T10:05:00Z', '2024-03-14T10:05:00Z'],
    ['2024-03-14T10:05:00.123+01:00', '2024-03-14T10:05:00.123+01:00'],
    ['2024-03-14 10:05', '2024-03-14T10:05'],
    ['2024-03-14T10:05:00.000+0100', '2024-03-14T10:05:00.000+01:00'],
    ['14 March 2024', '2024-03-14'],
    ['14th Mar 2024', '2024-03-14'],
    ['Thursday, 14 March 2024', '2024-03-14'],
    ['March 14, 2024', '2024-03-14'],
    ['Mar. 14 2024', '2024-03-14'],
    ['March 14th, 2024 at 3:30 pm', '2024-03-14T15:30'],
    ['14 March 2024 10:05 GMT', '2024-03-14T10:05Z'],
    ['Thu, 14 Mar 2024 10:05:00 +0000', '2024-03-14T10:05:00+00:00'],
    ['Thu, 14 Mar 2024 10:05:00 EST', '2024-03-14T10:05:00-05:00'],
    [1710410700, '2024-03-14T10:05:00Z'],
    [1710410700000, '2024-03-14T10:05:00Z'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    '2020-02-30',
    '2020-13-01',
    '03/04/2024',
    'soon',
    '14 Smarch 2024',
    '2024-03-14 25:00',
    '2024-03-14 GMT',
    '',
  ])('refuses %j', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('front matter', () => {
  it('reads the documented keys', () => {
    const doc = parsed(
      '---\ntitle: A good article\npublished: 2021-03-04\npublisher: The Daily\nauthor: Jane Doe\nurl: https://example.org/a\ncountry: United Kingdom\n---\nBody text.\n',
    );
    expect(meta(doc)).toEqual({
      title: 'A good article',
      published: '2021-03-04',
      publisher: 'The Daily',
      author: 'Jane Doe',
      url: 'https://example.org/a',
      country: 'GB',
      warnings: undefined,
    });
  });

  it('takes date for published, source for publisher, link for url, and common date formats', () => {
    const doc = parsed(
      '---\ntitle: T\ndate: 14 March 2024\nsource: Wire\nlink: https://example.org/b\n---\nBody.\n',
    );
    expect(meta(doc)).toMatchObject({
      published: '2024-03-14',
      publisher: 'Wire',
      url: 'https://example.org/b',
      warnings: undefined,
    });
    expect(parsed('---\ntitle: T\npublished: "March 14, 2024"\n---\nBody.\n').published).toBe('2024-03-14');
  });

  it('loads static-site front matter, unknown keys a warning', () => {
    const jekyll = [
      '---',
      'layout: post',
      'title: "Council votes on the bypass"',
      'date: 2024-03-14 10:05:00 +0000',
      'categories: [news, local]',
      'tags:',
      '  - council',
      '  - roads',
      'draft: false',
      '---',
      '',
      'The council voted on Tuesday.',
      '',
    ].join('\n');
    const doc = parsed(jekyll);
    expect(meta(doc)).toEqual({
      title: 'Council votes on the bypass',
      published: '2024-03-14T10:05:00+00:00',
      publisher: undefined,
      author: undefined,
      url: undefined,
      country: undefined,
      warnings: ['front matter: unknown keys "layout", "categories", "tags", "draft" ignored'],
    });
    expect(doc.text.slice(doc.sentences[0]!.start, doc.sentences[0]!.end)).toBe(
      'The council voted on Tuesday.',
    );
  });

  it('leaves out a value it cannot use, with a warning naming the key, and keeps the article', () => {
    const doc = parsed(
      '---\ntitle: T\npublished: 2020-02-30\nurl: "javascript:alert(1)"\ncountry: Narnia\nauthr: typo\n---\nBody.\n',
    );
    expect(meta(doc)).toEqual({
      title: 'T',
      published: undefined,
      publisher: undefined,
      author: undefined,
      url: undefined,
      country: undefined,
      warnings: [
        'front matter: unknown key "authr" ignored',
        'front matter: key "published" is not a date ("2020-02-30"); left out',
        'front matter: key "url" is not an http(s) link; left out',
        'front matter: key "country" "Narnia" is not a country (use a code such as GB, or a name); left out',
      ],
    });
  });

  it('titles an article by its first line when the front matter has no title', () => {
    expect(parsed('---\ndate: 2024-03-14\n---\n# Headline here\n\nBody.\n').title).toBe('Headline here');
  });

  it('reads several authors as one list', () => {
    expect(parsed('---\ntitle: T\nauthors: [Ann Lee, Bo Park]\n---\nBody.\n').author).toBe(
      'Ann Lee, Bo Park',
    );
  });

  it('shows the warnings in the load result, once per file and message', async () => {
    const dir = corpusFolder({
      'post.md': '---\ntitle: T\ntags: [a]\n---\nBody.\n',
      'plain.md': 'Plain\n\nBody.\n',
    });
    const { documents, warnings } = await loadCorpus(dir, { maxFileBytes: 10_000 });
    expect(documents.map((d) => d.id)).toEqual(['plain', 'post']);
    expect(warnings).toEqual([{ file: 'post.md', message: 'front matter: unknown key "tags" ignored' }]);
  });
});
