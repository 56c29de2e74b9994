/**
 * The audit trail: who added, removed or refused what, and who reloaded the
 * corpus, one JSON object a line in `.whosaid/ledger.jsonl` in the corpus
 * folder (hidden, so the loader never reads it). Lines are only ever
 * appended; the sources now in the corpus are what the adds and removes add
 * up to. A line that cannot be read (a hand edit, a torn write) is counted
 * and passed over, never a reason to lose the rest.
 */
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { STATE_DIR } from './store.ts';

export const LEDGER_FILE = `${STATE_DIR}/ledger.jsonl`;

const PersonSchema = z.object({ id: z.string(), username: z.string(), guildId: z.string().nullable() });
export type Person = z.infer<typeof PersonSchema>;

export const OriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('url'), url: z.string(), finalUrl: z.string() }),
  z.object({ kind: z.literal('attachment'), name: z.string(), url: z.string() }),
  /** An item of a feed: `url` is the item's link, `finalUrl` where its page came from. */
  z.object({ kind: z.literal('feed'), feed: z.string(), url: z.string(), finalUrl: z.string() }),
]);
export type Origin = z.infer<typeof OriginSchema>;

/** One document a source gave, as it was read when added. */
const DocumentNoteSchema = z.object({
  id: z.string(),
  title: z.string(),
  published: z.string().optional(),
  statements: z.number().int().nonnegative(),
  speakers: z.number().int().nonnegative(),
});
export type DocumentNote = z.infer<typeof DocumentNoteSchema>;

const ReloadNoteSchema = z.object({
  ok: z.boolean(),
  ms: z.number(),
  error: z.string().optional(),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  skipped: z.array(z.string()),
  documents: z.number().int(),
});
export type ReloadNote = z.infer<typeof ReloadNoteSchema>;

const common = { at: z.string(), by: PersonSchema };

/** A feed item added in a batch: what an add entry says of a file, with the item's addresses. */
const FeedAddedSchema = z.object({
  file: z.string(),
  url: z.string(),
  finalUrl: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  mediaType: z.string(),
  documents: z.array(DocumentNoteSchema),
});
export type FeedAdded = z.infer<typeof FeedAddedSchema>;

/**
 * A feed item not added, and why. `retry`: the problem may pass (a timeout,
 * a server error, a failed reload), so a later poll tries it again, up to
 * FEED_ITEM_ATTEMPTS times; any other item is never fetched again.
 */
const FeedSkippedSchema = z.object({ url: z.string(), reason: z.string(), retry: z.boolean().optional() });
export type FeedSkipped = z.infer<typeof FeedSkippedSchema>;

/** How many polls try an item that failed for a reason that may pass. */
export const FEED_ITEM_ATTEMPTS = 3;

export const LedgerEntrySchema = z.discriminatedUnion('action', [
  z.object({
    ...common,
    action: z.literal('add'),
    file: z.string(),
    origin: OriginSchema,
    sha256: z.string(),
    bytes: z.number().int().nonnegative(),
    mediaType: z.string(),
    /** A file already at that name (the same URL added before) was replaced. */
    replaced: z.boolean(),
    documents: z.array(DocumentNoteSchema),
    reload: ReloadNoteSchema,
  }),
  z.object({
    ...common,
    action: z.literal('remove'),
    file: z.string(),
    documents: z.array(DocumentNoteSchema),
    reload: ReloadNoteSchema,
  }),
  z.object({
    ...common,
    /** An add that did not go through (the fetch failed, the loader skipped the file…): nothing was kept. */
    action: z.literal('refuse'),
    /** What did not go through (an add when absent: entries before removes were recorded too). */
    change: z.enum(['add', 'remove']).optional(),
    what: z.string(),
    reason: z.string(),
  }),
  z.object({ ...common, action: z.literal('reload'), reload: ReloadNoteSchema }),
  /** A feed a moderator added (feeds in FEEDS, the configuration, are not recorded). */
  z.object({ ...common, action: z.literal('feed-add'), feed: z.string(), title: z.string().nullable() }),
  z.object({ ...common, action: z.literal('feed-remove'), feed: z.string() }),
  /**
   * One poll of one feed that found something to say: the items it added (in
   * one reload), those it skipped and why, or why the feed could not be read
   * (`problem`: then nothing was added).
   */
  z.object({
    ...common,
    action: z.literal('feed-batch'),
    feed: z.string(),
    title: z.string().nullable(),
    problem: z.string().nullable(),
    added: z.array(FeedAddedSchema),
    skipped: z.array(FeedSkippedSchema),
    /** Items seen on an earlier poll (or already in the corpus by their address), passed over. */
    known: z.number().int().nonnegative(),
    /** Items the feed listed more than once in this poll, taken once. */
    repeated: z.number().int().nonnegative(),
    /** New items left for the next poll (a poll adds at most a few). */
    left: z.number().int().nonnegative(),
    reload: ReloadNoteSchema.nullable(),
  }),
]);
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type AddEntry = Extract<LedgerEntry, { action: 'add' }>;
export type RemoveEntry = Extract<LedgerEntry, { action: 'remove' }>;
export type FeedBatchEntry = Extract<LedgerEntry, { action: 'feed-batch' }>;

