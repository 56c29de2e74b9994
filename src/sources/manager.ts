/**
 * Corpus management from Discord: add an article by URL or from an
 * attachment, list the sources added so, remove one. Moderators only (the
 * command checks, at run time).
 *
 * An add fetches the source within limits (./fetch.ts), stores it under
 * `added/` (./store.ts), and reloads the corpus the normal way, without
 * downtime (the same reload as /reload, logged the same way); then it asks
 * the engine what the file was read as (title, date, statements, speakers).
 * A fetch that fails, a file the loader skips or a reload that fails leaves
 * nothing behind: the file is taken out again (a replaced one put back) and
 * the corpus reloaded, and the reply names the problem in one line. Every
 * add, remove and refusal, and every /reload, is appended to the ledger
 * (./ledger.ts), logged, and posted to the audit channel when one is set.
 * Changes run one at a time.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { AnswerService } from '../answers/requests.ts';
import type {
  DocumentsAnswer,
  FeedBatchSummary,
  FeedInfo,
  FeedsAnswer,
  SourceChangeAnswer,
  SourceOrigin,
  SourcesAnswer,
} from '../answers/sources.ts';
import type { Answer, ReloadReport } from '../answers/types.ts';
import { describeError, Refusal } from '../bot/errors.ts';
import type { BotConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { escapeText, linkMarkdown, shorten } from '../render/discord/markdown.ts';
import { plural } from '../render/plural.ts';
import type { AddressRange } from './address.ts';
import { canonicalUrl } from './feed.ts';
import { FeedPoller, type FeedSettings } from './feeds.ts';
import { checkUrl, type Fetched, FetchRefused, fetchLimited, formatBytes, type Resolver } from './fetch.ts';
import {
  type AddEntry,
  addedFeeds,
  currentSources,
  type DocumentNote,
  Ledger,
  type LedgerEntry,
  type Person,
  type ReloadNote,
} from './ledger.ts';
import {
  ADDED_DIR,
  ATTACHMENT_EXTENSIONS,
  addedPath,
  contentProblem,
  SourceStore,
  sha256,
  storedName,
  urlFile,
} from './store.ts';

/** Media types a URL may answer with. */
export const URL_TYPES = [
  'text/html',
  'text/plain',
  'text/markdown',
  'application/json',
  'application/x-ndjson',
];
/**
 * Media types an attachment may come with: what it is is decided by its
 * extension, and Discord stores some (.md, .jsonl) as other types or none.
 */
const ATTACHMENT_TYPES = [
  ...URL_TYPES,
  'application/xhtml+xml',
  'text/x-markdown',
  'application/jsonl',
  'application/octet-stream',
  '',
];

export interface SourceLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allow: readonly AddressRange[];
}

/** What the bot's configuration says about sources. */
export interface SourceSettings {
  corpusDir: string;
  limits: SourceLimits;
  /** Posts one audit line to the audit channel (AUDIT_CHANNEL_ID), when there is one. */
  audit?: ((text: string) => Promise<unknown>) | undefined;
  /** Replaces DNS for fetches (tests). */
  resolve?: Resolver | undefined;
  /** Feeds (FEEDS, FEED_INTERVAL_MINUTES); without it, /corpus add-feed is refused and nothing is polled. */
  feeds?: FeedSettings | undefined;
  /** Polling stops when it aborts (the bot stopping). */
  signal?: AbortSignal | undefined;
}

export interface SourceManagerDeps extends SourceSettings {
  service: AnswerService;
  /** The normal reload (/reload's): logs who asked and the result. */
  reload(by: Person): Promise<ReloadReport>;
  logger: Logger;
  now?: () => Date;
}

/** A Discord attachment, as the command reads it. */
export interface AttachmentRef {
  name: string;
  url: string;
  size: number;
  contentType: string | null;
}

export const SOURCE_REPLIES = {
  needsManageServer: 'Only members with the **Manage Server** permission can add, list or remove sources.',
  unavailable: 'Adding and removing sources is not available on this bot.',
  feedsUnavailable: 'Feeds are not available on this bot.',
} as const;

