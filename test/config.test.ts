/** The bot's rate limit settings: defaults, validation, and the deprecated QUERY_COOLDOWN_SECONDS. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadBotConfig } from '../src/config.ts';

const REQUIRED = { DISCORD_TOKEN: 'token', DISCORD_CLIENT_ID: '100000000000000001' };

function rateLimit(env: Record<string, string>) {
  const config = loadBotConfig({ ...REQUIRED, ...env });
  return {
    burst: config.RATE_LIMIT_BURST,
    refillSeconds: config.RATE_LIMIT_REFILL_SECONDS,
    warnings: config.warnings,
  };
}

describe('rate limit settings', () => {
  it('default to 5 queries at once, then one every 4 s; blank values mean the default', () => {
    expect(rateLimit({})).toEqual({ burst: 5, refillSeconds: 4, warnings: [] });
    expect(rateLimit({ RATE_LIMIT_BURST: '', RATE_LIMIT_REFILL_SECONDS: ' ' })).toEqual(rateLimit({}));
  });

  it('read the two settings, and a burst of 0 turns the limit off', () => {
    expect(rateLimit({ RATE_LIMIT_BURST: '10', RATE_LIMIT_REFILL_SECONDS: '1.5' })).toMatchObject({
      burst: 10,
      refillSeconds: 1.5,
    });
    expect(rateLimit({ RATE_LIMIT_BURST: '0' }).burst).toBe(0);
  });

  it('stop the bot with the variable named when a value is bad', () => {
    for (const [name, value] of [
      ['RATE_LIMIT_BURST', '-1'],
      ['RATE_LIMIT_BURST', '2.5'],
      ['RATE_LIMIT_BURST', 'many'],
      ['RATE_LIMIT_REFILL_SECONDS', '0'],
      ['RATE_LIMIT_REFILL_SECONDS', '7200'],
      ['QUERY_COOLDOWN_SECONDS', 'soon'],
    ] as const) {
      expect(() => loadBotConfig({ ...REQUIRED, [name]: value })).toThrow(ConfigError);
      expect(() => loadBotConfig({ ...REQUIRED, [name]: value })).toThrow(new RegExp(`^${name} `));
    }
  });

  it('read the deprecated QUERY_COOLDOWN_SECONDS as what it meant, with a warning', () => {
    const old = rateLimit({ QUERY_COOLDOWN_SECONDS: '30' });
    expect(old).toMatchObject({ burst: 1, refillSeconds: 30 });
    expect(old.warnings).toEqual([
      expect.stringMatching(
        /^QUERY_COOLDOWN_SECONDS is deprecated and read as RATE_LIMIT_BURST=1 and RATE_LIMIT_REFILL_SECONDS=30\./,
      ),
    ]);
    const off = rateLimit({ QUERY_COOLDOWN_SECONDS: '0' });
    expect(off).toMatchObject({ burst: 0 });
    expect(off.warnings[0]).toContain('RATE_LIMIT_BURST=0 (no rate limit)');
  });

  it('ignore QUERY_COOLDOWN_SECONDS beside the new settings, with a warning', () => {
    const both = rateLimit({ QUERY_COOLDOWN_SECONDS: '3', RATE_LIMIT_REFILL_SECONDS: '2' });
    expect(both).toMatchObject({ burst: 5, refillSeconds: 2 });
    expect(both.warnings).toEqual([expect.stringContaining('deprecated and ignored')]);
  });
});
