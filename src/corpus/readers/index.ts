/**
 * Readers for the formats people have: one entry point from a file's name
 * and bytes to its articles, whatever the format. The bytes are decoded
 * (./encoding.ts), the format is chosen by extension and, for a text file,
 * by its content (an HTML page saved as `.txt` is read as HTML, not as
 * text full of tags), and the format's reader makes the articles.
 *
 * | extension | reader | what the document stores |
 * |---|---|---|
 * | `.md`, `.txt` | ./markdown.ts | the file as written (front matter included) |
 * | `.html`, `.htm` | ./html.ts | the article text Readability extracts |
 * | `.json`, `.jsonl` | ./json.ts | each object's text field |
 */
import { decodeText } from './encoding.ts';
import { formatOfName } from './formats.ts';
import { htmlReader } from './html.ts';
import { jsonlReader, jsonReader } from './json.ts';
import { markdownReader } from './markdown.ts';
import type { FileArticles, Format, Reader, Unreadable } from './types.ts';

export {
  DOCUMENT_EXTENSIONS,
  FORMAT_OF_EXTENSION,
  formatOfContentType,
  formatOfName,
} from './formats.ts';
export type { Article, FileArticles, Format, Reader, Unreadable } from './types.ts';

export const READERS: Record<Format, Reader> = {
  text: markdownReader,
  html: htmlReader,
  json: jsonReader,
  jsonl: jsonlReader,
};

/** An HTML page, whatever its name says: a doctype or `<html>`, `<head>` or `<body>` first. */
const HTML_PAGE =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html\b|<html\b|<head\b|<body\b)/i;

export function looksLikeHtmlPage(text: string): boolean {
  return HTML_PAGE.test(text.slice(0, 4096));
}

/**
 * The articles in one file, or why it has none. `format` overrides the one
 * the name gives (a fetched page's content type); a text file that is an
 * HTML page is read as HTML.
 */
export function readArticles(file: string, bytes: Uint8Array, format?: Format): FileArticles | Unreadable {
  const decoded = decodeText(bytes);
  if ('reason' in decoded) return decoded;
  const { text } = decoded;
  if (text.trim() === '') return { reason: 'empty' };
  const warnings = decoded.warning ? [decoded.warning] : [];
  let chosen = format ?? formatOfName(file) ?? 'text';
  if (chosen === 'text' && looksLikeHtmlPage(text)) {
    chosen = 'html';
    warnings.push('an HTML page: read as HTML');
  }
  const read = READERS[chosen].read(text, file);
  if ('reason' in read || warnings.length === 0) return read;
  return { articles: read.articles, warnings: [...warnings, ...read.warnings] };
}