/** The settings from the bot's configuration. */
export function sourceSettings(config: BotConfig): Omit<SourceSettings, 'audit'> {
  return {
    corpusDir: config.CORPUS_DIR,
    limits: {
      timeoutMs: config.SOURCE_FETCH_TIMEOUT_SECONDS * 1000,
      // A file over MAX_FILE_BYTES would be skipped by the loader: no use fetching more.
      maxBytes: Math.min(config.SOURCE_FETCH_MAX_BYTES, config.MAX_FILE_BYTES),
      maxRedirects: config.SOURCE_FETCH_MAX_REDIRECTS,
      allow: config.SOURCE_FETCH_ALLOW_ADDRESSES,
    },
    feeds: { urls: config.FEEDS, intervalMinutes: config.FEED_INTERVAL_MINUTES },
  };
}

/** The sources autocomplete offers and the list shows at most (Discord's limit for choices). */
const CHOICES = 25;
const REMOVALS_SHOWN = 5;

function reloadNote(report: ReloadReport): ReloadNote {
  return {
    ok: report.ok,
    ms: report.ms,
    ...(report.error ? { error: report.error } : {}),
    added: report.added.length,
    removed: report.removed.length,
    changed: report.changed.length,
    skipped: report.skipped.map((s) => s.file),
    documents: report.after.documents,
  };
}

function notes(read: DocumentsAnswer): DocumentNote[] {
  return read.documents.map((d) => ({
    id: d.id,
    title: d.title,
    ...(d.published ? { published: d.published } : {}),
    statements: d.statements,
    speakers: d.speakers.length,
  }));
}

/** Why a file could not be written to or moved in the corpus folder, in a few words. */
function unwritable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
    ? `the corpus folder cannot be written to here (${code}); it must be writable to add or remove sources`
    : `it could not be stored in the corpus folder (${code})`;
}

