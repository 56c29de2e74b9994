import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus, parseDocuments } from '../../../src/corpus/load.ts';
import { decodeText } from '../../../src/corpus/readers/encoding.ts';
import { corpusFolder } from '../../engine/helpers.ts';

const TEXT = 'Café owner said: “We’re open.”\n\nPrices rose by 5 €.\n';

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  return bom ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes;
}

/** `text` in Windows-1252 (the characters this test uses). */
function cp1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '“': 0x93, '”': 0x94, '’': 0x92, '£': 0xa3, é: 0xe9 };
  return Buffer.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

describe('decoding', () => {
  it('reads UTF-8, stripping a byte-order mark, without a warning', () => {
    expect(decodeText(Buffer.from(TEXT))).toEqual({ text: TEXT });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({
      text: TEXT,
    });
  });

  it('decodes UTF-16 with a byte-order mark, either way round', () => {
    expect(decodeText(utf16(TEXT, 'le', true))).toEqual({ text: TEXT });
    expect(decodeText(utf16(TEXT, 'be', true))).toEqual({ text: TEXT });
  });

  it('recognises UTF-16 saved without a byte-order mark, with a warning', () => {
    expect(decodeText(utf16(TEXT, 'le', false))).toEqual({
      text: TEXT,
      warning: 'read as UTF-16 (little-endian) without a byte-order mark',
    });
    expect(decodeText(utf16(TEXT, 'be', false))).toMatchObject({ text: TEXT });
  });

  it('reads a file that is not UTF-8 as Windows-1252, with a warning, not a skip', () => {
    expect(decodeText(cp1252(TEXT))).toEqual({
      text: TEXT,
      warning: 'not valid UTF-8: read as Windows-1252 (Latin-1)',
    });
  });

  it('refuses binary data, and a broken UTF-16 file', () => {
    expect(decodeText(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]))).toEqual({
      reason: 'binary data, not text',
    });
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x41]))).toEqual({
      reason: 'not valid UTF-16 (little-endian)',
    });
  });

  it('stores the decoded text, byte-order mark removed, and offsets index it', () => {
    for (const bytes of [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
      utf16(TEXT, 'le', true),
      cp1252(TEXT),
    ]) {
      const docs = parseDocuments('cafe.txt', bytes);
      if ('reason' in docs) throw new Error(docs.reason);
      const doc = docs[0]!;
      expect(doc.text).toBe(TEXT);
      expect(doc.title).toBe('Café owner said: “We’re open.”');
      for (const s of doc.sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('loads a Windows-1252 file with its warning in the load result', async () => {
    const dir = corpusFolder({
      'utf8.md': 'Plain\n\nText.\n',
      'latin1.txt': cp1252('Fee\n\nA £15.8m signing.\n'),
    });
    const { documents, skipped, warnings } = await loadCorpus(dir, { maxFileBytes: 10_000 });
    expect(skipped).toEqual([]);
    expect(documents.find((d) => d.id === 'latin1')!.text).toBe('Fee\n\nA £15.8m signing.\n');
    expect(warnings).toEqual([
      { file: 'latin1.txt', message: 'not valid UTF-8: read as Windows-1252 (Latin-1)' },
    ]);
  });

  const BBC = new URL('../../../../shared/corpora/bbc-news-2004-2005/sport/199.txt', import.meta.url);
  it.skipIf(!existsSync(BBC))(
    'reads the BBC article that is Latin-1 (sport/199.txt), pound signs and all',
    () => {
      const docs = parseDocuments('sport/199.txt', readFileSync(BBC));
      if ('reason' in docs) throw new Error(docs.reason);
      expect(docs[0]!.text).toContain('a £15.8m signing');
      expect(docs[0]!.warnings).toEqual(['not valid UTF-8: read as Windows-1252 (Latin-1)']);
    },
  );
});
