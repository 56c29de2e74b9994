import { describe, expect, it } from 'vitest';
import { isExplicitDenial } from '../../src/attribution/denial.ts';

/** Fresh sentences in the shapes answers sort by: worded denials first, implied ones after. */
describe('isExplicitDenial', () => {
  it.each([
    ['rejected', 'the report as politically motivated'],
    ['dismissed', 'the claims'],
    [null, 'The allegations are groundless and fabricated'],
    [null, 'That story is false'],
    ['said', 'Oslo has never meddled in anyone’s vote'],
    ['said', 'we have no interest in their election'],
    ['told reporters', 'the ministry did not hack the servers'],
  ])('counts a denial worded as one: %s “%s”', (cue, text) => {
    expect(isExplicitDenial(cue, text)).toBe(true);
  });

  it.each([
    ['said', 'it does not matter to Lima who wins the vote'],
    ['said', 'the whole affair is a matter for the courts'],
    [null, 'Our country is busy with its own harvest'],
  ])('does not count one implied some other way: %s “%s”', (cue, text) => {
    expect(isExplicitDenial(cue, text)).toBe(false);
  });
});
