/**
 * Snapshots: built corpora cached on disk, so a start-up reads arrays instead
 * of parsing, extracting and indexing every file again.
 *
 * A snapshot is keyed by the code version and by every file's path and
 * content hash (plus the files skipped and why): a changed file or a new
 * version gives a new key, so a stale snapshot is never served as current.
 * The newest snapshot of the same code version remains useful after files
 * change: the engine loads it and updates it with the changed files only.
 *
 * Layout, one folder per snapshot under `<root>/<corpus>/<key>/`:
 * - `manifest.json`: documents' metadata, skipped files, extracted statements
 *   (offsets only; their text is sliced from the documents on load), the index
 *   vocabularies, and the table of binary sections;
 * - `texts.bin`: every document's text, UTF-8;
 * - `arrays.bin`: paragraphs, sentences and both indexes as typed arrays,
 *   8-byte aligned, read back as views without copying.
 * - `checksums.json`: the sha256 of each of the three files.
 * Folders are written under a temporary name and renamed into place, so a
 * reader never sees half a snapshot (see `snapshot-files.ts`).
 *
 * A snapshot is checked before it is served, never trusted: every file
 * against its checksum (an edit on disk, a flipped bit, a truncated write),
 * and every paragraph, sentence and statement offset against the document
 * text it indexes (sentences inside their paragraph, in order, starting and
 * ending on text, with only white space between them), which catches offsets
 * shifted by a writer's bug even when the checksums agree. A damaged snapshot
 * is reported, removed and never served; the engine builds the corpus
 * instead and writes a good one in its place.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import path from 'node:path';
import { isWhitespace } from '../corpus/segment.ts';
import type { IdentityOptions } from '../identity/resolve.ts';
import type {
  CorpusDocument,
  CountryEvidence,
  ExtractedStatement,
  Paragraph,
  Sentence,
  SkippedFile,
  Span,
  Statement,
} from '../model.ts';
import type { SegmentParts } from '../search/segment.ts';
import { type IndexParts, TextIndex } from '../search/text-index.ts';
import { type Corpus, corpusFromEntries, type DocumentEntry, entriesOf } from './corpus.ts';
import type { CorpusScan } from './scan.ts';
import { isTemporary, removeAbandoned, snapshotFolder, temporaryPath } from './snapshot-files.ts';

/** Bump when the layout changes; it is part of every key. */
const SNAPSHOT_FORMAT = 'whosaid-snapshot-5';
const FILES = ['manifest.json', 'texts.bin', 'arrays.bin'] as const;
type Checksums = Record<(typeof FILES)[number], string>;
/** Snapshots kept per corpus folder: the current one and the one before. */
const KEEP = 2;

type ArrayType = 'i32' | 'u32' | 'u16';
type NumberArray = Int32Array | Uint32Array | Uint16Array;

interface Section {
  name: string;
  type: ArrayType;
  /** Byte offset in `arrays.bin`. */
  offset: number;
  length: number;
}

/** A span as stored: offsets, and the text only when it is not the document's own slice. */
type StoredSpan = [number, number] | [number, number, string];

interface StoredStatement {
  kind: ExtractedStatement['kind'];
  text: StoredSpan;
  speaker: Omit<ExtractedStatement['speaker'], 'mention'> & { mention: StoredSpan | null };
  cue: StoredSpan | null;
  quotes?: StoredSpan[];
  denial: boolean;
  speakerId: string;
  /** The corpus-wide identity: canonical name (when not the extracted one), country and its evidence. */
  speakerName?: string;
  country: string | null;
  countryEvidence: CountryEvidence | null;
  paragraph: number;
  /** The sentences the statement overlaps: first (index in the document) and how many. */
  sentences: [number, number];
}

interface StoredDocument {
  id: string;
  file: string;
  part?: number | undefined;
  warnings?: string[] | undefined;
  title: string;
  published?: string | undefined;
  publisher?: string | undefined;
  url?: string | undefined;
  author?: string | undefined;
  country?: string | undefined;
  dateline?: string | undefined;
  about?: string | undefined;
  bodyStart: number;
  hash: string;
  /** Byte range of the text in `texts.bin`. */
  bytes: [number, number];
  paragraphs: number;
  sentences: number;
  statements: StoredStatement[];
}

