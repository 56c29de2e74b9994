/**
 * The bot's behaviour end to end, on a corpus whose statements the test
 * controls (a stand-in attribution step; loader, index, answers and store are
 * the real ones): pagination, Context, autocomplete, escaping, limits and
 * private answers. Errors, the rate limit and deferral are in
 * resilience.test.ts; the seed corpus and the real engine in seed.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFolder } from '../engine/helpers.ts';
import { choiceViolations, limitViolations } from '../support/discord-limits.ts';
import { BOT_TOKEN, type Harness, startHarness } from '../support/harness.ts';
import {
  ALICE,
  autocomplete,
  BOB,
  buttonPress,
  buttons,
  directMessage,
  displayed,
  MODERATOR,
  type Outcome,
  slashCommand,
  textOf,
} from '../support/interactions.ts';
import { stubService } from '../support/stub-service.ts';

const ARTICLE = `---
title: Ministers trade claims
published: 2021-05-06
publisher: The Daily
url: https://example.org/a
---
Ministers trade claims

"We never hacked anyone," said Ivan Petrov of RU. "The claims are false," said Ivan Petrov of RU.

"Hackers work for an empire of lies," said Li Wei of CN. Reporters left early.

"Tell @everyone and <@123456789012345678> that **this** is _not_ ||over||," said Maria Lopez of ES.
`;

const SECOND_REPORT = `Second report

"We never hacked anyone," said Ivan Petrov of RU.
`;

/** Forty long statements by one speaker: far more than one message holds. */
const LONG = `Zebra report\n\n${Array.from(
  { length: 40 },
  (_, i) =>
    `"Zebra crossing ${i + 1} is where the zebra herd waits, ${'and the zebra herd keeps waiting '.repeat(8)}for the bus," said Olga Zebrova of UA.`,
).join('\n\n')}\n`;

let corpusDir: string;
let h: Harness;

beforeAll(async () => {
  corpusDir = corpusFolder({ 'a.md': ARTICLE, 'b.txt': SECOND_REPORT, 'zebra.txt': LONG });
  h = await startHarness({ service: await stubService(corpusDir) });
});

afterAll(async () => {
  await h?.close();
});

function expectWithinLimits(outcome: Outcome) {
  for (const body of outcome.bodies) expect(limitViolations(body)).toEqual([]);
}

function expectNoPings(outcome: Outcome) {
  for (const body of outcome.bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
}

describe('answers', () => {
  it('/who-said shows the speaker, the quote with matched words in bold, and the citation', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: 'empire of lies' }));
    expect(out.ephemeral).toBe(false);
    const text = textOf(out.message);
    expect(text).toContain('**Li Wei** · minister · 🇨🇳 China');
    expect(text).toContain('**empire of lies**');
    expect(displayed(text)).toContain(
      '“Ministers trade claims” — The Daily, 2021-05-06, ¶3 [a:3.1] <https://example.org/a>',
    );
    expect(buttons(out.message).map((b) => b.label)).toEqual(['Context']);
    expectNoPings(out);
    expectWithinLimits(out);
  });

  it('/who-said says "reported by N sources" and cites each', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: 'never hacked anyone' }));
    const text = displayed(textOf(out.message));
    expect(text).toContain('Reported by 2 sources:');
    expect(text).toContain('[1] “Ministers trade claims”');
    expect(text).toContain('[2] “Second report”');
    expect(buttons(out.message).map((b) => b.label)).toEqual(['Context 1', 'Context 2']);
  });

  it('/who-said with no match says so plainly and labels the closest sentences as not answers', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: 'reporters' }));
    expect(out.message.content).toBe('No statement matches “reporters”.');
    expect(out.message.embeds[0].title).toBe('Closest sentences (not answers)');
    expect(displayed(out.message.embeds[0].description)).toContain('Reporters left early.');
  });

  it('/who-said with nothing close at all says that too', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: 'xylophone' }));
    expect(out.message.content).toBe('No statement matches “xylophone”. No sentence comes close either.');
    expect(out.message.embeds).toEqual([]);
  });

  it('/deny lists the denials of a country by speaker; unknown countries are said to be unknown', async () => {
    const ru = await h.send(slashCommand(h.fake, 'deny', { country: 'Russia' }));
    const text = displayed(textOf(ru.message));
    expect(ru.message.embeds[0].title).toBe('Denials by 🇷🇺 Russia');
    expect(text).toContain('We never hacked anyone');
    expect(text).toContain('The claims are false');
    expect(text).not.toContain('Li Wei');
    // Where the speaker's country comes from, when the quoted words for the speaker do not say it.
    expect(text).toContain('🇷🇺 Russia (as the article says elsewhere)');
    const none = await h.send(slashCommand(h.fake, 'deny', { country: 'SE' }));
    expect(none.message.content).toBe('No denials by officials or bodies of 🇸🇪 Sweden in the corpus.');
    const unknown = await h.send(slashCommand(h.fake, 'deny', { country: 'Atlantis' }));
    expect(unknown.message.content).toBe('Unknown country: “Atlantis”. Try a code (RU) or a name (Russia).');
  });

  it('/private answers are ephemeral', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: 'empire', private: true }));
    expect(out.ephemeral).toBe(true);
  });

  it('/corpus and /source answer', async () => {
    const corpus = await h.send(slashCommand(h.fake, 'corpus info'));
    expect(corpus.message.embeds[0].description).toContain('**3** documents');
    const source = await h.send(slashCommand(h.fake, 'source', { citation: 'a:3.1' }));
    expect(source.message.embeds[0].title).toBe('Context: paragraph 3');
    const unknown = await h.send(slashCommand(h.fake, 'source', { citation: 'nope:1.1' }));
    expect(unknown.message.content).toContain('No sentence has the citation id “nope:1.1”.');
  });
});

