/**
 * A built corpus: documents, sentences, statements, speakers and the two
 * search indexes. Built in one go and never mutated afterwards, so it can be
 * swapped in whole (see `store.ts`) and shared by any number of readers.
 *
 * Two ways to build one:
 * - `buildCorpus`: from loaded documents, everything from scratch;
 * - `updateCorpus`: from a scan of the folder and the previous corpus, parsing
 *   and extracting only the files whose bytes changed, and updating the
 *   indexes rather than rebuilding them. The result is the corpus
 *   `buildCorpus` would make from the same files (tests hold it to that).
 */

import { isExplicitDenial } from '../attribution/denial.ts';
import { type LoadedCorpus, readScan } from '../corpus/load.ts';
import { sentenceIndexAt } from '../corpus/segment.ts';
import { mostFrequent } from '../identity/majority.ts';
import { type DocumentPlace, type IdentityOptions, resolveIdentities } from '../identity/resolve.ts';
import type {
  CorpusDocument,
  CountryCode,
  ExtractedStatement,
  Sentence,
  SkippedFile,
  Span,
  Speaker,
  Statement,
} from '../model.ts';
import { type IndexChange, type IndexedText, TextIndex } from '../search/text-index.ts';
import { stripAccents } from '../text/fold.ts';
import type { CorpusScan } from './scan.ts';

/** The attribution engine's contract: statements of one file's text. */
export type Extractor = (text: string, options: { bodyStart: number }) => ExtractedStatement[];

export interface Corpus {
  documents: CorpusDocument[];
  documentById: Map<string, CorpusDocument>;
  /** Every sentence of every document, in document order. */
  sentences: Sentence[];
  sentenceById: SentenceLookup;
  /** Every statement, in document order. */
  statements: Statement[];
  speakers: Map<string, Speaker>;
  /**
   * Positions in `statements` of each country's denials, explicit denials first, each in document order:
   * /deny's working set, without scanning every statement of the corpus (7 ms
   * for 180,000 statements, against microseconds for the list).
   */
  denialsByCountry: Map<CountryCode, number[]>;
  /** Positions in `statements` of each speaker's statements, in document order (/quotes). */
  statementsBySpeaker: Map<string, number[]>;
  sentenceIndex: TextIndex;
  /**
   * Statements: searched for their best pass only by default (all the words,
   * else typos, else some words; never a mix). That is the answers' policy (a
   * statement matching fewer words would put words in a speaker's mouth, see
   * `bestPass` in answers/answer.ts), and it spares the passes they discard.
   */
  statementIndex: TextIndex;
  skipped: SkippedFile[];
  /** ISO time the files were read. */
  loadedAt: string;
}

/** One document with its statements: the unit a reload keeps or replaces. */
export interface DocumentEntry {
  doc: CorpusDocument;
  statements: Statement[];
  /** Statements just extracted or loaded (rather than kept): they get packed (see `packStatements`). */
  fresh?: boolean;
}

/** Finds a sentence by its id (`<docId>:<paragraph>.<sentence>`). */
export interface SentenceLookup {
  get(id: string): Sentence | undefined;
}

/**
 * Below this share of texts kept from the previous corpus, an update rebuilds
 * the indexes from scratch: patching would cost more than it saves.
 */
const MIN_REUSED_SHARE = 0.5;

export function buildCorpus(
  loaded: LoadedCorpus,
  extract: Extractor,
  loadedAt = new Date(),
  identity: IdentityOptions = {},
): Corpus {
  const entries = loaded.documents.map((doc) => extractEntry(doc, extract));
  return assembleCorpus(entries, loaded.skipped, null, loadedAt, identity);
}

/**
 * The corpus for `scan`, reusing every document of `previous` whose file has
 * the same bytes (and so the same parse, statements and index entries).
 * Throws `CorpusError` when no file yields a document, as `loadCorpus` does.
 */
export function updateCorpus(
  previous: Corpus | null,
  scan: CorpusScan,
  extract: Extractor,
  options: { dir: string; loadedAt?: Date } & IdentityOptions,
): Corpus {
  const plan = planCorpus(previous, scan, options);
  const extracted = plan.toExtract.map((doc) => extract(doc.text, { bodyStart: doc.bodyStart }));
  return finishCorpus(plan, extracted, options.loadedAt, options);
}

