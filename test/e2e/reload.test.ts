/**
 * /reload end to end: moderators only (checked at run time, not just by
 * default_member_permissions), ephemeral, lists what changed and what was
 * skipped, and serving never stops, even when the reload fails.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFolder } from '../engine/helpers.ts';
import { limitViolations } from '../support/discord-limits.ts';
import type { Fault, RecordedRequest } from '../support/fake-discord.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { ALICE, displayed, MODERATOR, slashCommand, textOf } from '../support/interactions.ts';
import { stubService } from '../support/stub-service.ts';

const FIRST = 'First report\n\n"We never hacked anyone," said Ivan Petrov of RU.\n';
const ADDED = 'Later report\n\n"Our grain exports will grow," said Anna Berg of SE.\n';
/** Front matter with a key the schema does not know: the loader must skip it and say why. */
// Front matter never closed: where the body starts cannot be known, so the file is skipped.
const BROKEN = '---\ntitle: Broken\nBody text.\n';

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = corpusFolder({ 'first.txt': FIRST });
  h = await startHarness({ service: await stubService(dir) });
});

afterAll(async () => {
  await h?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads are free-form JSON in tests
type Json = any;

const reloadLogs = () => h.logs.filter((l) => l.event === 'reload');

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('/reload', () => {
  it('is registered for Manage Server only, in servers only', async () => {
    const { data } = await import('../../commands/reload.ts');
    const json = data.toJSON();
    expect(json.default_member_permissions).toBe(String(1n << 5n));
    expect(json.contexts).toEqual([0]);
  });

  it('refuses a member without Manage Server, ephemerally, and reloads nothing', async () => {
    const out = await h.send(slashCommand(h.fake, 'reload', {}, ALICE));
    expect(out.callback.type).toBe(4);
    expect(out.ephemeral).toBe(true);
    expect(out.message.content).toBe(
      'Only members with the **Manage Server** permission can reload the corpus.',
    );
    expect(reloadLogs()).toEqual([]);
  });

  it('reports added documents and skipped files, keeps serving, and logs who, when and the result', async () => {
    writeFileSync(path.join(dir, 'added.txt'), ADDED);
    writeFileSync(path.join(dir, 'broken.md'), BROKEN);
    const out = await h.send(slashCommand(h.fake, 'reload', {}, MODERATOR));
    expect(out.deferred).toBe(true);
    expect(out.ephemeral).toBe(true);
    const text = displayed(textOf(out.message));
    expect(out.message.embeds[0].title).toBe('Corpus reloaded');
    expect(text).toMatch(/Reloaded in \d+ ms\./);
    expect(text).toContain('documents 1 → 2 (+1)');
    expect(text).toMatch(/Added\n• added/);
    expect(text).toMatch(/Skipped files\n• broken\.md: .*never closed/);
    expect(limitViolations(out.message)).toEqual([]);

    const served = await h.send(slashCommand(h.fake, 'who-said', { query: 'grain exports' }));
    expect(textOf(served.message)).toContain('Anna Berg');

    const [log] = reloadLogs();
    expect(log).toMatchObject({ by: { id: MODERATOR.id, username: 'mod' }, ok: true, added: 1 });
    expect(log.skipped).toEqual(['broken.md']);
    expect(Date.parse(log.requestedAt)).not.toBeNaN();
  });

  it('says why a failed reload failed, and the previous corpus keeps answering', async () => {
    for (const file of ['first.txt', 'added.txt', 'broken.md']) unlinkSync(path.join(dir, file));
    const out = await h.send(slashCommand(h.fake, 'reload', {}, MODERATOR));
    expect(out.message.embeds[0].title).toBe('Reload failed');
    expect(displayed(out.message.embeds[0].description)).toContain(
      'The previous corpus is still being served.',
    );
    expect(reloadLogs().at(-1)).toMatchObject({ ok: false });

    const served = await h.send(slashCommand(h.fake, 'who-said', { query: 'never hacked' }));
    expect(textOf(served.message)).toContain('Ivan Petrov');
  });

  it('/corpus shows the last reload', async () => {
    const out = await h.send(slashCommand(h.fake, 'corpus info'));
    expect(out.message.embeds[0].description).toMatch(/Last reload <t:\d+:f>: failed/);
  });
});

describe('/reload whose report Discord does not take', () => {
  /** Dispatches /reload and waits until its "thinking…" has been replaced and the reload logged. */
  async function reloadWith(faults: (token: string) => Fault[]): Promise<{ payload: Json; shown: Json }> {
    const payload = slashCommand(h.fake, 'reload', {}, MODERATOR);
    h.fake.faults.push(...faults(payload.token));
    const logged = reloadLogs().length;
    h.fake.dispatch('INTERACTION_CREATE', payload);
    await until(() => reloadLogs().length > logged && h.fake.originalMessage(payload.token) !== undefined);
    await sleep(100); // anything the bot would still send for it
    return { payload, shown: h.fake.originalMessage(payload.token) };
  }

  const edits = (token: string) => (r: RecordedRequest) =>
    r.method === 'PATCH' && r.path.includes(`/${token}/`);

  it('retries the edit once after 5xx (discord.js retried 3 times), showing the report, not an error', async () => {
    writeFileSync(path.join(dir, 'first.txt'), FIRST);
    const { payload, shown } = await reloadWith((token) => [
      { matches: edits(token), status: 500, times: 4 },
    ]);
    expect(shown.embeds[0].title).toBe('Corpus reloaded');
    expect(textOf(shown)).not.toContain('Something went wrong');
    const lines = h.logs.filter((l) => l.interaction === payload.id);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.find((l) => l.msg === 'could not show the answer; trying again')).toMatchObject({
      level: 40,
      error: { status: 500 },
    });
  });

  it('falls back to a short notice saying the reload succeeded when Discord refuses the report', async () => {
    const { payload, shown } = await reloadWith((token) => [
      { matches: (r) => edits(token)(r) && (r.body as Json)?.embeds?.length > 0, status: 400 },
    ]);
    expect(shown.content).toMatch(/^The corpus was reloaded in \d+ ms: 1 document\b/);
    expect(shown.content).not.toContain('Something went wrong');
    expect(h.fake.followUps(payload.token)).toEqual([]);
    const lines = h.logs.filter((l) => l.interaction === payload.id);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(reloadLogs().at(-1)).toMatchObject({ ok: true });
  });
});