export class Ledger {
  readonly file: string;
  /** The last read, kept while the file's size and time are the same (autocomplete reads it per keystroke). */
  private cache: { key: string; read: { entries: LedgerEntry[]; unreadable: number } } | null = null;

  constructor(corpusDir: string) {
    this.file = path.join(corpusDir, LEDGER_FILE);
  }

  async append(entry: LedgerEntry): Promise<void> {
    const line = `${JSON.stringify(LedgerEntrySchema.parse(entry))}\n`;
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, line, { encoding: 'utf8', flag: 'a' });
  }

  /** Every readable entry, oldest first, and how many lines could not be read. */
  async read(): Promise<{ entries: LedgerEntry[]; unreadable: number }> {
    let text: string;
    let key: string;
    try {
      const info = await stat(this.file);
      key = `${info.size}:${info.mtimeMs}:${info.ino}`;
      if (this.cache?.key === key) return this.cache.read;
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], unreadable: 0 };
      throw error;
    }
    const entries: LedgerEntry[] = [];
    let unreadable = 0;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        entries.push(LedgerEntrySchema.parse(JSON.parse(line)));
      } catch {
        unreadable++;
      }
    }
    this.cache = { key, read: { entries, unreadable } };
    return this.cache.read;
  }
}

/** A feed item a batch added, as the add entry it amounts to. */
function feedAddEntry(batch: FeedBatchEntry, item: FeedAdded): AddEntry {
  return {
    at: batch.at,
    by: batch.by,
    action: 'add',
    file: item.file,
    origin: { kind: 'feed', feed: batch.feed, url: item.url, finalUrl: item.finalUrl },
    sha256: item.sha256,
    bytes: item.bytes,
    mediaType: item.mediaType,
    replaced: false,
    documents: item.documents,
    reload: batch.reload ?? {
      ok: true,
      ms: 0,
      added: 0,
      removed: 0,
      changed: 0,
      skipped: [],
      documents: 0,
    },
  };
}

/**
 * The sources in the corpus by the ledger: each file's last add (by a
 * moderator, or in a feed batch), unless a remove came after it.
 */
export function currentSources(entries: readonly LedgerEntry[]): Map<string, AddEntry> {
  const current = new Map<string, AddEntry>();
  for (const entry of entries) {
    if (entry.action === 'add') current.set(entry.file, entry);
    else if (entry.action === 'remove') current.delete(entry.file);
    else if (entry.action === 'feed-batch')
      for (const item of entry.added) current.set(item.file, feedAddEntry(entry, item));
  }
  return current;
}

/** The feeds moderators added and did not remove, by address, with their add entries. */
export function addedFeeds(
  entries: readonly LedgerEntry[],
): Map<string, Extract<LedgerEntry, { action: 'feed-add' }>> {
  const feeds = new Map<string, Extract<LedgerEntry, { action: 'feed-add' }>>();
  for (const entry of entries) {
    if (entry.action === 'feed-add') feeds.set(entry.feed, entry);
    else if (entry.action === 'feed-remove') feeds.delete(entry.feed);
  }
  return feeds;
}

/**
 * Feed items already dealt with, by canonical URL (see ./feed.ts): added,
 * or skipped for good; an item skipped for a reason that may pass counts as
 * dealt with once it has been tried FEED_ITEM_ATTEMPTS times.
 */
export function seenFeedItems(
  entries: readonly LedgerEntry[],
  canonical: (url: string) => string,
): Set<string> {
  const seen = new Set<string>();
  const attempts = new Map<string, number>();
  for (const entry of entries) {
    if (entry.action !== 'feed-batch') continue;
    for (const item of entry.added) {
      seen.add(canonical(item.url));
      seen.add(canonical(item.finalUrl));
    }
    for (const item of entry.skipped) {
      const key = canonical(item.url);
      const tried = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, tried);
      if (!item.retry || tried >= FEED_ITEM_ATTEMPTS) seen.add(key);
    }
  }
  return seen;
}
