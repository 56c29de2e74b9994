/**
 * The code version a snapshot belongs to: a hash of every source file that
 * shapes a built corpus (loader, segmenter, attribution, countries, search
 * index, engine) and of the installed dependencies. Any edit to them, or a
 * dependency update, makes earlier snapshots unusable, so a snapshot can
 * never serve what older code built. Answer functions and renderers run per
 * request and are deliberately left out: changing them keeps snapshots valid.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: the nearest one above this module with a package.json and a src folder. */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src')))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the project folder for the code version');
    dir = parent;
  }
  return dir;
}

const ROOT = projectRoot();

/** Folders and files, relative to the project root, whose contents make up the version. */
const VERSIONED = [
  'src/corpus',
  'src/attribution',
  'src/lexicon',
  'src/text',
  'src/search',
  'src/engine',
  'src/model.ts',
  'src/countries.ts',
  'package.json',
  'package-lock.json',
];

let cached: Promise<string> | null = null;

export function codeVersion(): Promise<string> {
  cached ??= computeVersion();
  return cached;
}

async function computeVersion(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listVersionedFiles()) {
    // A missing file (no lock file, say) is simply not part of the version.
    const bytes = await readFile(path.join(ROOT, file)).catch(() => null);
    if (bytes) hash.update(`${file}\0`).update(bytes).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function listVersionedFiles(): Promise<string[]> {
  const files: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(ROOT, rel), { withFileTypes: true }).catch(() => null);
    if (!entries) {
      files.push(rel);
      return;
    }
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (/\.(ts|mts|js|mjs|json)$/.test(entry.name)) files.push(child);
    }
  };
  for (const rel of VERSIONED) await walk(rel);
  return files.sort();
}
