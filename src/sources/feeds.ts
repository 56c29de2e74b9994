/**
 * Feeds: RSS and Atom feeds, listed in the configuration (FEEDS) or added by
 * a moderator, polled every FEED_INTERVAL_MINUTES. A poll of a feed fetches
 * it with the same limits as any source (./fetch.ts: time, size, redirects,
 * public addresses only), reads its items (./feed.ts), and fetches each new
 * item exactly as /corpus add-url does (same limits, same media types, same
 * content checks, same stored names). New items are those whose canonical
 * URL no earlier poll dealt with and no source in the corpus has, and whose
 * text (sha256) is not already in the corpus. They are stored and added in
 * ONE normal reload per feed and poll (a batch); a batch whose reload fails
 * is taken out again, whole, and its items tried on the next poll.
 *
 * Everything a batch did is one line of the ledger (`feed-batch`: the items
 * added, those skipped and why, or why the feed could not be read), which is
 * also how a restart knows which items were seen, and is logged and posted
 * to the audit channel. A poll with nothing new and nothing wrong records
 * nothing; a feed that keeps failing the same way is recorded once, until
 * its problem changes.
 *
 * Polls run one at a time in a process, and one at a time across processes
 * sharing the corpus folder (replicas): a poll holds `.whosaid/feeds.lock`;
 * a scheduled poll that finds it held gives way, a moderator's waits.
 */

import { mkdir, open, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentsAnswer, FeedBatchSummary } from '../answers/sources.ts';
import type { ReloadReport } from '../answers/types.ts';
import { describeError, Refusal } from '../bot/errors.ts';
import type { Logger } from '../log.ts';
import type { AddressRange } from './address.ts';
import { canonicalUrl, FEED_TYPES, FeedProblem, type ParsedFeed, parseFeed } from './feed.ts';
import { type Fetched, FetchRefused, fetchLimited, type Resolver } from './fetch.ts';
import {
  type AddEntry,
  addedFeeds,
  currentSources,
  type DocumentNote,
  type FeedAdded,
  type FeedBatchEntry,
  type FeedSkipped,
  type Ledger,
  type LedgerEntry,
  type Person,
  type ReloadNote,
  seenFeedItems,
} from './ledger.ts';
import { contentProblem, type SourceStore, STATE_DIR, sha256, urlFile } from './store.ts';

/** Who a scheduled poll is recorded as. */
export const FEED_POLLER: Person = { id: 'feeds', username: 'feed poll', guildId: null };
/** New items a poll of one feed fetches at most; the rest wait for the next poll. */
export const MAX_ITEMS_PER_POLL = 10;
/** The first scheduled poll, after start-up (later ones every FEED_INTERVAL_MINUTES). */
const FIRST_POLL_MS = 15_000;
/**
 * Held by the process polling the feeds of a corpus folder, so that bots
 * sharing the folder (replicas behind a load balancer) never poll at once and
 * add an item twice. A lock not touched for STALE_LOCK_MS is a crashed
 * poller's, and is taken over.
 */
export const FEED_LOCK = `${STATE_DIR}/feeds.lock`;
export const STALE_LOCK_MS = 15 * 60_000;
/** How long a moderator's poll waits for another process's to finish. */
const LOCK_WAIT_MS = 60_000;

export interface FeedSettings {
  /** Feeds from the configuration (FEEDS). */
  urls: readonly string[];
  intervalMinutes: number;
}

/** What the feed poller needs of the source manager. */
export interface FeedHost {
  store: SourceStore;
  ledger: Ledger;
  limits: { timeoutMs: number; maxBytes: number; maxRedirects: number; allow: readonly AddressRange[] };
  resolve?: Resolver | undefined;
  /** Media types an item's page may be (add-url's). */
  urlTypes: readonly string[];
  logger: Logger;
  now(): Date;
  /** Runs a change alone (the manager's queue: adds, removes and batches never overlap). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  reload(by: Person): Promise<ReloadReport>;
  documents(file: string): Promise<DocumentsAnswer>;
  record(entry: LedgerEntry): Promise<void>;
  reloadNote(report: ReloadReport): ReloadNote;
  notes(read: DocumentsAnswer): DocumentNote[];
  unwritable(error: unknown): string;
}

/** A feed, fetched and read, or why not. */
export type FeedRead = { fetched: Fetched; feed: ParsedFeed; problem?: undefined } | { problem: string };

/** Whether an item that failed this way may be tried again on a later poll. */
function mayPass(error: FetchRefused): boolean {
  if (error.problem === 'timeout' || error.problem === 'network') return true;
  return error.problem === 'status' && /answered (5\d\d|429)\b/.test(error.message);
}

interface Candidate {
  url: string;
  fetched: Fetched;
  hash: string;
  file: string;
}

/** Where each source in the corpus came from, by canonical URL, and its text, by hash. */
function corpusIndex(current: Map<string, AddEntry>) {
  const byUrl = new Map<string, string>();
  const byHash = new Map<string, string>();
  for (const e of current.values()) {
    byHash.set(e.sha256, e.file);
    if (e.origin.kind === 'attachment') continue;
    byUrl.set(canonicalUrl(e.origin.url), e.file);
    byUrl.set(canonicalUrl(e.origin.finalUrl), e.file);
  }
  return { byUrl, byHash };
}

export class FeedPoller {
  /** Polls run one at a time (scheduled, /corpus feeds poll, a new feed's first poll). */
  private polling: Promise<unknown> = Promise.resolve();
  /** The problem last recorded for each feed (a feed that keeps failing is recorded once). */
  private problems: Map<string, string | null> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly host: FeedHost,
    readonly settings: FeedSettings,
  ) {}

