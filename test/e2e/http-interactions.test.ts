/**
 * HTTP-interactions mode end to end: two replicas of the bot (each with its
 * own engine worker, both opening one snapshot of a copy of the seed corpus)
 * behind no gateway, sent interactions signed as Discord signs them, and
 * answering through the fake Discord server's callback and webhook
 * endpoints. Forged, stale, replayed, oversized and malformed requests are
 * refused and never reach a command; buttons and reloads work across
 * replicas.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerService } from '../../src/engine/worker-service.ts';
import { limitViolations } from '../support/discord-limits.ts';
import { FakeDiscord } from '../support/fake-discord.ts';
import { copyCorpus, type Harness, SEED_CORPUS, startHarness } from '../support/harness.ts';
import {
  ALICE,
  BOB,
  buttonPress,
  buttons,
  MODERATOR,
  slashCommand,
  textOf,
} from '../support/interactions.ts';
import { type BotProcess, botEnv, kill, startProcess } from '../support/process.ts';
import {
  nowSeconds,
  postSigned,
  type Replicas,
  signingKey,
  startReplicas,
} from '../support/signed-interactions.ts';

// biome-ignore lint/suspicious/noExplicitAny: Discord payloads are free-form JSON in tests
type Json = any;

let corpus: ReturnType<typeof copyCorpus>;
let r: Replicas;

/** Twelve long sentences on one topic: a search for it takes more than one page. */
const ZEBRAS = `Zebra report\n\n${Array.from(
  { length: 12 },
  (_, i) =>
    `Zebra crossing ${i + 1} is where the zebra herd waits, ${'and the zebra herd keeps waiting '.repeat(18)}for the bus.`,
).join('\n\n')}\n`;

beforeAll(async () => {
  corpus = copyCorpus();
  writeFileSync(path.join(corpus.dir, 'zebra.txt'), ZEBRAS);
  r = await startReplicas({ corpusDir: corpus.dir, count: 2 });
}, 120_000);

afterAll(async () => {
  await r?.close();
  corpus?.remove();
});

const url = (i: number) => r.replicas[i]!.url;

/** Requests the bot made to Discord for an interaction token (none, for a refused request). */
function requestsFor(token: string) {
  return r.fake.requests.filter((q) => q.path.includes(`/${token}`));
}

