/**
 * Prints every statement the attribution engine finds, as one JSON array.
 *
 *   npm run --silent statements -- <file-or-folder>...
 *
 * Files are read the one way the corpus is read (scan → read → parse:
 * src/corpus/scan.ts, src/corpus/readers/, src/corpus/load.ts): a folder is
 * scanned as the bot scans its corpus folder (every format the readers know,
 * `.whosaidignore`, a dataset's README and licence passed over, hidden files
 * and MAX_FILE_BYTES), a file named on its own is read with the same checks,
 * and each is parsed into its documents (several for a JSON Lines export).
 * Statements are extracted from each document's stored text, so offsets are
 * into that text (for a `.md` or `.txt` file in UTF-8, the file itself).
 *
 * A file that cannot be used is reported on stderr with the loader's reason
 * and skipped; the others still come out. Exit codes: 0 done, 1 no input
 * could be read, 2 bad usage.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { extractStatements } from '../attribution/index.ts';
import { loadBaseConfig } from '../config.ts';
import { parseDocuments } from '../corpus/load.ts';
import { DOCUMENT_EXTENSIONS } from '../corpus/readers/index.ts';
import { CorpusError, type ScannedFile, scanCorpus, scanFile } from '../corpus/scan.ts';
import type { ExtractedStatement } from '../model.ts';

const USAGE = `Usage: npm run --silent statements -- <file-or-folder>...

Prints one JSON array of statements (direct quotes, partial quotes and
indirect speech) with speaker, cue, offsets and denial flag. Folders are
read as the bot reads its corpus folder (${DOCUMENT_EXTENSIONS.join(', ')} files;
.whosaidignore applies). A file holding several articles (JSON, JSON Lines)
gives each statement the article's "part".`;

type FileStatement = { file: string; part?: number } & ExtractedStatement;

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** The files an input names, read, each with the path to print; and those passed over, with why. */
async function scanInput(
  input: string,
  maxFileBytes: number,
): Promise<{ files: { shown: string; scanned: ScannedFile }[]; skipped: string[] }> {
  try {
    if ((await stat(input)).isDirectory()) {
      const scan = await scanCorpus(input, { maxFileBytes });
      return {
        files: scan.files.map((scanned) => ({ shown: path.join(input, scanned.file), scanned })),
        skipped: scan.skipped.map((s) => `${path.join(input, s.file)}: ${s.reason}`),
      };
    }
    const scanned = await scanFile(input, { maxFileBytes });
    return 'reason' in scanned
      ? { files: [], skipped: [`${input}: ${scanned.reason}`] }
      : { files: [{ shown: input, scanned }], skipped: [] };
  } catch (error) {
    return {
      files: [],
      skipped: [`${input}: ${error instanceof CorpusError ? error.message : describe(error)}`],
    };
  }
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
    process.stderr.write(`${USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const { MAX_FILE_BYTES } = loadBaseConfig();
  const out: FileStatement[] = [];
  let inputs = 0;
  let read = 0;
  for (const input of args) {
    const { files, skipped } = await scanInput(input, MAX_FILE_BYTES);
    inputs += files.length + skipped.length;
    for (const line of skipped) process.stderr.write(`skipped ${line}\n`);
    for (const { shown, scanned } of files) {
      const parsed = parseDocuments(scanned.file, scanned.bytes);
      if ('reason' in parsed) {
        process.stderr.write(`skipped ${shown}: ${parsed.reason}\n`);
        continue;
      }
      read++;
      for (const doc of parsed) {
        for (const warning of doc.warnings ?? []) process.stderr.write(`warning ${shown}: ${warning}\n`);
        const part = doc.part === undefined ? {} : { part: doc.part };
        for (const s of extractStatements(doc.text, { bodyStart: doc.bodyStart }))
          out.push({ file: shown, ...part, ...s });
      }
    }
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return read === 0 && inputs > 0 ? 1 : 0;
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
