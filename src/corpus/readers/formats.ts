/**
 * Which files the readers take, by name or by content type: kept apart from
 * the readers themselves so that the scan (which only picks files) loads
 * none of them.
 */
import path from 'node:path';
import type { Format } from './types.ts';

/** The format of each extension read (lower case, with the dot). */
export const FORMAT_OF_EXTENSION: Readonly<Record<string, Format>> = {
  '.md': 'text',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
};

/** Extensions of the files a corpus reads. */
export const DOCUMENT_EXTENSIONS = Object.keys(FORMAT_OF_EXTENSION);

/** The format a file name says, or null for a file no reader takes. */
export function formatOfName(file: string): Format | null {
  return FORMAT_OF_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}

const JSON_LINES = [
  'application/x-ndjson',
  'application/jsonl',
  'application/x-jsonlines',
  'application/jsonlines',
];

/** The format of a `Content-Type` (a page fetched, a file attached), or null for one no reader takes. */
export function formatOfContentType(contentType: string): Format | null {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (JSON_LINES.includes(type)) return 'jsonl';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/plain' || type === 'text/markdown' || type === 'text/x-markdown') return 'text';
  return null;
}