interface Manifest {
  format: string;
  endianness: string;
  codeVersion: string;
  key: string;
  createdAt: string;
  /** The home country the corpus's identities were resolved with (CORPUS_COUNTRY). */
  homeCountry: string | null;
  documents: StoredDocument[];
  skipped: SkippedFile[];
  indexes: { sentences: StoredIndex; statements: StoredIndex };
  sections: Section[];
}

interface StoredIndex {
  terms: readonly string[];
  segments: number;
}

/** The key of the corpus a scan describes, for this code version. */
export function snapshotKey(codeVersion: string, scan: CorpusScan): string {
  const hash = createHash('sha256').update(`${SNAPSHOT_FORMAT}\n${codeVersion}\n`);
  for (const f of scan.files) hash.update(`F\0${f.file}\0${f.hash}\n`);
  const skipped = [...scan.skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const s of skipped) hash.update(`S\0${s.file}\0${s.reason}\n`);
  return hash.digest('hex').slice(0, 40);
}

export interface SnapshotOptions extends IdentityOptions {
  /** Told of a damaged snapshot, which is removed (the engine logs it). */
  warn?: ((message: string) => void) | undefined;
  /** Names the service writing, in temporary folder names, so it can remove its own when it stops. */
  tag?: string | undefined;
}

/** What is wrong with a snapshot that cannot be served. */
export class DamagedSnapshot extends Error {
  override name = 'DamagedSnapshot';
}

export class SnapshotStore {
  readonly #folder: string;
  readonly #codeVersion: string;
  readonly #options: SnapshotOptions;

  /** Snapshots of the corpus in `corpusDir` under `root`, for code version `codeVersion`. */
  constructor(root: string, corpusDir: string, codeVersion: string, options: SnapshotOptions = {}) {
    this.#options = options;
    this.#folder = snapshotFolder(root, corpusDir);
    this.#codeVersion = codeVersion;
  }

  get codeVersion(): string {
    return this.#codeVersion;
  }

