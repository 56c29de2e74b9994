/**
 * Citations: built from a document and a span, and formatted in exactly one
 * place, so every answer in the product cites the same way.
 */
import { sentenceIndexAt } from '../corpus/segment.ts';
import type { CorpusDocument } from '../model.ts';
import { inQuoteMarks } from '../render/typography.ts';
import type { Citation } from './types.ts';

/** The citation of `doc.text.slice(start, end)`. */
export function citationFor(doc: CorpusDocument, start: number, end: number): Citation {
  const sentence = doc.sentences[sentenceIndexAt(doc.sentences, start)]!;
  return {
    docId: doc.id,
    file: doc.file,
    title: doc.title,
    publisher: doc.publisher,
    published: doc.published,
    url: doc.url,
    paragraph: sentence.paragraph,
    sentenceId: sentence.id,
    start,
    end,
  };
}

/**
 * `“Title” — Publisher, 2020-09-11, ¶15 [000_dedf56004ae8cd24:15.2] https://…`
 *
 * The bracketed id is what `/source` and `ask source` take. The title gets
 * the quotation marks `quoteMarks` gives it. The link, when known, comes last
 * and plain; the Discord renderer puts it in angle brackets so that Discord
 * shows no preview for it (`citationMarkdown`).
 */
export function formatCitation(c: Citation): string {
  const where = [c.publisher, c.published, `¶${c.paragraph}`].filter(Boolean).join(', ');
  const link = c.url ? ` ${c.url}` : '';
  return `${inQuoteMarks(c.title)} — ${where} [${c.sentenceId}]${link}`;
}
