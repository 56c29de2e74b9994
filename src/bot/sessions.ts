/**
 * Pagination state: the pages of each answer, who asked, and until when its
 * buttons work. Kept in memory (answers are small) and bounded both by time
 * and by count, so a busy server cannot grow it without limit.
 */
import { randomBytes } from 'node:crypto';
import type { EmbedPage } from '../render/discord.ts';

/** Interaction tokens live 15 minutes; the buttons work for as long. */
export const BUTTON_LIFETIME_MS = 15 * 60 * 1000;
const MAX_SESSIONS = 5000;

export interface PageSession {
  id: string;
  userId: string;
  pages: EmbedPage[];
  expiresAt: number;
}

export type SessionLookup =
  | { ok: true; session: PageSession }
  | { ok: false; reason: 'expired' | 'not-yours' };

export class PageSessions {
  /** Insertion order is creation order, which makes evicting the oldest cheap. */
  private readonly sessions = new Map<string, PageSession>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs = BUTTON_LIFETIME_MS,
    private readonly max = MAX_SESSIONS,
  ) {}

  create(userId: string, pages: EmbedPage[]): PageSession {
    this.sweep();
    const session = {
      id: randomBytes(6).toString('base64url'),
      userId,
      pages,
      expiresAt: this.now() + this.lifetimeMs,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The session, if it is still live; page turns also require the same user. */
  get(id: string, userId?: string): SessionLookup {
    const session = this.sessions.get(id);
    if (!session || session.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    if (userId !== undefined && session.userId !== userId) return { ok: false, reason: 'not-yours' };
    return { ok: true, session };
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Drops expired sessions, then the oldest ones beyond the cap. */
  private sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) {
      if (session.expiresAt > now && this.sessions.size < this.max) break;
      this.sessions.delete(id);
    }
  }
}
