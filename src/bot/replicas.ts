/**
 * What identical replicas of the HTTP-interactions bot share, through one
 * folder every replica can read and write (REPLICA_DIR: by default
 * `replicas/` in the snapshot folder, which the replicas share already):
 *
 * - **Page sessions** (`SharedPageSessions`): the pages of an answer with
 *   buttons, one small JSON file each, so that a Next or Context button works
 *   on whichever replica the load balancer hands the press to. Why files and
 *   not state in the button: a custom id holds 100 characters, a query alone
 *   up to 300 (and a Context-by-reference button needs the page itself), so a
 *   page could not be recomputed from the id; and pages kept as rendered show
 *   exactly the answer that was given, even after a reload changed the corpus
 *   (no "the corpus changed, ask again"). The cost: one write of a few kB per
 *   answer with more than one page, and a read per press.
 *
 * - **The reload marker** (`ReloadMarker`): a replica whose corpus was
 *   reloaded (/reload, /corpus add-url…) waits until its snapshot is written,
 *   then writes `reload.json` with a new generation. Every other replica
 *   looks at the marker every REPLICA_POLL_SECONDS (polling, not a file
 *   watcher: watchers miss changes on network file systems) and, on a new
 *   generation, reloads too. Its reload scans the same files, finds the
 *   snapshot the first replica wrote for exactly them, and opens it: nothing
 *   is parsed or extracted again.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnswerService } from '../answers/requests.ts';
import type { ReloadReport } from '../answers/types.ts';
import type { Logger } from '../log.ts';
import type { EmbedPage } from '../render/discord.ts';
import { describeError } from './errors.ts';
import {
  BUTTON_LIFETIME_MS,
  newSessionId,
  type PageSession,
  type SessionLookup,
  type SessionStore,
  sessionCreatedSecond,
} from './sessions.ts';

/** Answers with buttons kept at once, all replicas together (as many as one gateway bot keeps). */
const MAX_SESSION_FILES = 5000;
/** How often one replica looks for expired session files (any replica may; removing twice is harmless). */
const SWEEP_EVERY_MS = 60_000;

/** Writes `text` to `file` so that a reader never sees half of it: a temporary file, then a rename. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export class SharedPageSessions implements SessionStore {
  private readonly dir: string;
  private lastSweep = 0;
  private sweeping: Promise<void> | null = null;

  constructor(
    replicaDir: string,
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs = BUTTON_LIFETIME_MS,
    private readonly maxFiles = MAX_SESSION_FILES,
  ) {
    this.dir = path.join(replicaDir, 'sessions');
    mkdirSync(this.dir, { recursive: true });
  }

  async create(userId: string, pages: EmbedPage[]): Promise<PageSession> {
    const now = this.now();
    // In the background: on a network file system, a stat of thousands of files takes a while.
    if (now - this.lastSweep >= SWEEP_EVERY_MS && !this.sweeping) {
      this.lastSweep = now;
      this.sweeping = this.sweep(now).finally(() => {
        this.sweeping = null;
      });
    }
    const session = { id: newSessionId(now), userId, pages, expiresAt: now + this.lifetimeMs };
    await writeAtomically(this.fileOf(session.id), JSON.stringify(session));
    return session;
  }

  async get(id: string, userId?: string): Promise<SessionLookup> {
    const now = this.now();
    // Only ids this bot makes name a file (letters, digits, - and _): never a path.
    const created = sessionCreatedSecond(id);
    if (created === null || created > Math.floor(now / 1000)) return { ok: false, reason: 'unknown' };
    let session: PageSession | null = null;
    try {
      session = JSON.parse(await readFile(this.fileOf(id), 'utf8')) as PageSession;
    } catch {
      session = null;
    }
    if (session && session.expiresAt <= now) return { ok: false, reason: 'expired' };
    if (!session) {
      // Gone: swept after its lifetime (whole seconds, as `PageSessions` counts), or dropped to stay in bounds.
      return { ok: false, reason: now - created * 1000 >= this.lifetimeMs ? 'expired' : 'busy' };
    }
    if (userId !== undefined && session.userId !== userId) return { ok: false, reason: 'not-yours' };
    return { ok: true, session };
  }

  /** Session files held (for tests and the README's figures). */
  get size(): number {
    return this.files().length;
  }

  private fileOf(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  private files(): string[] {
    try {
      return readdirSync(this.dir).filter((name) => name.endsWith('.json'));
    } catch {
      return [];
    }
  }

  /** Removes expired session files, then the oldest live ones past `maxFiles`, and stray temporary files. */
  private async sweep(now: number): Promise<void> {
    const entries: { file: string; made: number }[] = [];
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(this.dir, name);
      let made: number;
      try {
        made = (await stat(file)).mtimeMs;
      } catch {
        continue; // removed by another replica meanwhile
      }
      const stray = !name.endsWith('.json');
      if (now - made >= this.lifetimeMs || (stray && now - made >= SWEEP_EVERY_MS)) await remove(file);
      else if (!stray) entries.push({ file, made });
    }
    entries.sort((a, b) => a.made - b.made);
    for (const { file } of entries.slice(0, Math.max(0, entries.length - this.maxFiles + 1)))
      await remove(file);
  }

  /** Resolves once a sweep under way is done (tests). */
  async swept(): Promise<void> {
    await this.sweeping;
  }
}

