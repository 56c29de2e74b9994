import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus } from '../../src/corpus/load.ts';
import { buildCorpus, updateCorpus } from '../../src/engine/corpus.ts';
import { EngineHost } from '../../src/engine/host.ts';
import { scanCorpus } from '../../src/engine/scan.ts';
import type { Statement } from '../../src/model.ts';
import { parseQuery } from '../../src/search/query.ts';
import { extractStatements } from './fixtures/extractor.ts';
import { article, contentOf, corpusFolder, scanOf, searchBoth, tempFolder, writeFiles } from './helpers.ts';

const MAX = 2000;

describe('scanning, then building from the scan', () => {
  it('gives what loadCorpus and buildCorpus give, bad files and id clashes included', async () => {
    const outside = tempFolder();
    writeFileSync(path.join(outside, 'secret.md'), 'Secret\n\nNot for the corpus.\n');
    const dir = corpusFolder({
      'a.md': '---\ntitle: A\npublished: 2021-05-06\n---\nA\n\n"We never did it," said Ivan Petrov of RU.\n',
      'a.txt': 'Same id as a.md\n\nText.\n',
      'news/b.txt': article('B', [['Our exports will grow', 'Anna Berg', 'SE']]),
      '.hidden.md': 'Hidden\n',
      'notes.pdf': 'not a document',
      'empty.md': '   \n',
      'binary.txt': Buffer.from([0x63, 0x61, 0x00, 0xe9, 0x0a]),
      'bad-front.md': '---\ntitle: X\nnever closed\nBody\n',
      'big.md': `Big\n\n${'word '.repeat(1000)}\n`,
      // Loaded, with warnings: Windows-1252, an unknown front-matter key, a JSON export of two articles.
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'front.md': '---\ntitle: X\nsurprise: 1\n---\nBody\n',
      'export.jsonl':
        '{"title":"J1","text":"Jan said it was false."}\n{"text":""}\n{"title":"J3","body":"Bo agreed."}\n',
      'README.TXT': 'About this dataset.\n',
    });
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'link.md'));
    const expected = buildCorpus(await loadCorpus(dir, { maxFileBytes: MAX }), extractStatements);
    const actual = updateCorpus(null, await scanCorpus(dir, { maxFileBytes: MAX }), extractStatements, {
      dir,
    });
    expect(contentOf(actual)).toEqual(contentOf(expected));
    expect(actual.skipped.map((s) => s.file)).toEqual([
      'bad-front.md',
      'big.md',
      'binary.txt',
      'empty.md',
      'link.md',
      'notes.pdf',
      'README.TXT',
    ]);
    expect(actual.documents.map((d) => d.id)).toEqual([
      'a',
      'a.txt',
      'export/1',
      'export/3',
      'front',
      'latin1',
      'news/b',
    ]);
  });

  it('fails like loadCorpus when no file yields a document', async () => {
    const dir = corpusFolder({ 'empty.md': '\n', 'notes.pdf': 'x' });
    const scan = await scanCorpus(dir, { maxFileBytes: MAX });
    expect(() => updateCorpus(null, scan, extractStatements, { dir })).toThrow(CorpusError);
    await expect(loadCorpus(dir, { maxFileBytes: MAX })).rejects.toThrow(
      /no valid document in .*2 file\(s\) skipped/,
    );
    expect(() => updateCorpus(null, scan, extractStatements, { dir })).toThrow(
      /no valid document in .*2 file\(s\) skipped/,
    );
  });
});

// Random corpora: a few documents built from a small pool of quotes, so that
// edits add, remove and change documents that share words and speakers.
const QUOTES: [string, string, string][] = [
  ['We never hacked anyone', 'Ivan Petrov', 'RU'],
  ['The claims are false', 'Ivan Petrov', 'RU'],
  ['Hackers work for an empire of lies', 'Li Wei', 'CN'],
  ['Our grain exports will grow', 'Anna Berg', 'SE'],
  ['The election was fair', 'Maria Lopez', 'ES'],
  ['We deny any interference in the election', 'Li Wei', 'CN'],
];
const SENTENCES = [
  'Officials met in Moscow on Friday.',
  'The ministry said the report was groundless.',
  'Markets rose after the announcement.',
  'Hackers targeted the election campaign.',
];
const documentText = fc
  .tuple(
    fc.constantFrom('Report', 'Update', 'News'),
    fc.subarray(QUOTES, { maxLength: 3 }),
    fc.subarray(SENTENCES, { maxLength: 3 }),
  )
  .map(([title, quotes, sentences]) => article(title, quotes, sentences.join(' ')));
const FILE_NAMES = ['a.md', 'b.md', 'c.txt', 'd/e.md', 'd/f.txt', 'g.md'] as const;
const files = fc.dictionary(fc.constantFrom(...FILE_NAMES), documentText, {
  minKeys: 1,
});
/** The next state of a folder: each file kept, changed or deleted, and maybe new ones. */
const edit = fc.constantFrom('keep', 'keep', 'keep', 'change', 'delete');
const editsOf = fc.tuple(
  fc.array(edit, { minLength: 6, maxLength: 6 }),
  fc.array(documentText, { minLength: 6, maxLength: 6 }),
);
function applyEdits(
  current: Record<string, string>,
  [edits, texts]: [string[], string[]],
): Record<string, string> {
  const next: Record<string, string> = {};
  FILE_NAMES.forEach((name, i) => {
    const was = current[name];
    if (was === undefined) {
      if (edits[i] === 'change') next[name] = texts[i]!;
    } else if (edits[i] === 'keep') next[name] = was;
    else if (edits[i] === 'change') next[name] = texts[i]!;
  });
  if (Object.keys(next).length === 0) next['a.md'] = texts[0]!;
  return next;
}

