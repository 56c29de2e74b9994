/**
 * Indirect speech: where a reported clause starts and ends, and what is not
 * one. Invented sentences, one positive and one negative per rule.
 */
import { describe, expect, it } from 'vitest';
import { about, extract, only } from './helpers.ts';

describe('a bare clause after a speech verb', () => {
  it('opens with a subject pronoun: "said he and Ortiz differ on …"', () => {
    const st = extract(
      'Governor Lena Marsh met voters. Marsh said she and Ortiz differ on taxes and schools.',
    );
    const s = only(st, 'she and Ortiz differ');
    expect(s.kind).toBe('indirect');
    expect(s.speaker.name).toBe('Lena Marsh');
  });

  it('opens with a pronoun and a contracted verb: "says he\'s expecting", "told … she\'d back"', () => {
    const st = extract(
      'Senator Paul Grady spoke in Reno. Grady says he’s expecting two rivals to quit. ' +
        'Mayor Ruth Olsen told the Gazette she’d back the measure.',
    );
    expect(only(st, 'expecting two rivals').speaker.name).toBe('Paul Grady');
  });

  it('has "never" or "not" after its subject: "said the clinic never closed"', () => {
    const st = extract('Inspector Hal Brody visited. Brody said the clinic never closed its doors.');
    expect(only(st, 'clinic never closed').speaker.name).toBe('Hal Brody');
  });

  it('"said it again", "said it in a speech": "it" with no verb after it is an object, not a clause', () => {
    const st = extract('Mayor Ruth Olsen praised the plan. Olsen said it again in a speech on Monday.');
    expect(about(st, 'again')).toHaveLength(0);
  });
});

describe('content before the attribution', () => {
  it('"The plan failed, she said." keeps the clause before it', () => {
    const st = extract('Minister Carla Neves spoke. The plan has failed, Neves said.');
    expect(only(st, 'plan has failed').speaker.name).toBe('Carla Neves');
  });

  it('a fronted adverbial is no content: "During a stop in Ames, the senator repeated his promise …"', () => {
    const st = extract(
      'Senator Paul Grady toured Iowa. During a campaign stop in Ames, Grady repeated his promise to cut taxes.',
    );
    expect(about(st, 'campaign stop')).toHaveLength(0);
  });

  it('a cue with an object of its own takes nothing before it: "Hours later, Grady thanked the mayor"', () => {
    const st = extract('Senator Paul Grady toured Iowa. Hours later, Grady thanked the mayor for her help.');
    expect(about(st, 'Hours later')).toHaveLength(0);
  });

  it('a quote before such a cue is still what was said', () => {
    const st = extract('“We will win Iowa,” Senator Paul Grady said of the race on Friday.');
    expect(only(st, 'We will win Iowa').speaker.name).toBe('Paul Grady');
  });
});

describe('a participle inside reported speech', () => {
  it('"hopes to honour him by remembering his call": part of the clause, which is not cut there', () => {
    const st = extract(
      'Pastor Ann Reyes spoke. Reyes said she hopes the city honours him by remembering his call for unity.',
    );
    expect(only(st, 'she hopes the city honours him').text.text).toContain('remembering his call for unity');
  });

  it('"rejected the idea saying …": after its verb\'s object, the speaker\'s next statement', () => {
    const st = extract('Minister Carla Neves rejected the idea saying the budget was already stretched.');
    expect(only(st, 'budget was already stretched').speaker.name).toBe('Carla Neves');
    expect(about(st, 'idea saying')).toHaveLength(0);
  });

  it('"this" opens the clause unless a time word follows: "say this is a rough patch"', () => {
    const st = extract('Mayor Ruth Olsen was upbeat. Olsen says this is just a rough patch.');
    expect(only(st, 'this is just a rough patch').speaker.name).toBe('Ruth Olsen');
    const week = extract('Mayor Ruth Olsen was upbeat. Olsen said this week that the plan would work.');
    expect(only(week, 'the plan would work').text.text).toBe('the plan would work');
  });
});

