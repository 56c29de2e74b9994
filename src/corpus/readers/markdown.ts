/**
 * Markdown and plain text (`.md`, `.txt`): the file is the document, as
 * written, with optional YAML front matter at the top. Keys are read by the
 * shared field table (`date:` for `published:`, `source:` for `publisher:`…);
 * keys no reader uses (a static site's `tags:`, `layout:`) and values that
 * cannot be used are warnings, and the article loads. A block that is never
 * closed or is not YAML is still a reason to skip the file: where its body
 * starts cannot be known.
 */
import { splitFrontMatter } from '../frontmatter.ts';
import { fieldOf, readMeta } from './fields.ts';
import type { Article, FileArticles, Reader, Unreadable } from './types.ts';

export const markdownReader: Reader = {
  format: 'text',
  read(text: string): FileArticles | Unreadable {
    let data: unknown;
    let bodyStart: number;
    try {
      ({ data, bodyStart } = splitFrontMatter(text));
    } catch (error) {
      return { reason: `invalid front matter: ${(error as Error).message}` };
    }
    const article: Article = { text, bodyStart, warnings: [] };
    if (data !== null) {
      if (typeof data !== 'object' || Array.isArray(data)) {
        return { reason: 'invalid front matter: front matter must be a YAML mapping of keys to values' };
      }
      const record = data as Record<string, unknown>;
      const { meta, warnings } = readMeta(record);
      Object.assign(article, meta);
      const unknown = Object.keys(record).filter((key) => {
        const field = fieldOf(key);
        return field === undefined || field === 'text';
      });
      if (unknown.length) {
        const keys = unknown.map((k) => `"${k}"`).join(', ');
        article.warnings.push(`front matter: unknown key${unknown.length > 1 ? 's' : ''} ${keys} ignored`);
      }
      article.warnings.push(...warnings.map((w) => `front matter: ${w}`));
    }
    return { articles: [article], warnings: [] };
  },
};