/**
 * What a scan means for the corpus, before any extraction: documents kept
 * from `previous` (same file, same bytes), documents parsed anew and waiting
 * for their statements, and the files skipped. Extraction, by far the costly
 * step, is left to the caller, which may spread it over several threads.
 */
export interface CorpusPlan {
  previous: Corpus | null;
  /** In document order: a kept entry, or the index in `toExtract` of a new document. */
  order: (DocumentEntry | number)[];
  toExtract: CorpusDocument[];
  skipped: SkippedFile[];
}

export function planCorpus(previous: Corpus | null, scan: CorpusScan, options: { dir: string }): CorpusPlan {
  // A file may hold several documents (a JSON export): all of them are kept or none.
  const known = new Map<string, CorpusDocument[]>();
  for (const d of previous?.documents ?? []) {
    const list = known.get(d.file);
    if (list) list.push(d);
    else known.set(d.file, [d]);
  }
  const statementsOf = previous ? statementsByDocument(previous) : new Map<string, Statement[]>();
  // Read the one way the corpus is read (src/corpus/load.ts), reusing what has the same bytes as before.
  const read = readScan(scan, options.dir, (file) => {
    const old = known.get(file.file);
    return old?.[0]?.hash === file.hash ? old : null;
  });
  const order: (DocumentEntry | number)[] = [];
  const toExtract: CorpusDocument[] = [];
  for (const { doc, reused } of read.documents) {
    if (reused) order.push({ doc, statements: statementsOf.get(doc.id) ?? [] });
    else order.push(toExtract.push(doc) - 1);
  }
  return { previous, order, toExtract, skipped: read.skipped };
}

/** The corpus of a plan, given the statements extracted from each of its new documents. */
export function finishCorpus(
  plan: CorpusPlan,
  extracted: ExtractedStatement[][],
  loadedAt = new Date(),
  identity: IdentityOptions = {},
): Corpus {
  const entries = plan.order.map((item): DocumentEntry => {
    if (typeof item !== 'number') return item;
    const doc = plan.toExtract[item]!;
    return { doc, statements: placeStatements(doc, extracted[item]!), fresh: true };
  });
  return assembleCorpus(entries, plan.skipped, plan.previous, loadedAt, identity);
}

/**
 * Puts documents together into a corpus. With a previous corpus, documents
 * it already holds (the same objects) keep their index entries: the indexes
 * are updated with the rest instead of rebuilt.
 */
export function assembleCorpus(
  entries: DocumentEntry[],
  skipped: SkippedFile[],
  previous: Corpus | null,
  loadedAt: Date,
  identity: IdentityOptions = {},
): Corpus {
  const previousStatements = previous ? statementCounts(previous) : new Map<string, number>();
  const previousDocs = previous?.documents ?? [];
  return corpusFromEntries(entries, skipped, {
    sentenceIndex: nextIndex(
      previous?.sentenceIndex ?? null,
      previousDocs.map((doc) => ({ doc, count: doc.sentences.length })),
      entries.map(({ doc }) => ({
        doc,
        count: doc.sentences.length,
        texts: () => doc.sentences.map((s) => s.text),
      })),
    ),
    statementIndex: nextIndex(
      previous?.statementIndex ?? null,
      previousDocs.map((doc) => ({ doc, count: previousStatements.get(doc.id) ?? 0 })),
      entries.map(({ doc, statements }) => ({
        doc,
        count: statements.length,
        texts: () => statements.map((s) => s.text.text),
      })),
    ),
    loadedAt,
    homeCountry: identity.homeCountry,
  });
}

