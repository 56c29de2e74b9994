/** The HTTP-interactions settings (src/config.ts) and the folder the replicas share (src/bot/http-bot.ts). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replicaDir } from '../../src/bot/http-bot.ts';
import { ConfigError, loadBotConfig } from '../../src/config.ts';

const REQUIRED = { DISCORD_TOKEN: 'token', DISCORD_CLIENT_ID: '100000000000000001' };
const KEY = 'ab'.repeat(32);

describe('INTERACTIONS_MODE and its settings', () => {
  it('default to the gateway, and need nothing more there', () => {
    const config = loadBotConfig(REQUIRED);
    expect(config.INTERACTIONS_MODE).toBe('gateway');
    expect(config.DISCORD_PUBLIC_KEY).toBeUndefined();
  });

  it('http mode without DISCORD_PUBLIC_KEY stops with one line saying why', () => {
    for (const blank of [{}, { DISCORD_PUBLIC_KEY: '' }, { DISCORD_PUBLIC_KEY: '  ' }]) {
      const load = () => loadBotConfig({ ...REQUIRED, INTERACTIONS_MODE: 'http', ...blank });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/^DISCORD_PUBLIC_KEY is missing: INTERACTIONS_MODE=http checks every request/);
    }
  });

  it('refuses a public key that is not 64 hex digits, and a mode it does not know', () => {
    for (const key of ['ab'.repeat(31), `${'ab'.repeat(31)}zz`, 'not a key']) {
      expect(() =>
        loadBotConfig({ ...REQUIRED, INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: key }),
      ).toThrow(/^DISCORD_PUBLIC_KEY must be the 64 hex digits/);
    }
    expect(() => loadBotConfig({ ...REQUIRED, INTERACTIONS_MODE: 'webhook' })).toThrow(/^INTERACTIONS_MODE /);
  });

  it('reads http mode with its defaults: port 8080 on every interface, a poll every 2 s', () => {
    const config = loadBotConfig({ ...REQUIRED, INTERACTIONS_MODE: ' HTTP ', DISCORD_PUBLIC_KEY: KEY });
    expect(config).toMatchObject({
      INTERACTIONS_MODE: 'http',
      DISCORD_PUBLIC_KEY: KEY,
      INTERACTIONS_PORT: 8080,
      INTERACTIONS_HOST: '0.0.0.0',
      REPLICA_POLL_SECONDS: 2,
    });
    expect(() => loadBotConfig({ ...REQUIRED, INTERACTIONS_PORT: '70000' })).toThrow(/^INTERACTIONS_PORT /);
  });

  it('the replicas share REPLICA_DIR, else replicas/ in SNAPSHOT_DIR, else the bot cannot start', () => {
    const http = { ...REQUIRED, INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: KEY };
    expect(replicaDir(loadBotConfig({ ...http, REPLICA_DIR: '/srv/shared' }))).toBe('/srv/shared');
    expect(replicaDir(loadBotConfig({ ...http, SNAPSHOT_DIR: '/srv/snapshots' }))).toBe(
      path.resolve('/srv/snapshots', 'replicas'),
    );
    expect(() => replicaDir(loadBotConfig({ ...http, SNAPSHOT_DIR: '' }))).toThrow(
      /^REPLICA_DIR is missing: /,
    );
  });
});