describe('direct messages', () => {
  it('answers queries, and refuses /reload outside a server', async () => {
    const answer = await h.send(directMessage(h.fake, 'who-said', { query: 'empire of lies' }));
    expect(textOf(answer.message)).toContain('**Li Wei**');
    const reload = await h.send(directMessage(h.fake, 'reload', {}, MODERATOR));
    expect(reload.ephemeral).toBe(true);
    expect(reload.message.content).toBe('This command only works in a server.');
  });
});

describe('no pings, no broken markup', () => {
  it('escapes @everyone, user mentions and markdown from the corpus, and allows no mentions', async () => {
    const out = await h.send(slashCommand(h.fake, 'search', { query: 'tell everyone over' }));
    expectNoPings(out);
    const description: string = out.message.embeds[0].description;
    expect(description).toContain('\\@**everyone**');
    expect(description).toContain('\\<\\@123456789012345678\\>');
    expect(description).toContain('\\*\\*this\\*\\*');
    expect(description).toContain('\\|\\|**over**\\|\\|');
    // Every @ and < that reaches Discord is escaped.
    expect(description.replace(/\\[@<]/g, '')).not.toMatch(/[@<][^h]/);
    expect(displayed(description)).toContain(
      'Tell @everyone and <@123456789012345678> that **this** is _not_ ||over||',
    );
  });
});

