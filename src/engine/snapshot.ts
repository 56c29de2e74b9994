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
 * Layout, under `<root>/<corpus>/`:
 * - `segments/<name>`: immutable segments, named by the sha256 of their bytes
 *   and shared by every snapshot that holds the same data:
 *   - documents, 256 to a chunk: metadata (a small JSON header), text
 *     (UTF-8), paragraphs and sentences (offsets), and statements as rows of
 *     integers over a string table: no JSON object per statement to parse;
 *   - index segments (`search/segment.ts`): typed arrays, read as views;
 *   - each index's terms, and which text each index slot stands for;
 * - `<key>/manifest.json`: which segments make the snapshot, in order, with
 *   the sha256 of each, plus the skipped files; `<key>/checksums.json`: the
 *   sha256 of the manifest.
 * A reload writes only the segments it changed (the chunk of a changed file,
 * the index segment of its texts, the terms and slot ids) and a new manifest:
 * the rest is shared with the snapshot before. Segments no kept snapshot
 * names are removed once old enough that no writer can be about to name them.
 * Folders and segments are written under temporary names and renamed into
 * place, so a reader never sees half of one (see `snapshot-files.ts`).
 *
 * A snapshot is checked before it is served, never trusted: the manifest
 * against its checksum, every segment against the sha256 the manifest gives
 * (an edit on disk, a flipped bit, a truncated write, another snapshot's
 * segment), and every paragraph, sentence and statement offset against the
 * document text it indexes (sentences inside their paragraph, in order,
 * starting and ending on text, with only white space between them), which
 * catches offsets shifted by a writer's bug even when the checksums agree.
 * A damaged snapshot is reported, removed (with the segment at fault) and
 * never served; the engine builds the corpus instead and writes a good one
 * in its place.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import path from 'node:path';
import { isWhitespace } from '../corpus/segment.ts';
import type { IdentityOptions } from '../identity/resolve.ts';
import {
  type CorpusDocument,
  type CountryEvidence,
  CountryEvidenceSchema,
  type Paragraph,
  type Sentence,
  type SkippedFile,
  type Span,
  SpeakerKindSchema,
  type Statement,
  StatementKindSchema,
} from '../model.ts';
import type { SegmentParts } from '../search/segment.ts';
import { TextIndex } from '../search/text-index.ts';
import { type Corpus, corpusFromEntries, type DocumentEntry, entriesOf } from './corpus.ts';
import type { CorpusScan } from './scan.ts';
import { isTemporary, removeAbandoned, snapshotFolder, temporaryPath } from './snapshot-files.ts';

/** Bump when the layout changes; it is part of every key. */
const SNAPSHOT_FORMAT = 'whosaid-snapshot-6';
/** The folder of segments, beside the snapshots' folders. */
const SEGMENTS = 'segments';
/** Snapshots kept per corpus folder: the current one and the one before. */
const KEEP = 2;
/** Documents per chunk: a changed file costs rewriting its chunk, not the corpus. */
const CHUNK_DOCUMENTS = 256;
/**
 * A segment no kept snapshot names is removed only once this old: a writer
 * writes its segments before the manifest that names them.
 */
const UNUSED_SEGMENT_MS = 15 * 60 * 1000;

type ArrayType = 'i32' | 'u32' | 'u16' | 'u8';
type NumberArray = Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** A segment as a manifest names it. */
interface SegmentRef {
  name: string;
  sha256: string;
}

interface Manifest {
  format: string;
  endianness: string;
  codeVersion: string;
  key: string;
  createdAt: string;
  /** The home country the corpus's identities were resolved with (CORPUS_COUNTRY). */
  homeCountry: string | null;
  skipped: SkippedFile[];
  /** Document chunks, in document order. */
  chunks: (SegmentRef & { documents: number })[];
  indexes: { sentences: StoredIndex; statements: StoredIndex };
}

interface StoredIndex {
  terms: SegmentRef;
  segments: SegmentRef[];
  /** Per segment, the id of each of its texts (one segment holding them all). */
  ids: SegmentRef;
}

/** A document as a chunk's header stores it; its text, offsets and statements are in the chunk's arrays. */
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
  /** Byte range of the text in the chunk's `texts`. */
  bytes: [number, number];
  paragraphs: number;
  sentences: number;
  statements: number;
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
  /** Documents per chunk (default 256; tests use fewer). */
  chunkDocuments?: number | undefined;
}

export class SnapshotStore {
  readonly #folder: string;
  readonly #segments: string;
  readonly #codeVersion: string;
  readonly #options: SnapshotOptions;