  /** Polls every feed now and then every FEED_INTERVAL_MINUTES, until `stop` (or `signal`). */
  start(signal?: AbortSignal): void {
    if (this.timer || this.stopped) return;
    const every = this.settings.intervalMinutes * 60_000;
    const tick = async () => {
      this.timer = null;
      try {
        await this.pollAll(FEED_POLLER);
      } catch (error) {
        this.host.logger.error({ error: describeError(error) }, 'feed poll failed');
      }
      if (!this.stopped) this.timer = setTimeout(tick, every).unref();
    };
    this.timer = setTimeout(tick, Math.min(every, FIRST_POLL_MS)).unref();
    signal?.addEventListener('abort', () => this.stop(), { once: true });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Runs `work` after any poll of this process, holding the corpus folder's
   * feed lock (`touch` keeps it fresh). A scheduled poll that finds another
   * process polling gives way (`null`); a moderator's waits for it.
   */
  private serial<T>(work: (touch: () => Promise<void>) => Promise<T>, scheduled: boolean): Promise<T | null> {
    const locked = async (): Promise<T | null> => {
      const release = await this.lock(scheduled);
      if (!release) {
        this.host.logger.info(
          { lock: FEED_LOCK },
          'another process is polling the feeds; this poll gives way',
        );
        return null;
      }
      const file = this.host.store.pathOf(FEED_LOCK);
      try {
        return await work(() => utimes(file, new Date(), new Date()).catch(() => undefined));
      } finally {
        await release();
      }
    };
    const run = this.polling.then(locked, locked);
    this.polling = run.catch(() => undefined);
    return run;
  }

  /** Takes the feed lock; null when another process holds it (after waiting, for a moderator's poll). */
  private async lock(scheduled: boolean): Promise<(() => Promise<void>) | null> {
    const file = this.host.store.pathOf(FEED_LOCK);
    await mkdir(path.dirname(file), { recursive: true });
    const until = Date.now() + (scheduled ? 0 : LOCK_WAIT_MS);
    for (;;) {
      try {
        const handle = await open(file, 'wx');
        await handle.writeFile(JSON.stringify({ pid: process.pid, at: this.host.now().toISOString() }));
        await handle.close();
        return () => rm(file, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const held = await stat(file).catch(() => null);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
        this.host.logger.warn({ lock: FEED_LOCK, since: held.mtime }, 'taking over a stale feed lock');
        await rm(file, { force: true });
        continue;
      }
      if (Date.now() >= until) {
        if (scheduled) return null;
        throw new Refusal('Another bot on this corpus folder is polling the feeds; try again in a minute.');
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** Every feed, configured or added, in that order, each without repeats. */
  feedUrls(entries: readonly LedgerEntry[]): string[] {
    return [...new Set([...this.settings.urls, ...addedFeeds(entries).keys()])];
  }

  /** Polls every feed, one after another: one batch (and at most one reload) per feed. */
  async pollAll(by: Person): Promise<FeedBatchSummary[]> {
    const scheduled = by === FEED_POLLER;
    const out = await this.serial(async (touch) => {
      const { entries } = await this.host.ledger.read();
      const batches: FeedBatchSummary[] = [];
      for (const feed of this.feedUrls(entries)) {
        if (this.stopped && scheduled) break;
        batches.push(await this.pollFeed(feed, by));
        await touch();
      }
      return batches;
    }, scheduled);
    return out ?? [];
  }

  /** Polls one feed (a feed just added: with what `read` already fetched). */
  async poll(feed: string, by: Person, read?: FeedRead): Promise<FeedBatchSummary> {
    return (await this.serial(() => this.pollFeed(feed, by, read), false))!;
  }

  /** Fetches and reads a feed; never throws for what the feed or its server did. */
  async read(feed: string): Promise<FeedRead> {
    let fetched: Fetched;
    try {
      fetched = await fetchLimited(
        feed,
        { ...this.host.limits, accept: FEED_TYPES },
        { resolve: this.host.resolve },
      );
    } catch (error) {
      if (!(error instanceof FetchRefused)) throw error;
      if (error.problem === 'content-type') {
        const type = /it is (.+?), not an article/.exec(error.message)?.[1];
        return {
          problem: type ? `it is ${type}, not a feed (whosaid reads RSS and Atom feeds)` : error.message,
        };
      }
      return { problem: error.message };
    }
    const problem = contentProblem(fetched.bytes);
    if (problem) return { problem: problem.replace(/, not text$/, ', not a feed') };
    try {
      return { fetched, feed: parseFeed(fetched.bytes, fetched.finalUrl) };
    } catch (error) {
      if (error instanceof FeedProblem) return { problem: error.message };
      throw error;
    }
  }

  private async lastProblems(): Promise<Map<string, string | null>> {
    if (!this.problems) {
      this.problems = new Map();
      for (const e of (await this.host.ledger.read()).entries)
        if (e.action === 'feed-batch') this.problems.set(e.feed, e.problem);
    }
    return this.problems;
  }

  private async pollFeed(feed: string, by: Person, given?: FeedRead): Promise<FeedBatchSummary> {
    const { logger } = this.host;
    const read = given ?? (await this.read(feed));
    const summary: FeedBatchSummary = {
      feed,
      title: read.problem === undefined ? read.feed.title : null,
      problem: read.problem ?? null,
      added: [],
      skipped: [],
      known: 0,
      repeated: 0,
      left: 0,
      reload: null,
    };
    if (read.problem !== undefined) {
      logger.warn({ feed, problem: read.problem }, 'feed could not be read');
      const problems = await this.lastProblems();
      // Recorded (and posted) when it starts or changes, not at every poll while it lasts.
      if (problems.get(feed) !== read.problem) await this.recordBatch(by, summary, [], [], null);
      return summary;
    }

    const { entries } = await this.host.ledger.read();
    const seen = seenFeedItems(entries, canonicalUrl);
    const corpus = corpusIndex(currentSources(entries));
    const skipped: FeedSkipped[] = [];
    const unique = new Map<string, string>();
    for (const item of read.feed.items) {
      const key = canonicalUrl(item.link);
      if (unique.has(key)) summary.repeated++;
      else unique.set(key, item.link);
    }
    const fresh: string[] = [];
    for (const [key, link] of unique) {
      if (seen.has(key)) summary.known++;
      else if (corpus.byUrl.has(key))
        skipped.push({ url: link, reason: `it is already in the corpus as ${corpus.byUrl.get(key)}` });
      else fresh.push(link);
    }
    summary.left = Math.max(0, fresh.length - MAX_ITEMS_PER_POLL);

    // Fetched outside the change queue: moderators' adds and removes need not wait for the network.
    const candidates: Candidate[] = [];
    const taken = new Map<string, string>();
    for (const url of fresh.slice(0, MAX_ITEMS_PER_POLL)) {
      const candidate = await this.fetchItem(url, corpus, taken, skipped);
      if (candidate) {
        candidates.push(candidate);
        taken.set(canonicalUrl(candidate.fetched.finalUrl), candidate.file);
        taken.set(candidate.hash, candidate.file);
      }
    }
    if (read.feed.items.length > 0 && summary.repeated >= unique.size)
      logger.warn({ feed, items: read.feed.items.length, unique: unique.size }, 'feed repeats every item');

    return this.host.exclusive(async () => {
      // The corpus may have changed while the items were fetched.
      const now = corpusIndex(currentSources((await this.host.ledger.read()).entries));
      const placed: { candidate: Candidate; remove(): Promise<void> }[] = [];
      for (const c of candidates) {
        const same = now.byHash.get(c.hash) ?? now.byUrl.get(canonicalUrl(c.fetched.finalUrl));
        if (same || (await this.host.store.exists(c.file))) {
          skipped.push({ url: c.url, reason: `it is already in the corpus as ${same ?? c.file}` });
          continue;
        }
        try {
          placed.push({ candidate: c, ...(await this.host.store.put(c.file, c.fetched.bytes)) });
        } catch (error) {
          skipped.push({ url: c.url, reason: this.host.unwritable(error), retry: true });
        }
      }
      if (placed.length === 0) {
        if (skipped.length || (await this.lastProblems()).get(feed))
          await this.recordBatch(by, summary, [], skipped, null);
        else logger.debug({ feed, known: summary.known }, 'feed polled: nothing new');
        return summary;
      }

      let report: ReloadReport | null = null;
      let failure: string | null = null;
      try {
        report = await this.host.reload(by);
        if (!report.ok) failure = report.error ?? 'unknown error';
      } catch (error) {
        failure = (error as Error).message || String(error);
      }
      if (failure !== null || !report) {
        // Nothing half-added: the whole batch goes, and is tried again on the next poll.
        for (const p of placed) await p.remove().catch(() => undefined);
        for (const p of placed)
          skipped.push({ url: p.candidate.url, reason: `the reload failed (${failure})`, retry: true });
        await this.recordBatch(by, summary, [], skipped, report);
        return summary;
      }

      const added: FeedAdded[] = [];
      const titles = new Map<string, string[]>();
      for (const { candidate: c, remove } of placed) {
        const docs = await this.host.documents(c.file);
        if (docs.documents.length === 0) {
          // Skipped by the loader: served without it already; the file goes.
          await remove().catch(() => undefined);
          const reason = docs.skipped?.reason ?? 'it read no document from it';
          skipped.push({ url: c.url, reason: `the corpus loader skipped it: ${reason}` });
          continue;
        }
        added.push({
          file: c.file,
          url: c.url,
          finalUrl: c.fetched.finalUrl,
          sha256: c.hash,
          bytes: c.fetched.bytes.length,
          mediaType: c.fetched.mediaType,
          documents: this.host.notes(docs),
        });
        titles.set(
          c.file,
          docs.documents.map((d) => d.title),
        );
      }
      await this.recordBatch(by, summary, added, skipped, report, titles);
      return summary;
    });
  }

  /** Fetches one item as add-url does; a problem is pushed to `skipped` with its reason. */
  private async fetchItem(
    url: string,
    corpus: ReturnType<typeof corpusIndex>,
    taken: Map<string, string>,
    skipped: FeedSkipped[],
  ): Promise<Candidate | null> {
    let fetched: Fetched;
    try {
      fetched = await fetchLimited(
        url,
        { ...this.host.limits, accept: this.host.urlTypes },
        { resolve: this.host.resolve },
      );
    } catch (error) {
      if (!(error instanceof FetchRefused)) throw error;
      skipped.push({ url, reason: error.message, ...(mayPass(error) ? { retry: true } : {}) });
      return null;
    }
    const problem = contentProblem(fetched.bytes);
    if (problem) {
      skipped.push({ url, reason: problem });
      return null;
    }
    const final = canonicalUrl(fetched.finalUrl);
    const hash = sha256(fetched.bytes);
    const same = corpus.byUrl.get(final) ?? taken.get(final);
    if (same) {
      skipped.push({ url, reason: `it redirects to ${fetched.finalUrl}, already in the corpus as ${same}` });
      return null;
    }
    const twin = corpus.byHash.get(hash) ?? taken.get(hash);
    if (twin) {
      skipped.push({ url, reason: `its text is the same as ${twin}, already in the corpus` });
      return null;
    }
    // Named as add-url names it: the same article added either way is the same file.
    return { url, fetched, hash, file: urlFile(new URL(url), fetched) };
  }

  private async recordBatch(
    by: Person,
    summary: FeedBatchSummary,
    added: FeedAdded[],
    skipped: FeedSkipped[],
    report: ReloadReport | null,
    titles: Map<string, string[]> = new Map(),
  ): Promise<void> {
    summary.added = added.map((a) => ({ file: a.file, url: a.url, titles: titles.get(a.file) ?? [] }));
    summary.skipped = skipped.map(({ url, reason }) => ({ url, reason }));
    summary.reload = report?.ok ? { ms: report.ms, before: report.before, after: report.after } : null;
    const entry: FeedBatchEntry = {
      at: this.host.now().toISOString(),
      by,
      action: 'feed-batch',
      feed: summary.feed,
      title: summary.title,
      problem: summary.problem,
      added,
      skipped,
      known: summary.known,
      repeated: summary.repeated,
      left: summary.left,
      reload: report ? this.host.reloadNote(report) : null,
    };
    await this.host.record(entry);
    (await this.lastProblems()).set(summary.feed, summary.problem);
  }
}
