import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { findParagraphs, segmentDocument, splitSentences } from '../../src/corpus/segment.ts';
import { corpusFolder } from '../engine/helpers.ts';

const sentencesOf = (text: string) => splitSentences(text, 0, text.length).map(([s, e]) => text.slice(s, e));

describe('sentence splitting', () => {
  it('keeps U.S., Mr., Corp., initials and decimals inside sentences', () => {
    expect(
      sentencesOf('U.S. President Joe Smith met Mr. Jones of Acme Corp. on Monday. It went well.'),
    ).toEqual(['U.S. President Joe Smith met Mr. Jones of Acme Corp. on Monday.', 'It went well.']);
    expect(
      sentencesOf('George W. Bush and J. K. Rowling shared 2.5 billion dollars. Nobody saw it.'),
    ).toEqual(['George W. Bush and J. K. Rowling shared 2.5 billion dollars.', 'Nobody saw it.']);
    expect(sentencesOf('Dr. Ames met Gen. Miles at 9 a.m. in Washington.')).toHaveLength(1);
  });

  it('ends a sentence after an abbreviation when a sentence-opening word follows', () => {
    expect(sentencesOf('The deal was signed with Acme Inc. The shares rose.')).toEqual([
      'The deal was signed with Acme Inc.',
      'The shares rose.',
    ]);
    expect(sentencesOf('He flew back to the U.S. He was tired.')).toEqual([
      'He flew back to the U.S.',
      'He was tired.',
    ]);
  });

  it('splits inside a multi-sentence quote and keeps closing marks with their sentence', () => {
    expect(sentencesOf('"We will win. They know it,” the mayor said. Then he left.')).toEqual([
      '"We will win.',
      'They know it,” the mayor said.',
      'Then he left.',
    ]);
    expect(sentencesOf('“Is it over?” she asked. “Yes.”')).toEqual(['“Is it over?” she asked.', '“Yes.”']);
  });

  it('handles mixed straight and curly marks and non-breaking spaces', () => {
    const text = '"It is false,”\u00a0–\u00a0he said.\u00a0\u00a0– “We never did it”, – added the minister.';
    expect(sentencesOf(text)).toEqual([
      '"It is false,”\u00a0–\u00a0he said.',
      '– “We never did it”, – added the minister.',
    ]);
  });

  it('treats a headline with no full stop as one sentence', () => {
    const text = 'Minister rejects claims of election meddling\n\nThe minister spoke on Friday.';
    const { sentences } = segmentDocument(text, 0, 'd');
    expect(sentences.map((s) => [s.id, s.text])).toEqual([
      ['d:1.1', 'Minister rejects claims of election meddling'],
      ['d:2.1', 'The minister spoke on Friday.'],
    ]);
  });
});

describe('paragraphs', () => {
  it('are the blocks between blank lines', () => {
    const text = 'One.\n\n  \nTwo.\r\n\r\nThree.';
    expect(findParagraphs(text, 0).map((p) => text.slice(p.start, p.end))).toEqual([
      'One.',
      'Two.',
      'Three.',
    ]);
  });

  it('are lines in a block written one paragraph per line', () => {
    const text = 'Monday 1 May\nThe minister spoke.\n"It is false,” she said.';
    expect(findParagraphs(text, 0)).toHaveLength(3);
  });

  it('keep a hard-wrapped block together', () => {
    const text = 'The minister said that the\nclaims were false and that\nnobody had asked.';
    expect(findParagraphs(text, 0)).toEqual([{ index: 1, start: 0, end: text.length }]);
  });

  it('start after the front matter', () => {
    const text = '---\ntitle: x\n---\nBody.';
    expect(findParagraphs(text, 17).map((p) => text.slice(p.start, p.end))).toEqual(['Body.']);
  });
});