/** A corpus around indexes already built for these entries (fresh, updated or loaded). */
export function corpusFromEntries(
  entries: DocumentEntry[],
  skipped: SkippedFile[],
  built: {
    sentenceIndex: TextIndex;
    statementIndex: TextIndex;
    loadedAt: Date;
    /** The entries' statements already carry their corpus-wide identities (an exact snapshot). */
    identitiesResolved?: boolean;
  } & IdentityOptions,
): Corpus {
  const documents: CorpusDocument[] = [];
  const documentById = new Map<string, CorpusDocument>();
  const sentences: Sentence[] = [];
  for (const { doc } of entries) {
    documents.push(doc);
    documentById.set(doc.id, doc);
    for (const sentence of doc.sentences) sentences.push(sentence);
  }
  const fresh = packStatements(entries.flatMap((e) => (e.fresh ? e.statements : [])));
  const placed: Statement[] = [];
  let next = 0;
  for (const entry of entries) {
    for (const s of entry.statements) placed.push(entry.fresh ? fresh[next++]! : s);
  }
  const statements = built.identitiesResolved ? placed : withIdentities(placed, documentById, built);
  return {
    documents,
    documentById,
    sentences,
    sentenceById: sentenceLookup(documentById),
    statements,
    speakers: collectSpeakers(statements),
    ...statementLists(statements),
    sentenceIndex: built.sentenceIndex,
    statementIndex: built.statementIndex.withDefaults({ bestPassOnly: true }),
    skipped,
    loadedAt: built.loadedAt.toISOString(),
  };
}

/**
 * Statements with their corpus-wide speaker and country (src/identity/).
 * Recomputed on every build, from what extraction found, because one article
 * can change another's speakers ("Blair" becomes "Tony Blair" once an article
 * names him). A statement whose identity changed is copied, never edited: the
 * previous corpus may still be serving it.
 */
function withIdentities(
  statements: Statement[],
  documents: Map<string, CorpusDocument>,
  options: IdentityOptions,
): Statement[] {
  const places = (docId: string): DocumentPlace | undefined => {
    const doc = documents.get(docId);
    return doc && { country: doc.country, dateline: doc.dateline, main: doc.about };
  };
  const identities = resolveIdentities(statements, places, options);
  return statements.map((s, i) => {
    const identity = identities[i]!;
    // "a spokesman" in one article is not "a spokesman" in the next.
    const speakerId = s.speaker.described
      ? `${speakerIdFor(identity.name)}--${speakerIdFor(s.docId)}`
      : speakerIdFor(identity.name);
    if (
      s.speakerId === speakerId &&
      s.speakerName === identity.name &&
      s.country === identity.country &&
      s.countryEvidence === identity.countryEvidence
    ) {
      return s;
    }
    return statementOf(s, s, {
      speakerId,
      speakerName: identity.name,
      country: identity.country,
      countryEvidence: identity.countryEvidence,
    });
  });
}

/**
 * Whether a denial is worded as one, remembered per statement text: a reload keeps the
 * statements (and their text spans) of every unchanged file, so only new ones are read.
 */
const explicitness = new WeakMap<Span, boolean>();
function explicitDenial(s: Statement): boolean {
  let explicit = explicitness.get(s.text);
  if (explicit === undefined) {
    explicit = isExplicitDenial(s.cue?.text ?? null, s.text.text);
    explicitness.set(s.text, explicit);
  }
  return explicit;
}

/** Denials by country and statements by speaker, as positions in `statements`. */
function statementLists(statements: Statement[]) {
  const denialsByCountry = new Map<CountryCode, number[]>();
  const statementsBySpeaker = new Map<string, number[]>();
  const add = <K>(map: Map<K, number[]>, key: K, position: number) => {
    const list = map.get(key);
    if (list) list.push(position);
    else map.set(key, [position]);
  };
  const implicit = new Map<CountryCode, number[]>();
  statements.forEach((s, i) => {
    add(statementsBySpeaker, s.speakerId, i);
    if (!s.denial || !s.country) return;
    // /deny lists explicit denials first: ordered here once, not on every request.
    if (explicitDenial(s)) add(denialsByCountry, s.country, i);
    else add(implicit, s.country, i);
  });
  for (const [country, list] of implicit) {
    const explicit = denialsByCountry.get(country);
    if (explicit) explicit.push(...list);
    else denialsByCountry.set(country, list);
  }
  return { denialsByCountry, statementsBySpeaker };
}

const SENTENCE_ID = /^(.+):(\d+)\.(\d+)$/;

