/**
 * `npm run bench -- --scale N [--json]`: how whosaid holds up as the corpus
 * grows. It replicates the BBC News corpus (../shared/corpora, read at run
 * time, copied only into a temporary folder outside the repository) N times
 * under distinct document ids, and measures the product's own code path:
 *
 * - cold build: the answer service started with no snapshot (read, segment,
 *   extract statements, index, on the engine worker), with heap after GC and RSS;
 * - warm start: the same service started again from the snapshot it wrote;
 * - answer latency per command, from the request to the rendered Discord
 *   payload (`renderAnswer` + `toMessage`), over realistic queries drawn from
 *   the corpus;
 * - throughput with requests in flight (engine worker + rendering thread);
 * - event-loop delay on this thread while a full rebuild of the same tier
 *   runs under a steady query load;
 * - the reload after one file changed.
 *
 * It prints a table, then one JSON line with stable keys (`--json`: only it).
 * It needs `--expose-gc`; started without it, it restarts itself with it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Request } from '../answers/requests.ts';
import { parseDocument } from '../corpus/load.ts';
import { WorkerService } from '../engine/worker-service.ts';
import { silentLogger } from '../log.ts';
import type { CorpusDocument, ExtractedStatement } from '../model.ts';
import { renderAnswer, toMessage } from '../render/discord.ts';
import { STOP_WORDS } from '../search/tokenize.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const COMMANDS = ['who-said', 'deny', 'search'] as const;
type Command = (typeof COMMANDS)[number];

interface Options {
  scale: number;
  json: boolean;
  queries: number;
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
}

interface Result {
  scale: number;
  sentences: number;
  statements: number;
  coldBuildMs: number;
  warmStartMs: number;
  rssMB: number;
  heapMB: number;
  answer: Record<Command, Latency>;
  throughputPerSec: number;
  reloadEventLoop: { p99: number; max: number };
  incrementalReloadMs: number;
  /** The longest an answer waited while a one-file reload ran: what a reload applied in place holds answers. */
  incrementalReloadAnswerMaxMs: number;
}

/** Figures the table shows besides the JSON ones. */
interface Extra {
  documents: number;
  /** Where a warm start's time goes, inside the engine worker. */
  warmSteps: string;
  warmRssMB: number;
  warmHeapMB: number;
  mainHeapMB: number;
  rebuildMs: number;
  answersDuringRebuild: number;
  latencyDuringRebuild: Latency;
  answersDuringReload: number;
  latencyDuringReload: Latency;
  /** All commands, during the warm-up: the first requests after a start. */
  warmUpLatency: Latency;
  queries: Record<Command, number>;
}

// ---------------------------------------------------------------- set-up

function sharedDir(): string {
  return process.env.WHOSAID_SHARED ?? path.resolve(REPO, '..', 'shared');
}

async function sourceFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const topic of (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    for (const name of await readdir(path.join(root, topic.name))) {
      if (name.endsWith('.txt')) files.push(`${topic.name}/${name}`);
    }
  }
  return files.sort();
}

/** Writes the corpus `scale` times into `dir` (r0/…, r1/…): distinct paths, so distinct ids. */
async function replicate(source: string, files: string[], dir: string, scale: number): Promise<void> {
  const contents = await Promise.all(files.map((f) => readFile(path.join(source, f))));
  for (let r = 0; r < scale; r++) {
    const topics = new Set(files.map((f) => path.dirname(f)));
    for (const t of topics) await mkdir(path.join(dir, `r${r}`, t), { recursive: true });
    await Promise.all(files.map((f, i) => writeFile(path.join(dir, `r${r}`, f), contents[i]!)));
  }
}

// ---------------------------------------------------------------- queries

/** A small deterministic generator, so runs are comparable. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;

function pick<T>(items: readonly T[], rnd: () => number): T {
  return items[Math.floor(rnd() * items.length)]!;
}

/** One typo: a letter dropped, added, changed, or two swapped. */
function typo(word: string, rnd: () => number): string {
  const at = 1 + Math.floor(rnd() * (word.length - 2));
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)]!;
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + letter + word.slice(at);
    case 2:
      return word.slice(0, at) + letter + word.slice(at + 1);
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

const SYLLABLES = 'bl or qu az zle sn irk van tro pe gli mb et fro kw imp dra bu le zin tor plo vex'.split(
  ' ',
);

/** A made-up word (two to four syllables), different almost every time: a query no text answers. */
function nonsense(rnd: () => number): string {
  const length = 2 + Math.floor(rnd() * 3);
  return Array.from({ length }, () => pick(SYLLABLES, rnd)).join('');
}

