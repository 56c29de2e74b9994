/**
 * The resident memory of one bot process, for the README's *Scaling*:
 *
 *   npx tsx test/support/replica-memory.ts <corpus dir> <snapshot dir> http|gateway [built]
 *
 * starts the bot (`node dist/src/bot/main.js` with `built`, after `npm run build`; else as
 * `npm start` does) against the local Discord-compatible server, in HTTP-interactions or gateway
 * mode, waits until it serves, reads VmRSS two seconds later, sends 300 commands (who-said and
 * search; signed POSTs in http mode, gateway dispatches otherwise), and reads VmRSS and the peak
 * (VmHWM) again. Run it twice on one snapshot dir: the first run builds, the next open the snapshot.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ID, FakeDiscord } from './fake-discord.ts';
import { slashCommand } from './interactions.ts';
import { postSigned, signingKey } from './signed-interactions.ts';

const [corpusDir, snapshotDir, mode, how] = process.argv.slice(2) as [string, string, string, string];
const fake = await FakeDiscord.start();
const key = signingKey();
const port = 18000 + Math.floor(Math.random() * 1000);
const built = how === 'built';
const child = spawn(
  process.execPath,
  built ? ['dist/src/bot/main.js'] : ['--import', 'tsx', 'src/bot/main.ts'],
  {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: 'x.y.z',
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: corpusDir,
      SNAPSHOT_DIR: snapshotDir,
      INTERACTIONS_MODE: mode,
      DISCORD_PUBLIC_KEY: key.publicKeyHex,
      INTERACTIONS_PORT: String(port),
      INTERACTIONS_HOST: '127.0.0.1',
      RATE_LIMIT_BURST: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const started = Date.now();
let log = '';
await new Promise<void>((resolve) => {
  child.stdout!.on('data', (d) => {
    log += d.toString();
    if (/listening for Discord interactions|connected to Discord/.test(log)) resolve();
  });
});
const ready = Date.now() - started;
const from = /"from":"([^"]+)"/.exec(log)?.[1];
const rss = () => {
  const s = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return {
    rss: Number(/VmRSS:\s+(\d+)/.exec(s)![1]) / 1024,
    hwm: Number(/VmHWM:\s+(\d+)/.exec(s)![1]) / 1024,
  };
};
await new Promise((r) => setTimeout(r, 2000));
const idle = rss();
const queries = [
  'empire of hackers',
  'election campaign',
  'interest rates',
  'mobile phones',
  'football match',
  'film awards',
];
for (let i = 0; i < 300; i++) {
  const p = slashCommand(fake, i % 3 === 0 ? 'search' : 'who-said', { query: queries[i % queries.length]! });
  if (mode === 'http') await postSigned(`http://127.0.0.1:${port}`, key, p);
  else {
    fake.dispatch('INTERACTION_CREATE', p);
    await fake.waitForRequest((r) => r.path.includes(p.token));
  }
}
await new Promise((r) => setTimeout(r, 1000));
const busy = rss();
console.log(
  JSON.stringify({
    how: how ?? 'tsx',
    mode,
    corpusDir,
    from,
    readyMs: ready,
    idleRssMB: Math.round(idle.rss),
    after300RssMB: Math.round(busy.rss),
    peakMB: Math.round(busy.hwm),
  }),
);
child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
await fake.close();
