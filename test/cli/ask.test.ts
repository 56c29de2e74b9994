import { exec } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { type CliResult, runCli } from '../support/cli.ts';

// Each test starts whole CLI processes (tsx, the engine, a corpus build), several at once: on a
// shared, loaded machine that took over the default 20 s (CI at load 14), so these get a minute.
vi.setConfig({ testTimeout: 60_000 });

/** The environment without the colour switches, whatever the shell running the tests sets. */
const { FORCE_COLOR: _force, NO_COLOR: _no, ...ENV } = process.env;

/** Runs the CLI as a user would (through tsx), without a .env or a TTY. */
function ask(...args: string[]): Promise<CliResult> {
  return runCli('src/cli/ask.ts', args, { ...ENV, CORPUS_DIR: './corpus', LOG_LEVEL: 'silent' });
}

describe('npm run ask', () => {
  it('search prints the sentence quoting "empire of hackers" with its citation', async () => {
    const { code, stdout } = await ask('search', '"empire of hackers"');
    expect(code).toBe(0);
    // Piped: the sentence exactly as written, nothing added to mark the matched words.
    expect(stdout).toContain(
      '1. The U.S. was an "empire of hackers,” he said at his daily news briefing in Beijing.\n',
    );
    expect(stdout).toContain('[000_dedf56004ae8cd24:15.2]');
    expect(stdout).toContain('¶15');
    for (const added of ['**', '\x1b[', '<http']) expect(stdout).not.toContain(added);
  });

  it('shows reported speech as its whole sentence, with the speaker and verb named on a label line', async () => {
    const { code, stdout } = await ask('deny', 'RU');
    expect(code).toBe(0);
    expect(stdout).toContain(
      '\n   WASHINGTON/TEHRAN/MOSCOW (Dispatches) – Iran, Russia and China dismissed on Friday allegations by Microsoft Corp that hackers',
    );
    expect(stdout).toContain('\n   (reported speech, denial; speaker “Russia”, verb “dismissed”)\n');
    for (const added of ['**', '__', '\x1b[']) expect(stdout).not.toContain(added);
  });

  it('styles a terminal with ANSI bold, underline and dim when FORCE_COLOR asks, never markdown', async () => {
    const { stdout } = await runCli('src/cli/ask.ts', ['deny', 'RU'], {
      ...ENV,
      CORPUS_DIR: './corpus',
      LOG_LEVEL: 'silent',
      FORCE_COLOR: '1',
    });
    expect(stdout).toContain('Iran, \x1b[22;24m\x1b[1mRussia\x1b[22;24m');
    expect(stdout).toContain('\x1b[4mdismissed\x1b[22;24m');
    expect(stdout).not.toContain('**');
  });

  it("claims lists Microsoft's claims about China with China's denials under each, and deny shows what each answers", async () => {
    const claims = await ask('claims', 'China');
    expect(claims.code).toBe(0);
    expect(claims.stdout).toContain('Claims about 🇨🇳 China, those answered by a denial first:');
    expect(claims.stdout).toMatch(/\nClaim by Microsoft/);
    expect(claims.stdout).toContain('  Denied by Wang Yi (');
    expect(claims.stdout).not.toContain('Denied by Dmitry Peskov');
    const deny = await ask('deny', 'RU');
    expect(deny.stdout).toContain(
      '   in reply to Microsoft Corp:\n     allegations by Microsoft Corp that hackers linked to Moscow, Beijing and Tehran',
    );
  });

  it('says plainly when nothing matches', async () => {
    const { code, stdout } = await ask('search', 'zebra', 'crossing');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('No sentence matches “zebra crossing”.');
  });

  it('prints the answer object with --json', async () => {
    const { stdout } = await ask('source', '000_dedf56004ae8cd24:15.2', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ type: 'source', context: { citation: { paragraph: 15 } } });
  });

  it.each([
    [['frobnicate', 'x'], 'unknown command "frobnicate"'],
    [[], 'no command given'],
    [['search'], 'search needs some text to look for'],
    [['search', '   '], 'search needs some text to look for'],
    [['search', 'x', '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 with a usage message for %j', async (args, message) => {
    const { code, stdout, stderr } = await ask(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: npm run ask');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stdout).toBe('');
  });

  it('exits 1 with one clear line when the corpus folder is missing', async () => {
    const { code, stderr } = await ask('search', 'x', '--corpus', 'no/such/folder');
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('whosaid: cannot open corpus folder no/such/folder: ENOENT');
  });
});

const shell = promisify(exec);

/** The bot's /help, did-you-mean, plain questions and too-common queries, offline (as test/e2e/finding.test.ts on Discord). */
describe('npm run ask: finding your way', () => {
  it('help lists every command with an example, and every offline example runs', async () => {
    const { code, stdout } = await ask('help');
    expect(code).toBe(0);
    for (const name of ['corpus', 'deny', 'help', 'quotes', 'reload', 'search', 'source', 'who-said']) {
      expect(stdout).toContain(`\n/${name}`);
    }
    expect(stdout).toMatch(/\/reload\n.*\n.*\n\s+offline:\s+\(on Discord only\)/);
    const examples = [...stdout.matchAll(/offline:\s+npm run ask -- (.+)/g)].map((m) => m[1]!);
    expect(examples).toContain('who-said "empire of hackers"');
    // Each printed line, through a shell exactly as a user would paste it (`npm run ask --` is this script).
    const env = { ...process.env, CORPUS_DIR: './corpus', LOG_LEVEL: 'silent' };
    const outcomes = await Promise.all(
      examples.map((line) =>
        shell(`exec node --import tsx src/cli/ask.ts ${line}`, { env }).then(
          ({ stdout }) => ({ line, code: 0, answered: stdout.trim().length > 0 }),
          (error: { code: number }) => ({ line, code: error.code, answered: false }),
        ),
      ),
    );
    for (const outcome of outcomes) expect(outcome).toEqual({ line: outcome.line, code: 0, answered: true });
  }, 60_000);

  it('offers the nearest speaker or country to a name it does not know', async () => {
    const [quotes, rusia, brit, filters] = await Promise.all([
      ask('quotes', 'Zhao Lijan'),
      ask('deny', 'Rusia'),
      ask('deny', 'brit'),
      ask('who-said', 'hackers', '--speaker', 'Peskow', '--country', 'Chna'),
    ]);
    expect(quotes.stdout.trim()).toBe(
      'No speaker called “Zhao Lijan” in the corpus. Did you mean Zhao Lijian?',
    );
    expect(rusia.stdout.trim()).toBe('“Rusia” is not a country whosaid knows. Did you mean 🇷🇺 Russia (RU)?');
    expect(brit.stdout.trim()).toBe(
      '“brit” is not a country whosaid knows. Did you mean 🇬🇧 United Kingdom (GB)?',
    );
    expect(filters.stdout).toMatch(
      /^No speaker called “Peskow” in the corpus\. Did you mean Dmitry Peskov\? “Chna” is not a country whosaid knows\. Did you mean 🇨🇳 China \(CN\)\?/,
    );
  });

  it('reads a plain question as speaker or country and topic, and says so', async () => {
    const blair = await ask('who-said', 'what did Zhao Lijian say about hackers?');
    expect(blair.code).toBe(0);
    expect(blair.stdout).toMatch(
      /^“what did Zhao Lijian say about hackers\?”\nRead as: speaker Zhao Lijian, topic “hackers”\.\n/,
    );
    expect(blair.stdout).toContain('The U.S. was an "empire of');
    const russia = await ask('who-said', 'did Russia deny hackers');
    expect(russia.stdout).toContain('Read as: country 🇷🇺 Russia (RU), topic “hackers”, denials only.');
    expect(russia.stdout).toContain('Sergei Lavrov');
    expect(russia.stdout).not.toContain('Zhao Lijian');
  });

  it('says a query of common words only is too common to search for', async () => {
    const { code, stdout } = await ask('who-said', 'what', 'is', 'the');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(
      'Every word of “what is the” is too common to search for; add a name or a topic.',
    );
  });
});

describe('npm run ask: snapshots', () => {
  it('builds and writes a snapshot the first time (saying so on stderr), then answers from it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'whosaid-ask-snap-'));
    try {
      const env = { ...ENV, CORPUS_DIR: './corpus', LOG_LEVEL: 'silent', SNAPSHOT_DIR: dir };
      const first = await runCli('src/cli/ask.ts', ['search', '"empire of hackers"'], env);
      expect(first.code).toBe(0);
      expect(first.stderr).toMatch(/building the corpus index for the first time: \d+ files…/);
      // The snapshot's folder, and the scan's record of the files' sizes, times and hashes.
      expect((await readdir(dir)).sort()).toEqual([
        expect.stringMatching(/^[0-9a-f]{16}$/),
        expect.stringMatching(/^[0-9a-f]{16}\.files\.json$/),
      ]);
      const second = await runCli('src/cli/ask.ts', ['search', '"empire of hackers"'], env);
      expect(second.code).toBe(0);
      expect(second.stderr).not.toContain('building');
      // Stdout is the answer alone, the same either way.
      expect(second.stdout).toBe(first.stdout);
      const inMemory = await runCli('src/cli/ask.ts', ['search', '"empire of hackers"', '--no-snapshot'], {
        ...env,
        SNAPSHOT_DIR: path.join(dir, 'unused'),
      });
      expect(inMemory.stdout).toBe(first.stdout);
      expect(inMemory.stderr).not.toContain('building');
      expect(await readdir(dir)).not.toContain('unused');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
