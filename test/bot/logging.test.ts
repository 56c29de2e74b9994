/**
 * Issue 11: a readable log mode (LOG_FORMAT=pretty), progress lines during a
 * corpus build (files done of total, rate), and the new settings.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadBaseConfig, loadBotConfig } from '../../src/config.ts';
import { progressLogger } from '../../src/engine/progress.ts';
import { createAnswerService } from '../../src/engine/service.ts';
import { createLogger, prettyLine } from '../../src/log.ts';
import { SEED_CORPUS } from '../support/harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: log lines are free-form JSON
type Json = any;

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('LOG_FORMAT=pretty', () => {
  it('writes one readable line per entry: time, level, message, fields; no JSON, no token', () => {
    const out = sink();
    const logger = createLogger('info', out.stream, { format: 'pretty' });
    logger.info({ done: 3, total: 10, file: 'news/a b.md', token: 'secret-token' }, 'building corpus');
    logger.warn({ nested: { a: 1 } }, 'careful');
    logger.debug('not at info');
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^\d\d:\d\d:\d\d\.\d{3} INFO {2}building corpus done=3 total=10 file="news\/a b\.md" token=\[redacted\]$/,
      ),
      expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}careful nested=\{"a":1\}$/),
    ]);
    expect(out.text()).not.toContain('secret-token');
  });

  it("puts an error's stack on indented lines after its entry", () => {
    const line = prettyLine(
      JSON.stringify({
        level: 60,
        time: Date.UTC(2024, 0, 1),
        app: 'whosaid',
        msg: 'could not start',
        error: { type: 'GatewayError', message: 'boom', stack: 'GatewayError: boom\n    at here' },
      }),
    );
    const [first, ...stack] = line.split('\n');
    expect(first).toMatch(/FATAL could not start error=\{"type":"GatewayError","message":"boom"\}$/);
    expect(stack).toEqual(['    GatewayError: boom', '        at here']);
  });

  it('colours the level only when asked, and passes a line that is not JSON through', () => {
    const json = JSON.stringify({ level: 50, time: 0, msg: 'bad' });
    expect(prettyLine(json, true)).toContain('\x1b[31mERROR\x1b[0m');
    expect(prettyLine(json, false)).not.toContain('\x1b[');
    expect(prettyLine('plain text')).toBe('plain text');
  });

  it('is a setting: json by default, pretty when asked, anything else refused with its name', () => {
    expect(loadBaseConfig({}).LOG_FORMAT).toBe('json');
    expect(loadBaseConfig({ LOG_FORMAT: 'Pretty ' }).LOG_FORMAT).toBe('pretty');
    expect(loadBaseConfig({ LOG_FORMAT: '' }).LOG_FORMAT).toBe('json');
    expect(() => loadBaseConfig({ LOG_FORMAT: 'xml' })).toThrow(/^LOG_FORMAT /);
  });
});

describe('GATEWAY_TIMEOUT_SECONDS', () => {
  const env = { DISCORD_TOKEN: 't', DISCORD_CLIENT_ID: '100000000000000001' };
  it('defaults to 120, takes fractions, and refuses zero or words', () => {
    expect(loadBotConfig(env).GATEWAY_TIMEOUT_SECONDS).toBe(120);
    expect(loadBotConfig({ ...env, GATEWAY_TIMEOUT_SECONDS: '' }).GATEWAY_TIMEOUT_SECONDS).toBe(120);
    expect(loadBotConfig({ ...env, GATEWAY_TIMEOUT_SECONDS: '2.5' }).GATEWAY_TIMEOUT_SECONDS).toBe(2.5);
    expect(() => loadBotConfig({ ...env, GATEWAY_TIMEOUT_SECONDS: '0' })).toThrow(
      /^GATEWAY_TIMEOUT_SECONDS /,
    );
    expect(() => loadBotConfig({ ...env, GATEWAY_TIMEOUT_SECONDS: 'soon' })).toThrow(
      /^GATEWAY_TIMEOUT_SECONDS /,
    );
  });
});

describe('build progress', () => {
  it('logs the start, then at most every 2 s files done of total with the rate, and the end', () => {
    const lines: Json[] = [];
    let clock = 0;
    const report = progressLogger(
      { info: ((fields: Json, msg: string) => lines.push({ ...fields, msg })) as never },
      { now: () => clock },
    );
    report({ done: 0, total: 1000 });
    for (let done = 16; done < 1000; done += 16) {
      clock += 100; // 160 files a second
      report({ done, total: 1000 });
    }
    clock += 50;
    report({ done: 1000, total: 1000 });
    expect(lines[0]).toEqual({ done: 0, total: 1000, msg: 'building corpus: extracting statements' });
    const middle = lines.slice(1, -1);
    expect(middle.length).toBe(3); // 6.3 s of build: at 2, 4 and 6 s
    expect(middle[0]).toEqual({
      done: 320,
      total: 1000,
      percent: 32,
      perSecond: 160,
      msg: 'building corpus: 320 of 1000 files',
    });
    expect(lines.at(-1)).toMatchObject({
      done: 1000,
      total: 1000,
      perSecond: 160,
      msg: 'building corpus: 1000 files extracted; indexing',
    });
  });

  it('comes from the engine worker while the bot builds its first corpus', async () => {
    const out = sink();
    const service = await createAnswerService({
      corpusDir: SEED_CORPUS,
      maxFileBytes: 5_000_000,
      logger: createLogger('info', out.stream),
    });
    await service.close();
    const logs = out
      .text()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const progress = logs.filter((l) => l.msg.startsWith('building corpus'));
    expect(progress[0]).toMatchObject({ done: 0, total: 2 });
    expect(progress.at(-1)).toMatchObject({ done: 2, total: 2, perSecond: expect.any(Number) });
    expect(logs.findIndex((l) => l.msg === 'corpus loaded')).toBeGreaterThan(logs.indexOf(progress.at(-1)));
  });
});
