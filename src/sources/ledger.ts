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
    what: z.string(),
    reason: z.string(),
  }),
  z.object({ ...common, action: z.literal('reload'), reload: ReloadNoteSchema }),
]);
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type AddEntry = Extract<LedgerEntry, { action: 'add' }>;
export type RemoveEntry = Extract<LedgerEntry, { action: 'remove' }>;

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

/** The sources in the corpus by the ledger: each file's last add, unless a remove came after it. */
export function currentSources(entries: readonly LedgerEntry[]): Map<string, AddEntry> {
  const current = new Map<string, AddEntry>();
  for (const entry of entries) {
    if (entry.action === 'add') current.set(entry.file, entry);
    else if (entry.action === 'remove') current.delete(entry.file);
  }
  return current;
}
