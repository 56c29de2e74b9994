/**
 * Every command on the seed corpus, with the real engine (attribution
 * included) built by `startBot` from CORPUS_DIR, exactly as `npm start`
 * does. The corpus is a temporary copy so /reload can add and break files.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choiceViolations, limitViolations } from '../support/discord-limits.ts';
import { copyCorpus, type Harness, startHarness } from '../support/harness.ts';
import {
  ALICE,
  autocomplete,
  buttonPress,
  buttons,
  displayed,
  MODERATOR,
  type Outcome,
  slashCommand,
  textOf,
} from '../support/interactions.ts';

const SEED_000 = '000_dedf56004ae8cd24';
const EMPIRE = `${SEED_000}:15.2`;

let corpus: ReturnType<typeof copyCorpus>;
let h: Harness;

beforeAll(async () => {
  corpus = copyCorpus();
  h = await startHarness({ corpusDir: corpus.dir });
});

afterAll(async () => {
  await h?.close();
  corpus?.remove();
});

/** The text of every page of an answer, turning pages with its Next button. */
async function allPages(first: Outcome): Promise<string> {
  const texts = [textOf(first.message)];
  let current = first;
  for (;;) {
    const next = buttons(current.message).find((b) => b.label === 'Next ▶');
    if (!next || next.disabled) return texts.join('\n');
    current = await h.send(buttonPress(h.fake, next.custom_id, current.stored, ALICE));
    expect(limitViolations(current.message)).toEqual([]);
    texts.push(textOf(current.message));
  }
}

/** Speaker header lines ("**Name** · title · 🇷🇺 Russia") of an answer. */
function speakerHeaders(markdown: string): string[] {
  return markdown.split('\n').filter((line) => /^\*\*[^[*][^*]*\*\*( · |$)/.test(line));
}

describe('the seed corpus through Discord', () => {
  it('/who-said "empire of hackers" answers Zhao Lijian, quoted and cited to seed 000', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: '"empire of hackers"' }));
    const text = textOf(out.message);
    expect(speakerHeaders(text)[0]).toMatch(/^\*\*Zhao Lijian\*\*/);
    expect(text).toContain('**empire of hackers**');
    expect(displayed(text)).toContain(`¶15 [${EMPIRE}]`);
    expect(limitViolations(out.message)).toEqual([]);
    expect(out.bodies.every((b) => b.allowed_mentions?.parse?.length === 0)).toBe(true);
  });

  it('/who-said without quotes finds the same statement first', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: 'empire of hackers' }));
    expect(speakerHeaders(textOf(out.message))[0]).toMatch(/^\*\*Zhao Lijian\*\*/);
  });

  it('/who-said with no match says so, then the closest sentences, labelled as not answers', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: 'zebra crossing' }));
    expect(out.message.content).toMatch(/^No statement matches “zebra crossing”\./);
  });

  it('/deny country:RU answers Peskov and Lavrov (and the joint dismissal), nothing from China or Iran', async () => {
    const out = await h.send(slashCommand(h.fake, 'deny', { country: 'RU' }));
    expect(out.message.embeds[0].title).toBe('Denials by 🇷🇺 Russia');
    const text = await allPages(out);
    const speakers = speakerHeaders(text).join('\n');
    expect(speakers).toContain('Dmitry Peskov');
    expect(speakers).toContain('Sergei Lavrov');
    expect(displayed(text)).toContain('[000_dedf56004ae8cd24:4.1]');
    for (const foreign of ['Zhao Lijian', 'Wang Yi', 'Khatibzadeh', '🇨🇳', '🇮🇷']) {
      expect(speakers).not.toContain(foreign);
    }
  });

  it("/deny shows each Russian denial beside Microsoft's claim it answers, verbatim and cited", async () => {
    const text = await allPages(await h.send(slashCommand(h.fake, 'deny', { country: 'RU' })));
    const replies = text.split('\n').filter((line) => line.includes('*in reply to*'));
    // Russia's joint dismissal, Lavrov and Peskov: all three answer the allegations Microsoft made.
    expect(replies.length).toBeGreaterThanOrEqual(3);
    for (const line of replies) expect(line).toContain('Microsoft');
    expect(displayed(text)).toContain('allegations by Microsoft Corp that hackers linked to Moscow');
  });

  it('/claims country:China lists the claims made about China, each with the Chinese denials that answer it', async () => {
    const out = await h.send(slashCommand(h.fake, 'claims', { country: 'China' }));
    expect(limitViolations(out.message)).toEqual([]);
    expect(out.message.embeds[0].title).toBe('Claims about 🇨🇳 China');
    const text = await allPages(out);
    expect(text).toMatch(/Claim by \*\*Microsoft/);
    expect(text).toContain('Denied by **Zhao Lijian**');
    expect(text).toContain('Denied by **Wang Yi**');
    // Only China's denials answer here: Russia's and Iran's are theirs to list.
    expect(text).not.toContain('Denied by **Dmitry Peskov**');
    expect(text).not.toContain('Khatibzadeh');
  });

  it('/deny accepts names as well as codes', async () => {
    const out = await h.send(slashCommand(h.fake, 'deny', { country: 'Russia' }));
    expect(out.message.embeds[0].title).toBe('Denials by 🇷🇺 Russia');
  });

  it('/quotes lists everything a speaker said', async () => {
    const out = await h.send(slashCommand(h.fake, 'quotes', { speaker: 'Zhao Lijian' }));
    const text = displayed(await allPages(out));
    expect(out.message.embeds[0].title).toBe('Everything Zhao Lijian said');
    expect(text).toContain('empire of hackers');
  });

  it('/search finds sentences with citations', async () => {
    const out = await h.send(slashCommand(h.fake, 'search', { query: '"empire of hackers"' }));
    expect(displayed(textOf(out.message))).toContain(`[${EMPIRE}]`);
  });

  it('/source and the Context button show the cited sentence within its paragraph', async () => {
    const source = await h.send(slashCommand(h.fake, 'source', { citation: EMPIRE }));
    const description: string = source.message.embeds[0].description;
    expect(displayed(description)).toContain('China’s foreign affair ministry spokesman Zhao Lijian said');
    expect(description).toMatch(/\*\*The U\.S\. was an "empire of hackers,” he said/);

    const answer = await h.send(slashCommand(h.fake, 'who-said', { query: '"empire of hackers"' }));
    const context = buttons(answer.message).find((b) => b.label.startsWith('Context'))!;
    const pressed = await h.send(buttonPress(h.fake, context.custom_id, answer.stored, ALICE));
    expect(pressed.ephemeral).toBe(true);
    expect(pressed.message.embeds[0].title).toBe('Context: paragraph 15');
  });

  it('/corpus counts what is served', async () => {
    const out = await h.send(slashCommand(h.fake, 'corpus info'));
    expect(out.message.embeds[0].description).toContain('**2** documents');
  });

  it('autocomplete offers the corpus countries with flags', async () => {
    const out = await h.send(autocomplete(h.fake, 'deny', 'country', { country: 'ru' }));
    expect(out.callback.data.choices[0]).toMatchObject({
      value: 'RU',
      name: expect.stringMatching(/^🇷🇺 Russia \(RU\)/),
    });
    expect(choiceViolations(out.callback.data.choices)).toEqual([]);
    const speakers = await h.send(autocomplete(h.fake, 'quotes', 'speaker', { speaker: 'zhao' }));
    expect(speakers.callback.data.choices[0].value).toBe('Zhao Lijian');
  });
});

