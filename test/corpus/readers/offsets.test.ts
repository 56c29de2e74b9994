/**
 * The offsets promise, whatever the format: every sentence and statement of
 * a document read by any reader, in any encoding, is an exact slice of the
 * text the document stores, and nothing around an HTML article (navigation,
 * scripts, comments) reaches it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../../src/attribution/index.ts';
import { type ParsedDocument, parseDocuments } from '../../../src/corpus/load.ts';

const WORDS = [
  'the',
  'minister',
  'said',
  'denied',
  'Mr.',
  'U.S.',
  'Acme',
  'Corp.',
  'café',
  'naïve',
  '“We',
  'will',
  'not',
  'resign,”',
  '"No',
  'comment,"',
  "'quoted'",
  '£2m',
  '5%',
  'R&D',
  '<b>',
  'a<b',
  '&amp;',
  '😀',
  'Ünïcödé',
  '—',
  '(Reuters)',
  'O’Neill',
  'x\u00a0y',
  '…',
];
const ENDS = ['.', '!', '?', '', '.”', '?"', '…'];

const sentence = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }), fc.constantFrom(...ENDS))
  .map(([words, end]) => words.join(' ') + end);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
const article = fc.record({
  // A headline unlike any paragraph: the HTML reader drops a first paragraph that repeats it.
  title: fc
    .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 })
    .map((w) => `Headline: ${w.join(' ')}`),
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
  date: fc.constantFrom(
    '2024-03-14',
    '14 March 2024',
    'March 14, 2024',
    'Thu, 14 Mar 2024 10:05:00 +0000',
    'soon',
  ),
  breaks: fc.constantFrom('\n', '\r\n'),
});
type Generated = typeof article extends fc.Arbitrary<infer T> ? T : never;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article in every format a reader takes, as a file name and its text. */
function renderings(a: Generated): [string, string][] {
  const body = a.paragraphs.join(`${a.breaks}${a.breaks}`);
  const record = { title: a.title, date: a.date, url: 'https://example.org/a', text: body, tags: ['x'] };
  const html = `<!DOCTYPE html><html><head><title>${escapeHtml(a.title)}</title>
    <script>var JUNKSCRIPT = "JUNK";</script>
    <meta property="article:published_time" content="${a.date}"></head>
    <body><nav><a href="/">JUNKNAV</a> <a href="/x">JUNKNAV</a></nav><!-- JUNKCOMMENT -->
    <article><h1>${escapeHtml(a.title)}</h1>
    ${a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n    ')}
    </article><aside class="related"><a href="/r">JUNKRELATED</a></aside>
    <footer>JUNKFOOTER</footer></body></html>`;
  return [
    [
      'front.md',
      `---${a.breaks}title: "${a.title.replace(/["\\]/g, '')}"${a.breaks}date: ${a.date}${a.breaks}layout: post${a.breaks}---${a.breaks}${body}`,
    ],
    ['plain.txt', `${a.title}${a.breaks}${a.breaks}${body}`],
    ['page.html', html],
    ['renamed.txt', html],
    ['export.json', JSON.stringify([record, { ...record, title: 'Second' }])],
    [
      'feed.jsonl',
      `${JSON.stringify(record)}\n${JSON.stringify({ ...record, body: record.text, text: undefined })}`,
    ],
  ];
}

/** The text in the encodings people save it in. */
function encodings(text: string): Uint8Array[] {
  const le = Buffer.from(text, 'utf16le');
  return [
    Buffer.from(text),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]),
  ];
}

function checkOffsets(doc: ParsedDocument): void {
  const { text } = doc;
  let previousEnd = doc.bodyStart;
  for (const p of doc.paragraphs) {
    expect(p.start).toBeGreaterThanOrEqual(previousEnd);
    expect(p.end).toBeLessThanOrEqual(text.length);
    previousEnd = p.end;
  }
  for (const s of doc.sentences) {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.text.trim()).toBe(s.text);
  }
}

describe('offsets into the stored text, whatever the reader', () => {
  it('every sentence of every document is an exact slice of its stored text', () => {
    fc.assert(
      fc.property(article, (a) => {
        for (const [file, text] of renderings(a)) {
          for (const bytes of encodings(text)) {
            const docs = parseDocuments(file, bytes);
            if ('reason' in docs) throw new Error(`${file}: ${docs.reason}`);
            for (const doc of docs) {
              checkOffsets(doc);
              expect(doc.text).not.toContain('JUNK');
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('every statement extracted from a document is an exact slice of its stored text', () => {
    fc.assert(
      fc.property(article, (a) => {
        for (const [file, text] of renderings(a)) {
          const docs = parseDocuments(file, Buffer.from(text));
          if ('reason' in docs) throw new Error(`${file}: ${docs.reason}`);
          for (const doc of docs) {
            for (const st of extractStatements(doc.text, { bodyStart: doc.bodyStart })) {
              for (const span of [st.text, st.cue, st.speaker.mention, ...(st.quotes ?? [])]) {
                if (span) expect(doc.text.slice(span.start, span.end)).toBe(span.text);
              }
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('keeps the words of Markdown, text and JSON articles exactly, and of HTML ones up to white space', () => {
    fc.assert(
      fc.property(article, (a) => {
        for (const [file, text] of renderings(a)) {
          const docs = parseDocuments(file, Buffer.from(text));
          if ('reason' in docs) throw new Error(`${file}: ${docs.reason}`);
          const body = docs[0]!.text.slice(docs[0]!.bodyStart);
          const squeeze = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
          for (const p of a.paragraphs) {
            if (file.endsWith('.html') || file === 'renamed.txt') expect(squeeze(body)).toContain(squeeze(p));
            else expect(body).toContain(p);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
