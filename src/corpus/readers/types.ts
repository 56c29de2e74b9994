/**
 * The one interface every reader implements: decoded file text in, articles
 * out. An article's `text` is what the document stores and what every
 * offset indexes: for a Markdown or text file, the file as written; for an
 * HTML page, the article text extracted from it; for a JSON export, the
 * object's text field. Whatever a reader keeps, `text.slice(start, end)` of a
 * citation is the quoted text.
 */
import type { ArticleMeta } from './fields.ts';

export type Format = 'text' | 'html' | 'json' | 'jsonl';

export interface Article extends ArticleMeta {
  /** What the document stores: offsets index this text. */
  text: string;
  /** Where the body starts in `text` (after any front matter). */
  bodyStart: number;
  /**
   * Position (1-based) of the article in a file that holds several (a JSON
   * array, a JSONL file), counting entries that could not be read; it names
   * the document (`exports/feed/3`). Undefined for a file of one article.
   */
  part?: number | undefined;
  /** How messages name the article in its file ("entry 3", "line 7"), with `part`. */
  where?: string | undefined;
  /** Things read around in this article (an unknown front-matter key): it still loads. */
  warnings: string[];
}

/** What a reader makes of one file. */
export interface FileArticles {
  articles: Article[];
  /** Things read around in the file as a whole (its encoding, an entry that is not an article). */
  warnings: string[];
}

/** A file that holds no article, and why. */
export interface Unreadable {
  reason: string;
}

export interface Reader {
  format: Format;
  /** The articles in a file's decoded text (`file` names it in messages). */
  read(text: string, file: string): FileArticles | Unreadable;
}
