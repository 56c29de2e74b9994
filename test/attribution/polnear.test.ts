/**
 * PolNeAR dev: the targets, read from ../shared at run time.
 * Skipped with a message when the data is not there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../src/attribution/index.ts';
import { sharedDir } from '../../src/eval/paths.ts';
import { loadPolnear, scorePolnear } from '../../src/eval/polnear.ts';

const dev = path.join(sharedDir(), 'eval-data', 'polnear', 'dev');
const present = existsSync(dev);

describe.skipIf(!present)(`PolNeAR dev targets (${dev}; skipped when absent)`, () => {
  const score = present ? scorePolnear(loadPolnear(dev), (text) => extractStatements(text)) : null;

  it('direct quotes: F1 of at least 0.85', () => {
    expect(score!.direct.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('direct quotes: speaker accuracy of at least 0.90', () => {
    expect(score!.direct.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
