/**
 * The engine worker's code as one plain JavaScript file, built once per
 * version of the sources and cached under `.cache/engine/`.
 *
 * A worker thread does not inherit the TypeScript loader of the thread that
 * starts it, so without this each engine worker registers tsx for itself:
 * another loader thread, and every module resolved and transformed through
 * it. Measured on two cores, that is about half a second of every start and
 * some 20 MB of memory, for a worker that should open its corpus from a
 * snapshot in well under a second.
 *
 * The bundle is made with esbuild, which tsx already installs and uses; the
 * project's dependencies are left as imports, resolved from `node_modules` at
 * run time. When esbuild or the cache folder is unavailable, the worker
 * falls back to registering tsx (`worker-boot.mjs`): slower, same behaviour.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE_ROOT = fileURLToPath(new URL('../', import.meta.url));
const PROJECT_ROOT = path.dirname(SOURCE_ROOT);
const CACHE = path.join(PROJECT_ROOT, '.cache', 'engine');
const ENTRY = fileURLToPath(new URL('./worker.ts', import.meta.url));

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<unknown>;
}

let bundling: Promise<URL | null> | null = null;

/** The bundled worker (built now if needed), or null when it cannot be had. */
export function bundledWorker(): Promise<URL | null> {
  bundling ??= bundle().catch(() => null);
  return bundling;
}

async function bundle(): Promise<URL | null> {
  // Bundling applies to the TypeScript sources only; compiled code runs as is.
  if (!import.meta.url.endsWith('.ts')) return null;
  const file = path.join(CACHE, `worker-${await sourcesHash()}.mjs`);
  if (await exists(file)) return pathToFileURL(file);
  const esbuild = (await import('esbuild').catch(() => null)) as EsbuildLike | null;
  if (!esbuild) return null;
  await mkdir(CACHE, { recursive: true });
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await esbuild.build({
      entryPoints: [ENTRY],
      outfile: temporary,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
  await pruneStale();
  return pathToFileURL(file);
}

/** A hash of every source file and of the installed dependencies: a new one means a new bundle. */
async function sourcesHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await listSources(SOURCE_ROOT)).sort();
  for (const f of files) hash.update(`${path.relative(SOURCE_ROOT, f)}\0`).update(await readFile(f));
  hash.update(await readFile(path.join(PROJECT_ROOT, 'package-lock.json')).catch(() => Buffer.alloc(0)));
  return hash.digest('hex').slice(0, 16);
}

async function listSources(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listSources(full)));
    else if (/\.(ts|mts|mjs|js|json)$/.test(entry.name)) files.push(full);
  }
  return files;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Bundles of older sources are not used again; a day's grace spares any a process still starts. */
async function pruneStale(): Promise<void> {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of await readdir(CACHE)) {
    const file = path.join(CACHE, name);
    if (!name.includes('.tmp-') && (await stat(file)).mtimeMs < dayAgo) await rm(file, { force: true });
  }
}
