/**
 * Page sessions are dropped by age first, and a button whose session was
 * dropped early says so honestly (issue 11): "the bot was busy", not
 * "expired after 15 minutes". Memory stays bounded by count and by pages.
 */
import type { ButtonInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answers/requests.ts';
import { Refusal } from '../../src/bot/errors.ts';
import { replies } from '../../src/bot/replies.ts';
import { Responder } from '../../src/bot/respond.ts';
import { BUTTON_LIFETIME_MS, PageSessions } from '../../src/bot/sessions.ts';
import { needsSession } from '../../src/render/discord/ids.ts';
import type { EmbedPage } from '../../src/render/discord.ts';

function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const page = (sentenceId = 'doc:1.1'): EmbedPage => ({
  content: '',
  embed: { description: 'x' },
  contexts: [{ number: 1, sentenceId }],
});

describe('PageSessions eviction', () => {
  it('drops expired sessions before any live one', () => {
    const c = clock();
    const sessions = new PageSessions(c.now, BUTTON_LIFETIME_MS, 3);
    const old = [sessions.create('a', [page()]), sessions.create('a', [page()])];
    c.advance(BUTTON_LIFETIME_MS - 60_000);
    const recent = sessions.create('a', [page()]);
    c.advance(60_000);
    // The two old ones have expired: they make room, and the recent one stays.
    const next = [sessions.create('a', [page()]), sessions.create('a', [page()])];
    expect(sessions.size).toBe(3);
    expect(sessions.get(recent.id).ok).toBe(true);
    for (const s of next) expect(sessions.get(s.id).ok).toBe(true);
    for (const s of old) expect(sessions.get(s.id)).toEqual({ ok: false, reason: 'expired' });
  });

  it('says "busy", not "expired", for a session seconds old dropped to stay within the count', () => {
    const c = clock();
    const sessions = new PageSessions(c.now, BUTTON_LIFETIME_MS, 3);
    const first = sessions.create('alice', [page()]);
    c.advance(2000);
    for (let i = 0; i < 3; i++) sessions.create('bob', [page()]);
    expect(sessions.size).toBe(3);
    expect(sessions.get(first.id, 'alice')).toEqual({ ok: false, reason: 'busy' });
    // Once its 15 minutes would have run out anyway, it is simply expired.
    c.advance(BUTTON_LIFETIME_MS);
    expect(sessions.get(first.id, 'alice')).toEqual({ ok: false, reason: 'expired' });
  });

  it('bounds the pages held, all sessions together, dropping the oldest first', () => {
    const c = clock();
    const sessions = new PageSessions(c.now, BUTTON_LIFETIME_MS, 100, 10);
    const big = sessions.create(
      'a',
      Array.from({ length: 6 }, () => page()),
    );
    const small = sessions.create('a', [page(), page()]);
    expect(sessions.pageCount).toBe(8);
    const another = sessions.create(
      'a',
      Array.from({ length: 4 }, () => page()),
    );
    expect(sessions.pageCount).toBe(6);
    expect(sessions.get(big.id)).toEqual({ ok: false, reason: 'busy' });
    expect(sessions.get(small.id).ok).toBe(true);
    expect(sessions.get(another.id).ok).toBe(true);
  });

  it('tells a session lost to a restart from one dropped, and refuses ids it never made', () => {
    const c = clock();
    const before = new PageSessions(c.now).create('a', [page()]);
    c.advance(30_000);
    const after = new PageSessions(c.now);
    expect(after.get(before.id)).toEqual({ ok: false, reason: 'restarted' });
    expect(after.get('not a session!')).toEqual({ ok: false, reason: 'unknown' });
    expect(after.get('')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('makes ids that fit a custom id, without the `:` separator', () => {
    const { id } = new PageSessions().create('a', []);
    expect(id).toMatch(/^[A-Za-z0-9_-]{8}[0-9a-z]{1,10}$/);
    expect(id.length).toBeLessThanOrEqual(18);
  });
});

describe('answers that need no session', () => {
  it('keep none: one page whose Context buttons carry their sentence ids', () => {
    expect(needsSession([page()])).toBe(false);
    expect(needsSession([page(), page()])).toBe(true);
    expect(needsSession([page(`${'x'.repeat(250)}:1.1`)])).toBe(true);
  });
});

/** A Responder over `sessions` (its service is never asked: these tests only press buttons). */
function responderWith(sessions: PageSessions) {
  return new Responder({ service: {} as AnswerService, sessions });
}

function press(userId: string) {
  const updates: unknown[] = [];
  const interaction = { user: { id: userId }, update: async (m: unknown) => updates.push(m) };
  return { interaction: interaction as unknown as ButtonInteraction, updates };
}

describe('the Responder, for a button whose session is gone', () => {
  async function refusal(work: Promise<unknown>): Promise<string> {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Refusal);
    return (error as Refusal).message;
  }

  it('tells a page turn of a session dropped early that the bot was busy', async () => {
    const c = clock();
    const sessions = new PageSessions(c.now, BUTTON_LIFETIME_MS, 2);
    const responder = responderWith(sessions);
    const first = sessions.create('alice', [page(), page()]);
    c.advance(5000);
    sessions.create('bob', [page(), page()]);
    sessions.create('bob', [page(), page()]);
    const message = await refusal(responder.turnPage(press('alice').interaction, first.id, 1));
    expect(message).toBe(replies.busyButtons);
    expect(message).not.toContain('15 minutes');
  });

  it('says "expired" after 15 minutes, "restarted" after a restart, and turns live pages', async () => {
    const c = clock();
    const sessions = new PageSessions(c.now);
    const responder = responderWith(sessions);
    const live = sessions.create('alice', [page(), page()]);
    const turned = press('alice');
    await responder.turnPage(turned.interaction, live.id, 1);
    expect(turned.updates).toHaveLength(1);
    await expect(responder.contextOf(live.id, 0, 0)).resolves.toBeTypeOf('string');

    c.advance(BUTTON_LIFETIME_MS);
    expect(await refusal(responder.turnPage(press('alice').interaction, live.id, 1))).toBe(
      replies.expiredButtons,
    );
    const earlier = new PageSessions(c.now).create('alice', [page(), page()]);
    c.advance(1000);
    const restarted = responderWith(new PageSessions(c.now));
    await expect(restarted.contextOf(earlier.id, 0, 0)).rejects.toThrow(replies.restartedButtons);
  });
});
