/** What replicas share through REPLICA_DIR (src/bot/replicas.ts): page sessions and the reload marker. */
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answers/requests.ts';
import type { ReloadReport } from '../../src/answers/types.ts';
import { ReloadMarker, SharedPageSessions } from '../../src/bot/replicas.ts';
import { createLogger } from '../../src/log.ts';
import type { EmbedPage } from '../../src/render/discord.ts';

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'whosaid-replicas-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const page = (n: number): EmbedPage => ({ content: `page ${n}`, embed: null, contexts: [] });

describe('SharedPageSessions', () => {
  it('a session made by one replica is read by another, for its owner only', async () => {
    const dir = folder();
    const a = new SharedPageSessions(dir);
    const b = new SharedPageSessions(dir);
    const made = await a.create('alice', [page(1), page(2)]);
    const found = await b.get(made.id, 'alice');
    expect(found.ok && found.session.pages.map((p) => p.content)).toEqual(['page 1', 'page 2']);
    expect(await b.get(made.id, 'bob')).toEqual({ ok: false, reason: 'not-yours' });
  });

  it('says why a session is gone: expired, dropped early, or an id it never made (never a path)', async () => {
    let now = 1_760_000_000_000;
    const dir = folder();
    const sessions = new SharedPageSessions(dir, () => now, 60_000);
    const made = await sessions.create('alice', [page(1), page(2)]);
    now += 61_000;
    expect(await sessions.get(made.id)).toEqual({ ok: false, reason: 'expired' });
    const young = `abcdefgh${Math.floor(now / 1000).toString(36)}`;
    expect(await sessions.get(young)).toEqual({ ok: false, reason: 'busy' });
    for (const id of ['../../etc/passwd', 'abc', `x/../${made.id}`]) {
      expect(await sessions.get(id)).toEqual({ ok: false, reason: 'unknown' });
    }
  });

  it('sweeps expired files and keeps at most its bound', async () => {
    let now = 1_760_000_000_000;
    const dir = folder();
    const sessions = new SharedPageSessions(dir, () => now, 60_000, 3);
    const old = await sessions.create('alice', [page(1)]);
    const oldFile = path.join(dir, 'sessions', `${old.id}.json`);
    utimesSync(oldFile, new Date(now - 120_000), new Date(now - 120_000));
    now += 61_000;
    for (let i = 0; i < 5; i++) {
      now += 61_000; // a sweep at every create
      await sessions.create('alice', [page(i)]);
      await sessions.swept();
    }
    const files = readdirSync(path.join(dir, 'sessions'));
    expect(files).not.toContain(`${old.id}.json`);
    expect(files.length).toBeLessThanOrEqual(3);
  });
});

describe('ReloadMarker', () => {
  it('a reload announced by one replica makes the other reload once, and not itself', async () => {
    const dir = folder();
    const logger = createLogger('silent');
    const reloads = { a: 0, b: 0 };
    const service = (name: 'a' | 'b') =>
      ({
        reload: async () => {
          reloads[name] += 1;
          return { ok: true, ms: 1, after: { documents: 1 } } as unknown as ReloadReport;
        },
      }) as unknown as AnswerService;
    const a = new ReloadMarker({ replicaDir: dir, service: service('a'), logger, pollMs: 20 });
    const b = new ReloadMarker({ replicaDir: dir, service: service('b'), logger, pollMs: 20 });
    await a.start();
    await b.start();
    let flushed = false;
    a.announce(async () => {
      flushed = true;
    });
    await a.announced();
    expect(flushed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reloads).toEqual({ a: 0, b: 1 });
    await a.stop();
    await b.stop();
  });
});