/**
 * Sentence ids name their document, paragraph and position, so a lookup
 * needs no table of its own (one would hold an entry per sentence: 440,000
 * for a large corpus, rebuilt on every reload).
 */
function sentenceLookup(documents: Map<string, CorpusDocument>): SentenceLookup {
  return {
    get(id: string): Sentence | undefined {
      const m = SENTENCE_ID.exec(id);
      const doc = m ? documents.get(m[1]!) : undefined;
      if (!doc) return undefined;
      const paragraph = Number(m![2]);
      const index = Number(m![3]);
      // Sentences are in (paragraph, index) order: a binary search, not a scan of a file's 50,000.
      const list = doc.sentences;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const x = list[mid]!;
        if (x.paragraph < paragraph || (x.paragraph === paragraph && x.index < index)) lo = mid + 1;
        else hi = mid;
      }
      const found = list[lo];
      return found && found.paragraph === paragraph && found.index === index && found.id === id
        ? found
        : undefined;
    },
  };
}

/** Texts of one document in an index: how many, and (only when needed) what they are. */
interface IndexGroup {
  doc: CorpusDocument;
  count: number;
  texts?: () => string[];
}

/** Statements per document id (statements are stored in document order). */
function statementCounts(corpus: Corpus): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of corpus.statements) counts.set(s.docId, (counts.get(s.docId) ?? 0) + 1);
  return counts;
}

/**
 * Fresh copies of statements, laid out for scanning. Answers scan all
 * statements (every denial of a country, everything one speaker said);
 * statements as extraction leaves them lie scattered among its garbage, each
 * a cache miss. Copies made in one loop lie together, and making the nested
 * objects first and the statements themselves last puts the statements side
 * by side, so a scan reading one field of each touches little memory.
 * Measured: a scan of 18,000 went from 7 ms to 0.2 ms.
 */
function packStatements(list: Statement[]): Statement[] {
  const span = (x: Span): Span => ({ start: x.start, end: x.end, text: x.text });
  const parts = list.map((s) => ({
    text: span(s.text),
    speaker: {
      name: s.speaker.name,
      title: s.speaker.title,
      country: s.speaker.country,
      kind: s.speaker.kind,
      mention: s.speaker.mention && span(s.speaker.mention),
      ...(s.speaker.described ? { described: true } : {}),
    },
    cue: s.cue && span(s.cue),
    quotes: s.quotes?.map(span),
    sentenceIds: [...s.sentenceIds],
  }));
  return list.map((s, i) => statementOf(s, parts[i]!, s));
}

/**
 * A statement written out field by field, from `s` with its spans (`parts`) and
 * corpus-wide identity (`identity`) taken from elsewhere. Written out because
 * V8 makes slow objects of a spread copy, and one constructor gives every
 * statement one shape.
 */
function statementOf(
  s: Statement,
  parts: Pick<Statement, 'text' | 'speaker' | 'cue' | 'quotes' | 'sentenceIds'>,
  identity: Pick<Statement, 'speakerId' | 'speakerName' | 'country' | 'countryEvidence'>,
): Statement {
  return {
    kind: s.kind,
    text: parts.text,
    speaker: parts.speaker,
    cue: parts.cue,
    ...(parts.quotes ? { quotes: parts.quotes } : {}),
    denial: s.denial,
    id: s.id,
    docId: s.docId,
    speakerId: identity.speakerId,
    speakerName: identity.speakerName,
    country: identity.country,
    countryEvidence: identity.countryEvidence,
    paragraph: s.paragraph,
    sentenceIds: parts.sentenceIds,
  };
}

/** A corpus's documents with their statements (statements are stored in document order). */
export function entriesOf(corpus: Corpus): DocumentEntry[] {
  const byDocument = statementsByDocument(corpus);
  return corpus.documents.map((doc) => ({ doc, statements: byDocument.get(doc.id) ?? [] }));
}

/**
 * The index over the texts of `groups` (in document order): an update of
 * `previous` that keeps the texts of documents present in both (the same
 * objects), or a new index when too little is kept.
 */
