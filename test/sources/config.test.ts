/** The corpus management settings: defaults, the allow-list, and a bad value named in one line. */
import { describe, expect, it } from 'vitest';
import { loadBotConfig } from '../../src/config.ts';
import { sourceSettings } from '../../src/sources/manager.ts';

const REQUIRED = { DISCORD_TOKEN: 't', DISCORD_CLIENT_ID: '100000000000000001' };

describe('source settings', () => {
  it('default to public addresses only, 20 s, 5 MB (never more than MAX_FILE_BYTES) and 5 redirects', () => {
    const config = loadBotConfig(REQUIRED);
    expect(sourceSettings(config)).toEqual({
      corpusDir: './corpus',
      limits: { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, allow: [] },
      feeds: { urls: [], intervalMinutes: 30 },
    });
    expect(config.AUDIT_CHANNEL_ID).toBeUndefined();
    const small = loadBotConfig({
      ...REQUIRED,
      MAX_FILE_BYTES: '1000',
      SOURCE_FETCH_MAX_BYTES: '',
      AUDIT_CHANNEL_ID: '',
    });
    expect(sourceSettings(small).limits.maxBytes).toBe(1000);
  });

  it('read an allow-list of addresses and ranges, and every limit', () => {
    const config = loadBotConfig({
      ...REQUIRED,
      SOURCE_FETCH_ALLOW_ADDRESSES: '127.0.0.1, 10.0.0.0/8',
      SOURCE_FETCH_TIMEOUT_SECONDS: '2.5',
      SOURCE_FETCH_MAX_BYTES: '1000',
      SOURCE_FETCH_MAX_REDIRECTS: '0',
      AUDIT_CHANNEL_ID: '300000000000000005',
    });
    expect(config.SOURCE_FETCH_ALLOW_ADDRESSES.map((r) => r.text)).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(sourceSettings(config).limits).toMatchObject({ timeoutMs: 2500, maxBytes: 1000, maxRedirects: 0 });
    expect(config.AUDIT_CHANNEL_ID).toBe('300000000000000005');
  });

  it('read feeds (commas or spaces, each once) and their interval', () => {
    const config = loadBotConfig({
      ...REQUIRED,
      FEEDS: 'https://example.org/rss.xml, http://news.example.com/atom\nhttps://example.org/rss.xml',
      FEED_INTERVAL_MINUTES: '7.5',
    });
    expect(sourceSettings(config).feeds).toEqual({
      urls: ['https://example.org/rss.xml', 'http://news.example.com/atom'],
      intervalMinutes: 7.5,
    });
    expect(loadBotConfig({ ...REQUIRED, FEEDS: '', FEED_INTERVAL_MINUTES: '' })).toMatchObject({
      FEEDS: [],
      FEED_INTERVAL_MINUTES: 30,
    });
  });

  it('stop the bot with one line naming a bad value', () => {
    expect(() => loadBotConfig({ ...REQUIRED, SOURCE_FETCH_ALLOW_ADDRESSES: 'localhost' })).toThrow(
      /^SOURCE_FETCH_ALLOW_ADDRESSES localhost is not an IP address or CIDR range\. See \.env\.example/,
    );
    expect(() => loadBotConfig({ ...REQUIRED, SOURCE_FETCH_MAX_REDIRECTS: '-1' })).toThrow(
      /^SOURCE_FETCH_MAX_REDIRECTS /,
    );
    expect(() => loadBotConfig({ ...REQUIRED, AUDIT_CHANNEL_ID: 'general' })).toThrow(
      /^AUDIT_CHANNEL_ID must be a Discord id/,
    );
    expect(() =>
      loadBotConfig({ ...REQUIRED, FEEDS: 'https://example.org/rss, ftp://example.org/feed' }),
    ).toThrow(
      /^FEEDS must be http\(s\) addresses separated by commas \(not ftp:\/\/example\.org\/feed\)\. See \.env\.example/,
    );
    expect(() => loadBotConfig({ ...REQUIRED, FEED_INTERVAL_MINUTES: '0' })).toThrow(
      /^FEED_INTERVAL_MINUTES /,
    );
  });
});
