/**
 * Pagination state: the pages of each answer, who asked, and until when its
 * buttons work. Kept in memory (answers are small) and bounded by time, by
 * count and by pages held, so a busy server cannot grow it without limit.
 *
 * Sessions are dropped by age first: every expired one goes before any live
 * one. Only when the live ones exceed a bound are the oldest of them dropped
 * early, and a button of one of those says that the bot was busy, not that
 * its time ran out. A session id carries its creation time, so telling the
 * two apart (and a session lost to a restart) costs no memory.
 */
import { randomBytes } from 'node:crypto';
import type { EmbedPage } from '../render/discord.ts';

/** Interaction tokens live 15 minutes; the buttons work for as long. */
export const BUTTON_LIFETIME_MS = 15 * 60 * 1000;
/** Answers with buttons kept at once. */
const MAX_SESSIONS = 5000;
/** Pages kept at once, all answers together: at most about 6 kB each, so about 60 MB of text. */
const MAX_PAGES = 10_000;

export interface PageSession {
  id: string;
  userId: string;
  pages: EmbedPage[];
  expiresAt: number;
}

/**
 * Why a session cannot be used: its buttons' time ran out (`expired`); it was
 * dropped early to stay within bounds (`busy`); it belongs to an earlier run
 * of the bot (`restarted`); the id is not one this bot makes (`unknown`); or
 * the page turn is someone else's (`not-yours`).
 */
export type SessionLookup =
  | { ok: true; session: PageSession }
  | { ok: false; reason: 'expired' | 'busy' | 'restarted' | 'unknown' | 'not-yours' };

/** 8 random characters, then the creation time in whole seconds, base 36: `[A-Za-z0-9_-]`, no `:`. */
const SESSION_ID = /^[A-Za-z0-9_-]{8}([0-9a-z]{1,10})$/;

/**
 * Where the pages of answers with buttons are kept: in this process
 * (`PageSessions`, the gateway bot), or in a folder every replica shares
 * (`SharedPageSessions` in `replicas.ts`, the HTTP-interactions mode).
 */
export interface SessionStore {
  create(userId: string, pages: EmbedPage[]): PageSession | Promise<PageSession>;
  get(id: string, userId?: string): SessionLookup | Promise<SessionLookup>;
}

/** A new session id made at `now` (see `SESSION_ID`). */
export function newSessionId(now: number): string {
  return `${randomBytes(6).toString('base64url')}${Math.floor(now / 1000).toString(36)}`;
}

/** The second a session id was made in, or null for an id this bot did not make. */
export function sessionCreatedSecond(id: string): number | null {
  const created = SESSION_ID.exec(id)?.[1];
  return created === undefined ? null : Number.parseInt(created, 36);
}

export class PageSessions implements SessionStore {
  /** Insertion order is creation order, which makes dropping the oldest cheap. */
  private readonly sessions = new Map<string, PageSession>();
  private pages = 0;
  /** When this run of the bot began: a session made before it was lost to a restart. */
  private readonly startedSecond: number;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs = BUTTON_LIFETIME_MS,
    private readonly maxSessions = MAX_SESSIONS,
    private readonly maxPages = MAX_PAGES,
  ) {
    this.startedSecond = Math.floor(now() / 1000);
  }

  create(userId: string, pages: EmbedPage[]): PageSession {
    const now = this.now();
    this.dropExpired(now);
    while (
      this.sessions.size > 0 &&
      (this.sessions.size >= this.maxSessions || this.pages + pages.length > this.maxPages)
    ) {
      this.drop(this.sessions.keys().next().value!);
    }
    const session = {
      id: newSessionId(now),
      userId,
      pages,
      expiresAt: now + this.lifetimeMs,
    };
    this.sessions.set(session.id, session);
    this.pages += pages.length;
    return session;
  }

  /** The session, if it is still live; page turns also require the same user. */
  get(id: string, userId?: string): SessionLookup {
    const now = this.now();
    const session = this.sessions.get(id);
    if (!session || session.expiresAt <= now) return { ok: false, reason: this.whyGone(id, now) };
    if (userId !== undefined && session.userId !== userId) return { ok: false, reason: 'not-yours' };
    return { ok: true, session };
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Pages held, all sessions together. */
  get pageCount(): number {
    return this.pages;
  }

  /** Why a session that is not (or no longer) here is gone, from the creation time in its id. */
  private whyGone(id: string, now: number): 'expired' | 'busy' | 'restarted' | 'unknown' {
    const created = SESSION_ID.exec(id)?.[1];
    if (created === undefined) return 'unknown';
    const createdSecond = Number.parseInt(created, 36);
    // Whole seconds: a session made in the last second of its lifetime counts as expired.
    if (now - createdSecond * 1000 >= this.lifetimeMs) return 'expired';
    if (createdSecond < this.startedSecond) return 'restarted';
    if (createdSecond > Math.floor(now / 1000)) return 'unknown';
    return 'busy';
  }

  /** Drops expired sessions: the oldest come first, so the first live one ends the sweep. */
  private dropExpired(now: number): void {
    for (const [id, session] of this.sessions) {
      if (session.expiresAt > now) break;
      this.drop(id);
    }
  }

  private drop(id: string): void {
    this.pages -= this.sessions.get(id)?.pages.length ?? 0;
    this.sessions.delete(id);
  }
}