function nextIndex(
  previous: TextIndex | null,
  previousGroups: IndexGroup[],
  groups: IndexGroup[],
): TextIndex {
  const total = groups.reduce((n, g) => n + g.count, 0);
  const change = previous ? indexChange(previousGroups, groups) : null;
  if (!previous || !change || total - change.added.length < MIN_REUSED_SHARE * total) {
    const items: IndexedText[] = [];
    for (const group of groups) for (const text of group.texts!()) items.push({ id: items.length, text });
    return new TextIndex(items);
  }
  return previous.update(change);
}

function indexChange(previousGroups: IndexGroup[], groups: IndexGroup[]): IndexChange {
  const oldStart = new Map<CorpusDocument, number>();
  let oldCount = 0;
  for (const { doc, count } of previousGroups) {
    oldStart.set(doc, oldCount);
    oldCount += count;
  }
  const remap = new Int32Array(oldCount).fill(-1);
  const added: IndexedText[] = [];
  let next = 0;
  for (const group of groups) {
    const start = oldStart.get(group.doc);
    if (start === undefined) {
      group.texts!().forEach((text, j) => {
        added.push({ id: next + j, text });
      });
    } else {
      for (let j = 0; j < group.count; j++) remap[start + j] = next + j;
    }
    next += group.count;
  }
  return { remap, added };
}

function extractEntry(doc: CorpusDocument, extract: Extractor): DocumentEntry {
  return {
    doc,
    statements: placeStatements(doc, extract(doc.text, { bodyStart: doc.bodyStart })),
    fresh: true,
  };
}

function statementsByDocument(corpus: Corpus): Map<string, Statement[]> {
  const groups = new Map<string, Statement[]>();
  for (const s of corpus.statements) {
    const list = groups.get(s.docId);
    if (list) list.push(s);
    else groups.set(s.docId, [s]);
  }
  return groups;
}

/**
 * The key that joins one speaker across documents: the canonical name,
 * case- and accent-insensitive ("Zhao Lijian" in two articles is one person).
 */
export function speakerIdFor(name: string): string {
  return stripAccents(name)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Gives each extracted statement its id, paragraph and sentences. A document's
 * sentences are in order and never overlap, so those a statement overlaps are
 * one run, found by binary search: scanning every sentence for every statement
 * made one large file quadratic (a 10 MB file: 33,000 statements × 87,000
 * sentences, 28 s).
 */
export function placeStatements(doc: CorpusDocument, extracted: ExtractedStatement[]): Statement[] {
  const sentences = doc.sentences;
  return extracted.map((s, i) => {
    const overlapping: Sentence[] = [];
    for (let k = firstEndingAfter(sentences, s.text.start); k < sentences.length; k++) {
      const x = sentences[k]!;
      if (x.start >= s.text.end) break;
      if (x.end > s.text.start) overlapping.push(x);
    }
    const first = overlapping[0] ?? nearestSentenceBefore(sentences, s.text.start);
    return {
      ...s,
      id: `${doc.id}:s${i + 1}`,
      docId: doc.id,
      speakerId: speakerIdFor(s.speaker.name),
      speakerName: s.speaker.name,
      country: s.speaker.country,
      countryEvidence: null,
      paragraph: first?.paragraph ?? 1,
      sentenceIds: overlapping.map((x) => x.id),
    };
  });
}

/** Index of the first sentence that ends after `offset` (sentences in order, ends increasing). */
function firstEndingAfter(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last sentence starting at or before `offset`, if any. */
function nearestSentenceBefore(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  const sentence = sentences[sentenceIndexAt(sentences, offset)];
  return sentence && sentence.start <= offset ? sentence : undefined;
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
      name: mostCommon(list.map((s) => s.speakerName))!,
      title: mostCommon(list.map((s) => s.speaker.title)),
      country: mostCommon(list.map((s) => s.country)),
      kind: mostCommon(list.map((s) => s.speaker.kind))!,
      described: list.every((s) => s.speaker.described === true),
      statementCount: list.length,
    });
  }
  return speakers;
}

/** The most frequent non-null value; ties go to the first seen. */
function mostCommon<T>(values: (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return mostFrequent(counts);
}