/**
 * A 2–4 word phrase from `text` with a word worth searching, or null. Then,
 * by chance: a quarter get one typo, one in eight is quoted, one in ten is
 * replaced by words no text holds.
 */
function phraseFrom(text: string, rnd: () => number): string | null {
  const words = text.match(WORD) ?? [];
  const length = 2 + Math.floor(rnd() * 3);
  if (words.length < length) return null;
  const start = Math.floor(rnd() * (words.length - length + 1));
  const phrase = words.slice(start, start + length);
  const content = phrase.filter((w) => w.length >= 3 && !STOP_WORDS.has(w.toLowerCase()));
  if (!content.length) return null;
  const roll = rnd();
  if (roll < 0.1) return `${nonsense(rnd)} ${nonsense(rnd)}`;
  if (roll < 0.225) return `"${phrase.join(' ')}"`;
  if (roll < 0.475) {
    const long = phrase.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4);
    if (long.length) {
      const [w, i] = pick(long, rnd);
      phrase[i] = typo(w, rnd);
    }
  }
  return phrase.join(' ');
}

interface BaseCorpus {
  sentences: string[];
  statements: ExtractedStatement[];
}

async function readBase(source: string, files: string[]): Promise<BaseCorpus> {
  const { extractStatements } = await import('../attribution/index.ts');
  const docs = (
    await Promise.all(files.map(async (f) => parseDocument(f, await readFile(path.join(source, f)))))
  ).filter((d): d is Omit<CorpusDocument, 'id'> => !('reason' in d));
  return {
    sentences: docs.flatMap((d) => d.sentences.map((s) => s.text)),
    statements: docs.flatMap((d) => extractStatements(d.text, { bodyStart: d.bodyStart })),
  };
}

function makeQueries(base: BaseCorpus, count: number): Record<Command, Request[]> {
  const rnd = random(20_050_101);
  const phrases = (texts: string[]) => {
    const out: string[] = [];
    while (out.length < count) {
      const p = phraseFrom(pick(texts, rnd), rnd);
      if (p) out.push(p);
    }
    return out;
  };
  return {
    search: phrases(base.sentences).map((query) => ({ type: 'search', query })),
    'who-said': phrases(base.statements.map((s) => s.text.text)).map((query) => ({
      type: 'who-said',
      query,
    })),
    deny: denyQueries(base, count, rnd),
  };
}

/** One value per command, from `make`. */
function perCommand<T>(make: (command: Command) => T): Record<Command, T> {
  return Object.fromEntries(COMMANDS.map((c) => [c, make(c)])) as Record<Command, T>;
}

function pickQueries(
  drawn: Record<Command, Request[]>,
  from: number,
  to: number,
): Record<Command, Request[]> {
  return perCommand((c) => drawn[c].slice(from, to));
}

/** Countries whose speakers deny things (by code or name), half with a topic; some unknown or silent. */
function denyQueries(base: BaseCorpus, count: number, rnd: () => number): Request[] {
  const denials = base.statements.filter((s) => s.denial && s.speaker.country);
  const queries: Request[] = [];
  while (queries.length < count) {
    const roll = rnd();
    if (roll < 0.1) queries.push({ type: 'deny', country: pick(['Atlantis', 'XX', 'Narnia'], rnd) });
    else if (roll < 0.2)
      queries.push({ type: 'deny', country: pick(['Iceland', 'NZ', 'Chile', 'Kenya'], rnd) });
    else {
      const s = pick(denials, rnd);
      const topic = rnd() < 0.5 ? phraseFrom(s.text.text, rnd) : null;
      queries.push({ type: 'deny', country: s.speaker.country!, ...(topic ? { topic } : {}) });
    }
  }
  return queries;
}

// ---------------------------------------------------------------- measuring

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round(bytes / 1e6);
const ms = (n: number) => Math.round(n * 100) / 100;

function percentiles(samples: number[]): Latency {
  if (!samples.length) return { p50: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: ms(at(0.5)), p99: ms(at(0.99)), max: ms(sorted.at(-1)!) };
}

