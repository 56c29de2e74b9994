import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DisplayMark } from '../../src/answers/display.ts';
import { styled } from '../../src/render/discord/markdown.ts';
import { fitRuns, type Run, runsOf } from '../../src/render/marks.ts';
import { displayed } from '../support/interactions.ts';

const SENTENCE =
  'WASHINGTON (Dispatches) – Iran, Russia and China dismissed on Friday allegations by Microsoft Corp.';
const at = (words: string, role: DisplayMark['role']): DisplayMark => {
  const start = SENTENCE.indexOf(words);
  return { start, end: start + words.length, role };
};
const DISPLAY = {
  text: SENTENCE,
  marks: [at('Russia', 'speaker'), at('dismissed', 'cue'), at('allegations by Microsoft Corp', 'content')],
};
const join = (runs: readonly Run[]) => runs.map((r) => r.text).join('');
const roles = (runs: readonly Run[]) =>
  runs.filter((r) => r.speaker || r.cue || r.match).map((r) => [r.text, r.speaker, r.cue, r.match]);

describe('runsOf', () => {
  it('cuts the text where marks and highlights start and end', () => {
    const runs = runsOf(DISPLAY, [[SENTENCE.indexOf('Microsoft'), SENTENCE.indexOf(' Corp')]]);
    expect(join(runs)).toBe(SENTENCE);
    expect(roles(runs)).toEqual([
      ['Russia', true, false, false],
      ['dismissed', false, true, false],
      ['Microsoft', false, false, true],
    ]);
  });

  it('spells the text exactly, whatever the marks (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(
          fc.record({ start: fc.integer({ min: -5, max: 70 }), end: fc.integer({ min: -5, max: 70 }) }),
        ),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 70 }), fc.integer({ min: -5, max: 70 }))),
        (text, spans, highlights) => {
          const marks = spans.map((s, i) => ({
            ...s,
            role: (['speaker', 'cue', 'content', 'quote'] as const)[i % 4]!,
          }));
          const runs = runsOf({ text, marks }, highlights);
          expect(join(runs)).toBe(text);
          expect(runs.every((r) => r.text.length > 0)).toBe(true);
        },
      ),
    );
  });
});

describe('fitRuns', () => {
  it('leaves text that fits alone', () => {
    const runs = runsOf(DISPLAY, []);
    expect(fitRuns(runs, 500)).toEqual(runs);
  });

  it('drops the sentence around the marks first, then the end of the content, keeping speaker and cue', () => {
    const runs = runsOf(DISPLAY, []);
    expect(join(fitRuns(runs, 80))).toBe(
      '…– Iran, Russia and China dismissed on Friday allegations by Microsoft Corp.',
    );
    const short = fitRuns(runs, 50);
    expect(join(short)).toBe('…Russia and China dismissed on Friday allegations…');
    expect(roles(short)).toEqual([
      ['Russia', true, false, false],
      ['dismissed', false, true, false],
    ]);
  });

  it('keeps the speaker after a long content', () => {
    const text = `${'word '.repeat(60)}he said.`;
    const runs = runsOf(
      {
        text,
        marks: [
          { start: 0, end: 299, role: 'content' },
          { start: 300, end: 302, role: 'speaker' },
          { start: 303, end: 307, role: 'cue' },
        ],
      },
      [],
    );
    const fitted = fitRuns(runs, 60);
    expect(join(fitted)).toMatch(/^word word .*word… he said\.$/);
    expect(join(fitted).length).toBeLessThanOrEqual(60);
    expect(roles(fitted)).toEqual([
      ['he', true, false, false],
      ['said', false, true, false],
    ]);
  });

  it('never exceeds the length asked for (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.array(fc.record({ start: fc.nat(300), end: fc.nat(300) }), { maxLength: 4 }),
        fc.nat(320),
        (text, spans, max) => {
          const marks = spans.map((s, i) => ({
            ...s,
            role: (['content', 'speaker', 'cue'] as const)[i % 3]!,
          }));
          expect(join(fitRuns(runsOf({ text, marks }, []), max)).length).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});

describe('styled (Discord)', () => {
  const piece = (text: string, bold: boolean, underline: boolean) => ({ text, bold, underline });

  it('nests bold inside underline and never lets two markers touch', () => {
    expect(
      styled([
        piece('Iran, ', false, false),
        piece('Russia', true, false),
        piece(' and China ', false, false),
        piece('made a ', false, true),
        piece('statement', true, true),
        piece(' on ', false, false),
        piece('Friday', true, false),
        piece(' too', true, false),
      ]),
    ).toBe('Iran, **Russia** and China __made a **statement**__ on **Friday too**');
  });

  it('shows the text as written, escaped, with no `****` or `____` (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ text: fc.string({ maxLength: 8 }), bold: fc.boolean(), underline: fc.boolean() }),
          {
            maxLength: 10,
          },
        ),
        (pieces) => {
          const out = styled(pieces);
          const text = pieces
            .map((p) => p.text)
            .join('')
            .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
          expect(displayed(out)).toBe(text);
          expect(out.replace(/\\./g, 'x')).not.toMatch(/\*\*\*\*|____/);
        },
      ),
    );
  });
});