describe('/reload on a copy of the seed corpus', () => {
  it('refuses a member without Manage Server, ephemerally', async () => {
    const out = await h.send(slashCommand(h.fake, 'reload', {}, ALICE));
    expect(out.ephemeral).toBe(true);
    expect(out.message.content).toContain('Manage Server');
  });

  it('with a broken file added, reports it, keeps serving, and the new corpus escapes what it must', async () => {
    writeFileSync(path.join(corpus.dir, 'broken.md'), '---\ntitle: [unclosed\n---\nText.\n');
    writeFileSync(
      path.join(corpus.dir, 'ping.md'),
      '---\ntitle: A rude note\n---\nA rude note\n\nThe spokesman told @everyone and <@&123456789012345678> that "nothing happened," he said.\n',
    );
    const reload = await h.send(slashCommand(h.fake, 'reload', {}, MODERATOR));
    expect(reload.ephemeral).toBe(true);
    const report = displayed(textOf(reload.message));
    expect(report).toMatch(/Skipped files\n• broken\.md: /);
    expect(report).toMatch(/Added\n• ping/);

    const served = await h.send(slashCommand(h.fake, 'who-said', { query: '"empire of hackers"' }));
    expect(textOf(served.message)).toContain('Zhao Lijian');

    const ping = await h.send(slashCommand(h.fake, 'search', { query: 'rude spokesman told everyone' }));
    const description: string = ping.message.embeds[0].description;
    expect(ping.bodies[0].allowed_mentions).toEqual({ parse: [] });
    expect(description).toMatch(/\\@(\*\*)?everyone/);
    expect(description).toMatch(/\\<\\@&123456789012345678\\>/);
  });
});
