/**
 * A built corpus: documents, sentences, statements, speakers and the two
 * search indexes. Built in one go and never mutated afterwards, so it can be
 * swapped in whole (see `store.ts`) and shared by any number of readers.
 */
import type { LoadedCorpus } from '../corpus/load.ts';
import type {
  CorpusDocument,
  ExtractedStatement,
  Sentence,
  SkippedFile,
  Speaker,
  Statement,
} from '../model.ts';
import { TextIndex } from '../search/text-index.ts';

/** The attribution engine's contract: statements of one file's text. */
export type Extractor = (text: string, options: { bodyStart: number }) => ExtractedStatement[];

export interface Corpus {
  documents: CorpusDocument[];
  documentById: Map<string, CorpusDocument>;
  /** Every sentence of every document, in document order. */
  sentences: Sentence[];
  sentenceById: Map<string, Sentence>;
  statements: Statement[];
  speakers: Map<string, Speaker>;
  sentenceIndex: TextIndex;
  statementIndex: TextIndex;
  skipped: SkippedFile[];
  /** ISO time the files were read. */
  loadedAt: string;
}

export function buildCorpus(loaded: LoadedCorpus, extract: Extractor, loadedAt = new Date()): Corpus {
  const documents = loaded.documents;
  const sentences = documents.flatMap((d) => d.sentences);
  const statements = documents.flatMap((d) =>
    placeStatements(d, extract(d.text, { bodyStart: d.bodyStart })),
  );
  return {
    documents,
    documentById: new Map(documents.map((d) => [d.id, d])),
    sentences,
    sentenceById: new Map(sentences.map((s) => [s.id, s])),
    statements,
    speakers: collectSpeakers(statements),
    sentenceIndex: new TextIndex(
      sentences.map((s, id) => ({ id, text: s.text })),
      (id) => sentences[id]!.text,
    ),
    statementIndex: new TextIndex(
      statements.map((s, id) => ({ id, text: s.text.text })),
      (id) => statements[id]!.text.text,
    ),
    skipped: loaded.skipped,
    loadedAt: loadedAt.toISOString(),
  };
}

/**
 * The key that joins one speaker across documents: the canonical name,
 * case- and accent-insensitive ("Zhao Lijian" in two articles is one person).
 */
export function speakerIdFor(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/** Gives each extracted statement its id, paragraph and sentences. */
function placeStatements(doc: CorpusDocument, extracted: ExtractedStatement[]): Statement[] {
  return extracted.map((s, i) => {
    const overlapping = doc.sentences.filter((x) => x.start < s.text.end && x.end > s.text.start);
    const first = overlapping[0] ?? nearestSentenceBefore(doc, s.text.start);
    return {
      ...s,
      id: `${doc.id}:s${i + 1}`,
      docId: doc.id,
      speakerId: speakerIdFor(s.speaker.name),
      paragraph: first?.paragraph ?? 1,
      sentenceIds: overlapping.map((x) => x.id),
    };
  });
}

function nearestSentenceBefore(doc: CorpusDocument, offset: number): Sentence | undefined {
  return doc.sentences.findLast((x) => x.start <= offset);
}

/**
 * One entry per speaker id. Name, title, country and kind are the ones most
 * statements give, so a single odd attribution cannot relabel a speaker.
 */
function collectSpeakers(statements: Statement[]): Map<string, Speaker> {
  const groups = new Map<string, Statement[]>();
  for (const s of statements) {
    const list = groups.get(s.speakerId);
    if (list) list.push(s);
    else groups.set(s.speakerId, [s]);
  }
  const speakers = new Map<string, Speaker>();
  for (const [id, list] of groups) {
    speakers.set(id, {
      id,
      name: mostCommon(list.map((s) => s.speaker.name))!,
      title: mostCommon(list.map((s) => s.speaker.title)),
      country: mostCommon(list.map((s) => s.speaker.country)),
      kind: mostCommon(list.map((s) => s.speaker.kind))!,
      statementCount: list.length,
    });
  }
  return speakers;
}

/** The most frequent non-null value; ties go to the first seen. */
function mostCommon<T>(values: (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}
