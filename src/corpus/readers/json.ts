/**
 * JSON and JSON Lines exports (`.json`, `.jsonl`): one article per object,
 * each its own document. A `.json` file holds an array of articles, an
 * object with an `articles` array (as news APIs return them), or one
 * article; a `.jsonl` file one article per line. Fields are read by the
 * shared table (src/corpus/readers/fields.ts): `title`, `date`/`published`/
 * `publishedAt`, `url`/`link`, `text`/`body`/`content`, `author`,
 * `source`/`publisher`, and the other names it lists; other keys are
 * ignored.
 *
 * The object's text is what the document stores, exactly as the field holds
 * it (a list of strings is joined with blank lines; text written as HTML is
 * read as an HTML fragment, paragraph by paragraph). Each document is named
 * by its position in the file: the entry's number in an array, its line in
 * a JSONL file (`exports/feed/3`), so adding articles at the end keeps every
 * citation valid.
 */
import { paragraphsOf, parseHtml } from './dom.ts';
import { pickFields, readMeta } from './fields.ts';
import type { Article, FileArticles, Reader, Unreadable } from './types.ts';

export const jsonReader: Reader = { format: 'json', read: (text) => readJson(text) };
export const jsonlReader: Reader = { format: 'jsonl', read: (text) => readJsonLines(text) };

type Json = Record<string, unknown>;

const NO_ARTICLES =
  'no article in the JSON: expected an array of articles, an object with an "articles" array, ' +
  'or one article with a text field (text, body or content)';

export function readJson(text: string): FileArticles | Unreadable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // JSON Lines saved as .json.
    const lines = readJsonLines(text);
    if ('articles' in lines && lines.articles.length > 1) {
      lines.warnings.unshift('holds one JSON object per line: read as JSON Lines');
      return lines;
    }
    return { reason: `not valid JSON: ${(error as Error).message}` };
  }
  if (isObject(data) && Array.isArray(data.articles)) data = data.articles;
  if (Array.isArray(data)) return collect(data.map((entry, i) => readEntry(entry, i + 1, 'entry')));
  if (isObject(data) && pickFields(data).has('text')) {
    const one = readEntry(data, undefined, 'entry');
    return 'reason' in one ? { reason: one.reason } : { articles: [one], warnings: [] };
  }
  return { reason: NO_ARTICLES };
}

export function readJsonLines(text: string): FileArticles | Unreadable {
  const entries: (Article | { reason: string })[] = [];
  text.split(/\r\n?|\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      entries.push({ reason: `line ${i + 1}: not valid JSON; not read` });
      return;
    }
    entries.push(readEntry(data, i + 1, 'line'));
  });
  if (entries.length === 0) return { reason: 'empty' };
  return collect(entries);
}

function collect(entries: (Article | { reason: string })[]): FileArticles | Unreadable {
  const articles = entries.filter((e): e is Article => 'text' in e);
  const problems = entries.filter((e): e is { reason: string } => !('text' in e)).map((e) => e.reason);
  if (articles.length === 0) {
    if (problems.length === 0) return { reason: NO_ARTICLES };
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    return { reason: `no article could be read: ${problems.slice(0, 3).join('; ')}${more}` };
  }
  return { articles, warnings: problems };
}

/** One object as an article, or why it is not one (`where` names it: "entry 3", "line 7"). */
function readEntry(
  data: unknown,
  part: number | undefined,
  kind: 'entry' | 'line',
): Article | { reason: string } {
  const name = part === undefined ? undefined : `${kind} ${part}`;
  const where = name ? `${name}: ` : '';
  if (!isObject(data)) return { reason: `${where}not an object; not read` };
  const body = textOf(pickFields(data).get('text')?.value);
  if (body === null || body.trim() === '') {
    return { reason: `${where}no text (text, body, content or articleBody); not read` };
  }
  const { meta, warnings } = readMeta(data);
  return { ...meta, text: body, bodyStart: 0, part, where: name, warnings: warnings.map((w) => where + w) };
}

/** A field's text: a string (HTML read as paragraphs), or a list of paragraphs. */
function textOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const parts = value.filter((p): p is string => typeof p === 'string').map((p) => p.trim());
    return parts.filter(Boolean).join('\n\n');
  }
  if (typeof value !== 'string') return null;
  if (!LOOKS_LIKE_HTML.test(value)) return value;
  const paragraphs = paragraphsOf(parseHtml(`<!DOCTYPE html><html><body>${value}</body></html>`).body!);
  return paragraphs.length ? `${paragraphs.join('\n\n')}\n` : '';
}

/** Text written as HTML: paragraph or line-break tags. */
const LOOKS_LIKE_HTML = /<(?:p|br|div|h[1-6]|li|blockquote)\b[^<>]*>/i;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
