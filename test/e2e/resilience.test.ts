/**
 * Errors, the rate limit and deferral end to end: the one error handler
 * (short ephemeral message, detail in the logs, no token anywhere), the
 * per-user query budget, and deferral of slow answers.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answers/requests.ts';
import { corpusFolder } from '../engine/helpers.ts';
import { BOT_TOKEN, type Harness, startHarness } from '../support/harness.ts';
import {
  ALICE,
  autocomplete,
  BOB,
  buttonPress,
  buttons,
  slashCommand,
  textOf,
} from '../support/interactions.ts';
import { stubService } from '../support/stub-service.ts';

let dir: string;
let service: AnswerService;

beforeAll(async () => {
  dir = corpusFolder({ 'a.txt': 'Report\n\n"We never hacked anyone," said Ivan Petrov of RU.\n' });
  service = await stubService(dir);
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('the error handler', () => {
  let h: Harness;
  const failing: AnswerService = {
    ask: async (request) => {
      if (request.type === 'search' && request.query === 'explode') throw new Error('index exploded');
      return service.ask(request);
    },
    catalog: () => {
      throw new Error('catalog exploded');
    },
    reload: () => service.reload(),
    close: async () => {},
  };

  beforeAll(async () => {
    h = await startHarness({ service: failing });
  });
  afterAll(() => h?.close());

  it('gives the user a short ephemeral message and the logs the detail', async () => {
    const out = await h.send(slashCommand(h.fake, 'search', { query: 'explode' }));
    expect(out.ephemeral).toBe(true);
    expect(out.message.content).toBe(
      'Something went wrong while answering. It has been logged; please try again in a moment.',
    );
    const logged = h.logs.find((l) => l.msg === 'interaction failed');
    expect(logged).toMatchObject({
      level: 50,
      kind: '/search',
      user: ALICE.id,
      error: { message: 'index exploded' },
    });
  });

  it('refuses an invalid request with what is wrong, not a stack trace', async () => {
    const out = await h.send(slashCommand(h.fake, 'search', { query: '   ' }));
    expect(out.ephemeral).toBe(true);
    expect(out.message.content).toMatch(/^That request is not valid: query /);
  });

  it('refuses a missing or mistyped option by name, logged as a warning and not as a fault', async () => {
    // Discord enforces required options and types for the commands it has; a client with stale
    // commands, or anyone posting interactions by hand, can still send these.
    const missing = slashCommand(h.fake, 'search', {});
    const mistyped = slashCommand(h.fake, 'source', { citation: 15 });
    const badFlag = slashCommand(h.fake, 'who-said', { query: 'hacked', private: 'yes' });
    const expected = [
      [missing, /^That request is not valid: the option “query” is missing\b/],
      [mistyped, /^That request is not valid: the option “citation” is not text\b/],
      [badFlag, /^That request is not valid: the option “private” is not true or false\b/],
    ] as const;
    for (const [payload, reply] of expected) {
      const out = await h.send(payload);
      expect(out.ephemeral).toBe(true);
      expect(out.message.content).toMatch(reply);
      const lines = h.logs.filter((l) => l.interaction === payload.id);
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
      expect(lines.find((l) => l.msg === 'invalid request')).toMatchObject({ level: 40 });
    }
  });

  it('answers autocomplete with no choices when the catalog fails', async () => {
    const out = await h.send(autocomplete(h.fake, 'deny', 'country', { country: 'ru' }));
    expect(out.callback).toEqual({ type: 8, data: { choices: [] } });
  });

  it('survives Discord rejecting a reply, and no token reaches the logs', async () => {
    const payload = slashCommand(h.fake, 'search', { query: 'hacked' });
    h.fake.failingTokens.add(payload.token);
    h.fake.dispatch('INTERACTION_CREATE', payload);
    await until(() => h.logs.some((l) => l.msg === 'could not send the error reply'));
    const failure = h.logs.find((l) => l.msg === 'interaction failed' && l.interaction === payload.id);
    expect(failure.error.status).toBe(400);
    expect(failure.error.url).toContain('/interactions/');
    const raw = h.rawLogs();
    expect(raw).not.toContain(payload.token);
    expect(raw).not.toContain(BOT_TOKEN);
    // Still serving.
    const out = await h.send(slashCommand(h.fake, 'search', { query: 'hacked' }));
    expect(textOf(out.message)).toContain('**hacked**');
  });
});

describe('rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ service, env: { RATE_LIMIT_BURST: '3', RATE_LIMIT_REFILL_SECONDS: '60' } });
  });
  afterAll(() => h?.close());

  let answer: Awaited<ReturnType<Harness['send']>>;

  it('answers a burst of different commands, then says when to try again, ephemerally', async () => {
    answer = await h.send(slashCommand(h.fake, 'who-said', { query: 'hacked' }, ALICE));
    const search = await h.send(slashCommand(h.fake, 'search', { query: 'hacked' }, ALICE));
    const corpus = await h.send(slashCommand(h.fake, 'corpus info', {}, ALICE));
    for (const out of [answer, search, corpus]) expect(out.ephemeral).toBe(false);
    expect(textOf(answer.message)).toContain('Ivan Petrov');
    expect(textOf(search.message)).toContain('**hacked**');

    const refused = await h.send(slashCommand(h.fake, 'deny', { country: 'RU' }, ALICE));
    const now = Date.now();
    expect(refused.ephemeral).toBe(true);
    const reply = /^You're asking quickly: try again <t:(\d+):R> \(in (\d+) s\)\. (.*)$/.exec(
      refused.message.content,
    );
    expect(reply?.[3]).toBe('Everyone can ask 3 questions in a row, then one more every 60 s.');
    // The first query comes back a minute after it was asked, a moment ago.
    const [retryAt, seconds] = [Number(reply?.[1]) * 1000, Number(reply?.[2])];
    expect(seconds).toBeGreaterThanOrEqual(50);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(retryAt).toBeGreaterThan(now + 50_000);
    expect(retryAt).toBeLessThanOrEqual(now + 61_000);
    expect(Math.abs(retryAt - (now + seconds * 1000))).toBeLessThanOrEqual(2000);
    expect(h.logs.find((l) => l.msg === 'refused')).toMatchObject({ kind: '/deny', user: ALICE.id });
  });

  it('spends nothing on autocomplete or on the Context buttons of an answer already given', async () => {
    const choices = await h.send(autocomplete(h.fake, 'deny', 'country', { country: 'ru' }, ALICE));
    expect(choices.callback.data.choices[0].value).toBe('RU');
    const context = buttons(answer.message).find((b) => b.label.startsWith('Context'))!;
    const out = await h.send(buttonPress(h.fake, context.custom_id, answer.stored, ALICE));
    expect(out.ephemeral).toBe(true);
    expect(out.message.embeds[0].description).toContain('We never hacked anyone');
    // …and still refuses Alice's next command.
    const again = await h.send(slashCommand(h.fake, 'search', { query: 'hacked' }, ALICE));
    expect(again.message.content).toMatch(/^You're asking quickly/);
  });

  it('leaves other users their whole budget, however much they autocomplete', async () => {
    for (const typed of ['r', 'ru', 'rus', 'russ', 'russi', 'russia']) {
      const out = await h.send(autocomplete(h.fake, 'deny', 'country', { country: typed }, BOB));
      expect(out.callback.data.choices.length).toBeGreaterThan(0);
    }
    for (const query of ['hacked', 'never', 'anyone']) {
      const out = await h.send(slashCommand(h.fake, 'search', { query }, BOB));
      expect(out.ephemeral).toBe(false);
      expect(textOf(out.message)).toContain(`**${query}**`);
    }
    const fourth = await h.send(slashCommand(h.fake, 'deny', { country: 'RU' }, BOB));
    expect(fourth.message.content).toMatch(/^You're asking quickly/);
  });
});

describe('deferral', () => {
  let h: Harness;
  const slow: AnswerService = {
    ask: async (request) => {
      await sleep(150);
      if (request.type === 'search' && request.query === 'explode') throw new Error('slowly exploded');
      return service.ask(request);
    },
    catalog: () => service.catalog(),
    reload: () => service.reload(),
    close: async () => {},
  };

  beforeAll(async () => {
    h = await startHarness({ service: slow, deferAfterMs: 20 });
  });
  afterAll(() => h?.close());

  it('defers a slow answer, then edits it in; private answers stay ephemeral', async () => {
    const payload = slashCommand(h.fake, 'who-said', { query: 'hacked', private: true });
    const out = await h.send(payload);
    expect(out.callback).toEqual({ type: 5, data: { flags: 64 } });
    expect(out.deferred).toBe(true);
    expect(out.ephemeral).toBe(true);
    expect(textOf(out.message)).toContain('Ivan Petrov');
    const edit = h.fake.requests.find((r) => r.method === 'PATCH' && r.path.includes(payload.token));
    expect(edit?.rawPath).toMatch(/\/messages\/%40original$/);
  });

  it('edits a public "thinking…" into the error notice when a slow answer fails: no follow-up', async () => {
    const payload = slashCommand(h.fake, 'search', { query: 'explode' });
    const out = await h.send(payload);
    expect(out.deferred).toBe(true);
    expect(out.message.content).toContain('Something went wrong');
    await until(() => h.logs.some((l) => l.msg === 'interaction failed' && l.interaction === payload.id));
    expect(h.fake.followUps(payload.token)).toEqual([]);
  });

  it('shows that notice once when Discord carries out each call but answers 500 (discord.js retries)', async () => {
    const payload = slashCommand(h.fake, 'search', { query: 'explode' });
    const mine = (r: { path: string }) =>
      r.path.includes(`/webhooks/`) && r.path.includes(`/${payload.token}`);
    h.fake.faults.push({
      matches: (r) => mine(r) && (r.method === 'POST' || r.method === 'PATCH'),
      status: 500,
      accepted: true,
    });
    h.fake.dispatch('INTERACTION_CREATE', payload);
    await until(() =>
      h.logs.some((l) => l.msg === 'could not send the error reply' && l.interaction === payload.id),
    );
    const seen = [h.fake.originalMessage(payload.token), ...h.fake.followUps(payload.token)].filter(
      (m) => m && textOf(m).includes('Something went wrong'),
    );
    expect(seen).toHaveLength(1);
  });
});

describe('gateway', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ service, heartbeatIntervalMs: 50 });
  });
  afterAll(() => h?.close());

  it('heartbeats, gets its ACKs, and keeps answering', async () => {
    await until(() => h.fake.gatewayReceived.filter((p) => p.op === 1).length >= 3);
    const out = await h.send(slashCommand(h.fake, 'search', { query: 'hacked' }));
    expect(textOf(out.message)).toContain('**hacked**');
    expect(h.fake.gatewayReceived.filter((p) => p.op === 2)).toHaveLength(1);
  });
});
