/**
 * Bytes to text, for every reader. Files come in the encodings people have:
 * UTF-8 (with or without a byte-order mark), UTF-16 (a Windows "Unicode"
 * save) and, in older datasets, Windows-1252 / Latin-1 (one of the BBC
 * articles is). A file that is none of these is still read, as
 * Windows-1252 (every byte is a character there), and the fallback is
 * reported as a warning; only data that is plainly not text is refused.
 *
 * Offsets index the decoded text, byte-order mark removed: that is what a
 * document stores, so `text.slice(start, end)` checks every citation.
 */

export interface Decoded {
  text: string;
  /** Set when the text was not plain UTF-8: how it was read. */
  warning?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

/**
 * Windows-1252's characters for the bytes 0x80–0x9F, where it differs from
 * Latin-1 (the five bytes it leaves undefined stay C1 controls, as browsers
 * read them). Written out because Node's TextDecoder reads the
 * "windows-1252" label as plain Latin-1, turning curly quotes into controls.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** The first bytes looked at to tell text from binary data. */
const SNIFF_BYTES = 4096;

/** The decoded text, or why the bytes are not text. */
export function decodeText(bytes: Uint8Array): Decoded | { reason: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return decodeUtf16(bytes.subarray(2), 'le', 'UTF-16 (little-endian)');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return decodeUtf16(bytes.subarray(2), 'be', 'UTF-16 (big-endian)');
  const unmarked = unmarkedUtf16(bytes);
  if (unmarked) {
    const decoded = decodeUtf16(bytes, unmarked, 'UTF-16 without a byte-order mark');
    if ('text' in decoded) return { text: decoded.text, warning: `read as ${describe(unmarked)}` };
    return decoded;
  }
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { reason: 'binary data, not text' };
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      warning: 'not valid UTF-8: read as Windows-1252 (Latin-1)',
    };
  }
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be', name: string): Decoded | { reason: string } {
  try {
    const text = (order === 'le' ? utf16le : utf16be).decode(bytes);
    return { text };
  } catch {
    return { reason: `not valid ${name}` };
  }
}

function describe(order: 'le' | 'be'): string {
  return `UTF-16 (${order === 'le' ? 'little' : 'big'}-endian) without a byte-order mark`;
}

/**
 * UTF-16 saved without a byte-order mark: text in the Latin range has a zero
 * in every other byte, and nothing else has so many zeros in so regular a
 * place. Little- or big-endian, or null.
 */
function unmarkedUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4 || bytes.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > 0.7 * pairs && evenZeros < 0.05 * pairs) return 'le';
  if (evenZeros > 0.7 * pairs && oddZeros < 0.05 * pairs) return 'be';
  return null;
}