  keyOf(scan: CorpusScan): string {
    return snapshotKey(this.#codeVersion, scan);
  }

  /**
   * The snapshot with exactly this key, or null: none, another version's, or
   * damaged (then reported and removed, so that a good one can take its place).
   */
  async load(key: string): Promise<Corpus | null> {
    const folder = path.join(this.#folder, key);
    try {
      return await this.#read(folder, key);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.#options.warn?.(`snapshot ${key.slice(0, 12)} is damaged (${why}): removed, not served`);
      try {
        rmSync(folder, { recursive: true, force: true });
      } catch {
        // Removed by someone else meanwhile, or not removable: it is not served either way.
      }
      return null;
    }
  }

  /** The newest snapshot of this code version, whatever its files: a base to update from. */
  async loadLatest(): Promise<Corpus | null> {
    for (const key of await this.#keysNewestFirst()) {
      const corpus = await this.load(key);
      if (corpus) return corpus;
    }
    return null;
  }

  /** Writes `corpus` under `key` (atomically) and prunes older snapshots. */
  async save(key: string, corpus: Corpus): Promise<void> {
    const target = path.join(this.#folder, key);
    if (await exists(path.join(target, 'manifest.json'))) return;
    const temporary = temporaryPath(target, this.#options.tag);
    await mkdir(temporary, { recursive: true });
    try {
      await writeSnapshot(temporary, key, this.#codeVersion, corpus, this.#options.homeCountry ?? null);
      await rename(temporary, target).catch(async (error: NodeJS.ErrnoException) => {
        // Someone else wrote the same snapshot first: theirs is as good.
        if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      });
    } finally {
      await rm(temporary, { recursive: true, force: true });
    }
    await this.#prune(key);
  }

  /** Removes temporary folders that writers killed mid-write left behind (see `snapshot-files.ts`). */
  removeAbandoned(): string[] {
    return removeAbandoned(this.#folder);
  }

  /**
   * Reads with blocking calls: snapshots are read while an engine opens, with
   * nothing else to do, and a few large blocking reads are several times
   * faster than the promise API's chunked ones.
   */
  async #read(folder: string, key: string): Promise<Corpus | null> {
    let manifestBytes: Buffer;
    try {
      manifestBytes = readFileSync(path.join(folder, 'manifest.json'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null; // no such snapshot
      throw error;
    }
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
    if (
      manifest.format !== SNAPSHOT_FORMAT ||
      manifest.codeVersion !== this.#codeVersion ||
      manifest.endianness !== endianness()
    ) {
      return null; // another version's: not damaged, just of no use here
    }
    if (manifest.key !== key) throw new DamagedSnapshot(`its manifest is that of snapshot ${manifest.key}`);
    const expected = readChecksums(folder);
    const texts = readFileSync(path.join(folder, 'texts.bin'));
    const arrays = readFileSync(path.join(folder, 'arrays.bin'));
    // Here, not on libuv's threads with `crypto.subtle`: that copies each file first, and the
    // copies stayed resident (+25 MB RSS at ×1); this costs some 20 ms of a ×1 start.
    [manifestBytes, texts, arrays].forEach((bytes, i) => {
      const file = FILES[i]!;
      if (sha256([bytes]) !== expected[file])
        throw new DamagedSnapshot(`${file} does not match its checksum`);
    });
    return corpusFromSnapshot(manifest, texts, aligned(arrays), this.#options);
  }

  /** Snapshot folders of this corpus, newest first (temporary ones excluded). */
  async #keysNewestFirst(): Promise<string[]> {
    const names = await readdir(this.#folder).catch(() => [] as string[]);
    const dated = await Promise.all(
      names
        .filter((n) => !isTemporary(n))
        .map(async (name) => ({
          name,
          time: await stat(path.join(this.#folder, name)).then(
            (s) => s.mtimeMs,
            () => -1,
          ),
        })),
    );
    return dated
      .filter((d) => d.time >= 0)
      .sort((a, b) => b.time - a.time)
      .map((d) => d.name);
  }

  async #prune(keep: string): Promise<void> {
    const keys = (await this.#keysNewestFirst()).filter((k) => k !== keep);
    for (const key of keys.slice(KEEP - 1)) {
      await rm(path.join(this.#folder, key), { recursive: true, force: true });
    }
    removeAbandoned(this.#folder);
  }
}

function readChecksums(folder: string): Checksums {
  let sums: Partial<Checksums>;
  try {
    sums = JSON.parse(readFileSync(path.join(folder, 'checksums.json'), 'utf8')) as Partial<Checksums>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DamagedSnapshot(
      code === 'ENOENT' ? 'checksums.json is missing' : 'checksums.json is unreadable',
    );
  }
  for (const file of FILES) {
    if (typeof sums[file] !== 'string')
      throw new DamagedSnapshot(`checksums.json has no checksum of ${file}`);
  }
  return sums as Checksums;
}

function sha256(chunks: readonly (Uint8Array | string)[]): string {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** A buffer whose bytes can back typed arrays (Node may hand out a pooled, unaligned slice). */
function aligned(buffer: Buffer): Uint8Array {
  if (buffer.byteOffset % 8 === 0) return buffer;
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  return copy;
}

// ---------------------------------------------------------------- writing

async function writeSnapshot(
  folder: string,
  key: string,
  codeVersion: string,
  corpus: Corpus,
  homeCountry: string | null,
): Promise<void> {
  const arrays = new SectionWriter();
  const texts: Uint8Array[] = [];
  let textBytes = 0;
  const encoder = new TextEncoder();
  const documents = entriesOf(corpus).map(({ doc, statements }) => {
    const bytes = encoder.encode(doc.text);
    texts.push(bytes);
    const stored = storeDocument(doc, statements, [textBytes, textBytes + bytes.length]);
    textBytes += bytes.length;
    return stored;
  });
  arrays.add('paragraphs', Int32Array.from(corpus.documents.flatMap(paragraphNumbers)));
  arrays.add('sentences', Int32Array.from(corpus.sentences.flatMap(sentenceNumbers)));
  const manifest: Manifest = {
    format: SNAPSHOT_FORMAT,
    endianness: endianness(),
    codeVersion,
    key,
    createdAt: new Date().toISOString(),
    homeCountry,
    documents,
    skipped: corpus.skipped,
    indexes: {
      sentences: storeIndex('sentences', corpus.sentenceIndex.parts(), arrays),
      statements: storeIndex('statements', corpus.statementIndex.parts(), arrays),
    },
    sections: arrays.sections,
  };
  const json = JSON.stringify(manifest);
  const checksums: Checksums = {
    'manifest.json': sha256([json]),
    'texts.bin': sha256(texts),
    'arrays.bin': sha256(arrays.chunks),
  };
  await writeFile(path.join(folder, 'texts.bin'), texts);
  await writeFile(path.join(folder, 'arrays.bin'), arrays.chunks);
  await writeFile(path.join(folder, 'checksums.json'), JSON.stringify(checksums));
  // The manifest last: a folder with one is complete.
  await writeFile(path.join(folder, 'manifest.json'), json);
}

function storeDocument(doc: CorpusDocument, statements: Statement[], bytes: [number, number]) {
  const span = (x: Span): StoredSpan =>
    doc.text.slice(x.start, x.end) === x.text ? [x.start, x.end] : [x.start, x.end, x.text];
  const sentenceAt = new Map(doc.sentences.map((x, i) => [x.id, i]));
  const stored: StoredDocument = {
    id: doc.id,
    file: doc.file,
    part: doc.part,
    warnings: doc.warnings,
    title: doc.title,
    published: doc.published,
    publisher: doc.publisher,
    url: doc.url,
    author: doc.author,
    country: doc.country,
    dateline: doc.dateline,
    about: doc.about,
    bodyStart: doc.bodyStart,
    hash: doc.hash,
    bytes,
    paragraphs: doc.paragraphs.length,
    sentences: doc.sentences.length,
    statements: statements.map((x) => ({
      kind: x.kind,
      text: span(x.text),
      speaker: { ...x.speaker, mention: x.speaker.mention && span(x.speaker.mention) },
      cue: x.cue && span(x.cue),
      ...(x.quotes ? { quotes: x.quotes.map(span) } : {}),
      denial: x.denial,
      speakerId: x.speakerId,
      ...(x.speakerName !== x.speaker.name ? { speakerName: x.speakerName } : {}),
      country: x.country,
      countryEvidence: x.countryEvidence,
      paragraph: x.paragraph,
      sentences: [x.sentenceIds.length ? sentenceAt.get(x.sentenceIds[0]!)! : 0, x.sentenceIds.length],
    })),
  };
  return stored;
}

const paragraphNumbers = (d: CorpusDocument) => d.paragraphs.flatMap((p) => [p.index, p.start, p.end]);
const sentenceNumbers = (s: Sentence) => [s.paragraph, s.index, s.start, s.end];

const SEGMENT_ARRAYS: [keyof SegmentParts, ArrayType][] = [
  ['tokenStart', 'i32'],
  ['tokens', 'i32'],
  ['fieldLength', 'u32'],
  ['postingStart', 'i32'],
  ['postingText', 'i32'],
  ['postingFreq', 'u16'],
];

function storeIndex(name: string, parts: IndexParts, arrays: SectionWriter): StoredIndex {
  parts.segments.forEach((segment, g) => {
    for (const [field] of SEGMENT_ARRAYS) arrays.add(`${name}.${g}.${field}`, segment[field]);
    arrays.add(`${name}.${g}.ids`, parts.ids[g]!);
  });
  return { terms: parts.terms, segments: parts.segments.length };
}

/** Typed arrays laid end to end, each starting on an 8-byte boundary. */
class SectionWriter {
  readonly sections: Section[] = [];
  readonly chunks: Uint8Array[] = [];
  #size = 0;

  add(name: string, array: NumberArray): void {
    const padding = (8 - (this.#size % 8)) % 8;
    if (padding) this.#push(new Uint8Array(padding));
    this.sections.push({ name, type: typeOf(array), offset: this.#size, length: array.length });
    this.#push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }

  #push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.#size += bytes.byteLength;
  }
}

function typeOf(array: NumberArray): ArrayType {
  if (array instanceof Int32Array) return 'i32';
  return array instanceof Uint32Array ? 'u32' : 'u16';
}

// ---------------------------------------------------------------- reading

function corpusFromSnapshot(
  manifest: Manifest,
  texts: Uint8Array,
  arrays: Uint8Array,
  identity: IdentityOptions,
): Corpus {
  const sections = new Map(manifest.sections.map((s) => [s.name, s]));
  const section = <T extends NumberArray>(name: string): T => {
    const s = sections.get(name);
    if (!s) throw new DamagedSnapshot(`section ${name} is missing`);
    return view(arrays, s) as T;
  };
  const paragraphs = section<Int32Array>('paragraphs');
  const sentences = section<Int32Array>('sentences');
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let paragraphAt = 0;
  let sentenceAt = 0;
  const docs = manifest.documents.map((stored) => {
    const [from, to] = stored.bytes;
    if (!(from >= 0 && from <= to && to <= texts.byteLength)) damaged(stored, 'text runs past texts.bin');
    const text = decoder.decode(texts.subarray(from, to));
    const paragraphEnd = paragraphAt + 3 * stored.paragraphs;
    const sentenceEnd = sentenceAt + 4 * stored.sentences;
    if (paragraphEnd > paragraphs.length || sentenceEnd > sentences.length) {
      damaged(stored, 'more paragraphs or sentences than the snapshot holds');
    }
    const doc = restoreDocument(stored, text, paragraphs.subarray(paragraphAt, paragraphEnd));
    doc.sentences = restoreSentences(doc, sentences.subarray(sentenceAt, sentenceEnd));
    paragraphAt = paragraphEnd;
    sentenceAt = sentenceEnd;
    return doc;
  });
  if (paragraphAt !== paragraphs.length || sentenceAt !== sentences.length) {
    throw new DamagedSnapshot('the documents do not account for every paragraph and sentence');
  }
  // Loaded statements are packed like extracted ones (see `packStatements`).
  const entries: DocumentEntry[] = docs.map((doc, i) => ({
    doc,
    statements: manifest.documents[i]!.statements.map((st, n) => restoreStatement(st, doc, n)),
    fresh: true,
  }));
  const index = (name: string, stored: StoredIndex) =>
    TextIndex.fromParts({
      terms: stored.terms,
      segments: Array.from({ length: stored.segments }, (_, g) => segmentParts(name, g, section)),
      ids: Array.from({ length: stored.segments }, (_, g) => section<Int32Array>(`${name}.${g}.ids`)),
    });
  return corpusFromEntries(entries, manifest.skipped, {
    sentenceIndex: index('sentences', manifest.indexes.sentences),
    statementIndex: index('statements', manifest.indexes.statements),
    loadedAt: new Date(),
    homeCountry: identity.homeCountry,
    // The identities stored were resolved over exactly these documents: with the same home
    // country they are what resolving again would give (BBC ×1: snapshot load ~0.9 → ~0.5 s).
    identitiesResolved: (identity.homeCountry ?? null) === manifest.homeCountry,
  });
}

function segmentParts(
  name: string,
  g: number,
  section: <T extends NumberArray>(name: string) => T,
): SegmentParts {
  const parts = {} as Record<keyof SegmentParts, NumberArray>;
  for (const [field] of SEGMENT_ARRAYS) parts[field] = section(`${name}.${g}.${field}`);
  return parts as unknown as SegmentParts;
}

function view(bytes: Uint8Array, s: Section): NumberArray {
  // A section past the end of the file is a damaged snapshot. Without this check the view
  // would read whatever lies beyond the file in Node's shared buffer pool, and load garbage.
  const size = s.type === 'u16' ? 2 : 4;
  if (s.offset < 0 || s.length < 0 || s.offset + s.length * size > bytes.byteLength) {
    throw new DamagedSnapshot(`section ${s.name} runs past the end of arrays.bin`);
  }
  const at = bytes.byteOffset + s.offset;
  if (s.type === 'i32') return new Int32Array(bytes.buffer, at, s.length);
  if (s.type === 'u32') return new Uint32Array(bytes.buffer, at, s.length);
  return new Uint16Array(bytes.buffer, at, s.length);
}

/**
 * Offsets are checked against the text as they are restored: a paragraph
 * starts and ends on text, after the previous one; a sentence lies in its
 * paragraph, after the previous one, starts and ends on text, with only white
 * space between it and the previous sentence of its paragraph (the
 * segmenter's own invariants, src/corpus/segment.ts). Offsets shifted by any
 * amount break one of these in the first paragraph they touch. Linear in the
 * sentences, and a few ms for 44,000.
 */
function damaged(doc: { id: string }, why: string): never {
  throw new DamagedSnapshot(`document ${doc.id}: ${why}`);
}

const onText = (text: string, at: number) =>
  at >= 0 && at < text.length && !isWhitespace(text.charCodeAt(at));

function restoreDocument(stored: StoredDocument, text: string, paragraphs: Int32Array): CorpusDocument {
  const list: Paragraph[] = [];
  let previousEnd = stored.bodyStart;
  if (!(previousEnd >= 0 && previousEnd <= text.length)) damaged(stored, 'its body starts past its text');
  for (let i = 0; i < paragraphs.length; i += 3) {
    const [index, start, end] = [paragraphs[i]!, paragraphs[i + 1]!, paragraphs[i + 2]!];
    if (index !== list.length + 1 || start < previousEnd || end <= start || end > text.length) {
      damaged(stored, `paragraph ${list.length + 1} is out of place`);
    }
    if (!onText(text, start) || !onText(text, end - 1)) {
      damaged(stored, `paragraph ${index} does not start and end on text`);
    }
    list.push({ index, start, end });
    previousEnd = end;
  }
  return {
    file: stored.file,
    ...(stored.part === undefined ? {} : { part: stored.part }),
    ...(stored.warnings === undefined ? {} : { warnings: stored.warnings }),
    title: stored.title,
    published: stored.published,
    publisher: stored.publisher,
    author: stored.author,
    url: stored.url,
    country: stored.country,
    dateline: stored.dateline,
    about: stored.about,
    text,
    bodyStart: stored.bodyStart,
    hash: stored.hash,
    paragraphs: list,
    id: stored.id,
    sentences: [],
  };
}

function restoreSentences(doc: CorpusDocument, numbers: Int32Array): Sentence[] {
  const sentences: Sentence[] = [];
  const { text } = doc;
  let previous: { paragraph: number; index: number; end: number } = { paragraph: 0, index: 0, end: 0 };
  for (let i = 0; i < numbers.length; i += 4) {
    const [paragraph, index, start, end] = [numbers[i]!, numbers[i + 1]!, numbers[i + 2]!, numbers[i + 3]!];
    const p = doc.paragraphs[paragraph - 1];
    const samePara = paragraph === previous.paragraph;
    if (
      !p ||
      paragraph < previous.paragraph ||
      index !== (samePara ? previous.index + 1 : 1) ||
      start < Math.max(p.start, previous.end) ||
      end <= start ||
      end > p.end
    ) {
      damaged(doc, `sentence ${paragraph}.${index} is out of place`);
    }
    if (!onText(text, start) || !onText(text, end - 1)) {
      damaged(doc, `sentence ${paragraph}.${index} does not start and end on text`);
    }
    if (samePara) {
      for (let k = previous.end; k < start; k++) {
        if (!isWhitespace(text.charCodeAt(k)))
          damaged(doc, `text between sentences is lost before ${paragraph}.${index}`);
      }
    }
    previous = { paragraph, index, end };
    sentences.push({
      id: `${doc.id}:${paragraph}.${index}`,
      docId: doc.id,
      paragraph,
      index,
      start,
      end,
      text: doc.text.slice(start, end),
    });
  }
  return sentences;
}

function restoreStatement(stored: StoredStatement, doc: CorpusDocument, n: number): Statement {
  const span = ([start, end, own]: StoredSpan): Span => {
    if (!(start >= 0 && start <= end && end <= doc.text.length))
      damaged(doc, `statement ${n + 1} runs past its text`);
    return { start, end, text: own ?? doc.text.slice(start, end) };
  };
  const [first, count] = stored.sentences;
  const { speaker } = stored;
  const [start, end] = stored.text;
  const sentence = doc.sentences[first];
  if (
    first < 0 ||
    count < 0 ||
    first + count > doc.sentences.length ||
    stored.paragraph < 1 ||
    stored.paragraph > doc.paragraphs.length ||
    (count > 0 && !(sentence && sentence.start < end && sentence.end > start))
  ) {
    damaged(doc, `statement ${n + 1} is out of place`);
  }
  return {
    kind: stored.kind,
    text: span(stored.text),
    speaker: {
      name: speaker.name,
      title: speaker.title,
      country: speaker.country,
      kind: speaker.kind,
      mention: speaker.mention && span(speaker.mention),
      ...(speaker.described ? { described: true } : {}),
    },
    cue: stored.cue && span(stored.cue),
    ...(stored.quotes ? { quotes: stored.quotes.map(span) } : {}),
    denial: stored.denial,
    id: `${doc.id}:s${n + 1}`,
    docId: doc.id,
    // The corpus-wide identity as resolved when the snapshot was written; resolved again on
    // loading only for another home country (see corpusFromSnapshot).
    speakerId: stored.speakerId,
    speakerName: stored.speakerName ?? speaker.name,
    country: stored.country,
    countryEvidence: stored.countryEvidence,
    paragraph: stored.paragraph,
    sentenceIds: doc.sentences.slice(first, first + count).map((x) => x.id),
  };
}