const queries = fc.array(
  fc.constantFrom(
    'election',
    'hackers empire',
    '"grain exports"',
    'deny interference',
    'groundles',
    'moscow fri',
  ),
  { maxLength: 3 },
);

describe('updating a corpus', () => {
  it('gives the corpus a build from scratch gives, whatever changed', () => {
    fc.assert(
      fc.property(files, fc.array(editsOf, { minLength: 1, maxLength: 3 }), queries, (first, rounds, qs) => {
        let state = first;
        let corpus = updateCorpus(null, scanOf(state), extractStatements, { dir: 'mem' });
        for (const round of rounds) {
          state = applyEdits(state, round);
          corpus = updateCorpus(corpus, scanOf(state), extractStatements, { dir: 'mem' });
        }
        const fresh = updateCorpus(null, scanOf(state), extractStatements, { dir: 'mem' });
        expect(contentOf(corpus)).toEqual(contentOf(fresh));
        for (const q of qs)
          expect(searchBoth(corpus, parseQuery(q))).toEqual(searchBoth(fresh, parseQuery(q)));
      }),
      { numRuns: 100 },
    );
  });

  it('lists denials by country and statements by speaker, as a scan of all statements would', () => {
    fc.assert(
      fc.property(files, fc.array(editsOf, { maxLength: 2 }), (first, rounds) => {
        let state = first;
        let corpus = updateCorpus(null, scanOf(state), extractStatements, { dir: 'mem' });
        for (const round of rounds) {
          state = applyEdits(state, round);
          corpus = updateCorpus(corpus, scanOf(state), extractStatements, { dir: 'mem' });
        }
        const positions = (keep: (s: Statement) => boolean) =>
          corpus.statements.flatMap((s, i) => (keep(s) ? [i] : []));
        for (const code of ['RU', 'CN', 'SE', 'ES']) {
          expect(corpus.denialsByCountry.get(code) ?? []).toEqual(
            positions((s) => s.denial && s.speaker.country === code),
          );
        }
        for (const id of corpus.speakers.keys()) {
          expect(corpus.statementsBySpeaker.get(id)).toEqual(positions((s) => s.speakerId === id));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('parses and extracts only the files whose bytes changed', () => {
    let extracted = 0;
    const counting = (text: string, options: { bodyStart: number }) => {
      extracted++;
      return extractStatements(text, options);
    };
    const before = {
      'a.md': article('A', [QUOTES[0]!]),
      'b.md': article('B', [QUOTES[2]!]),
      'c.md': article('C', [QUOTES[3]!]),
    };
    const first = updateCorpus(null, scanOf(before), counting, { dir: 'mem' });
    expect(extracted).toBe(3);
    const second = updateCorpus(first, scanOf({ ...before, 'b.md': article('B', [QUOTES[4]!]) }), counting, {
      dir: 'mem',
    });
    expect(extracted).toBe(4);
    expect(second.documentById.get('a')).toBe(first.documentById.get('a'));
    expect(second.documentById.get('b')).not.toBe(first.documentById.get('b'));
    expect(first.statements.map((s) => s.text.text)).toContain(QUOTES[2]![0]);
    expect(second.statements.map((s) => s.text.text)).not.toContain(QUOTES[2]![0]);
  });
});

describe('updating a corpus through its snapshots', () => {
  it('reloads in place and writes segment by segment a snapshot that reads back as a fresh build', async () => {
    await fc.assert(
      fc.asyncProperty(
        files,
        fc.array(editsOf, { minLength: 1, maxLength: 3 }),
        queries,
        async (first, rounds, qs) => {
          const dir = corpusFolder(first);
          const snapshotDir = tempFolder();
          const open = () =>
            EngineHost.open({
              corpusDir: dir,
              maxFileBytes: MAX,
              snapshotDir,
              extract: extractStatements,
              codeVersion: 'v1',
              // Two documents a chunk: a change rewrites some chunks and keeps others.
              snapshotChunk: 2,
            });
          const host = await open();
          let state = first;
          for (const round of rounds) {
            const next = applyEdits(state, round);
            for (const name of Object.keys(state)) if (!(name in next)) rmSync(path.join(dir, name));
            writeFiles(
              dir,
              Object.fromEntries(Object.entries(next).filter(([name, text]) => state[name] !== text)),
            );
            state = next;
            expect(await host.reloadInPlace({ files: 100, bytes: 1e6 })).toMatchObject({ ok: true });
            await host.flush();
          }
          const reopened = await open();
          expect(reopened.openedFrom).toBe('snapshot');
          const fresh = updateCorpus(null, scanOf(state), extractStatements, { dir: 'mem' });
          for (const corpus of [host.corpus, reopened.corpus]) {
            expect(contentOf(corpus)).toEqual(contentOf(fresh));
            for (const q of qs) {
              expect(searchBoth(corpus, parseQuery(q))).toEqual(searchBoth(fresh, parseQuery(q)));
            }
          }
          expect(reopened.catalog()).toEqual(host.catalog());
        },
      ),
      { numRuns: 25 },
    );
  });
});
