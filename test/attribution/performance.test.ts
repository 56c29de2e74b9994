/**
 * Extraction must stay linear: adversarial inputs of half a megabyte (long
 * sentences full of speech verbs, endless chains, thousands of surnames,
 * unclosed quotes) finish in well under a second each on a laptop. The bound
 * here is loose so a slow CI machine does not flake; a quadratic regression
 * would take minutes.
 */
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../src/attribution/index.ts';

const INPUTS: Record<string, () => string> = {
  'one sentence of nested speech verbs': () =>
    Array.from({ length: 8000 }, () => 'Smith said that Jones told reporters that Brown added, saying').join(
      ' and ',
    ),
  'thousands of paragraphs continuing one quote': () =>
    `${Array.from({ length: 8000 }, (_, i) => `"Paragraph ${i} continues the quote`).join('\n\n')}," he said.`,
  'surnames of many people sharing one family name': () =>
    Array.from({ length: 8000 }, (_, i) => `Ann Lee${i % 50} met Bob Lee. Lee said the plan is good.`).join(
      '\n\n',
    ),
  'unclosed quotes and stray marks': () =>
    Array.from({ length: 20000 }, (_, i) => `He said "open ${i} ‘ ’s ''`).join(' '),
};

describe('linear time', () => {
  for (const [name, make] of Object.entries(INPUTS)) {
    it(`handles ${name} quickly`, () => {
      const text = make();
      const started = performance.now();
      extractStatements(text);
      expect(performance.now() - started).toBeLessThan(6000);
    });
  }
});