describe('line breaks other than \\n (issue 11)', () => {
  const PARAGRAPHS = ['Monday 1 May', 'The minister spoke.', '"It is false," she said. Then she left.'];
  const paragraphsOf = (text: string) => findParagraphs(text, 0).map((p) => text.slice(p.start, p.end));

  it.each([
    ['CR (old Mac files)', '\r'],
    ['CR LF', '\r\n'],
    ['NEL (U+0085)', '\u0085'],
    ['LINE SEPARATOR (U+2028)', '\u2028'],
  ])('%s breaks lines as \\n does', (_name, br) => {
    expect(paragraphsOf(PARAGRAPHS.join(br))).toEqual(PARAGRAPHS);
    // Two breaks make a blank line between blocks.
    expect(paragraphsOf(`One.${br}${br}Two.${br}${br}Three.`)).toEqual(['One.', 'Two.', 'Three.']);
    // A hard-wrapped block stays one paragraph, its break kept inside.
    const wrapped = `The minister said that the${br}claims were false.`;
    expect(paragraphsOf(wrapped)).toEqual([wrapped]);
  });

  it('ends a paragraph at PARAGRAPH SEPARATOR (U+2029), even inside a hard-wrapped block', () => {
    expect(paragraphsOf(PARAGRAPHS.join('\u2029'))).toEqual(PARAGRAPHS);
    expect(paragraphsOf('The minister said that the\u2029claims were false.')).toEqual([
      'The minister said that the',
      'claims were false.',
    ]);
  });

  it('keeps sentences exact slices of the text, and a NEL never starts or ends one', () => {
    const text = 'Headline\u0085\u0085The U.S. said it.\u0085"No," he said.\r\rLast one.';
    const { paragraphs, sentences } = segmentDocument(text, 0, 'd');
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual([
      'Headline',
      'The U.S. said it.',
      '"No," he said.',
      'Last one.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.id)).toEqual(['d:1.1', 'd:2.1', 'd:3.1', 'd:4.1']);
  });

  it('gives a CR-only file its paragraphs, title and front matter through loadCorpus', async () => {
    const dir = corpusFolder({
      'mac.txt':
        '---\rtitle: Old Mac file\rpublished: 2001-02-03\r---\rMOSCOW (Reuters) -\rThe minister spoke.\r\rIt rained.\r',
      'nel.txt': 'Headline with NEL\u0085\u0085The minister spoke.\u0085It rained.',
    });
    const { documents, skipped } = await loadCorpus(dir, { maxFileBytes: 1_000_000 });
    expect(skipped).toEqual([]);
    const [mac, nel] = documents;
    expect(mac).toMatchObject({ title: 'Old Mac file', published: '2001-02-03' });
    expect(mac!.sentences.map((s) => s.text)).toEqual([
      'MOSCOW (Reuters) -',
      'The minister spoke.',
      'It rained.',
    ]);
    expect(nel!.title).toBe('Headline with NEL');
    expect(nel!.paragraphs).toHaveLength(3);
    for (const doc of documents)
      for (const s of doc.sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
  });
});

/** The sentence boundaries of every paragraph of both seeds: [paragraph, starts with, ends with]. */
const SEED_SENTENCES: Record<string, [number, string, string][]> = {
  '000_dedf56004ae8cd24': [
    [1, 'Wednesday 30 September 2', '0 September 2020'],
    [2, 'News ID: 82680', 'News ID: 82680'],
    [3, 'Publish Date: 11 Septemb', 'ber 2020 - 23:42'],
    [4, 'WASHINGTON/TEHRAN/MOSCOW', 'enger Joe Biden.'],
    [5, 'In a statement, Iran’s F', 'ntries’ affairs.'],
    [6, '"The United States is le', 'other countries.'],
    [6, 'The US is not in a posit', 'hatibzadeh said.'],
    [7, '"The U.S. has interfered', 'sadeq,” he said.'],
    [8, 'Khatibzadeh said that Te', ' U.S. elections.'],
    [9, '"As we have reiterated o', 'ouse for Tehran.'],
    [9, 'What matters is that Was', 'ments,” he said.'],
    [10, 'Washington, which has so', 'in recent years.'],
    [11, 'Facebook, Twitter and Yo', 'ional audiences.'],
    [12, 'Speaking at a joint pres', 'in U.S. affairs.'],
    [12, 'Lavrov, in turn, said ac', 'nsubstantiated”.'],
    [13, '"Russia has not interfer', 'ately on Friday.'],
    [14, 'The U.S. Department of H', 'related targets.'],
    [15, 'China’s foreign affair m', 'nterfered in it.'],
    [15, 'The U.S. was an "empire ', 'fing in Beijing.'],
    [16, '* Comment:', '* Comment:'],
  ],
  '001_e6221dfe59bbf6ac': [
    [1, 'The Chinese Foreign Mini', 'tions groundless'],
    [2, 'Zhao Lijian said that Ch', 'ential election.'],
    [3, 'Chinese Foreign Ministry', 'ntial elections.'],
    [3, 'He made this statement a', 'efing on Friday.'],
    [4, '“As for the presidential', 'd States affair.'],
    [4, 'We have no interest in i', 'm]”, –  he said.'],
    [4, '– “I think Microsoft sho', 'istry spokesman.'],
    [5, 'On Thursday, the US corp', 'tions in the US.'],
    [5, 'Microsoft claims that th', 'cal consultants.'],
    [5, 'The groups, operating fr', 'te Joseph Biden.'],
    [6, 'For his part, Acting Hom', 'can corporation.'],
    [7, '“I approve of Microsoft’', ' his department.'],
    [8, 'The next general electio', 'd on November 3.'],
    [8, 'They will elect the Pres', 'and territories.'],
    [8, 'Democrat Joseph Biden wi', 'an Donald Trump.'],
    [8, 'Trump and Biden’s partne', 'd Kamala Harris.'],
  ],
};

describe('seed sentence boundaries', async () => {
  const { documents } = await loadCorpus('corpus', { maxFileBytes: 5_000_000 });
  for (const doc of documents) {
    it(`pins every sentence of ${doc.id}`, () => {
      const expected = SEED_SENTENCES[doc.id]!;
      expect(doc.sentences.map((s) => [s.paragraph, s.text.slice(0, 24), s.text.slice(-16)])).toEqual(
        expected,
      );
      for (const s of doc.sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
      expect(doc.text).toBe(readFileSync(`corpus/${doc.file}`, 'utf8'));
    });
  }
});

const newsAlphabet = fc.constantFrom(
  ...'ab C.D?!…"“”‘’\'()[]-–—:;,\n\n \u00a0\t\r\u0085\u2028\u20290123456789UuSsMr'.split(''),
  'Mr.',
  'U.S.',
  'Inc.',
  ' said.',
  '\n\n',
  '” he said. “',
);
const newsText = fc.array(newsAlphabet, { maxLength: 400 }).map((parts) => parts.join(''));

describe('segmentation properties', () => {
  it('never throws, and every sentence slices to its text', () => {
    fc.assert(
      fc.property(fc.oneof(newsText, fc.string({ maxLength: 300 })), (text) => {
        const { paragraphs, sentences } = segmentDocument(text, 0, 'd');
        for (const s of sentences) {
          expect(s.text).toBe(text.slice(s.start, s.end));
          expect(s.text.trim()).toBe(s.text);
          expect(s.text.length).toBeGreaterThan(0);
        }
        for (const p of paragraphs) expect(p.end).toBeGreaterThan(p.start);
      }),
      { numRuns: 500 },
    );
  });

  // Whitespace as segmentation sees it: JavaScript's `\s` and NEL (U+0085), a line break.
  const unspaced = (text: string) => text.replace(/[\s\u0085]/g, '');

  it('loses no text: between sentences of a paragraph there is only whitespace', () => {
    fc.assert(
      fc.property(newsText, (text) => {
        const { paragraphs, sentences } = segmentDocument(text, 0, 'd');
        for (const p of paragraphs) {
          const inside = sentences.filter((s) => s.paragraph === p.index);
          let at = p.start;
          for (const s of inside) {
            expect(s.start).toBeGreaterThanOrEqual(at);
            expect(unspaced(text.slice(at, s.start))).toBe('');
            at = s.end;
          }
          expect(unspaced(text.slice(at, p.end))).toBe('');
        }
        // Every non-space character belongs to some paragraph.
        const covered = paragraphs.reduce((n, p) => n + unspaced(text.slice(p.start, p.end)).length, 0);
        expect(covered).toBe(unspaced(text).length);
      }),
      { numRuns: 500 },
    );
  });

  it('is linear: a 2 MB paragraph segments quickly', () => {
    const text = 'The U.S. said it. '.repeat(120_000);
    const started = performance.now();
    const { sentences } = segmentDocument(text, 0, 'd');
    expect(sentences).toHaveLength(120_000);
    // Generous bound: a quadratic splitter would take minutes here.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
