/**
 * `npm run deploy` against the fake server: guild-scoped with
 * DISCORD_GUILD_ID, global without; the payload is what the issue asks for.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy.ts';
import { loadBotConfig } from '../../src/config.ts';
import { APP_ID, FakeDiscord, GUILD_ID } from '../support/fake-discord.ts';
import { BOT_TOKEN } from '../support/harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: command JSON is free-form in tests
type Json = any;

const ROOT = path.resolve(import.meta.dirname, '../..');

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(() => fake?.close());

function env(extra: Record<string, string> = {}) {
  return { DISCORD_TOKEN: BOT_TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ...extra };
}

const options = (command: Json) => Object.fromEntries((command.options ?? []).map((o: Json) => [o.name, o]));

describe('deploy', () => {
  it('registers every command for one server when DISCORD_GUILD_ID is set', async () => {
    const result = await deployCommands(loadBotConfig(env({ DISCORD_GUILD_ID: GUILD_ID })));
    expect(result).toEqual({
      scope: 'guild',
      commands: ['claims', 'corpus', 'deny', 'help', 'quotes', 'reload', 'search', 'source', 'who-said'],
    });
    const put = await fake.waitForRequest(
      (r) => r.method === 'PUT' && r.path.includes(`/guilds/${GUILD_ID}/`),
    );
    expect(put.path).toBe(`/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
    const byName = Object.fromEntries((put.body as Json[]).map((c) => [c.name, c]));

    const whoSaid = options(byName['who-said']);
    expect(Object.keys(whoSaid)).toEqual(['query', 'speaker', 'country', 'private']);
    expect(whoSaid.query).toMatchObject({ type: 3, required: true, max_length: 300 });
    expect(whoSaid.private).toMatchObject({ type: 5 });
    expect(options(byName.deny).country).toMatchObject({ required: true, autocomplete: true });
    expect(Object.keys(options(byName.deny))).toEqual(['country', 'topic', 'private']);
    expect(options(byName.quotes).speaker).toMatchObject({ required: true, autocomplete: true });
    // Every command that answers can answer privately; /reload always does.
    expect(Object.keys(options(byName.quotes))).toEqual(['speaker', 'private']);
    expect(Object.keys(options(byName.search))).toEqual(['query', 'private']);
    expect(Object.keys(options(byName.source))).toEqual(['citation', 'private']);
    expect(byName.reload.default_member_permissions).toBe('32');
    expect(byName.reload.options ?? []).toEqual([]);
    // /corpus: `info` for everyone; the others (sources and feeds) check Manage Server when run
    // (default_member_permissions would hide `info` from everyone else too).
    const corpus = options(byName.corpus);
    expect(Object.keys(corpus)).toEqual([
      'info',
      'add-url',
      'add-file',
      'list',
      'remove',
      'add-feed',
      'feeds',
      'remove-feed',
    ]);
    expect(byName.corpus.default_member_permissions ?? null).toBeNull();
    for (const sub of Object.values(corpus) as Json[]) expect(sub.type).toBe(1);
    expect(Object.keys(options(corpus.info))).toEqual(['private']);
    expect(options(corpus['add-url']).url).toMatchObject({ type: 3, required: true, max_length: 2000 });
    expect(options(corpus['add-file']).file).toMatchObject({ type: 11, required: true });
    expect(corpus.list.options ?? []).toEqual([]);
    expect(options(corpus.remove).source).toMatchObject({ type: 3, required: true, autocomplete: true });
    expect(byName.help).toMatchObject({ description: expect.stringContaining('example') });
    expect(Object.keys(options(byName.help))).toEqual(['private']);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const result = await deployCommands(loadBotConfig(env()));
    expect(result.scope).toBe('global');
    await fake.waitForRequest(
      (r) => r.method === 'PUT' && r.path === `/api/v10/applications/${APP_ID}/commands`,
    );
  });

  it('works as a script, printing one line', async () => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/bot/deploy.ts')], {
      // Not the project folder: a developer's .env must not leak in.
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env({ DISCORD_GUILD_ID: GUILD_ID }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stdout).toBe(
      `Registered 9 commands for server ${GUILD_ID}: /claims /corpus /deny /help /quotes /reload /search /source /who-said\n`,
    );
  });
});
