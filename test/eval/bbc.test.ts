/**
 * The BBC development set: the gold file itself (offsets and labels only,
 * every span inside its article), and floors under the figures this session
 * reached on its tuning part, so a change that loses denials or countries
 * fails here. Reads the articles from ../shared; skipped when absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../src/attribution/index.ts';
import {
  BBC_GOLD_FILE,
  bbcSplitOf,
  buildBbcCorpus,
  loadBbcGold,
  readBbcArticle,
  scoreBbc,
} from '../../src/eval/bbc.ts';
import { sharedDir } from '../../src/eval/paths.ts';

const corpusDir = path.join(sharedDir(), 'corpora', 'bbc-news-2004-2005');
const present = existsSync(corpusDir);

describe('the gold file', () => {
  const gold = loadBbcGold();

  it('holds at least 300 articles across politics and business, a quarter held out', () => {
    expect(gold.length).toBeGreaterThanOrEqual(300);
    expect(new Set(gold.map((a) => a.file.split('/')[0]))).toEqual(new Set(['politics', 'business']));
    for (const a of gold) expect(a.split).toBe(bbcSplitOf(a.file));
    expect(gold.filter((a) => a.split === 'holdout').length).toBe(gold.length / 4);
  });

  it('keeps no article text: offsets and labels only', () => {
    const raw = JSON.parse(readFileSync(BBC_GOLD_FILE, 'utf8')) as Record<string, unknown>[];
    const keys = new Set(
      raw.flatMap((a) =>
        [...(a.denials as object[]), ...((a.statements as object[]) ?? [])].flatMap(Object.keys),
      ),
    );
    expect([...keys].sort()).toEqual(
      ['country', 'denial', 'end', 'explicit', 'kind', 'named', 'politician', 'speaker', 'start'].sort(),
    );
  });

  it.skipIf(!present)('points inside every article it labels', () => {
    for (const a of gold) {
      const text = readBbcArticle(corpusDir, a.file);
      for (const l of [...a.denials, ...(a.statements ?? [])]) {
        expect(l.start < l.end && l.end <= text.length, `${a.file} ${l.start}-${l.end}`).toBe(true);
        expect(text.slice(l.start, l.end).trim().length).toBeGreaterThan(0);
      }
    }
  });
});

describe.skipIf(!present)('BBC tuning part: no regression (floors under the figures reached)', () => {
  const score = present
    ? scoreBbc(buildBbcCorpus(corpusDir, ['politics', 'business'], extractStatements), loadBbcGold(), 'tune')
    : null;

  it('denials: recall at least 0.68 at precision at least 0.90; explicit ones at least 0.91', () => {
    expect(score!.denials.recall).toBeGreaterThanOrEqual(0.68);
    expect(score!.denials.precision).toBeGreaterThanOrEqual(0.9);
    expect(score!.denials.explicit.found / score!.denials.explicit.gold).toBeGreaterThanOrEqual(0.91);
  });

  it('named politicians: at least 95% of those found have the right country', () => {
    const st = score!.statements;
    expect(st.rightCountry / st.found).toBeGreaterThanOrEqual(0.95);
  });

  it('no person split across speaker ids', () => {
    expect(score!.identities.split).toEqual([]);
  });
});
