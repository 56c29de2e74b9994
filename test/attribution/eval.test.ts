/**
 * The yardstick itself: brat parsing, the speech-cue filter and the PolNeAR
 * scoring rules, on small made-up documents.
 */
import { describe, expect, it } from 'vitest';
import { parseAnn } from '../../src/eval/brat.ts';
import { type PolnearDoc, scorePolnear } from '../../src/eval/polnear.ts';
import { isSpeechCue } from '../../src/eval/speech.ts';
import type { ExtractedStatement } from '../../src/model.ts';

const TEXT = '"The lake is frozen," warden Ada Moss said. Moss added that skaters should wait.';

const ANN = [
  'T1\tContent 0 21\t"The lake is frozen,"',
  'T2\tSource 22 37\twarden Ada Moss',
  'T3\tCue 38 42\tsaid',
  'T4\tAttribution 38 42\tsaid',
  'E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3',
  'T5\tSource 44 48\tMoss',
  'T6\tCue 49 54\tadded',
  'T7\tContent 60 79\tskaters should wait',
  'T8\tAttribution 49 54\tadded',
  'E2\tAttribution:T8 Content:T7 Source:T5 Cue:T6',
  'T9\tContent 1 5;10 12\tThe is',
  'a line of entity text that spilled over',
].join('\n');

function statement(
  start: number,
  end: number,
  kind: ExtractedStatement['kind'],
  mention: [number, number] | null,
) {
  return {
    kind,
    text: { start, end, text: TEXT.slice(start, end) },
    speaker: {
      name: 'Ada Moss',
      title: null,
      country: null,
      kind: 'person' as const,
      mention: mention ? { start: mention[0], end: mention[1], text: TEXT.slice(...mention) } : null,
    },
    cue: null,
    denial: false,
  };
}

describe('brat parsing', () => {
  it('reads relations, discontinuous spans and ignores stray lines', () => {
    const rels = parseAnn(ANN);
    expect(rels).toHaveLength(2);
    expect(rels[0]!.content!.pieces).toEqual([{ start: 0, end: 21 }]);
    expect(rels[0]!.source!.pieces).toEqual([{ start: 22, end: 37 }]);
    expect(rels[1]!.cue!.pieces).toEqual([{ start: 49, end: 54 }]);
  });
});

describe('speech cues', () => {
  it('recognises inflected speech verbs and "according to"', () => {
    for (const cue of ['said', 'told reporters', 'says', 'According to', 'added:', 'denied', 'tweeted']) {
      expect(isSpeechCue(cue), cue).toBe(true);
    }
    for (const cue of ['is expected', 'worried about', 'prefer']) expect(isSpeechCue(cue), cue).toBe(false);
  });
});

describe('PolNeAR scoring', () => {
  const doc: PolnearDoc = { name: 'made-up', text: TEXT, relations: parseAnn(ANN) };

  it('counts a quote found when 80% is covered, and checks the speaker mention', () => {
    const score = scorePolnear([doc], () => [statement(1, 19, 'direct', [29, 37])]);
    expect(score.direct).toMatchObject({ gold: 1, found: 1, predicted: 1, correct: 1, speakerCorrect: 1 });
    expect(score.indirect).toMatchObject({ gold: 1, found: 0 });
  });

  it('misses a quote covered below 80% and a wrong mention', () => {
    const score = scorePolnear([doc], () => [statement(1, 9, 'direct', null)]);
    expect(score.direct.found).toBe(0);
    const wrongSpeaker = scorePolnear([doc], () => [statement(1, 19, 'direct', [44, 48])]);
    expect(wrongSpeaker.direct.speakerAccuracy).toBe(0);
  });

  it('counts a prediction outside every gold content as a false positive', () => {
    const score = scorePolnear([doc], () => [statement(22, 42, 'partial', null)]);
    expect(score.direct.precision).toBe(0);
    expect(score.misses.some((m) => m.what === 'false positive')).toBe(true);
  });
});