/** Things a moderator should look at twice in what the corpus read. */
function warningsFor(read: DocumentsAnswer): string[] {
  const warnings: string[] = [];
  const statements = read.documents.reduce((n, d) => n + d.statements, 0);
  if (statements === 0)
    warnings.push(
      'No statement was found in it: its sentences can be searched, but no one is quoted. Is it a news article?',
    );
  if (read.documents.some((d) => /^\s*[<{[]/.test(d.title)))
    warnings.push('A title starts with markup or JSON: the file may have been read as plain text.');
  return warnings;
}

export class SourceManager {
  readonly store: SourceStore;
  readonly ledger: Ledger;
  /** Polls the feeds (null when the settings have none: no FEEDS, no interval). */
  readonly feeds: FeedPoller | null;
  private queue: Promise<unknown>;
  private readonly now: () => Date;

  constructor(private readonly deps: SourceManagerDeps) {
    this.store = new SourceStore(deps.corpusDir);
    this.ledger = new Ledger(deps.corpusDir);
    this.now = deps.now ?? (() => new Date());
    // Whatever a killed process left half-written goes first.
    this.queue = this.store.sweep().catch((error: unknown) => {
      deps.logger.warn({ error: describeError(error) }, 'could not clear the sources scratch folder');
    });
    this.feeds = deps.feeds
      ? new FeedPoller(
          {
            store: this.store,
            ledger: this.ledger,
            limits: deps.limits,
            resolve: deps.resolve,
            urlTypes: URL_TYPES,
            logger: deps.logger,
            now: this.now,
            exclusive: (work) => this.exclusive(work),
            reload: (by) => deps.reload(by),
            documents: (file) => this.documents(file),
            record: (entry) => this.record(entry),
            reloadNote,
            notes,
            unwritable,
          },
          deps.feeds,
        )
      : null;
  }

  /** Starts polling the feeds on their interval (the bot does; tests poll by hand). */
  startFeeds(): void {
    this.feeds?.start(this.deps.signal);
  }

  /** Runs changes one at a time, in the order asked. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async addUrl(input: string, by: Person): Promise<SourceChangeAnswer> {
    let url: URL;
    try {
      url = checkUrl(input);
    } catch (error) {
      throw await this.refuse(by, shorten(input.trim(), 200), (error as Error).message);
    }
    const fetched = await this.fetch(url.href, URL_TYPES, by, url.href);
    // Named after the URL asked for: adding it again replaces the same file.
    return this.admit(
      urlFile(url, fetched),
      fetched,
      { kind: 'url', url: fetched.url, finalUrl: fetched.finalUrl },
      by,
      url.href,
    );
  }

  async addAttachment(attachment: AttachmentRef, by: Person): Promise<SourceChangeAnswer> {
    const what = `the file ${attachment.name}`;
    const extension = path.extname(attachment.name).toLowerCase();
    const stored = ATTACHMENT_EXTENSIONS[extension];
    if (!stored)
      throw await this.refuse(
        by,
        what,
        `only .md, .txt, .html, .json and .jsonl files can be added${extension ? `, not ${extension}` : ''}`,
      );
    if (attachment.size === 0) throw await this.refuse(by, what, 'it is empty');
    const { maxBytes } = this.deps.limits;
    if (attachment.size > maxBytes)
      throw await this.refuse(
        by,
        what,
        `it is ${formatBytes(attachment.size)}; the limit is ${formatBytes(maxBytes)}`,
      );
    const fetched = await this.fetch(attachment.url, ATTACHMENT_TYPES, by, what);
    const base = path.basename(attachment.name, path.extname(attachment.name));
    // Named after the attachment and its content: attachment URLs change, the same file does not.
    const file = `${ADDED_DIR}/${storedName(base, fetched.bytes, stored)}`;
    return this.admit(
      file,
      fetched,
      { kind: 'attachment', name: attachment.name, url: attachment.url },
      by,
      what,
    );
  }

  private async fetch(url: string, accept: readonly string[], by: Person, what: string): Promise<Fetched> {
    let fetched: Fetched;
    try {
      fetched = await fetchLimited(url, { ...this.deps.limits, accept }, { resolve: this.deps.resolve });
    } catch (error) {
      if (error instanceof FetchRefused) throw await this.refuse(by, what, error.message);
      throw error;
    }
    const problem = contentProblem(fetched.bytes);
    if (problem) throw await this.refuse(by, what, problem);
    return fetched;
  }

  /** Stores the file, reloads, and keeps it only if the corpus read at least one document from it. */
  private admit(
    file: string,
    fetched: Fetched,
    origin: SourceOrigin,
    by: Person,
    what: string,
  ): Promise<SourceChangeAnswer> {
    return this.exclusive(async () => {
      const hash = sha256(fetched.bytes);
      const { entries } = await this.ledger.read();
      const same = [...currentSources(entries).values()].find((e) => e.sha256 === hash);
      if (same && (await this.store.exists(same.file)))
        throw await this.refuse(
          by,
          what,
          `it is already in the corpus, unchanged, as ${same.file} (added by ${same.by.username})`,
        );
      let previous: Awaited<ReturnType<SourceStore['setAside']>> = null;
      let placed: Awaited<ReturnType<SourceStore['put']>>;
      try {
        previous = await this.store.setAside(file);
        placed = await this.store.put(file, fetched.bytes);
      } catch (error) {
        await previous?.restore().catch(() => undefined);
        throw await this.refuse(by, what, unwritable(error));
      }
      const undo = async () => {
        await placed.remove();
        await previous?.restore();
      };
      let report: ReloadReport;
      try {
        report = await this.deps.reload(by);
      } catch (error) {
        await undo();
        // In the audit trail too (the bot stopping, the engine restarting); the user sees the error's own reply.
        await this.refuse(by, what, `the reload did not finish (${describeError(error).message})`);
        throw error;
      }
      if (!report.ok) {
        await undo();
        throw await this.refuse(by, what, `the reload failed (${report.error ?? 'unknown error'})`);
      }
      const read = await this.documents(file);
      if (read.documents.length === 0) {
        await undo();
        // Served again without it (and with the version it replaced).
        await this.deps.reload(by).catch(() => undefined);
        const reason =
          read.skipped?.reason ?? 'it read no document from it (does .whosaidignore pass over added/?)';
        throw await this.refuse(by, what, `the corpus loader skipped it: ${reason}`);
      }
      await previous?.discard();
      const entry: AddEntry = {
        at: this.now().toISOString(),
        by,
        action: 'add',
        file,
        origin,
        sha256: hash,
        bytes: fetched.bytes.length,
        mediaType: fetched.mediaType,
        replaced: previous !== null,
        documents: notes(read),
        reload: reloadNote(report),
      };
      await this.record(entry);
      return {
        type: 'source-change',
        action: previous ? 'replaced' : 'added',
        file,
        origin,
        by: { id: by.id, username: by.username },
        documents: read.documents,
        reload: { ms: report.ms, before: report.before, after: report.after },
        warnings: warningsFor(read),
      };
    });
  }

  async remove(input: string, by: Person): Promise<SourceChangeAnswer> {
    return this.exclusive(async () => {
      const { entries } = await this.ledger.read();
      const current = currentSources(entries);
      const file = this.findSource(input, current);
      const recorded = file ? current.get(file) : undefined;
      if (!file || (!recorded && !(await this.store.exists(file))))
        throw new Refusal(
          `No source ${escapeText(shorten(input.trim(), 200))} was added from Discord. \`/corpus list\` shows them.`,
        );
      const before = await this.documents(file);
      const aside = await this.store.setAside(file).catch(async (error: unknown) => {
        throw await this.refuseRemove(by, file, unwritable(error), '');
      });
      let report: ReloadReport;
      try {
        report = await this.deps.reload(by);
      } catch (error) {
        await aside?.restore();
        await this.refuseRemove(by, file, `the reload did not finish (${describeError(error).message})`, '');
        throw error;
      }
      if (!report.ok) {
        await aside?.restore();
        throw await this.refuseRemove(
          by,
          file,
          `the reload failed (${shorten(report.error ?? 'unknown error', 300)})`,
          ' It is still in the corpus.',
        );
      }
      await aside?.discard();
      await this.record({
        at: this.now().toISOString(),
        by,
        action: 'remove',
        file,
        documents: notes(before),
        reload: reloadNote(report),
      });
      return {
        type: 'source-change',
        action: 'removed',
        file,
        origin: recorded?.origin ?? null,
        by: { id: by.id, username: by.username },
        documents: before.documents,
        reload: { ms: report.ms, before: report.before, after: report.after },
        warnings: aside ? [] : ['The file was already gone from the corpus folder.'],
      };
    });
  }

  /** The added file `input` names: `added/<name>`, `<name>`, a document id or a title. */
  private findSource(input: string, current: Map<string, AddEntry>): string | null {
    const direct = addedPath(input);
    if (direct) return direct;
    const wanted = input.trim().toLowerCase();
    const matches = [...current.values()].filter((e) =>
      e.documents.some((d) => d.id.toLowerCase() === wanted || d.title.toLowerCase() === wanted),
    );
    return matches.length === 1 ? matches[0]!.file : null;
  }

  async list(): Promise<SourcesAnswer> {
    const { entries, unreadable } = await this.ledger.read();
    const current = currentSources(entries);
    const sources = await Promise.all(
      [...current.values()]
        .sort((a, b) => b.at.localeCompare(a.at))
        .map(async (e) => ({
          file: e.file,
          origin: e.origin,
          addedBy: { id: e.by.id, username: e.by.username },
          addedAt: e.at,
          documents: e.documents,
          missing: !(await this.store.exists(e.file)),
        })),
    );
    const removed = entries
      .filter((e): e is Extract<LedgerEntry, { action: 'remove' }> => e.action === 'remove')
      .slice(-REMOVALS_SHOWN)
      .reverse()
      .map((e) => ({
        file: e.file,
        title: e.documents[0]?.title ?? null,
        by: { id: e.by.id, username: e.by.username },
        at: e.at,
      }));
    return { type: 'sources', sources, removed, untracked: await this.untracked(current), unreadable };
  }

  /** Files in `added/` the ledger does not list. */
  private async untracked(current: Map<string, AddEntry>): Promise<string[]> {
    try {
      const names = await readdir(this.store.pathOf(ADDED_DIR), { withFileTypes: true });
      return names
        .filter((d) => d.isFile() && !d.name.startsWith('.'))
        .map((d) => `${ADDED_DIR}/${d.name}`)
        .filter((file) => !current.has(file))
        .sort();
    } catch {
      return [];
    }
  }

  /** Autocomplete: the sources added from Discord whose file or title holds what was typed, newest first. */
  async choices(typed: string): Promise<{ name: string; value: string }[]> {
    const { entries } = await this.ledger.read();
    const wanted = typed.trim().toLowerCase();
    return [...currentSources(entries).values()]
      .sort((a, b) => b.at.localeCompare(a.at))
      .filter(
        (e) =>
          !wanted ||
          e.file.toLowerCase().includes(wanted) ||
          e.documents.some((d) => d.title.toLowerCase().includes(wanted)),
      )
      .slice(0, CHOICES)
      .map((e) => {
        const title = e.documents[0]?.title;
        const name = title ? `${shorten(title, 100 - e.file.length - 3)} · ${e.file}` : e.file;
        return { name: shorten(name, 100), value: e.file };
      });
  }

  /** A /reload, for the audit trail. */
  async recordReload(by: Person, report: ReloadReport): Promise<void> {
    await this.record({ at: this.now().toISOString(), by, action: 'reload', reload: reloadNote(report) });
  }

  /** A /reload that did not finish (the bot stopping, the engine restarting), for the audit trail. */
  async recordReloadError(by: Person, error: unknown): Promise<void> {
    const reload: ReloadNote = {
      ok: false,
      ms: 0,
      error: String(describeError(error).message ?? 'unknown error'),
      added: 0,
      removed: 0,
      changed: 0,
      skipped: [],
      documents: 0,
    };
    await this.record({ at: this.now().toISOString(), by, action: 'reload', reload });
  }

  private async documents(file: string): Promise<DocumentsAnswer> {
    const answer = await this.deps.service.ask({ type: 'documents', file });
    if (answer.type !== 'documents') throw new Error(`the engine answered ${answer.type} to documents`);
    return answer;
  }

  /** Records a refused add and returns the refusal to throw. */
  private async refuse(by: Person, what: string, reason: string): Promise<Refusal> {
    await this.record({ at: this.now().toISOString(), by, action: 'refuse', what, reason });
    return new Refusal(`Could not add ${shownWhat(what)}: ${escapeText(reason)}. Nothing was changed.`);
  }

  /** Records a remove that did not go through and returns the refusal to throw. */
  private async refuseRemove(by: Person, file: string, reason: string, after: string): Promise<Refusal> {
    await this.record({
      at: this.now().toISOString(),
      by,
      action: 'refuse',
      change: 'remove',
      what: file,
      reason,
    });
    return new Refusal(`Could not remove ${file}: ${escapeText(reason)}.${after}`);
  }

  private poller(): FeedPoller {
    if (!this.feeds) throw new Refusal(SOURCE_REPLIES.feedsUnavailable);
    return this.feeds;
  }

  /** The feeds polled, with who added each, its items in the corpus and its last poll. */
  private async feedInfos(entries: readonly LedgerEntry[]): Promise<FeedInfo[]> {
    const poller = this.poller();
    const added = addedFeeds(entries);
    const current = [...currentSources(entries).values()];
    const last = new Map<string, Extract<LedgerEntry, { action: 'feed-batch' }>>();
    for (const e of entries) if (e.action === 'feed-batch') last.set(e.feed, e);
    return poller.feedUrls(entries).map((url) => {
      const entry = added.get(url);
      const batch = last.get(url);
      const fromConfig = poller.settings.urls.includes(url);
      return {
        url,
        title: entry?.title ?? batch?.title ?? null,
        from: fromConfig ? 'config' : 'discord',
        addedBy: !fromConfig && entry ? { id: entry.by.id, username: entry.by.username } : null,
        addedAt: !fromConfig && entry ? entry.at : null,
        items: current.filter((e) => e.origin.kind === 'feed' && e.origin.feed === url).length,
        last: batch
          ? { at: batch.at, problem: batch.problem, added: batch.added.length, skipped: batch.skipped.length }
          : null,
      };
    });
  }

  private feedsAnswer(
    action: FeedsAnswer['action'],
    by: Person,
    feeds: FeedInfo[],
    batches: FeedBatchSummary[],
    feed: FeedInfo | null = null,
  ): FeedsAnswer {
    return {
      type: 'feeds',
      action,
      by: { id: by.id, username: by.username },
      feed,
      feeds,
      batches,
      intervalMinutes: this.poller().settings.intervalMinutes,
    };
  }

  /**
   * /corpus add-feed: the feed is fetched and read first (a feed that cannot
   * be read is refused, and nothing is recorded but the refusal), then
   * recorded, then polled at once: its items are added in one batch.
   */
  async addFeed(input: string, by: Person): Promise<FeedsAnswer> {
    const poller = this.poller();
    const what = `the feed ${shorten(input.trim(), 200)}`;
    let url: URL;
    try {
      url = checkUrl(input);
    } catch (error) {
      throw await this.refuse(by, what, (error as Error).message);
    }
    const { entries } = await this.ledger.read();
    const known = poller.feedUrls(entries).find((f) => canonicalUrl(f) === canonicalUrl(url.href));
    if (known)
      throw new Refusal(
        `The feed ${shownWhat(known)} is already polled${poller.settings.urls.includes(known) ? ' (it is in FEEDS, in the configuration)' : ''}. \`/corpus feeds\` lists them.`,
      );
    const read = await poller.read(url.href);
    if (read.problem !== undefined) throw await this.refuse(by, `the feed ${url.href}`, read.problem);
    await this.record({
      at: this.now().toISOString(),
      by,
      action: 'feed-add',
      feed: url.href,
      title: read.feed.title,
    });
    const batch = await poller.poll(url.href, by, read);
    const feeds = await this.feedInfos((await this.ledger.read()).entries);
    return this.feedsAnswer('added', by, feeds, [batch], feeds.find((f) => f.url === url.href) ?? null);
  }

  /** /corpus remove-feed: no longer polled; the items it added stay (each can be removed). */
  async removeFeed(input: string, by: Person): Promise<FeedsAnswer> {
    const poller = this.poller();
    const { entries } = await this.ledger.read();
    const feeds = await this.feedInfos(entries);
    const wanted = input.trim();
    const matches = feeds.filter(
      (f) =>
        f.url === wanted ||
        canonicalUrl(f.url) === canonicalUrl(wanted) ||
        f.title?.toLowerCase() === wanted.toLowerCase(),
    );
    const feed = matches.length === 1 ? matches[0]! : null;
    if (!feed)
      throw new Refusal(
        `No feed ${escapeText(shorten(wanted, 200))} is polled. \`/corpus feeds\` lists them.`,
      );
    if (poller.settings.urls.includes(feed.url))
      throw new Refusal(
        `The feed ${shownWhat(feed.url)} is listed in FEEDS, in the bot's configuration: it can only be stopped there.`,
      );
    await this.record({ at: this.now().toISOString(), by, action: 'feed-remove', feed: feed.url });
    return this.feedsAnswer(
      'removed',
      by,
      await this.feedInfos((await this.ledger.read()).entries),
      [],
      feed,
    );
  }

  /** /corpus feeds: the feeds polled; with `poll`, every feed polled first. */
  async listFeeds(by: Person, poll = false): Promise<FeedsAnswer> {
    const poller = this.poller();
    const batches = poll ? await poller.pollAll(by) : [];
    const feeds = await this.feedInfos((await this.ledger.read()).entries);
    return this.feedsAnswer(poll ? 'polled' : 'list', by, feeds, batches);
  }

  /** Autocomplete for remove-feed: feeds moderators added whose address or title holds what was typed. */
  async feedChoices(typed: string): Promise<{ name: string; value: string }[]> {
    if (!this.feeds) return [];
    const { entries } = await this.ledger.read();
    const wanted = typed.trim().toLowerCase();
    return [...addedFeeds(entries).values()]
      .filter(
        (f) =>
          !this.feeds!.settings.urls.includes(f.feed) &&
          (!wanted || f.feed.toLowerCase().includes(wanted) || f.title?.toLowerCase().includes(wanted)),
      )
      .slice(0, CHOICES)
      .map((f) => ({
        name: shorten(f.title ? `${shorten(f.title, 50)} · ${f.feed}` : f.feed, 100),
        value: f.feed.length <= 100 ? f.feed : (f.title ?? f.feed).slice(0, 100),
      }));
  }

  /** Ledger, log and audit channel: a failure to post is logged, never a failure of the change. */
  private async record(entry: LedgerEntry): Promise<void> {
    const { logger } = this.deps;
    try {
      await this.ledger.append(entry);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A corpus mounted read-only can be served and reloaded, but not added to: the log line is the record.
      const readOnly = code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
      logger[readOnly ? 'warn' : 'error'](
        { error: describeError(error), ledger: this.ledger.file },
        readOnly
          ? 'the corpus folder is read-only: the audit trail is only logged'
          : 'could not append to the sources ledger',
      );
    }
    logger.info({ event: 'source', ...entry }, `corpus source: ${entry.action}`);
    const post = this.deps.audit;
    if (!post) return;
    post(auditLine(entry)).catch((error: unknown) =>
      logger.warn({ error: describeError(error) }, 'could not post to the audit channel'),
    );
  }
}

/** What a refusal names: a URL as a link that does not embed, anything else as text. */
function shownWhat(what: string): string {
  const url = /^(the feed )?(https?:\/\/\S+)$/.exec(what);
  return url ? `${url[1] ?? ''}${linkMarkdown(url[2]!) ?? escapeText(url[2]!)}` : escapeText(what);
}

function feedLink(feed: string, title: string | null): string {
  const link = linkMarkdown(feed) ?? escapeText(feed);
  return title ? `“${escapeText(shorten(title, 100))}” (${link})` : link;
}

/** A feed batch for the audit channel: what was added, what was skipped and why, or why the feed could not be read. */
function batchLine(who: string, e: Extract<LedgerEntry, { action: 'feed-batch' }>): string {
  const feed = feedLink(e.feed, e.title);
  if (e.problem)
    return `📰 ${who}: the feed ${feed} could not be read: ${escapeText(e.problem)}; nothing was added.`;
  const link = (url: string) => linkMarkdown(url) ?? escapeText(url);
  const added = e.added.slice(0, 5).map((a) => {
    const d = a.documents[0];
    return d ? `“${escapeText(shorten(d.title, 100))}” (${plural(d.statements, 'statement')})` : link(a.url);
  });
  const skipped = e.skipped
    .slice(0, 5)
    .map(
      (s) =>
        `${link(s.url)} (${escapeText(shorten(s.reason, 150))}${s.retry ? '; tried again next poll' : ''})`,
    );
  const parts = [
    e.added.length
      ? `added ${plural(e.added.length, 'item')} from the feed ${feed}: ${added.join('; ')}${e.added.length > 5 ? `; and ${e.added.length - 5} more` : ''}`
      : `added nothing from the feed ${feed}`,
    e.skipped.length
      ? `skipped ${e.skipped.length}: ${skipped.join('; ')}${e.skipped.length > 5 ? `; and ${e.skipped.length - 5} more` : ''}`
      : null,
    e.repeated ? `${plural(e.repeated, 'item')} the feed repeated, taken once` : null,
    e.known ? `${e.known} seen before` : null,
    e.left ? `${e.left} left for the next poll` : null,
  ].filter(Boolean);
  const reload = e.reload
    ? e.reload.ok
      ? ` Reloaded: ${plural(e.reload.documents, 'document')}.`
      : ` The reload failed (${escapeText(e.reload.error ?? 'unknown error')}); nothing was added.`
    : '';
  return `📰 ${who} ${parts.join('; ')}.${reload}`;
}

/**
 * What a source or feed change did, in one line, for when Discord does not
 * take the full reply: the change was made and is never reported as failed.
 */
export function changeNotice(answer: Answer): string {
  const tail = ' Discord did not take the full reply; it is in the audit trail and the logs.';
  if (answer.type === 'source-change')
    return `${answer.action === 'removed' ? 'Removed' : answer.action === 'replaced' ? 'Updated' : 'Added'} \`${answer.file}\`; the corpus was reloaded (${plural(answer.reload.after.documents, 'document')}).${tail}`;
  if (answer.type === 'feeds') {
    const added = answer.batches.reduce((n, b) => n + b.added.length, 0);
    const what =
      answer.action === 'added'
        ? `The feed ${answer.feed?.url ?? ''} was added`
        : answer.action === 'removed'
          ? `The feed ${answer.feed?.url ?? ''} was removed`
          : 'The feeds were polled';
    return `${what}${answer.batches.length ? `: ${plural(added, 'new item')} added` : ''}.${tail}`;
  }
  return `Done.${tail}`;
}

/** One line for the audit channel: who did what, with what result. Never pings anyone. */
export function auditLine(entry: LedgerEntry): string {
  const who = `**${escapeText(entry.by.username)}**`;
  const code = (file: string) => `\`${file.replace(/`/g, "'")}\``;
  const docs = (documents: DocumentNote[]) =>
    documents
      .slice(0, 3)
      .map(
        (d) =>
          `“${escapeText(shorten(d.title, 120))}”${d.published ? ` (${escapeText(d.published)})` : ''}: ` +
          `${plural(d.statements, 'statement')}, ${plural(d.speakers, 'speaker')}`,
      )
      .join('; ') + (documents.length > 3 ? `; and ${documents.length - 3} more` : '');
  let line: string;
  switch (entry.action) {
    case 'add': {
      const from =
        entry.origin.kind === 'attachment'
          ? `the attachment ${code(entry.origin.name)}`
          : (linkMarkdown(entry.origin.url) ?? escapeText(entry.origin.url));
      line = `📥 ${who} ${entry.replaced ? 'updated' : 'added'} ${code(entry.file)} from ${from}: ${docs(entry.documents)}.`;
      break;
    }
    case 'remove':
      line = `🗑️ ${who} removed ${code(entry.file)}${entry.documents.length ? `: ${docs(entry.documents)}` : ''}.`;
      break;
    case 'refuse':
      line = `⚠️ ${who} could not ${entry.change ?? 'add'} ${escapeText(shorten(entry.what, 200))}: ${escapeText(entry.reason)}.`;
      break;
    case 'feed-add':
      line = `📰 ${who} added the feed ${feedLink(entry.feed, entry.title)}; it is polled from now on.`;
      break;
    case 'feed-remove':
      line = `📰 ${who} removed the feed ${feedLink(entry.feed, null)}; it is no longer polled (the items it added stay).`;
      break;
    case 'feed-batch':
      line = batchLine(who, entry);
      break;
    case 'reload': {
      const r = entry.reload;
      line = r.ok
        ? `🔄 ${who} reloaded the corpus: ${r.added} added, ${r.removed} removed, ${r.changed} changed, ` +
          `${r.skipped.length} skipped; ${plural(r.documents, 'document')}.`
        : `🔄 ${who} reloaded the corpus, and it failed (${escapeText(r.error ?? 'unknown error')}); the previous corpus is still served.`;
      break;
    }
  }
  return shorten(line, 1900);
}
