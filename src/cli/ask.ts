/**
 * The offline CLI: the bot's commands, answered from the local corpus and
 * printed as text. No token, no network.
 *
 *   npm run ask -- who-said "empire of hackers"
 *   npm run ask -- deny RU --topic election
 *
 * The corpus is opened from the bot's snapshots (SNAPSHOT_DIR): a repeated
 * question on an unchanged corpus reads the index instead of building it. The
 * first run builds it, says so on stderr, and writes the snapshot.
 * `--no-snapshot` (or WHOSAID_NO_SNAPSHOT=1, or SNAPSHOT_DIR empty) builds in
 * memory and writes nothing. Stdout is only ever the answer.
 *
 * Exit codes: 0 answered (including "no match"), 1 the corpus could not be
 * loaded, 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { answer } from '../answers/answer.ts';
import { helpAnswer } from '../answers/help.ts';
import { type Request, RequestSchema } from '../answers/requests.ts';
import { ConfigError, loadBaseConfig, loadDotEnv } from '../config.ts';
import { corpusWarnings } from '../corpus/load.ts';
import { openCorpus } from '../engine/service.ts';
import { terminalSafe } from '../render/controls.ts';
import { renderText, textStyleFor } from '../render/text.ts';

const USAGE = `Usage: npm run ask -- <command> [text] [options]

Commands:
  who-said <phrase or topic>   who said it: statements with speaker and citation
                               [--speaker NAME] [--country CODE|NAME]
  deny <country>               denials by that country's officials [--topic TEXT]
  claims <country>             claims made about a country, each with the
                               denials by its officials that answer it [--topic TEXT]
  quotes <speaker>             everything one speaker said, in document order
  search <query>               sentences matching a query ("quoted" = exact phrase)
  source <citation id>         the cited sentence in its paragraph (e.g. doc:12.3)
  corpus                       what the corpus holds
  help                         every command, with an example (as /help shows them)

Options:
  --corpus DIR                 corpus folder (default: CORPUS_DIR or ./corpus)
  --limit N                    at most N results (search, who-said; default 10, up to 200)
  --json                       print the answer object as JSON
  --no-snapshot                build the corpus index in memory; neither read nor
                               write a snapshot (also WHOSAID_NO_SNAPSHOT=1)
  --rehash                     hash every file again, even those whose size and
                               modification time are unchanged (also WHOSAID_FULL_SCAN=1)
  -h, --help                   this help`;

class UsageError extends Error {}

const OPTIONS = {
  speaker: { type: 'string' },
  country: { type: 'string' },
  topic: { type: 'string' },
  corpus: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
  'no-snapshot': { type: 'boolean' },
  rehash: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Turns the command line into a validated request. Throws `UsageError`. */
export function requestFromArgs(command: string | undefined, words: string[], values: Values): Request {
  const text = words.join(' ').trim();
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const candidates: Record<string, () => unknown> = {
    'who-said': () => ({
      type: 'who-said',
      query: text,
      speaker: values.speaker,
      country: values.country,
      limit,
    }),
    deny: () => ({ type: 'deny', country: text, topic: values.topic, limit }),
    claims: () => ({ type: 'claims', country: text, topic: values.topic, limit }),
    quotes: () => ({ type: 'quotes', speaker: text }),
    search: () => ({ type: 'search', query: text, limit }),
    source: () => ({ type: 'source', citation: text }),
    corpus: () => ({ type: 'corpus' }),
  };
  const build = command ? candidates[command] : undefined;
  if (!build) throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const parsed = RequestSchema.safeParse(build());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'input');
    const empty = ['query', 'country', 'speaker', 'citation'].includes(field) && text === '';
    throw new UsageError(empty ? `${command} needs some text to look for` : `bad ${field}: ${issue.message}`);
  }
  return parsed.data;
}

/** `help`: the bot's /help, read from the same command modules; no corpus needed. */
async function printHelp(values: Values): Promise<number> {
  const { loadCommands } = await import('../bot/commands.ts');
  const result = helpAnswer([...(await loadCommands()).values()]);
  // Help is the bot's own words: nothing in it to style.
  console.log(
    values.json ? JSON.stringify(result, null, 2) : terminalSafe(renderText(result), { ansi: false }),
  );
  return 0;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false', 'no'].includes(value.trim().toLowerCase());
}

/**
 * What a build says on stderr: one line when it starts ("building the corpus
 * index for the first time: N files…"), and on a terminal a counter of files
 * extracted, rewritten in place at most every 100 ms. Nothing when the corpus
 * is opened from a snapshot.
 */
function buildProgress(stream: NodeJS.WriteStream) {
  const live = stream.isTTY === true;
  let shown = false;
  let last = 0;
  return {
    building({ files, previous }: { files: number; previous: boolean }) {
      if (files === 0) return;
      const what = previous
        ? `updating the corpus index: ${files} new or changed file${files === 1 ? '' : 's'}…`
        : `building the corpus index for the first time: ${files} file${files === 1 ? '' : 's'}…`;
      stream.write(`whosaid: ${what}${live ? '' : '\n'}`);
      shown = true;
    },
    update({ done, total }: { done: number; total: number }) {
      if (!live || !shown) return;
      const now = performance.now();
      if (done < total && now - last < 100) return;
      last = now;
      stream.write(`\x1b[2K\rwhosaid: building the corpus index: ${done} of ${total} files`);
    },
    end() {
      if (live && shown) stream.write('\x1b[2K\rwhosaid: corpus index built\n');
    },
  };
}

async function main(argv: string[]): Promise<number> {
  let request: Request;
  let values: Values;
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    values = parsed.values;
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const [command, ...words] = parsed.positionals;
    if (command === 'help') return await printHelp(values);
    request = requestFromArgs(command, words, values);
  } catch (error) {
    console.error(`whosaid: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  try {
    loadDotEnv();
    const config = loadBaseConfig();
    if (values.rehash) process.env.WHOSAID_FULL_SCAN = '1';
    const noSnapshot = values['no-snapshot'] === true || isSet(process.env.WHOSAID_NO_SNAPSHOT);
    const progress = buildProgress(process.stderr);
    const snapshotDir = noSnapshot ? undefined : config.SNAPSHOT_DIR || undefined;
    const { corpus, flush } = await openCorpus({
      corpusDir: values.corpus ?? config.CORPUS_DIR,
      maxFileBytes: config.MAX_FILE_BYTES,
      homeCountry: config.CORPUS_COUNTRY,
      snapshotDir,
      warn: (message) => console.error(`whosaid: ${message}`),
      // Without snapshots every question builds in memory, as asked: nothing to announce.
      building: snapshotDir ? progress.building : undefined,
      progress: progress.update,
    });
    progress.end();
    // File names and corpus text reach the terminal: no escape sequence of theirs does.
    const plain = { ansi: false };
    for (const s of corpus.skipped)
      console.error(terminalSafe(`whosaid: skipped ${s.file}: ${s.reason}`, plain));
    for (const w of corpusWarnings(corpus.documents))
      console.error(terminalSafe(`whosaid: warning ${w.file}: ${w.message}`, plain));
    const result = answer(corpus, request);
    // Styles on a colour terminal (NO_COLOR and FORCE_COLOR respected), plain text in a pipe.
    const style = textStyleFor(process.stdout);
    console.log(
      values.json ? JSON.stringify(result, null, 2) : terminalSafe(renderText(result, style), style),
    );
    // The answer first; then the snapshot of a corpus just built is written for the next question.
    await flush();
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) console.error(`whosaid: ${error.message}`);
    else console.error(`whosaid: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
