/**
 * The data types that flow through the pipeline, declared once.
 *
 * corpus files → Document → Paragraph/Sentence → Statement → index → Answer
 *
 * Every span carries UTF-16 offsets into the *document's stored text* (a
 * Markdown or text file as read, front matter included; the article text
 * extracted from an HTML page or a JSON export), so any quote or citation can
 * be checked with `document.text.slice(start, end) === span.text`.
 */
import { z } from 'zod';

/** A piece of a file: `fileText.slice(start, end) === text`. */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof SpanSchema>;

/** ISO 3166-1 alpha-2 code, upper case ("RU"). */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/);
export type CountryCode = z.infer<typeof CountryCodeSchema>;

export interface Paragraph {
  /** 1-based position among the document's paragraphs. */
  index: number;
  start: number;
  end: number;
}

export interface Sentence {
  /** `<docId>:<paragraph>.<sentence>`, both 1-based. Stable across loads. */
  id: string;
  docId: string;
  paragraph: number;
  /** 1-based position within its paragraph. */
  index: number;
  start: number;
  end: number;
  text: string;
}

export interface DocumentMeta {
  title: string;
  /** The article's home country (front matter `country:`), for officials the text gives none. */
  country?: CountryCode | undefined;
  published?: string | undefined;
  publisher?: string | undefined;
  url?: string | undefined;
  author?: string | undefined;
}

export interface CorpusDocument extends DocumentMeta {
  /** Stable id derived from the file's path inside the corpus folder. */
  id: string;
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  /**
   * Position (1-based) of the article in a file of several (a JSON array, a
   * JSONL line), which names it in the id; undefined for a file of one.
   */
  part?: number | undefined;
  /**
   * The text the document stores, that every offset indexes: the file as
   * read (front matter included) for Markdown and text, the extracted article
   * for an HTML page, the object's text for a JSON export.
   */
  text: string;
  /** Offset where the body starts (after any front matter). */
  bodyStart: number;
  /** sha256 of the file bytes, for change detection and snapshots. */
  hash: string;
  /** The country a wire dateline names ("MOSCOW (Reuters) -"), if any. */
  dateline?: CountryCode | undefined;
  /** The country the article names clearly most often, if any (src/identity/countries.ts). */
  about?: CountryCode | undefined;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** What the loader read around (an encoding fallback, an unknown front-matter key); the document loads. */
  warnings?: string[] | undefined;
}

export const StatementKindSchema = z.enum(['direct', 'partial', 'indirect']);
export type StatementKind = z.infer<typeof StatementKindSchema>;

export const SpeakerKindSchema = z.enum(['person', 'organization', 'state']);
export type SpeakerKind = z.infer<typeof SpeakerKindSchema>;

/**
 * One statement as the attribution engine emits it for a single text. This
 * is also the `npm run statements` output format (plus `file`).
 */
export const ExtractedStatementSchema = z.object({
  kind: StatementKindSchema,
  text: SpanSchema,
  speaker: z.object({
    name: z.string(),
    title: z.string().nullable(),
    country: CountryCodeSchema.nullable(),
    kind: SpeakerKindSchema,
    mention: SpanSchema.nullable(),
    /**
     * Known only by a description the article never resolves to a name ("a
     * Kremlin spokesman", "the report"): shown as a description, never as a
     * name, and never joined with the same words in another article.
     */
    described: z.boolean().optional(),
  }),
  cue: SpanSchema.nullable(),
  /**
   * Reported speech: the speaker's own words quoted inside it ("dismissed the
   * claims as “unfounded”"). A partial quote is reported once, as part of its
   * clause, not as a statement of its own.
   */
  quotes: z.array(SpanSchema).optional(),
  denial: z.boolean(),
});
export type ExtractedStatement = z.infer<typeof ExtractedStatementSchema>;

/**
 * Where a speaker's country comes from, strongest first: the sentence's own
 * words for the speaker, elsewhere in the article, other articles about the
 * same person, the article's dateline, the country the article is about, the
 * article's or corpus's home country.
 */
export const CountryEvidenceSchema = z.enum(['stated', 'document', 'corpus', 'dateline', 'article', 'home']);
export type CountryEvidence = z.infer<typeof CountryEvidenceSchema>;

/** A statement placed in the corpus: its document, sentences and speaker id. */
export interface Statement extends ExtractedStatement {
  /** `<docId>:s<n>`, n 1-based in document order. */
  id: string;
  docId: string;
  /**
   * Canonical speaker key shared across documents: the normalised canonical
   * name, so "Blair" and "Tony Blair" are one speaker (src/identity/).
   */
  speakerId: string;
  /** The canonical speaker's name ("Tony Blair" for a statement whose article says "Mr Blair"). */
  speakerName: string;
  /**
   * The speaker's country as the whole corpus knows it (`speaker.country` is
   * what extraction found in the article alone). Answers show and filter on this.
   */
  country: CountryCode | null;
  countryEvidence: CountryEvidence | null;
  /** Paragraph (1-based) where the quoted text starts. */
  paragraph: number;
  /** Ids of the sentences the statement's text overlaps. */
  sentenceIds: string[];
}

/** A speaker aggregated over the whole corpus. */
export interface Speaker {
  id: string;
  name: string;
  title: string | null;
  country: CountryCode | null;
  kind: SpeakerKind;
  /** Known only by a description (see ExtractedStatement's speaker). */
  described: boolean;
  statementCount: number;
}

/** A file the loader could not use, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** Something the loader read around in a file that still loads (a Windows-1252 fallback, an ignored key). */
export interface FileWarning {
  file: string;
  message: string;
}
