/**
 * Citations: built from a document and a span, and formatted in exactly one
 * place, so every answer in the product cites the same way.
 */
import type { CorpusDocument } from '../model.ts';
import type { Citation } from './types.ts';

/** The citation of `doc.text.slice(start, end)`. */
export function citationFor(doc: CorpusDocument, start: number, end: number): Citation {
  const sentence = doc.sentences.findLast((s) => s.start <= start) ?? doc.sentences[0]!;
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
 * `“Title” — Publisher, 2020-09-11, ¶15 [000_dedf56004ae8cd24:15.2] <https://…>`
 *
 * The bracketed id is what `/source` and `ask source` take. The link is in
 * angle brackets: readable in a terminal, and Discord shows no preview for it.
 */
export function formatCitation(c: Citation): string {
  const where = [c.publisher, c.published, `¶${c.paragraph}`].filter(Boolean).join(', ');
  const link = c.url ? ` <${c.url}>` : '';
  return `“${c.title}” — ${where} [${c.sentenceId}]${link}`;
}
