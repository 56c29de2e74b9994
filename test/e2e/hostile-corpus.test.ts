/**
 * A corpus as an operator or an attacker might leave it (issue 11): document
 * ids longer than a button's custom id, text that tries to reverse what
 * Discord shows, links carrying markdown, and folders the bot cannot read.
 * The bot must answer all of it, show it as written, and keep serving.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/engine/service.ts';
import { silentLogger } from '../../src/log.ts';
import { corpusFolder, tempFolder } from '../engine/helpers.ts';
import { runCli } from '../support/cli.ts';
import { deepFolder } from '../support/deep-folder.ts';
import { limitViolations } from '../support/discord-limits.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  ALICE,
  BOB,
  buttonPress,
  buttons,
  displayed,
  MODERATOR,
  slashCommand,
  textOf,
} from '../support/interactions.ts';
import { stubService } from '../support/stub-service.ts';

/** A file name of 250 characters (the most most file systems allow is 255 bytes). */
const LONG_NAME = `${'a-very-long-file-name-'.repeat(11).slice(0, 246)}.txt`;
const LONG_ID = LONG_NAME.slice(0, -4);

const LONG_FILE = 'Long name report\n\n"Our wheat harvest doubled," said Anna Berg of SE.\n';

/** U+202E (right-to-left override) would show "gnikcah" as "hacking"; U+2066…U+2069 isolate, U+200F marks. */
const SPOOF = `---
title: "Spoof \u202Ereport\u202C"
url: https://example.org/a_b_*c*_||d||~e~(f)
---
Spoof report

"We \u202Edeny gnikcah\u202C and \u2067nothing\u2069 \u200Fhappened," said Pavel Orlov of RU.
`;

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = corpusFolder({ [LONG_NAME]: LONG_FILE, 'spoof.md': SPOOF });
  h = await startHarness({ service: await stubService(dir) });
});

afterAll(async () => {
  await h?.close();
});

describe('a document id longer than a custom id', () => {
  it('has a Context button that fits in 100 characters and shows the sentence', async () => {
    const answer = await h.send(slashCommand(h.fake, 'who-said', { query: 'wheat harvest' }, ALICE));
    expect(displayed(textOf(answer.message))).toContain(`[${LONG_ID}:2.1]`);
    const context = buttons(answer.message).find((b) => b.label.startsWith('Context'))!;
    expect(context.custom_id.length).toBeLessThanOrEqual(100);
    expect(limitViolations(answer.message)).toEqual([]);
    const out = await h.send(buttonPress(h.fake, context.custom_id, answer.stored, BOB));
    expect(out.ephemeral).toBe(true);
    expect(out.message.embeds[0]?.title).toBe('Context: paragraph 2');
    expect(displayed(out.message.embeds[0].description)).toContain('Our wheat harvest doubled');
  });

  it('is accepted by /source', async () => {
    const out = await h.send(slashCommand(h.fake, 'source', { citation: `${LONG_ID}:2.1` }));
    expect(out.message.embeds[0]?.title).toBe('Context: paragraph 2');
    expect(displayed(out.message.embeds[0].description)).toContain('Our wheat harvest doubled');
  });
});

describe('display spoofing', () => {
  const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

  it('shows no bidi control from the corpus in an answer, and keeps every word', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: 'gnikcah' }));
    const text = textOf(out.message);
    expect(text).toContain('Pavel Orlov');
    expect(text).not.toMatch(BIDI);
    expect(displayed(text)).toContain('We deny gnikcah and nothing happened');
    expect(displayed(text)).toContain('Spoof report');
  });

  it('shows no bidi control in /source and /corpus either', async () => {
    const answer = await h.send(slashCommand(h.fake, 'search', { query: 'gnikcah' }));
    expect(textOf(answer.message)).not.toMatch(BIDI);
    const source = await h.send(slashCommand(h.fake, 'source', { citation: 'spoof:2.1' }));
    expect(textOf(source.message)).toContain('gnikcah');
    expect(textOf(source.message)).not.toMatch(BIDI);
  });

  it('shows a link with markdown characters encoded, still pointing at the same page', async () => {
    const out = await h.send(slashCommand(h.fake, 'who-said', { query: 'gnikcah' }));
    const text = textOf(out.message);
    const link = /<(https:\/\/example\.org\/[^>]*)>/.exec(text)?.[1];
    expect(link).toBeDefined();
    expect(link).toBe('https://example.org/a_b_%2Ac%2A%5F%7C%7Cd%7C%7C%7Ee%7E(f)');
    expect(decodeURIComponent(link!)).toBe('https://example.org/a_b_*c*_||d||~e~(f)');
  });
});

describe('a folder the bot cannot read', () => {
  it('is skipped with its reason by /reload, which succeeds and keeps the rest', async () => {
    // A folder path longer than the system allows (ENAMETOOLONG): real, whoever runs the tests.
    const deep = deepFolder(dir);
    try {
      writeFileSync(
        path.join(dir, 'added.txt'),
        'Added report\n\n"Rye prices fell," said Anna Berg of SE.\n',
      );
      const out = await h.send(slashCommand(h.fake, 'reload', {}, MODERATOR));
      expect(out.message.embeds[0].title).toBe('Corpus reloaded');
      const text = displayed(textOf(out.message));
      expect(text).toMatch(/Added\n• added/);
      expect(text).toContain('ENAMETOOLONG');
      expect(limitViolations(out.message)).toEqual([]);
      const served = await h.send(slashCommand(h.fake, 'who-said', { query: 'rye prices' }));
      expect(textOf(served.message)).toContain('Anna Berg');
    } finally {
      deep.remove();
    }
  });
});

describe('a folder the bot cannot read, at start-up', () => {
  const FILES = { 'a.md': 'First report\n\n"We never hacked anyone," said Ivan Petrov of RU.\n' };

  it('does not stop the CLI: it answers, exit code 0, and lists the folder as skipped', async () => {
    const corpus = corpusFolder(FILES);
    const deep = deepFolder(corpus);
    try {
      const { FORCE_COLOR: _f, NO_COLOR: _n, ...env } = process.env;
      const result = await runCli('src/cli/ask.ts', ['corpus'], {
        ...env,
        CORPUS_DIR: corpus,
        SNAPSHOT_DIR: '',
        LOG_LEVEL: 'silent',
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^whosaid: skipped deep\/d+\/.*\/: unreadable folder \(ENAMETOOLONG/);
      expect(result.stdout).toContain('1 document,');
      expect(result.stdout).toContain('ENAMETOOLONG');
    } finally {
      deep.remove();
    }
  });

  it('does not stop a cold start of the engine', async () => {
    const corpus = corpusFolder(FILES);
    const deep = deepFolder(corpus);
    try {
      const service = await createAnswerService({
        corpusDir: corpus,
        maxFileBytes: 1_000_000,
        snapshotDir: tempFolder(),
        logger: silentLogger,
        extractor: {
          module: new URL('../engine/fixtures/extractor.ts', import.meta.url).href,
          export: 'extractStatements',
        },
      });
      try {
        const answer = await service.ask({ type: 'corpus' });
        expect(answer).toMatchObject({
          type: 'corpus',
          skipped: [{ reason: expect.stringContaining('ENAMETOOLONG') }],
        });
      } finally {
        await service.close();
      }
    } finally {
      deep.remove();
    }
  });
});
