/**
 * Prints every statement the attribution engine finds, as one JSON array.
 *
 *   npm run --silent statements -- <file-or-folder>...
 *
 * Folders are walked recursively for .txt and .md files (hidden entries are
 * skipped). A file that cannot be read, is not UTF-8 or is empty is reported
 * on stderr and skipped; the others still come out. Exit codes: 0 done,
 * 1 no input could be read, 2 bad usage.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { extractStatements } from '../attribution/index.ts';
import { findBodyStart } from '../corpus/frontmatter.ts';
import type { ExtractedStatement } from '../model.ts';

const USAGE = `Usage: npm run --silent statements -- <file-or-folder>...

Prints one JSON array of statements (direct quotes, partial quotes and
indirect speech) with speaker, cue, offsets and denial flag. Folders are
walked recursively for .txt and .md files.`;

const EXTENSIONS = new Set(['.txt', '.md']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

type FileStatement = { file: string } & ExtractedStatement;

/** Files to read, in a stable order, and the inputs that could not be used. */
async function expand(inputs: string[]): Promise<{ files: string[]; problems: string[] }> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const input of inputs) {
    try {
      const info = await stat(input);
      if (info.isDirectory()) files.push(...(await walk(input)));
      else files.push(input);
    } catch (error) {
      problems.push(`${input}: ${describe(error)}`);
    }
  }
  return { files, problems };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(full)));
    else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name).toLowerCase())) found.push(full);
  }
  return found;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** The file's text, or the reason it cannot be used. */
async function readText(file: string): Promise<{ text: string } | { reason: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { reason: `cannot read: ${describe(error)}` };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { reason: 'not valid UTF-8' };
  }
  if (text.trim() === '') return { reason: 'empty file' };
  return { text };
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
    process.stderr.write(`${USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const { files, problems } = await expand(args);
  for (const p of problems) process.stderr.write(`skipped ${p}\n`);
  const out: FileStatement[] = [];
  let read = 0;
  for (const file of files) {
    const result = await readText(file);
    if ('reason' in result) {
      process.stderr.write(`skipped ${file}: ${result.reason}\n`);
      continue;
    }
    read++;
    for (const s of extractStatements(result.text, { bodyStart: findBodyStart(result.text) })) {
      out.push({ file, ...s });
    }
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return read === 0 && (files.length > 0 || problems.length > 0) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`statements: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
