/**
 * The two seed articles against the hand-made gold list, read from
 * ../shared at run time (the articles are copyrighted and never copied here).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../src/attribution/index.ts';
import { sharedDir } from '../../src/eval/paths.ts';
import { loadSeedGold, scoreSeeds } from '../../src/eval/seeds.ts';
import { expectSlices } from './helpers.ts';

const shared = sharedDir();
const present = existsSync(path.join(shared, 'eval', 'seed-gold.json'));

describe.skipIf(!present)(`seed articles (from ${shared}; skipped when absent)`, () => {
  const score = present ? scoreSeeds(shared, (text) => extractStatements(text)) : null;

  it('finds every required statement with the right speaker, country and denial', () => {
    const wrong = score!.results.filter((r) => !(r.found && r.speaker && r.country && r.denial));
    expect(wrong).toEqual([]);
    expect(score!.found).toBe(score!.required);
  });

  it('emits no false statements', () => {
    expect(score!.extraTexts).toEqual([]);
  });

  it('gives Zhao Lijian one name in both articles', () => {
    const docs = [...new Set(loadSeedGold(shared).map((g) => g.doc))];
    const names = docs.map((doc) => {
      const text = readFileSync(path.join(shared, 'seeds', doc), 'utf8');
      return extractStatements(text)
        .map((s) => s.speaker.name)
        .filter((n) => n.includes('Zhao'));
    });
    for (const list of names) expect(new Set(list)).toEqual(new Set(['Zhao Lijian']));
  });

  it('keeps every offset exact', () => {
    for (const doc of ['000_dedf56004ae8cd24.txt', '001_e6221dfe59bbf6ac.txt']) {
      const file = path.join(shared, 'seeds', doc);
      if (!existsSync(file)) continue;
      const text = readFileSync(file, 'utf8');
      for (const s of extractStatements(text)) expectSlices(text, s);
    }
  });
});
