/**
 * Where sources added from Discord are kept: `added/` in the corpus folder,
 * one file each, under a name made here from the URL or attachment name
 * (lower-case letters, digits and hyphens) and a short hash, so a name can
 * never leave the folder, and the same URL always gets the same file.
 *
 * Files are written next to the corpus under `.whosaid/` (a hidden folder,
 * which the loader never reads) and moved into place in one rename, so a
 * reload running meanwhile sees the whole file or none of it. A file being
 * replaced or removed is moved aside first, and put back if the change does
 * not go through.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The subfolder of the corpus folder that holds sources added from Discord. */
export const ADDED_DIR = 'added';
/** whosaid's own files in the corpus folder (the ledger, files being written): hidden, never loaded. */
export const STATE_DIR = '.whosaid';

/** What an added file may be called: `added/<slug>-<8 hex>.<ext>`. */
const STORED_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:md|txt|html|json|jsonl)$/;
const SLUG_MAX = 60;

/** Lower-case ASCII letters and digits joined by hyphens, at most 60 characters; `article` if nothing is left. */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.slice(0, SLUG_MAX).replace(/-+$/, '');
  return cut || 'article';
}

export function shortHash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A URL's name: its host and the last part of its path (`www.bbc.co.uk/news/uk-12345` → `bbc-co-uk-uk-12345`). */
export function urlSlug(url: URL): string {
  const host = url.hostname.replace(/^www\./, '');
  const segments = url.pathname.split('/').filter(Boolean);
  const last = (segments.at(-1) ?? '').replace(/\.[a-z0-9]{1,5}$/i, '');
  return slugOf(last ? `${host} ${last}` : host);
}

/** A stored file name: the slug, a hash of what identifies the source, the extension (`.md`). */
export function storedName(slug: string, identity: string | Uint8Array, extension: string): string {
  const name = `${slugOf(slug)}-${shortHash(identity)}${extension}`;
  if (!STORED_NAME.test(name)) throw new Error(`not a name for an added file: ${name}`);
  return name;
}

/**
 * Where an article fetched from `url` is stored: named after the URL asked
 * for, so the same article added again, by /corpus add-url or by a feed, is
 * the same file; with the extension its media type (and final address) gives.
 */
export function urlFile(url: URL, fetched: { mediaType: string; finalUrl: string }): string {
  const extension = extensionForUrl(fetched.mediaType, new URL(fetched.finalUrl));
  return `${ADDED_DIR}/${storedName(urlSlug(url), url.href, extension)}`;
}

/**
 * `added/<name>` for a name a user typed or picked, when it is one this
 * module could have made (so never `..`, a slash or a hidden file), else null.
 */
export function addedPath(input: string): string | null {
  const name = input.trim().replace(/^added\//, '');
  return STORED_NAME.test(name) ? `${ADDED_DIR}/${name}` : null;
}

/** A file of the corpus folder, checked to stay inside it. */
function inside(corpusDir: string, relative: string): string {
  const root = path.resolve(corpusDir);
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) throw new Error(`${relative} is outside the corpus folder`);
  return full;
}

export class SourceStore {
  constructor(readonly corpusDir: string) {}

  /** Full path of `added/<name>` (or any other relative path inside the corpus folder). */
  pathOf(file: string): string {
    return inside(this.corpusDir, file);
  }

  /** Whether `file` (`added/<name>`) is a regular file; a link or folder is not. */
  async exists(file: string): Promise<boolean> {
    try {
      return (await lstat(this.pathOf(file))).isFile();
    } catch {
      return false;
    }
  }

  private async scratch(label: string): Promise<string> {
    const dir = inside(this.corpusDir, `${STATE_DIR}/tmp`);
    await mkdir(dir, { recursive: true });
    return path.join(dir, `${label}-${randomBytes(6).toString('hex')}`);
  }

  /** Moves `file` aside; `restore` puts it back, `discard` deletes it. Null when there is no such file. */
  async setAside(file: string): Promise<{ restore(): Promise<void>; discard(): Promise<void> } | null> {
    if (!(await this.exists(file))) return null;
    const full = this.pathOf(file);
    const aside = await this.scratch(`${path.basename(file)}.aside`);
    await rename(full, aside);
    return {
      restore: () => rename(aside, full),
      discard: () => rm(aside, { force: true }),
    };
  }

  /** Writes `bytes` to `file` in one rename (replacing any file there); `remove` takes it out again. */
  async put(file: string, bytes: Uint8Array): Promise<{ remove(): Promise<void> }> {
    const full = this.pathOf(file);
    const folder = path.dirname(full);
    await mkdir(folder, { recursive: true });
    if ((await lstat(folder)).isSymbolicLink()) throw new Error(`${ADDED_DIR}/ is a link; refusing to write`);
    const temporary = await this.scratch(`${path.basename(file)}.new`);
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, full);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { remove: () => rm(full, { force: true }) };
  }

  /** Removes what a process killed mid-change left in `.whosaid/tmp` (at start-up). */
  async sweep(): Promise<void> {
    await rm(inside(this.corpusDir, `${STATE_DIR}/tmp`), { recursive: true, force: true });
  }
}

/** File extensions an attachment may have, and what each is stored as. */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<string, string>> = {
  '.md': '.md',
  '.markdown': '.md',
  '.txt': '.txt',
  '.html': '.html',
  '.htm': '.html',
  '.json': '.json',
  '.jsonl': '.jsonl',
  '.ndjson': '.jsonl',
};

/** The extension a fetched URL is stored with, from its media type (and its path, for plain text and JSON). */
export function extensionForUrl(mediaType: string, url: URL): string {
  const ext = path.posix.extname(url.pathname).toLowerCase();
  switch (mediaType) {
    case 'text/html':
    case 'application/xhtml+xml':
      return '.html';
    case 'text/markdown':
    case 'text/x-markdown':
      return '.md';
    case 'application/json':
      return ext === '.jsonl' || ext === '.ndjson' ? '.jsonl' : '.json';
    case 'application/x-ndjson':
    case 'application/jsonl':
      return '.jsonl';
    default:
      // text/plain: a raw Markdown file (GitHub serves them so) keeps its extension.
      return ext === '.md' || ext === '.markdown' ? '.md' : '.txt';
  }
}

/** Magic numbers of files that are certainly not articles, for a precise refusal. */
const SIGNATURES: readonly [bytes: number[], what: string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'an image (PNG)'],
  [[0xff, 0xd8, 0xff], 'an image (JPEG)'],
  [[0x47, 0x49, 0x46, 0x38], 'an image (GIF)'],
  [[0x50, 0x4b, 0x03, 0x04], 'an archive or office document (zip)'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

/**
 * Why these bytes cannot be an article ("it is empty", "it is a PDF", "it
 * is binary"), or null. Text in any encoding passes: reading it is the
 * loader's job.
 */
export function contentProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0 || !/\S/.test(Buffer.from(bytes.subarray(0, 65_536)).toString('latin1')))
    return 'it is empty';
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return `it is ${what}, not text`;
  }
  const head = bytes.subarray(0, 65_536);
  // UTF-16 text starts with a byte-order mark; any other text has no NUL bytes.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) return 'it is binary, not text';
  return null;
}