  /** Snapshots of the corpus in `corpusDir` under `root`, for code version `codeVersion`. */
  constructor(root: string, corpusDir: string, codeVersion: string, options: SnapshotOptions = {}) {
    this.#options = options;
    this.#folder = snapshotFolder(root, corpusDir);
    this.#segments = path.join(this.#folder, SEGMENTS);
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
      return this.#read(folder, key);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.#options.warn?.(`snapshot ${key.slice(0, 12)} is damaged (${why}): removed, not served`);
      try {
        rmSync(folder, { recursive: true, force: true });
        // A segment that is not what its name says would damage every snapshot naming it.
        if (error instanceof DamagedSnapshot && error.segment) {
          rmSync(path.join(this.#segments, error.segment), { force: true });
        }
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

  /**
   * Writes `corpus` under `key` (atomically) and prunes older snapshots. Only
   * the segments no earlier snapshot of this process holds are written: after
   * a reload, the chunks of the changed files and the index's new segment.
   */
  async save(key: string, corpus: Corpus): Promise<void> {
    const target = path.join(this.#folder, key);
    if (await exists(path.join(target, 'manifest.json'))) return;
    const temporary = temporaryPath(target, this.#options.tag);
    await mkdir(temporary, { recursive: true });
    await mkdir(this.#segments, { recursive: true });
    try {
      const write = (name: string, bytes: Uint8Array[]) => this.#writeSegment(temporary, name, bytes);
      const manifest: Manifest = {
        format: SNAPSHOT_FORMAT,
        endianness: endianness(),
        codeVersion: this.#codeVersion,
        key,
        createdAt: new Date().toISOString(),
        homeCountry: this.#options.homeCountry ?? null,
        skipped: corpus.skipped,
        chunks: await writeChunks(corpus, write, this.#options.chunkDocuments ?? CHUNK_DOCUMENTS),
        indexes: {
          sentences: await writeIndex(corpus.sentenceIndex, write),
          statements: await writeIndex(corpus.statementIndex, write),
        },
      };
      const json = JSON.stringify(manifest);
      await writeFile(
        path.join(temporary, 'checksums.json'),
        JSON.stringify({ 'manifest.json': sha256([json]) }),
      );
      // The manifest last: a folder with one is complete.
      await writeFile(path.join(temporary, 'manifest.json'), json);
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

  /** Writes a segment unless it is there already (same name, same bytes), through `temporary`. */
  async #writeSegment(temporary: string, name: string, bytes: Uint8Array[]): Promise<void> {
    const final = path.join(this.#segments, name);
    if (await exists(final)) return;
    const staged = path.join(temporary, name);
    await writeFile(staged, bytes);
    await rename(staged, final);
  }

  /**
   * Reads with blocking calls: snapshots are read while an engine opens, with
   * nothing else to do, and a few large blocking reads are several times
   * faster than the promise API's chunked ones.
   */
  #read(folder: string, key: string): Corpus | null {
    let manifestBytes: Buffer;
    try {
      manifestBytes = readFileSync(path.join(folder, 'manifest.json'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null; // no such snapshot
      throw error;
    }
    const expected = readChecksum(folder);
    if (sha256([manifestBytes]) !== expected)
      throw new DamagedSnapshot('manifest.json does not match its checksum');
    let manifest: Manifest;
    try {
      manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
    } catch {
      throw new DamagedSnapshot('manifest.json is not JSON');
    }
    if (
      manifest.format !== SNAPSHOT_FORMAT ||
      manifest.codeVersion !== this.#codeVersion ||
      manifest.endianness !== endianness()
    ) {
      return null; // another version's: not damaged, just of no use here
    }
    if (manifest.key !== key) throw new DamagedSnapshot(`its manifest is that of snapshot ${manifest.key}`);
    checkManifest(manifest);
    return corpusFromSnapshot(manifest, (ref) => this.#readSegment(ref), this.#options);
  }

  /** A segment's bytes, checked against the sha256 the manifest gives. */
  #readSegment(ref: SegmentRef): Uint8Array {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(this.#segments, ref.name));
    } catch {
      throw new DamagedSnapshot(`segment ${ref.name} is missing`);
    }
    // Here, not on libuv's threads with `crypto.subtle`: that copies each file first, and the
    // copies stayed resident (+25 MB RSS at ×1).
    if (sha256([bytes]) !== ref.sha256) {
      throw new DamagedSnapshot(`segment ${ref.name} does not match its checksum`, ref.name);
    }
    return aligned(bytes);
  }

  /** Snapshot folders of this corpus, newest first (temporary ones and the segments excluded). */
  async #keysNewestFirst(): Promise<string[]> {
    const names = await readdir(this.#folder).catch(() => [] as string[]);
    const dated = await Promise.all(
      names
        .filter((n) => !isTemporary(n) && n !== SEGMENTS)
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
    // Segments no snapshot left names, once old enough that no writer is about to name them.
    const named = new Set<string>();
    for (const key of [keep, ...keys.slice(0, KEEP - 1)]) {
      try {
        const manifest = JSON.parse(await readFile(path.join(this.#folder, key, 'manifest.json'), 'utf8'));
        for (const ref of segmentsOf(manifest as Manifest)) named.add(ref.name);
      } catch {
        return; // a manifest that cannot be read: keep every segment rather than guess
      }
    }
    const now = Date.now();
    for (const name of await readdir(this.#segments).catch(() => [] as string[])) {
      if (named.has(name)) continue;
      const file = path.join(this.#segments, name);
      const made = await stat(file).then(
        (s) => s.mtimeMs,
        () => now,
      );
      if (now - made > UNUSED_SEGMENT_MS) await rm(file, { force: true });
    }
  }
}

/** What is wrong with a snapshot that cannot be served; `segment`: the segment at fault, if one is. */
export class DamagedSnapshot extends Error {
  override name = 'DamagedSnapshot';
  readonly segment: string | undefined;

  constructor(message: string, segment?: string) {
    super(message);
    this.segment = segment;
  }
}

function readChecksum(folder: string): string {
  let sums: { 'manifest.json'?: unknown };
  try {
    sums = JSON.parse(readFileSync(path.join(folder, 'checksums.json'), 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DamagedSnapshot(
      code === 'ENOENT' ? 'checksums.json is missing' : 'checksums.json is unreadable',
    );
  }
  const sum = sums?.['manifest.json'];
  if (typeof sum !== 'string') throw new DamagedSnapshot('checksums.json has no checksum of manifest.json');
  return sum;
}

/** Every segment a manifest names. */
function segmentsOf(manifest: Manifest): SegmentRef[] {
  const { sentences, statements } = manifest.indexes;
  return [
    ...manifest.chunks,
    ...[sentences, statements].flatMap((index) => [index.terms, index.ids, ...index.segments]),
  ];
}

const SEGMENT_NAME = /^[0-9a-f]{64}$/;

/** The manifest's shape, before anything it names is read: it is input, not trusted code. */
function checkManifest(manifest: Manifest): void {
  const bad = (what: string): never => {
    throw new DamagedSnapshot(`manifest.json ${what}`);
  };
  if (!Array.isArray(manifest.chunks) || !Array.isArray(manifest.skipped)) bad('lacks its chunks');
  if (!manifest.indexes?.sentences || !manifest.indexes.statements) bad('lacks its indexes');
  for (const index of [manifest.indexes.sentences, manifest.indexes.statements]) {
    if (!Array.isArray(index.segments)) bad('lacks an index');
  }
  for (const ref of segmentsOf(manifest)) {
    if (!ref || typeof ref.sha256 !== 'string' || !SEGMENT_NAME.test(ref.sha256) || ref.name !== ref.sha256) {
      bad('names a segment wrongly');
    }
  }
  for (const chunk of manifest.chunks) {
    if (!Number.isInteger(chunk.documents) || chunk.documents < 1) bad('gives a chunk no documents');
  }
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

// ---------------------------------------------------------------- segments

/**
 * A segment's bytes: a 4-byte header length, a JSON header (what it is, and
 * where each array lies), then the arrays, each on an 8-byte boundary.
 */
interface SegmentHeader {
  kind: 'documents' | 'index' | 'terms' | 'ids';
  sections: Record<string, [ArrayType, number, number]>;
  [more: string]: unknown;
}

function encodeSegment(
  header: Omit<SegmentHeader, 'sections'>,
  arrays: [string, NumberArray][],
): { bytes: Uint8Array[]; ref: SegmentRef } {
  const sections: SegmentHeader['sections'] = {};
  const body: Uint8Array[] = [];
  let size = 0;
  for (const [name, array] of arrays) {
    const padding = (8 - (size % 8)) % 8;
    if (padding) body.push(new Uint8Array(padding));
    size += padding;
    sections[name] = [typeOf(array), size, array.length];
    body.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    size += array.byteLength;
  }
  const json = Buffer.from(JSON.stringify({ ...header, sections }));
  const head = new Uint8Array(8 + json.byteLength + ((8 - (json.byteLength % 8)) % 8));
  new DataView(head.buffer).setUint32(0, json.byteLength, true);
  head.set(json, 8);
  const bytes = [head, ...body];
  const sum = sha256(bytes);
  return { bytes, ref: { name: sum, sha256: sum } };
}

interface DecodedSegment {
  header: SegmentHeader;
  array<T extends NumberArray>(name: string): T;
}

function decodeSegment(bytes: Uint8Array, kind: SegmentHeader['kind'], name: string): DecodedSegment {
  const damaged = (why: string): never => {
    throw new DamagedSnapshot(`segment ${name} ${why}`, name);
  };
  if (bytes.byteLength < 8) damaged('is truncated');
  const length = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(0, true);
  if (8 + length > bytes.byteLength) damaged('is truncated');
  let header: SegmentHeader;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 8, length).toString('utf8'));
  } catch {
    return damaged('has no readable header');
  }
  if (header.kind !== kind || typeof header.sections !== 'object') damaged(`is not a segment of ${kind}`);
  const start = 8 + length + ((8 - (length % 8)) % 8);
  return {
    header,
    array<T extends NumberArray>(section: string): T {
      const found = header.sections[section];
      if (!found) return damaged(`lacks ${section}`);
      const [type, offset, count] = found;
      const size = type === 'u8' ? 1 : type === 'u16' ? 2 : 4;
      // Past the end of the file it would read whatever lies beyond it in Node's buffer pool.
      if (!(offset >= 0 && count >= 0 && start + offset + count * size <= bytes.byteLength)) {
        damaged(`has ${section} running past its end`);
      }
      if (offset % size) damaged(`has ${section} misaligned`);
      const at = bytes.byteOffset + start + offset;
      if (type === 'i32') return new Int32Array(bytes.buffer, at, count) as T;
      if (type === 'u32') return new Uint32Array(bytes.buffer, at, count) as T;
      if (type === 'u16') return new Uint16Array(bytes.buffer, at, count) as T;
      return new Uint8Array(bytes.buffer, at, count) as T;
    },
  };
}

function typeOf(array: NumberArray): ArrayType {
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Uint32Array) return 'u32';
  return array instanceof Uint16Array ? 'u16' : 'u8';
}

type SegmentWriter = (name: string, bytes: Uint8Array[]) => Promise<void>;

// ---------------------------------------------------------------- document chunks

/** A chunk written or read by this process: the documents and statements it holds, the very objects. */
interface ChunkRecord {
  ref: SegmentRef;
  docs: CorpusDocument[];
  statements: Statement[][];
}

/** Chunks by their first document: a later snapshot whose documents and statements are the same objects reuses them. */
const chunkOf = new WeakMap<CorpusDocument, ChunkRecord>();

/**
 * Writes the corpus's documents in chunks, reusing every chunk this process
 * wrote or read whose documents and statements are still the same objects
 * (a statement whose identity changed is a new object, see corpus.ts): after
 * a reload, only the chunks of the changed files are written.
 */
async function writeChunks(
  corpus: Corpus,
  write: SegmentWriter,
  perChunk: number,
): Promise<Manifest['chunks']> {
  const entries = entriesOf(corpus);
  const chunks: Manifest['chunks'] = [];
  let pending: DocumentEntry[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const { bytes, ref } = encodeChunk(pending);
    await write(ref.name, bytes);
    remember(ref, pending);
    chunks.push({ ...ref, documents: pending.length });
    pending = [];
    // A slice at a time: a snapshot is written while the engine answers.
    await new Promise((resolve) => setImmediate(resolve));
  };
  for (let i = 0; i < entries.length; ) {
    const known = chunkOf.get(entries[i]!.doc);
    if (known && sameChunk(known, entries, i)) {
      await flush();
      chunks.push({ ...known.ref, documents: known.docs.length });
      i += known.docs.length;
      continue;
    }
    pending.push(entries[i]!);
    i++;
    if (pending.length === perChunk) await flush();
  }
  await flush();
  return chunks;
}

function remember(ref: SegmentRef, entries: DocumentEntry[]): void {
  chunkOf.set(entries[0]!.doc, {
    ref,
    docs: entries.map((e) => e.doc),
    statements: entries.map((e) => e.statements),
  });
}

function sameChunk(known: ChunkRecord, entries: DocumentEntry[], at: number): boolean {
  if (at + known.docs.length > entries.length) return false;
  return known.docs.every((doc, j) => {
    const entry = entries[at + j]!;
    const before = known.statements[j]!;
    return (
      entry.doc === doc &&
      entry.statements.length === before.length &&
      entry.statements.every((s, k) => s === before[k])
    );
  });
}

/** The integers of one statement (see `encodeChunk`); strings are positions in the chunk's table. */
const STATEMENT_INTS = 25;

function encodeChunk(entries: DocumentEntry[]): { bytes: Uint8Array[]; ref: SegmentRef } {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const str = (value: string | null | undefined): number => {
    if (value === null || value === undefined) return -1;
    let id = stringIds.get(value);
    if (id === undefined) {
      id = strings.length;
      strings.push(value);
      stringIds.set(value, id);
    }
    return id;
  };
  const encoder = new TextEncoder();
  const texts: Uint8Array[] = [];
  let textBytes = 0;
  const paragraphs: number[] = [];
  const sentences: number[] = [];
  const statements: number[] = [];
  const quotes: number[] = [];
  const documents = entries.map(({ doc, statements: list }): StoredDocument => {
    const bytes = encoder.encode(doc.text);
    texts.push(bytes);
    const range: [number, number] = [textBytes, textBytes + bytes.length];
    textBytes += bytes.length;
    for (const p of doc.paragraphs) paragraphs.push(p.index, p.start, p.end);
    for (const s of doc.sentences) sentences.push(s.paragraph, s.index, s.start, s.end);
    const sentenceAt = new Map(doc.sentences.map((x, i) => [x.id, i]));
    // A span's own text only when it is not the document's slice (never, for extracted spans).
    const own = (x: Span) => (doc.text.slice(x.start, x.end) === x.text ? -1 : str(x.text));
    const span = (x: Span | null) => (x ? [x.start, x.end, own(x)] : [-1, -1, -1]);
    for (const x of list) {
      statements.push(
        str(x.kind),
        ...span(x.text),
        str(x.speaker.name),
        str(x.speaker.title),
        str(x.speaker.country),
        str(x.speaker.kind),
        x.speaker.described ? 1 : 0,
        ...span(x.speaker.mention),
        ...span(x.cue),
        x.quotes ? x.quotes.length : -1,
        quotes.length / 3,
        x.denial ? 1 : 0,
        str(x.speakerId),
        str(x.speakerName),
        str(x.country),
        str(x.countryEvidence),
        x.paragraph,
        x.sentenceIds.length ? sentenceAt.get(x.sentenceIds[0]!)! : 0,
        x.sentenceIds.length,
      );
      for (const q of x.quotes ?? []) quotes.push(...span(q));
    }
    return {
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
      bytes: range,
      paragraphs: doc.paragraphs.length,
      sentences: doc.sentences.length,
      statements: list.length,
    };
  });
  const allTexts = new Uint8Array(textBytes);
  let at = 0;
  for (const t of texts) {
    allTexts.set(t, at);
    at += t.length;
  }
  return encodeSegment({ kind: 'documents', documents, strings }, [
    ['paragraphs', Int32Array.from(paragraphs)],
    ['sentences', Int32Array.from(sentences)],
    ['statements', Int32Array.from(statements)],
    ['quotes', Int32Array.from(quotes)],
    ['texts', allTexts],
  ]);
}

// ---------------------------------------------------------------- indexes

/** Index segments written or read by this process, by their forward index (segments never change). */
const indexSegmentRef = new WeakMap<Int32Array, SegmentRef>();

const SEGMENT_ARRAYS: [keyof SegmentParts, ArrayType][] = [
  ['tokenStart', 'i32'],
  ['tokens', 'i32'],
  ['fieldLength', 'u32'],
  ['postingStart', 'i32'],
  ['postingText', 'i32'],
  ['postingFreq', 'u16'],
];

async function writeIndex(index: TextIndex, write: SegmentWriter): Promise<StoredIndex> {
  const parts = index.parts();
  const segments: SegmentRef[] = [];
  for (const segment of parts.segments) {
    let ref = indexSegmentRef.get(segment.tokenStart);
    if (!ref) {
      const encoded = encodeSegment(
        { kind: 'index' },
        SEGMENT_ARRAYS.map(([field]) => [field, segment[field]]),
      );
      await write(encoded.ref.name, encoded.bytes);
      ref = encoded.ref;
      indexSegmentRef.set(segment.tokenStart, ref);
    }
    segments.push(ref);
  }
  const terms = encodeSegment({ kind: 'terms', terms: parts.terms }, []);
  await write(terms.ref.name, terms.bytes);
  const ids = encodeSegment(
    { kind: 'ids' },
    parts.ids.map((list, g) => [String(g), list]),
  );
  await write(ids.ref.name, ids.bytes);
  return { terms: terms.ref, segments, ids: ids.ref };
}

function readIndex(stored: StoredIndex, read: (ref: SegmentRef) => Uint8Array): TextIndex {
  const terms = decodeSegment(read(stored.terms), 'terms', stored.terms.name).header.terms;
  if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) {
    throw new DamagedSnapshot(`segment ${stored.terms.name} holds no terms`, stored.terms.name);
  }
  const ids = decodeSegment(read(stored.ids), 'ids', stored.ids.name);
  const segments = stored.segments.map((ref) => {
    const decoded = decodeSegment(read(ref), 'index', ref.name);
    const parts = {} as Record<keyof SegmentParts, NumberArray>;
    for (const [field, type] of SEGMENT_ARRAYS) {
      parts[field] = decoded.array(field);
      if (typeOf(parts[field]) !== type) {
        throw new DamagedSnapshot(`segment ${ref.name} has ${field} of another type`, ref.name);
      }
    }
    checkSegment(parts as unknown as SegmentParts, terms.length, ref.name);
    indexSegmentRef.set(parts.tokenStart as Int32Array, ref);
    return parts as unknown as SegmentParts;
  });
  const idLists = segments.map((segment, g) => {
    const list = ids.array<Int32Array>(String(g));
    if (list.length !== segment.tokenStart.length - 1) {
      throw new DamagedSnapshot(`segment ${stored.ids.name} does not fit its index`, stored.ids.name);
    }
    return list;
  });
  return TextIndex.fromParts({ terms, segments, ids: idLists });
}

/**
 * The bounds a search relies on, so that a damaged index fails here rather
 * than reading past an array: token ids within the terms, postings within
 * the texts, starts that never go back.
 */
function checkSegment(parts: SegmentParts, terms: number, name: string): void {
  const damaged = (why: string): never => {
    throw new DamagedSnapshot(`segment ${name} ${why}`, name);
  };
  const { tokenStart, tokens, fieldLength, postingStart, postingText, postingFreq } = parts;
  const size = tokenStart.length - 1;
  if (size < 0 || fieldLength.length !== size || postingText.length !== postingFreq.length) {
    damaged('has arrays of mismatched lengths');
  }
  if (postingStart.length > terms + 1) damaged('has more terms than its index');
  if (tokenStart[0] !== 0 || tokenStart[size] !== tokens.length) damaged('has its tokens out of place');
  for (let i = 0; i < size; i++)
    if (tokenStart[i]! > tokenStart[i + 1]!) damaged('has its tokens out of place');
  for (let i = 0; i < tokens.length; i++) {
    if (!(tokens[i]! >= 0 && tokens[i]! < terms)) damaged('has a token of no term');
  }
  if (postingStart.length && (postingStart[0] !== 0 || postingStart.at(-1) !== postingText.length)) {
    damaged('has its postings out of place');
  }
  for (let t = 0; t + 1 < postingStart.length; t++) {
    if (postingStart[t]! > postingStart[t + 1]!) damaged('has its postings out of place');
  }
  for (let i = 0; i < postingText.length; i++) {
    if (!(postingText[i]! >= 0 && postingText[i]! < size)) damaged('has a posting of no text');
  }
}

// ---------------------------------------------------------------- reading

function corpusFromSnapshot(
  manifest: Manifest,
  read: (ref: SegmentRef) => Uint8Array,
  identity: IdentityOptions,
): Corpus {
  const entries: DocumentEntry[] = [];
  for (const chunk of manifest.chunks) {
    const decoded = decodeSegment(read(chunk), 'documents', chunk.name);
    const list = restoreChunk(decoded, chunk.name);
    if (list.length !== chunk.documents) {
      throw new DamagedSnapshot(`segment ${chunk.name} holds another number of documents`, chunk.name);
    }
    remember(chunk, list);
    for (const entry of list) entries.push(entry);
  }
  const sentenceIndex = readIndex(manifest.indexes.sentences, read);
  const statementIndex = readIndex(manifest.indexes.statements, read);
  const sentences = entries.reduce((n, e) => n + e.doc.sentences.length, 0);
  const statements = entries.reduce((n, e) => n + e.statements.length, 0);
  if (sentenceIndex.size !== sentences || statementIndex.size !== statements) {
    throw new DamagedSnapshot('its indexes do not hold every sentence and statement');
  }
  return corpusFromEntries(entries, manifest.skipped, {
    sentenceIndex,
    statementIndex,
    loadedAt: new Date(),
    homeCountry: identity.homeCountry,
    // The identities stored were resolved over exactly these documents: with the same home
    // country they are what resolving again would give (BBC ×1: snapshot load ~0.9 → ~0.5 s).
    identitiesResolved: (identity.homeCountry ?? null) === manifest.homeCountry,
  });
}

/**
 * The documents of one chunk with their statements. Statements are made in
 * one go per document, their parts first and the statements last, laid out
 * as `packStatements` (corpus.ts) lays out fresh ones, so they are not copied
 * again.
 */
function restoreChunk(chunk: DecodedSegment, name: string): DocumentEntry[] {
  const { documents, strings } = chunk.header as unknown as {
    documents: StoredDocument[];
    strings: string[];
  };
  if (!Array.isArray(documents) || !Array.isArray(strings)) {
    throw new DamagedSnapshot(`segment ${name} lists no documents`, name);
  }
  const paragraphs = chunk.array<Int32Array>('paragraphs');
  const sentences = chunk.array<Int32Array>('sentences');
  const rows = chunk.array<Int32Array>('statements');
  const quotes = chunk.array<Int32Array>('quotes');
  const texts = chunk.array<Uint8Array>('texts');
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let paragraphAt = 0;
  let sentenceAt = 0;
  let rowAt = 0;
  const readers: StatementReader[] = [];
  const parts: StatementParts[][] = [];
  const entries = documents.map((stored): DocumentEntry => {
    const [from, to] = stored.bytes ?? [];
    if (
      !(Number.isInteger(from) && Number.isInteger(to) && from! >= 0 && from! <= to! && to! <= texts.length)
    ) {
      damaged(stored, 'text runs past its segment');
    }
    const text = decoder.decode(texts.subarray(from, to));
    const paragraphEnd = paragraphAt + 3 * stored.paragraphs;
    const sentenceEnd = sentenceAt + 4 * stored.sentences;
    const rowEnd = rowAt + STATEMENT_INTS * stored.statements;
    if (
      !(paragraphEnd <= paragraphs.length && sentenceEnd <= sentences.length && rowEnd <= rows.length) ||
      !(stored.paragraphs >= 0 && stored.sentences >= 0 && stored.statements >= 0)
    ) {
      damaged(stored, 'more paragraphs, sentences or statements than its segment holds');
    }
    const doc = restoreDocument(stored, text, paragraphs.subarray(paragraphAt, paragraphEnd));
    doc.sentences = restoreSentences(doc, sentences.subarray(sentenceAt, sentenceEnd));
    const reader = statementReader(doc, rows.subarray(rowAt, rowEnd), quotes, strings);
    readers.push(reader);
    parts.push(reader.parts());
    paragraphAt = paragraphEnd;
    sentenceAt = sentenceEnd;
    rowAt = rowEnd;
    return { doc, statements: [] };
  });
  // The statements of the whole chunk side by side, after all their parts (see `packStatements`).
  entries.forEach((entry, i) => {
    entry.statements = readers[i]!.statements(parts[i]!);
  });
  if (paragraphAt !== paragraphs.length || sentenceAt !== sentences.length || rowAt !== rows.length) {
    throw new DamagedSnapshot(`segment ${name}: its documents do not account for all it holds`, name);
  }
  return entries;
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
    const index = paragraphs[i]!;
    const start = paragraphs[i + 1]!;
    const end = paragraphs[i + 2]!;
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
  let previousParagraph = 0;
  let previousIndex = 0;
  let previousEnd = 0;
  for (let i = 0; i < numbers.length; i += 4) {
    const paragraph = numbers[i]!;
    const index = numbers[i + 1]!;
    const start = numbers[i + 2]!;
    const end = numbers[i + 3]!;
    const p = doc.paragraphs[paragraph - 1];
    const samePara = paragraph === previousParagraph;
    if (
      !p ||
      paragraph < previousParagraph ||
      index !== (samePara ? previousIndex + 1 : 1) ||
      start < Math.max(p.start, previousEnd) ||
      end <= start ||
      end > p.end
    ) {
      damaged(doc, `sentence ${paragraph}.${index} is out of place`);
    }
    if (!onText(text, start) || !onText(text, end - 1)) {
      damaged(doc, `sentence ${paragraph}.${index} does not start and end on text`);
    }
    if (samePara) {
      for (let k = previousEnd; k < start; k++) {
        if (!isWhitespace(text.charCodeAt(k)))
          damaged(doc, `text between sentences is lost before ${paragraph}.${index}`);
      }
    }
    previousParagraph = paragraph;
    previousIndex = index;
    previousEnd = end;
    sentences.push({
      id: `${doc.id}:${paragraph}.${index}`,
      docId: doc.id,
      paragraph,
      index,
      start,
      end,
      text: text.slice(start, end),
    });
  }
  return sentences;
}

const KINDS = new Set<string>(StatementKindSchema.options);
const SPEAKER_KINDS = new Set<string>(SpeakerKindSchema.options);
const EVIDENCE = new Set<string>(CountryEvidenceSchema.options);

type StatementParts = Pick<Statement, 'text' | 'speaker' | 'cue' | 'quotes' | 'sentenceIds'>;

interface StatementReader {
  /** Every statement's spans, speaker and sentence ids, checked. */
  parts(): StatementParts[];
  /** The statements, from their parts. */
  statements(parts: StatementParts[]): Statement[];
}

/** Reads the statements of `doc` from their rows (see `encodeChunk`), checking each against the text. */
function statementReader(
  doc: CorpusDocument,
  rows: Int32Array,
  quotes: Int32Array,
  strings: readonly string[],
): StatementReader {
  const count = rows.length / STATEMENT_INTS;
  const { text } = doc;
  let n = 0;
  const fail = (why: string): never => damaged(doc, `statement ${n + 1} ${why}`);
  const str = (id: number): string => {
    const value = strings[id];
    return typeof value === 'string' ? value : fail('names a string its segment lacks');
  };
  const maybe = (id: number): string | null => (id === -1 ? null : str(id));
  const span = (start: number, end: number, own: number): Span => {
    if (!(start >= 0 && start <= end && end <= text.length)) fail('runs past its text');
    return { start, end, text: own === -1 ? text.slice(start, end) : str(own) };
  };
  const spanAt = (r: number) => (rows[r]! === -1 ? null : span(rows[r]!, rows[r + 1]!, rows[r + 2]!));
  const parts = (): StatementParts[] => {
    const list: StatementParts[] = [];
    for (n = 0; n < count; n++) {
      const r = n * STATEMENT_INTS;
      const quoteCount = rows[r + 15]!;
      const quoteAt = rows[r + 16]!;
      let quoteSpans: Span[] | undefined;
      if (quoteCount !== -1) {
        if (!(quoteCount >= 0 && quoteAt >= 0 && 3 * (quoteAt + quoteCount) <= quotes.length)) {
          fail('has quotes its segment lacks');
        }
        quoteSpans = [];
        for (let q = 0; q < quoteCount; q++) {
          const at = 3 * (quoteAt + q);
          quoteSpans.push(span(quotes[at]!, quotes[at + 1]!, quotes[at + 2]!));
        }
      }
      const first = rows[r + 23]!;
      const sentenceCount = rows[r + 24]!;
      const paragraph = rows[r + 22]!;
      const textSpan = span(rows[r + 1]!, rows[r + 2]!, rows[r + 3]!);
      const sentence = doc.sentences[first];
      if (
        first < 0 ||
        sentenceCount < 0 ||
        first + sentenceCount > doc.sentences.length ||
        paragraph < 1 ||
        paragraph > doc.paragraphs.length ||
        (sentenceCount > 0 && !(sentence && sentence.start < textSpan.end && sentence.end > textSpan.start))
      ) {
        fail('is out of place');
      }
      const speakerKind = str(rows[r + 7]!);
      if (!SPEAKER_KINDS.has(speakerKind)) fail('has a speaker of no kind');
      const mention = spanAt(r + 9);
      const sentenceIds: string[] = [];
      for (let k = first; k < first + sentenceCount; k++) sentenceIds.push(doc.sentences[k]!.id);
      list.push({
        text: textSpan,
        speaker: {
          name: str(rows[r + 4]!),
          title: maybe(rows[r + 5]!),
          country: maybe(rows[r + 6]!),
          kind: speakerKind as Statement['speaker']['kind'],
          mention,
          ...(rows[r + 8] === 1 ? { described: true } : {}),
        },
        cue: spanAt(r + 12),
        quotes: quoteSpans,
        sentenceIds,
      });
    }
    return list;
  };
  const statements = (list: StatementParts[]): Statement[] => {
    const out: Statement[] = [];
    for (n = 0; n < count; n++) {
      const r = n * STATEMENT_INTS;
      const p = list[n]!;
      const kind = str(rows[r]!);
      const evidence = maybe(rows[r + 21]!);
      if (!KINDS.has(kind)) fail('is of no kind');
      if (evidence !== null && !EVIDENCE.has(evidence)) fail('has evidence of no kind');
      out.push({
        kind: kind as Statement['kind'],
        text: p.text,
        speaker: p.speaker,
        cue: p.cue,
        ...(p.quotes ? { quotes: p.quotes } : {}),
        denial: rows[r + 17] === 1,
        id: `${doc.id}:s${n + 1}`,
        docId: doc.id,
        // The corpus-wide identity as resolved when the snapshot was written; resolved again on
        // loading only for another home country (see corpusFromSnapshot).
        speakerId: str(rows[r + 18]!),
        speakerName: str(rows[r + 19]!),
        country: maybe(rows[r + 20]!),
        countryEvidence: evidence as CountryEvidence | null,
        paragraph: rows[r + 22]!,
        sentenceIds: p.sentenceIds,
      });
    }
    return out;
  };
  return { parts, statements };
}