describe('signatures and bodies', () => {
  it('answers a signed PING with PONG in the response body', async () => {
    const response = await postSigned(url(0), r.key, {
      id: '1',
      application_id: '100000000000000001',
      type: 1,
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ type: 1 });
  });

  it('refuses a forged signature, a signature made with another key, and a body changed after signing (401)', async () => {
    const payload = slashCommand(r.fake, 'who-said', { query: 'empire of hackers' });
    const forged = await postSigned(url(0), r.key, payload, { signature: 'ab'.repeat(64) });
    const otherKey = await postSigned(url(1), r.key, payload, { key: signingKey() });
    const tampered = await postSigned(url(0), r.key, payload, {
      signedBody: JSON.stringify({ ...payload, data: { ...payload.data, name: 'help' } }),
    });
    const garbage = await postSigned(url(0), r.key, payload, { signature: 'not hex at all' });
    expect([forged.status, otherKey.status, tampered.status, garbage.status]).toEqual([401, 401, 401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requestsFor(payload.token)).toEqual([]);
  });

  it('refuses missing signature headers and a PING without them (Discord checks that too)', async () => {
    const payload = slashCommand(r.fake, 'who-said', { query: 'empire of hackers' });
    const noSignature = await postSigned(url(0), r.key, payload, { omit: ['x-signature-ed25519'] });
    const noTimestamp = await postSigned(url(0), r.key, payload, { omit: ['x-signature-timestamp'] });
    const ping = await postSigned(
      url(1),
      r.key,
      { type: 1 },
      { omit: ['x-signature-ed25519', 'x-signature-timestamp'] },
    );
    const forgedPing = await postSigned(url(1), r.key, { type: 1 }, { key: signingKey() });
    expect([noSignature.status, noTimestamp.status, ping.status, forgedPing.status]).toEqual([
      401, 401, 401, 401,
    ]);
    expect(requestsFor(payload.token)).toEqual([]);
  });

  it('refuses a genuine signature on a stale timestamp, and a request sent twice (replay)', async () => {
    const payload = slashCommand(r.fake, 'who-said', { query: 'empire of hackers' });
    const stale = await postSigned(url(0), r.key, payload, { timestamp: nowSeconds(-600) });
    const future = await postSigned(url(0), r.key, payload, { timestamp: nowSeconds(600) });
    expect([stale.status, future.status]).toEqual([401, 401]);
    expect(requestsFor(payload.token)).toEqual([]);

    const first = await r.send(0, payload);
    expect(first.status).toBe(202);
    const again = await postSigned(url(0), r.key, payload);
    expect(again.status).toBe(401);
    expect(requestsFor(payload.token).filter((q) => q.path.endsWith('/callback'))).toHaveLength(1);
  });

  it('refuses signed bodies it cannot read (400), and bodies too large (413)', async () => {
    const statuses = await Promise.all([
      postSigned(url(0), r.key, '{"type": 2, "id": '),
      postSigned(url(0), r.key, '[1, 2, 3]'),
      postSigned(url(0), r.key, { type: 2 }),
      postSigned(url(0), r.key, { ...slashCommand(r.fake, 'help'), type: 5 }),
      postSigned(url(0), r.key, { ...slashCommand(r.fake, 'help'), member: undefined }),
      postSigned(url(0), r.key, { ...buttonPress(r.fake, 'pg:x:1:n', {}), data: { component_type: 2 } }),
      postSigned(url(0), r.key, { type: 1, padding: 'x'.repeat(300 * 1024) }),
    ]);
    expect(statuses.map((s) => s.status)).toEqual([400, 400, 400, 400, 400, 400, 413]);
  });

  it('answers only POST on the endpoint, and /livez and /readyz for a load balancer', async () => {
    expect((await fetch(url(0), { method: 'GET' })).status).toBe(405);
    expect((await fetch(`${url(1)}/livez`)).status).toBe(200);
    expect((await fetch(`${url(1)}/readyz`)).status).toBe(200);
  });
});

describe('answers', () => {
  let gateway: Harness;

  beforeAll(async () => {
    gateway = await startHarness({ corpusDir: corpus.dir });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('a signed /who-said is answered once, 202 to Discord, with the same message as the gateway bot', async () => {
    const payload = slashCommand(r.fake, 'who-said', { query: '"empire of hackers"' });
    const http = await r.send(0, payload);
    const viaGateway = await gateway.send(
      slashCommand(gateway.fake, 'who-said', { query: '"empire of hackers"' }),
    );
    expect(http.status).toBe(202);
    expect(textOf(http.message)).toContain('Zhao Lijian');
    expect(http.message).toEqual(viaGateway.message);
    expect(requestsFor(payload.token).filter((q) => q.path.endsWith('/callback'))).toHaveLength(1);
    expect(http.bodies.every((b: Json) => b.allowed_mentions?.parse?.length === 0)).toBe(true);
    expect(limitViolations(http.message)).toEqual([]);
  });

  it('autocomplete is answered with the same choices as the gateway bot', async () => {
    const { autocomplete } = await import('../support/interactions.ts');
    const http = await r.send(1, autocomplete(r.fake, 'quotes', 'speaker', { speaker: 'zhao' }));
    const viaGateway = await gateway.send(
      autocomplete(gateway.fake, 'quotes', 'speaker', { speaker: 'zhao' }),
    );
    expect(http.status).toBe(202);
    expect(http.callback.type).toBe(8);
    expect(http.callback).toEqual(viaGateway.callback);
  });
});

describe('across replicas', () => {
  it('a page button made on replica A, pressed on replica B, shows the right page, to its owner only', async () => {
    const first = await r.send(0, slashCommand(r.fake, 'search', { query: 'zebra herd' }));
    const next = buttons(first.message).find((b: Json) => b.label === 'Next ▶');
    expect(next, 'the answer has more than one page').toBeDefined();
    const second = await r.send(1, buttonPress(r.fake, next.custom_id, first.stored, ALICE));
    expect(second.status).toBe(202);
    expect(second.callback.type).toBe(7); // the message updated in place
    expect(second.message.embeds[0].footer.text).toMatch(/^Page 2 of \d+/);
    expect(textOf(second.message)).not.toEqual(textOf(first.message));

    const back = buttons(second.message).find((b: Json) => b.label === '◀ Previous');
    const again = await r.send(0, buttonPress(r.fake, back.custom_id, second.stored, ALICE));
    expect(textOf(again.message)).toEqual(textOf(first.message));

    const bob = await r.send(1, buttonPress(r.fake, next.custom_id, first.stored, BOB));
    expect(bob.ephemeral).toBe(true);
    expect(bob.message.content).toMatch(/only the person who asked/i);
  });

  /** Asks replica B until its answer shows `expected` (it polls the marker every 0.2 s here). */
  async function seenOnB(request: Json, expected: string): Promise<string> {
    const deadline = Date.now() + 30_000;
    let seen = '';
    while (Date.now() < deadline && !seen.includes(expected)) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      seen = textOf((await r.send(1, slashCommand(r.fake, 'search', request))).message);
    }
    return seen;
  }

  it('a /reload on replica A is seen by replica B, which reloads too (a small change: in place)', async () => {
    writeFileSync(
      path.join(corpus.dir, 'xylophone.md'),
      '---\ntitle: Orchestra news\n---\nOrchestra news\n\nThe xylophonist arrived late to the rehearsal in Vienna.\n',
    );
    const query = { query: 'xylophonist rehearsal' };
    const before = await r.send(1, slashCommand(r.fake, 'search', query));
    expect(textOf(before.message)).not.toContain('Vienna');

    const reload = await r.send(0, slashCommand(r.fake, 'reload', {}, MODERATOR));
    expect(textOf(reload.message)).toMatch(/xylophone/);
    await r.replicas[0]!.bot.reloads.announced();
    expect(await seenOnB(query, 'Vienna')).toContain('Vienna');
    const logs = r.replicas[1]!.logs();
    expect(logs.some((l) => l.msg === 'another replica reloaded the corpus; reloading')).toBe(true);
    expect(logs.some((l) => l.msg === 'corpus reload' && l.by === 'replica' && l.ok === true)).toBe(true);
    // A does not reload again because of its own marker.
    expect(
      r.replicas[0]!.logs().some((l) => l.msg === 'another replica reloaded the corpus; reloading'),
    ).toBe(false);
  });

  it('after a large change, replica B opens the snapshot replica A wrote instead of building it', async () => {
    const B = r.replicas[1]!.bot.service as WorkerService;
    const workerBefore = B.timings;
    for (let i = 0; i < 210; i++) {
      writeFileSync(
        path.join(corpus.dir, `bulletin-${i}.txt`),
        `Bulletin ${i}\n\nThe harpsichordist number ${i} tuned the instrument in Salzburg.\n`,
      );
    }
    const reload = await r.send(0, slashCommand(r.fake, 'reload', {}, MODERATOR));
    expect(textOf(reload.message)).toMatch(/Corpus reloaded/);
    await r.replicas[0]!.bot.reloads.announced();
    expect(await seenOnB({ query: 'harpsichordist tuned' }, 'Salzburg')).toContain('Salzburg');
    // A fresh engine worker serves on B now, and it opened a snapshot: nothing was extracted there.
    expect(B.timings).not.toBe(workerBefore);
    expect(B.servedFrom).toBe('snapshot');
  }, 90_000);
});

describe('the real entry point (node src/bot/main.ts) with INTERACTIONS_MODE=http', () => {
  let fake: FakeDiscord;
  let bot: BotProcess | undefined;
  let scratch: string;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    scratch = mkdtempSync(path.join(tmpdir(), 'whosaid-http-process-'));
  });

  afterAll(async () => {
    await kill(bot);
    await fake?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stops at once, with one line, when DISCORD_PUBLIC_KEY is missing', async () => {
    const missing = startProcess(process.execPath, ['--import', 'tsx', 'src/bot/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: botEnv(fake, SEED_CORPUS, { INTERACTIONS_MODE: 'http' }),
    });
    expect(await missing.exited).toBe(1);
    expect(missing.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(/^DISCORD_PUBLIC_KEY is missing: /),
    ]);
  });

  it('listens, answers a signed PING and a signed command, refuses a forged one, and stops on SIGTERM', async () => {
    const key = signingKey();
    bot = startProcess(process.execPath, ['--import', 'tsx', 'src/bot/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: botEnv(fake, SEED_CORPUS, {
        INTERACTIONS_MODE: 'http',
        DISCORD_PUBLIC_KEY: key.publicKeyHex,
        INTERACTIONS_PORT: '0',
        INTERACTIONS_HOST: '127.0.0.1',
        REPLICA_DIR: scratch,
      }),
    });
    const listening = await bot.waitForLog('listening for Discord interactions', 60_000);
    expect(await postSigned(listening.url, key, { type: 1 })).toMatchObject({
      status: 200,
      json: { type: 1 },
    });
    expect((await postSigned(listening.url, key, { type: 1 }, { key: signingKey() })).status).toBe(401);
    const payload = slashCommand(fake, 'help');
    expect((await postSigned(listening.url, key, payload)).status).toBe(202);
    const callback = await fake.waitForRequest((q) => q.path.includes(`/${payload.token}/callback`));
    expect((callback.body as Json).data.allowed_mentions).toEqual({ parse: [] });
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 90_000);
});
