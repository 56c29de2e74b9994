/**
 * One pathological file (issue 11): per-file limits on paragraphs and
 * sentences, skipped with a reason like any bad file, and statement placement
 * that stays linear in the size of one file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS, overLimits, tooManyParagraphs } from '../../src/corpus/limits.ts';
import { parseDocument, withId } from '../../src/corpus/load.ts';
import { placeStatements, updateCorpus } from '../../src/engine/corpus.ts';
import type { CorpusDocument, ExtractedStatement, Sentence } from '../../src/model.ts';
import { extractStatements } from './fixtures/extractor.ts';
import { article, scanOf } from './helpers.ts';

const parse = (text: string) => parseDocument('x.md', Buffer.from(text));
const reason = (text: string) => {
  const parsed = parse(text);
  return 'reason' in parsed ? parsed.reason : null;
};

describe('per-file limits', () => {
  it('are 20,000 paragraphs and 50,000 sentences by default', () => {
    expect(DOCUMENT_LIMITS).toEqual({ paragraphs: 20_000, sentences: 50_000 });
  });

  it('skip 4.9 MB of 1.7 million tiny paragraphs, without segmenting them first', () => {
    const text = `Flood\n\n${'a\n\n'.repeat(1_630_000)}`;
    const started = performance.now();
    expect(reason(text)).toBe('too many paragraphs (at least 20001; the limit is 20000 per file)');
    // Segmenting them took seconds and hundreds of MB; counting blank lines does not.
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('skip a file of one paragraph per line over the limit, with how many there are', () => {
    expect(reason(`Wire\n\n${'Shares fell.\n'.repeat(20_001)}`)).toBe(
      'too many paragraphs (20002; the limit is 20000 per file)',
    );
    // A hard-wrapped file of as many lines is a few paragraphs, and loads.
    const wrapped = `Book\n\n${'the words run on\n'.repeat(20_001)}`;
    expect(parse(wrapped)).toMatchObject({ paragraphs: [expect.anything(), expect.anything()] });
  });

  it('skip a file over the sentence limit', () => {
    expect(reason(`Chant\n\n${'Yes. '.repeat(50_001)}`)).toBe(
      'too many sentences (50002; the limit is 50000 per file)',
    );
    expect(overLimits(10, 10, { paragraphs: 10, sentences: 9 })).toBe(
      'too many sentences (10; the limit is 9 per file)',
    );
    expect(tooManyParagraphs('a\n\nb\n\nc\n', 0, { paragraphs: 2, sentences: 9 })).toMatch(/at least 3/);
    expect(tooManyParagraphs('a\n\nb\n', 0, { paragraphs: 2, sentences: 9 })).toBeNull();
  });

  it('report the file as skipped, and the rest of the corpus loads', () => {
    const corpus = updateCorpus(
      null,
      scanOf({
        'a.md': article('A', [['We never did it', 'Li Wei', 'CN']]),
        'flood.md': `Flood\n\n${'a\n\n'.repeat(30_000)}`,
      }),
      extractStatements,
      { dir: 'mem' },
    );
    expect(corpus.documents.map((d) => d.id)).toEqual(['a']);
    expect(corpus.skipped).toEqual([
      { file: 'flood.md', reason: 'too many paragraphs (at least 20001; the limit is 20000 per file)' },
    ]);
  });
});

/** What `placeStatements` did before: every sentence tested against every statement. */
function placedNaively(doc: CorpusDocument, extracted: ExtractedStatement[]) {
  return extracted.map((s) => {
    const overlapping = doc.sentences.filter((x) => x.start < s.text.end && x.end > s.text.start);
    const first = overlapping[0] ?? doc.sentences.findLast((x) => x.start <= s.text.start);
    return { paragraph: first?.paragraph ?? 1, sentenceIds: overlapping.map((x) => x.id) };
  });
}

const statementAt = (start: number, end: number): ExtractedStatement => ({
  kind: 'indirect',
  text: { start, end, text: '' },
  speaker: { name: 'Li Wei', title: null, country: null, kind: 'person', mention: null },
  cue: null,
  denial: false,
});

describe('placing statements in their sentences', () => {
  it('finds the sentences each statement overlaps, as testing every sentence does', () => {
    const text = `Title\n\n${'One two. Three four five. Six.\n\nSeven eight nine. Ten.\n\n'.repeat(5)}`;
    const doc = withId(parse(text) as Omit<CorpusDocument, 'id'>, 'd');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(text.length), fc.nat(40)), { maxLength: 30 }), (spans) => {
        const extracted = spans.map(([start, length]) =>
          statementAt(start, Math.min(text.length, start + length)),
        );
        const placed = placeStatements(doc, extracted);
        expect(placed.map((s) => ({ paragraph: s.paragraph, sentenceIds: s.sentenceIds }))).toEqual(
          placedNaively(doc, extracted),
        );
      }),
    );
  });

  it('stays linear in one large file: each statement looks at a few sentences, not all of them', () => {
    const count = 5000;
    const list: Sentence[] = Array.from({ length: count }, (_, i) => ({
      id: `d:${i + 1}.1`,
      docId: 'd',
      paragraph: i + 1,
      index: 1,
      start: i * 10,
      end: i * 10 + 8,
      text: 'Sentence.',
    }));
    let looks = 0;
    const sentences = new Proxy(list, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) looks++;
        return Reflect.get(target, key, receiver);
      },
    });
    const doc = { id: 'd', sentences } as CorpusDocument;
    const extracted = Array.from({ length: 4000 }, (_, i) => statementAt(i * 12, i * 12 + 15));
    const placed = placeStatements(doc, extracted);
    expect(placed[1]!.sentenceIds).toEqual(['d:2.1', 'd:3.1']);
    // Testing every sentence for every statement looked 20 million times: a 10 MB file took 28 s.
    expect(looks / extracted.length).toBeLessThan(30);
  });
});