describe('pagination', () => {
  let first: Outcome;

  beforeAll(async () => {
    first = await h.send(slashCommand(h.fake, 'quotes', { speaker: 'Olga Zebrova' }, ALICE));
  });

  it('splits an over-long answer into pages, each within every limit', async () => {
    expect(first.message.embeds[0].footer.text).toMatch(/^Page 1 of \d+$/);
    expect(
      buttons(first.message)
        .slice(0, 2)
        .map((b) => b.label),
    ).toEqual(['◀ Previous', 'Next ▶']);
    expect(buttons(first.message)[0].disabled).toBe(true);
    expectWithinLimits(first);
  });

  it('turns pages for the person who asked, and every page fits', async () => {
    const next = buttons(first.message).find((b) => b.label === 'Next ▶')!;
    const page2 = await h.send(buttonPress(h.fake, next.custom_id, first.stored, ALICE));
    expect(page2.callback.type).toBe(7);
    expect(page2.message.embeds[0].footer.text).toMatch(/^Page 2 of/);
    expect(textOf(page2.message)).toContain('Zebra crossing 6 ');
    expectWithinLimits(page2);
    const back = buttons(page2.message).find((b) => b.label === '◀ Previous')!;
    const page1 = await h.send(buttonPress(h.fake, back.custom_id, page2.stored, ALICE));
    expect(page1.message.embeds[0].footer.text).toMatch(/^Page 1 of/);
  });

  it('refuses page turns from anyone else, ephemerally', async () => {
    const next = buttons(first.message).find((b) => b.label === 'Next ▶')!;
    const out = await h.send(buttonPress(h.fake, next.custom_id, first.stored, BOB));
    expect(out.callback.type).toBe(4);
    expect(out.ephemeral).toBe(true);
    expect(out.message.content).toContain('Only the person who asked can turn these pages');
  });

  it('/search results that do not fit are paginated too', async () => {
    const out = await h.send(slashCommand(h.fake, 'search', { query: 'zebra herd' }));
    expect(out.message.embeds[0].footer.text).toMatch(/^Page 1 of [2-9]/);
    expectWithinLimits(out);
  });
});

describe('Context button', () => {
  it('shows the cited sentence within its paragraph, ephemerally, to anyone', async () => {
    const answer = await h.send(slashCommand(h.fake, 'who-said', { query: 'claims are false' }, ALICE));
    const context = buttons(answer.message).find((b) => b.label.startsWith('Context'))!;
    const out = await h.send(buttonPress(h.fake, context.custom_id, answer.stored, BOB));
    expect(out.ephemeral).toBe(true);
    const description: string = out.message.embeds[0].description;
    expect(displayed(description)).toContain('"We never hacked anyone," said Ivan Petrov of RU.');
    expect(description).toContain('**"The claims are false," said Ivan Petrov of RU.**');
  });
});

describe('autocomplete', () => {
  it('offers countries with flags, by code or by name, from memory', async () => {
    const byCode = await h.send(autocomplete(h.fake, 'deny', 'country', { country: 'ru' }));
    expect(byCode.callback.type).toBe(8);
    const choices = byCode.callback.data.choices;
    expect(choices[0]).toEqual({ name: '🇷🇺 Russia (RU) · 3 denials', value: 'RU' });
    expect(choiceViolations(choices)).toEqual([]);
    const byName = await h.send(autocomplete(h.fake, 'deny', 'country', { country: 'Chin' }));
    expect(byName.callback.data.choices[0].value).toBe('CN');
    // The corpus's countries first (then every other country: see finding.test.ts).
    const all = await h.send(autocomplete(h.fake, 'deny', 'country', { country: '' }));
    expect(all.callback.data.choices.slice(0, 4).map((c: { value: string }) => c.value)).toEqual([
      'RU',
      'UA',
      'CN',
      'ES',
    ]);
  });

  it('offers speakers by name', async () => {
    const out = await h.send(autocomplete(h.fake, 'quotes', 'speaker', { speaker: 'petr' }));
    expect(out.callback.data.choices).toEqual([
      { name: 'Ivan Petrov · minister · 3 statements', value: 'Ivan Petrov' },
    ]);
  });

  it('answers an empty list, not an error, when nothing matches', async () => {
    const out = await h.send(autocomplete(h.fake, 'deny', 'country', { country: 'zzzz' }));
    expect(out.callback.data.choices).toEqual([]);
  });
});

describe('protocol', () => {
  it('answers each interaction exactly once, and calls only routes Discord has', () => {
    const callbacks = h.fake.requests.filter((r) => r.path.endsWith('/callback')).map((r) => r.path);
    expect(new Set(callbacks).size).toBe(callbacks.length);
    expect(h.fake.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/callback'))).toEqual([]);
    expect(h.fake.gatewayReceived.find((p) => p.op === 2)?.d).toMatchObject({ token: BOT_TOKEN, intents: 1 });
  });

  it('logs never contain the bot token', () => {
    expect(h.rawLogs()).not.toContain(BOT_TOKEN);
    expect(h.logs.some((l) => l.msg === 'connected to Discord')).toBe(true);
  });
});