async function remove(file: string): Promise<void> {
  try {
    await rm(file, { force: true });
  } catch {
    // another replica's sweep, or a folder gone: nothing to do
  }
}

/** What `reload.json` holds. */
interface Generation {
  generation: string;
  /** The replica that reloaded (see `ReloadMarker.replica`). */
  replica: string;
  at: string;
}

export interface ReloadMarkerOptions {
  replicaDir: string;
  /** The service to reload when another replica reloaded (not the announcing wrapper). */
  service: AnswerService;
  logger: Logger;
  pollMs: number;
}

export class ReloadMarker {
  /** This replica, in the marker and the logs: random, so that in-process replicas (tests) differ too. */
  readonly replica = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly file: string;
  private seen: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private announcing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: ReloadMarkerOptions) {
    mkdirSync(options.replicaDir, { recursive: true });
    this.file = path.join(options.replicaDir, 'reload.json');
  }

  /** Starts watching: the marker there now is the corpus this replica just opened, not news. */
  async start(): Promise<void> {
    this.seen = (await this.read())?.generation ?? null;
    this.timer = setInterval(() => {
      this.polling ??= this.poll().finally(() => {
        this.polling = null;
      });
    }, this.options.pollMs);
    this.timer.unref();
  }

  /**
   * Tells the other replicas that this one reloaded: once its snapshot is
   * written (`flush`), so that their reloads open it rather than build it.
   * In the background: the moderator's report does not wait for the write.
   */
  announce(flush: () => Promise<void>): void {
    this.announcing = this.announcing
      .then(async () => {
        await flush();
        if (this.stopped) return;
        const generation = randomBytes(8).toString('hex');
        const marker: Generation = { generation, replica: this.replica, at: new Date().toISOString() };
        await writeAtomically(this.file, JSON.stringify(marker));
        this.seen = generation;
        this.options.logger.info(
          { generation, replica: this.replica },
          'reload announced to the other replicas',
        );
      })
      .catch((error: unknown) => {
        this.options.logger.warn(
          { error: describeError(error) },
          'could not tell the other replicas about the reload; they keep their corpus until their next reload',
        );
      });
  }

  /** Resolves once the announcements made so far are written (tests). */
  announced(): Promise<void> {
    return this.announcing;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.polling;
    await this.announcing;
  }

  private async read(): Promise<Generation | null> {
    try {
      const marker = JSON.parse(await readFile(this.file, 'utf8')) as Partial<Generation>;
      return typeof marker.generation === 'string' ? (marker as Generation) : null;
    } catch {
      return null; // none yet, or being replaced (the rename is atomic, so: none yet)
    }
  }

  private async poll(): Promise<void> {
    const marker = await this.read();
    if (!marker || marker.generation === this.seen || this.stopped) return;
    this.seen = marker.generation;
    if (marker.replica === this.replica) return;
    const { logger, service } = this.options;
    logger.info(
      { generation: marker.generation, from: marker.replica },
      'another replica reloaded the corpus; reloading',
    );
    let report: ReloadReport;
    try {
      report = await service.reload();
    } catch (error) {
      logger.error({ error: describeError(error) }, 'reload after another replica failed');
      return;
    }
    logger.info(
      {
        event: 'reload',
        by: 'replica',
        from: marker.replica,
        ok: report.ok,
        ms: report.ms,
        documents: report.after.documents,
      },
      'corpus reload',
    );
  }
}

/**
 * The service as the router of a replica sees it: a reload that succeeds is
 * announced to the other replicas (`ReloadMarker.announce`), once the
 * engine's snapshot of it is written.
 */
export function announcingReloads(service: AnswerService, marker: ReloadMarker): AnswerService {
  const flushable = service as AnswerService & { flush?: () => Promise<void> };
  const flush = () => (typeof flushable.flush === 'function' ? flushable.flush() : Promise.resolve());
  const reload = async () => {
    const report = await service.reload();
    if (report.ok) marker.announce(flush);
    return report;
  };
  return new Proxy(service, {
    get(target, key) {
      if (key === 'reload') return reload;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
