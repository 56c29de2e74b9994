/**
 * Corpus management over the engine as the bot runs it: on a worker thread,
 * each reload built by a fresh worker from the snapshot and the changed
 * files. The `documents` request crosses the thread like any other.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answers/requests.ts';
import type { WhoSaidAnswer } from '../../src/answers/types.ts';
import { createAnswerService } from '../../src/engine/service.ts';
import { silentLogger } from '../../src/log.ts';
import { parseRanges } from '../../src/sources/address.ts';
import { SourceManager } from '../../src/sources/manager.ts';
import { article, corpusFolder, tempFolder } from '../engine/helpers.ts';

const EXTRACTOR = {
  module: new URL('../engine/fixtures/extractor.ts', import.meta.url).href,
  export: 'extractStatements',
};
const MOD = { id: '400000000000000003', username: 'mod', guildId: null };

let server: Server;
let base: string;
let service: AnswerService;

beforeAll(async () => {
  server = createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/plain' })
      .end(article('Grain report', [['Our grain exports will grow', 'Anna Berg', 'SE']])),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await service?.close();
  server?.closeAllConnections();
  server?.close();
});

describe('sources over the worker-thread engine', () => {
  it('adds and removes an article, each a reload without downtime', async () => {
    const dir = corpusFolder({
      'first.txt': article('First', [['We never hacked anyone', 'Ivan Petrov', 'RU']]),
    });
    service = await createAnswerService({
      corpusDir: dir,
      maxFileBytes: 1e6,
      snapshotDir: tempFolder(),
      logger: silentLogger,
      extractor: EXTRACTOR,
    });
    const manager = new SourceManager({
      corpusDir: dir,
      limits: { timeoutMs: 5000, maxBytes: 1e6, maxRedirects: 2, allow: parseRanges('127.0.0.1') },
      service,
      reload: () => service.reload(),
      logger: silentLogger,
    });
    const added = await manager.addUrl(`${base}/grain.txt`, MOD);
    expect(added.documents).toEqual([
      expect.objectContaining({
        title: 'Grain report',
        statements: 1,
        speakers: [expect.objectContaining({ name: 'Anna Berg' })],
      }),
    ]);
    const found = (await service.ask({ type: 'who-said', query: 'grain exports' })) as WhoSaidAnswer;
    expect(found.groups.map((g) => g.speaker.name)).toEqual(['Anna Berg']);
    await manager.remove(added.file, MOD);
    const gone = (await service.ask({ type: 'who-said', query: 'grain exports' })) as WhoSaidAnswer;
    expect(gone.groups).toEqual([]);
  }, 60_000);
});