describe('a share of a group speaks for a poll', () => {
  it('"52 percent of registered voters say", "six in 10 say", "more than 4 in 10 said"', () => {
    const st = extract(
      'The survey was taken in May. 52 percent of registered voters say they trust the mayor. ' +
        'Six in 10 say the council is slow. And more than 4 in 10 said taxes were too high.',
    );
    expect(only(st, 'trust the mayor').speaker.mention?.text).toBe('52 percent of registered voters');
    expect(only(st, 'council is slow').speaker.mention?.text).toBe('Six in 10');
    expect(only(st, 'taxes were too high').speaker.mention?.text).toBe('more than 4 in 10');
  });

  it('"In Ohio, about half of primary voters said …": after a fronted phrase', () => {
    const st = extract('In Ohio, about half of primary voters said they were angry about trade.');
    expect(only(st, 'angry about trade').speaker.mention?.text).toBe('about half of primary voters');
  });

  it('a share that does not open its clause is no speaker: "Supporters of half the plan said …"', () => {
    const st = extract('Supporters of half the plan said it was costly.');
    for (const s of st) expect(s.speaker.mention?.text).not.toBe('half the plan');
  });
});

describe('"according to" a source the phrase rules do not take as a speaker', () => {
  it('a bare plural or an -ing modifier: "according to sources", "according to a shipping executive familiar with …"', () => {
    const st = extract(
      'The merger collapsed on Friday, according to sources. ' +
        'The bank declined to renew the loan, according to a shipping executive familiar with the talks.',
    );
    expect(only(st, 'merger collapsed').speaker.mention?.text).toBe('sources');
    expect(only(st, 'declined to renew the loan').speaker.mention?.text).toBe('a shipping executive');
  });

  it('an object pronoun is not taken as a description: "according to him"', () => {
    const st = extract('The plan failed, according to him.');
    for (const s of st) expect(s.speaker.described ? s.speaker.name : '').not.toBe('him');
  });
});

describe('more bare clauses and appositives', () => {
  it('"say the law unfairly targets …": an -ly adverb before a verb in -s shows a clause', () => {
    const st = extract('Mayor Ruth Olsen spoke. Olsen says the tax unfairly targets small farms.');
    expect(only(st, 'unfairly targets small farms').speaker.name).toBe('Ruth Olsen');
  });

  it('an -ly adverb before an adjective or noun is no clause: "mentioned the unusually heavy rains"', () => {
    const st = extract(
      'Mayor Ruth Olsen spoke. Olsen mentioned the unusually heavy rains. Olsen recalled the early days of the council.',
    );
    expect(about(st, 'heavy rains')).toHaveLength(0);
    expect(about(st, 'early days')).toHaveLength(0);
  });

  it('"X, one of only a handful of …, said": a share with "of" opens an appositive', () => {
    const st = extract(
      'Lena Marsh, one of only a handful of women on the council, said the vote was rigged.',
    );
    expect(only(st, 'the vote was rigged').speaker.name).toBe('Lena Marsh');
  });
});

describe('what someone was asked to do', () => {
  it('"urged the judge to give …", "asked the network to donate …": the infinitive after the person spoken to', () => {
    const st = extract(
      'Governor Lena Marsh spoke. Marsh urged the judge to give him a fair sentence. ' +
        'Marsh asked the network to donate the profits to charity.',
    );
    expect(only(st, 'give him a fair sentence').speaker.name).toBe('Lena Marsh');
    expect(only(st, 'donate the profits').cue?.text).toBe('asked');
  });

  it('"told the story to a crowd": "to" before a noun phrase is no request', () => {
    const st = extract('Governor Lena Marsh spoke. Marsh told the story to a crowd in Reno.');
    expect(about(st, 'a crowd')).toHaveLength(0);
  });
});

describe('a commitment: "vowed to …", "pledged to …"', () => {
  it('"has vowed to repeal the tax", "pledged to work with both parties"', () => {
    const st = extract(
      'Governor Lena Marsh spoke. Marsh has vowed to repeal the tax. Marsh pledged to work with both parties.',
    );
    expect(only(st, 'to repeal the tax').cue?.text).toBe('vowed');
    expect(only(st, 'to work with both parties').speaker.name).toBe('Lena Marsh');
  });

  it('"agreed to terms with the union": a plural noun after "to" is no commitment', () => {
    const st = extract('Governor Lena Marsh spoke. Marsh agreed to terms with the union.');
    expect(about(st, 'terms with the union')).toHaveLength(0);
  });
});