/** One request as the bot serves it: answer from the engine, then the Discord payload. */
async function answerAndRender(service: WorkerService, request: Request): Promise<number> {
  const answer = await service.ask(request);
  const pages = renderAnswer(answer);
  const message = toMessage(pages[0]!, { session: 'bench', index: 0, total: pages.length });
  return message.embeds.length + message.components.length;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

async function memory(
  service: WorkerService,
): Promise<{ heapMB: number; rssMB: number; mainHeapMB: number }> {
  gc();
  const engine = await service.memory();
  return {
    heapMB: mb(engine.heapUsed),
    rssMB: mb(process.memoryUsage().rss),
    mainHeapMB: mb(process.memoryUsage().heapUsed),
  };
}

/**
 * Requests per command answered before measuring, from their own queries
 * (never the measured ones). For its first thousand or so requests after a
 * start, a bot still runs code V8 has not finished optimising (and
 * re-optimises as new query shapes arrive): a bot that has been up for a few
 * minutes is past that. The JSON figures are for such a bot; the table also
 * shows the warm-up's own p99, the first minute after a restart.
 */
const WARM_UP = 1000;

async function latencies(
  service: WorkerService,
  queries: Record<Command, Request[]>,
  warmUp: Record<Command, Request[]>,
): Promise<{ answer: Record<Command, Latency>; warmUp: Latency }> {
  const early: number[] = [];
  for (let i = 0; i < WARM_UP; i++) {
    for (const command of COMMANDS) {
      const request = warmUp[command][i % warmUp[command].length]!;
      early.push((await timed(() => answerAndRender(service, request)))[1]);
    }
  }
  // The commands take turns, as a bot's traffic mixes them; each has its own figures.
  const samples = perCommand((): number[] => []);
  const rounds = Math.max(...COMMANDS.map((c) => queries[c].length));
  for (let i = 0; i < rounds; i++) {
    for (const command of COMMANDS) {
      const request = queries[command][i];
      if (request) samples[command].push((await timed(() => answerAndRender(service, request)))[1]);
    }
  }
  return { answer: perCommand((c) => percentiles(samples[c])), warmUp: percentiles(early) };
}

/** Answers per second with `inFlight` requests always outstanding. */
async function throughput(
  service: WorkerService,
  requests: Request[],
  seconds: number,
  inFlight = 8,
): Promise<number> {
  let done = 0;
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const lane = async () => {
    while (performance.now() < until) {
      await answerAndRender(service, requests[next++ % requests.length]!);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  return Math.round(done / ((performance.now() - started) / 1000));
}

/**
 * Asks a question every few ms on this thread, one at a time, until
 * `stop()`, which resolves with how long each answer took (ms).
 */
function askMeanwhile(service: WorkerService, requests: Request[]): { stop(): Promise<number[]> } {
  const samples: number[] = [];
  let next = 0;
  let running = true;
  const load = (async () => {
    while (running) {
      samples.push((await timed(() => answerAndRender(service, requests[next++ % requests.length]!)))[1]);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    async stop() {
      running = false;
      await load;
      return samples;
    },
  };
}

/** A full rebuild of the same tier on a fresh worker, with a query every few ms on this thread meanwhile. */
async function reloadUnderLoad(service: WorkerService, requests: Request[]) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const asking = askMeanwhile(service, requests);
  histogram.enable();
  const [report, rebuildMs] = await timed(() => service.rebuild());
  histogram.disable();
  const samples = await asking.stop();
  if (!report.ok) throw new Error(`rebuild failed: ${report.error}`);
  return {
    eventLoop: { p99: ms(histogram.percentile(99) / 1e6), max: ms(histogram.max / 1e6) },
    rebuildMs: Math.round(rebuildMs),
    answers: samples.length,
    latency: percentiles(samples),
  };
}

/**
 * Edits one file (a new paragraph with a quote) and times the reload that
 * picks it up, asking a question every few ms meanwhile: a small reload is
 * applied on the serving worker, and how long it holds answers is the cost.
 */
async function incrementalReload(
  service: WorkerService,
  corpusDir: string,
  file: string,
  requests: Request[],
): Promise<{ ms: number; answers: number; latency: Latency }> {
  const full = path.join(corpusDir, file);
  await writeFile(
    full,
    `${await readFile(full, 'utf8')}\n"We never touched the accounts," the finance director said.\n`,
  );
  const asking = askMeanwhile(service, requests);
  const [report, elapsed] = await timed(() => service.reload());
  const samples = await asking.stop();
  if (!report.ok || report.changed.length !== 1) {
    throw new Error(
      `incremental reload did not see exactly one change: ${JSON.stringify(report).slice(0, 300)}`,
    );
  }
  return { ms: Math.round(elapsed), answers: samples.length, latency: percentiles(samples) };
}

// ---------------------------------------------------------------- output

function table(r: Result, x: Extra): string {
  const rows: [string, string][] = [
    ['corpus', `×${r.scale}: ${x.documents} documents, ${r.sentences} sentences, ${r.statements} statements`],
    [
      'cold build (no snapshot)',
      `${r.coldBuildMs} ms; engine heap after GC ${r.heapMB} MB, RSS ${r.rssMB} MB`,
    ],
    [
      'warm start (snapshot, new process)',
      `${r.warmStartMs} ms; engine heap ${x.warmHeapMB} MB, RSS ${x.warmRssMB} MB`,
    ],
    ['  of which, in the worker', x.warmSteps],
    ...COMMANDS.map((c): [string, string] => [
      `answer ${c} (${x.queries[c]} queries, warmed up)`,
      `p50 ${r.answer[c].p50} ms, p99 ${r.answer[c].p99} ms, max ${r.answer[c].max} ms`,
    ]),
    [
      `  first ${WARM_UP * COMMANDS.length} after start`,
      `p50 ${x.warmUpLatency.p50} ms, p99 ${x.warmUpLatency.p99} ms, max ${x.warmUpLatency.max} ms (all commands, while V8 optimises)`,
    ],
    ['throughput (8 in flight)', `${r.throughputPerSec} answers/s`],
    [
      'full rebuild under load',
      `${x.rebuildMs} ms; ${x.answersDuringRebuild} answers meanwhile, p99 ${x.latencyDuringRebuild.p99} ms, max ${x.latencyDuringRebuild.max} ms`,
    ],
    ['event loop during rebuild', `p99 ${r.reloadEventLoop.p99} ms, max ${r.reloadEventLoop.max} ms`],
    [
      'reload after one file changed',
      `${r.incrementalReloadMs} ms; ${x.answersDuringReload} answers meanwhile, p50 ${x.latencyDuringReload.p50} ms, max ${r.incrementalReloadAnswerMaxMs} ms`,
    ],
    ['bench thread heap', `${x.mainHeapMB} MB (queries, renderer; included in RSS)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

// ---------------------------------------------------------------- main

async function run(options: Options): Promise<void> {
  const log = options.json ? () => {} : (line: string) => console.error(line);
  const source = path.join(sharedDir(), 'corpora', 'bbc-news-2004-2005');
  const files = await sourceFiles(source);
  if (!files.length) throw new Error(`no corpus in ${source} (set WHOSAID_SHARED to the shared folder)`);
  const work = await mkdtemp(path.join(tmpdir(), 'whosaid-bench-'));
  const corpusDir = path.join(work, 'corpus');
  const snapshotDir = path.join(work, 'snapshots');
  try {
    log(`preparing ×${options.scale} in ${work} …`);
    await replicate(source, files, corpusDir, options.scale);
    const drawn = queriesFromChild(source, options.queries + WARM_UP, path.join(work, 'queries.json'));
    const queries = pickQueries(drawn, 0, options.queries);
    const warmUp = pickQueries(drawn, options.queries, options.queries + WARM_UP);
    const setup = {
      corpusDir,
      maxFileBytes: 5 * 1024 * 1024,
      snapshotDir,
      extractor: null, // the project's attribution engine, as the bot runs it
    };

    log('cold build …');
    const [cold, coldBuildMs] = await timed(() => track(WorkerService.start(setup, silentLogger)));
    const coldMemory = await memory(cold);
    await cold.flush(); // the snapshot the warm start opens (close waits for it only so long)
    await cold.close();

    log('warm start (a new process, as a restart would be) …');
    const warm = warmStartInChild(setup, path.join(work, 'warm.json'));
    const service = await track(WorkerService.start(setup, silentLogger));

    log('answer latency …');
    const { answer, warmUp: warmUpLatency } = await latencies(service, queries, warmUp);
    log('throughput …');
    const mixed = COMMANDS.flatMap((c) => queries[c]);
    const throughputPerSec = await throughput(service, mixed, options.scale > 1 ? 5 : 3);
    log('full rebuild under load …');
    const rebuild = await reloadUnderLoad(service, mixed);
    log('reload after one file changed …');
    const incremental = await incrementalReload(service, corpusDir, `r0/${files[0]}`, mixed);
    const summary = service.summary;
    const { mainHeapMB } = await memory(service);
    await service.close();

    const result: Result = {
      scale: options.scale,
      sentences: summary.sentences.length,
      statements: summary.statements.length,
      coldBuildMs: Math.round(coldBuildMs),
      warmStartMs: warm.ms,
      rssMB: coldMemory.rssMB,
      heapMB: coldMemory.heapMB,
      answer,
      throughputPerSec,
      reloadEventLoop: rebuild.eventLoop,
      incrementalReloadMs: incremental.ms,
      incrementalReloadAnswerMaxMs: incremental.latency.max,
    };
    const extra: Extra = {
      documents: summary.documents.length,
      warmSteps: warm.steps,
      warmRssMB: warm.rssMB,
      warmHeapMB: warm.heapMB,
      mainHeapMB,
      rebuildMs: rebuild.rebuildMs,
      answersDuringRebuild: rebuild.answers,
      latencyDuringRebuild: rebuild.latency,
      answersDuringReload: incremental.answers,
      latencyDuringReload: incremental.latency,
      warmUpLatency,
      queries: perCommand((c) => queries[c].length),
    };
    if (!options.json) console.log(table(result, extra));
    console.log(JSON.stringify(result));
  } finally {
    // A failed run must not leave engine workers keeping the process alive.
    await Promise.all(services.map((s) => s.close().catch(() => {})));
    await rm(work, { recursive: true, force: true });
  }
}

const services: WorkerService[] = [];

async function track(starting: Promise<WorkerService>): Promise<WorkerService> {
  const service = await starting;
  services.push(service);
  return service;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      queries: { type: 'string', default: '1000' },
      json: { type: 'boolean', default: false },
    },
  });
  const scale = Number(values.scale);
  const queries = Number(values.queries);
  if (!Number.isInteger(scale) || scale < 1 || !Number.isInteger(queries) || queries < 1) {
    throw new Error('usage: npm run bench -- [--scale N] [--queries N] [--json]');
  }
  return { scale, queries, json: values.json };
}

interface WarmStart {
  ms: number;
  openedFrom: string;
  steps: string;
  rssMB: number;
  heapMB: number;
}

type Setup = Parameters<typeof WorkerService.start>[0];

/**
 * A warm start happens when the bot restarts: a new process, with the
 * snapshot on disk. So it is measured in one, from the moment the service is
 * asked to start until it answers, with that process's memory.
 */
function warmStartInChild(setup: Setup, out: string): WarmStart {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--warm-start', out, JSON.stringify(setup)],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (child.status !== 0) throw new Error('the warm start failed');
  const warm = JSON.parse(readFileSync(out, 'utf8')) as WarmStart;
  if (warm.openedFrom !== 'snapshot') throw new Error(`the warm start came from: ${warm.openedFrom}`);
  return warm;
}

async function measureWarmStart(out: string, setup: Setup): Promise<void> {
  const [service, ms] = await timed(() => WorkerService.start(setup, silentLogger));
  const { heapMB, rssMB } = await memory(service);
  const t = service.timings;
  const steps = `scan ${t.scanned! - t.booted!} ms, snapshot load ${t.opened! - t.loaded!} ms`;
  await writeFile(
    out,
    JSON.stringify({ ms: Math.round(ms), openedFrom: service.openedFrom, steps, rssMB, heapMB }),
  );
  await service.close();
}

/**
 * The queries are drawn in a child process: drawing them parses and extracts
 * the whole base corpus, and that memory must not count in the RSS measured
 * here.
 */
function queriesFromChild(source: string, count: number, out: string): Record<Command, Request[]> {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--draw-queries', out, '--queries', String(count)],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, WHOSAID_BENCH_SOURCE: source } },
  );
  if (child.status !== 0) throw new Error('drawing the queries failed');
  return JSON.parse(readFileSync(out, 'utf8')) as Record<Command, Request[]>;
}

async function drawQueries(out: string, count: number): Promise<void> {
  const source = process.env.WHOSAID_BENCH_SOURCE!;
  const files = await sourceFiles(source);
  await writeFile(out, JSON.stringify(makeQueries(await readBase(source, files), count)));
}

/** Heap figures need `gc`: without --expose-gc, run again with it (same loader, same arguments). */
function restartWithGc(): number {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  return child.status ?? 1;
}

const drawTo = process.argv.indexOf('--draw-queries');
const warmTo = process.argv.indexOf('--warm-start');
if (warmTo >= 0) {
  await measureWarmStart(process.argv[warmTo + 1]!, JSON.parse(process.argv[warmTo + 2]!) as Setup);
} else if (drawTo >= 0) {
  await drawQueries(process.argv[drawTo + 1]!, parseOptions(process.argv.slice(drawTo + 2)).queries);
} else if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
  process.exitCode = restartWithGc();
} else {
  try {
    await run(parseOptions(process.argv.slice(2)));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
