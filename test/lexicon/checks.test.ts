import { describe, expect, it } from 'vitest';
import { CountryCode } from '../../src/lexicon/schemas.ts';
import { expectOneProblem, problemsOf, withRows } from './helpers.ts';

describe('country codes', () => {
  it.each(['GB', 'RU', 'IR', 'XK'])('accept %s, an ISO alpha-2 code world-countries knows', (code) => {
    expect(CountryCode.safeParse(code).success).toBe(true);
  });
  it.each(['gb', 'GBR', 'UK', 'XX', 'G', ''])('reject %j', (code) => {
    expect(CountryCode.safeParse(code).success).toBe(false);
  });
  it('name the line of a malformed code in a table', () => {
    expectOneProblem('institutions', 'Lok Sabha  parliament  UK', /country: not a country code/);
    expectOneProblem('places', 'Blighty  country  gb', /country: not a country code/);
  });
});

describe('duplicated rows', () => {
  it('are caught within a table, naming both lines', () => {
    const problem = expectOneProblem('titles', 'spokesman  title', /"spokesman" is already on line \d+/);
    expect(problem).toMatch(/TITLES line/);
    expectOneProblem('denial', 'groundless  strong', /"groundless" is already on line/);
    expectOneProblem('grammar', 'the  determiner', /"the" is already on line/);
    expectOneProblem('names', 'john  m', /"john" is already on line/);
    expectOneProblem('cueVerbs', 'say  speech  bare-clause', /"say" is already on line/);
  });

  it('are caught however a name is accented or cased', () => {
    expectOneProblem('institutions', 'Elysee  office  FR', /"Elysee" is already on .*INSTITUTIONS line/);
  });
});

describe('contradicting rows', () => {
  it('give one name two countries', () => {
    expectOneProblem('institutions', 'KREMLIN  office  UA', /has two countries: UA here, RU on/);
    expectOneProblem(
      'places',
      'Downing Street  country  US',
      /has two countries: US here, GB on .*INSTITUTIONS/,
    );
  });

  it('give a name no country that lies inside a name with one', () => {
    expectOneProblem('places', 'Labour Party  no-country', /has no country but lies inside "Labour Party"/);
    expectOneProblem('places', 'Democrat  no-country', /lies inside "Democrat"/);
  });

  it('list an institution that the ambiguous names would hide', () => {
    expectOneProblem('institutions', 'Jordan  party  JO', /also listed as ambiguous/);
  });

  it('put one cue form in two classes', () => {
    expectOneProblem(
      'cueVerbs',
      'said  naming  -  said',
      /"said" is already a form of "say" on line \d+ \(speech, here naming\)/,
    );
    expectOneProblem('cueVerbs', 'reports  speech  -  reports', /"reports" is already a form of "report"/);
  });

  it('give a form flags that no cue verb has', () => {
    expectOneProblem('cueForms', 'mumbled  noisy', /"mumbled" is not a form of any cue verb/);
  });

  it('make a speech verb a dismissal', () => {
    expectOneProblem('cueVerbs', 'mumble  speech  dismissal', /only a denial verb can be a dismissal/);
  });

  it('make a word both male and female', () => {
    expectOneProblem('titles', 'sibling  title male female', /both male and female/);
  });

  it('make a word both a strong and a weak denial', () => {
    expectOneProblem('denial', 'phony  strong weak', /strong or a weak denial, not both/);
  });

  it('make a refusal object also something denied', () => {
    expectOneProblem(
      'denial',
      'passport  refusal-object accusation',
      /refusal object .* cannot also be a accusation/,
    );
  });

  it('make a denial word of a speech verb', () => {
    expectOneProblem(
      'denial',
      'saying  strong',
      /"saying" denies, but cue verbs list it as speech \("say"\)/,
    );
    expectOneProblem('denial', 'refused  deny-form', /not a form of a denial verb/);
  });

  it('are all reported at once', () => {
    const { texts } = withRows('titles', 'sibling  title male female\nspokesman  title');
    const withBadCountry = { ...texts, institutions: `${texts.institutions}Lok Sabha  parliament  IND\n` };
    expect(problemsOf(withBadCountry)).toHaveLength(3);
  });
});

describe('canonical institution names', () => {
  it('must name a row of their own, of the same country', () => {
    expectOneProblem('institutions', 'Grits  party  CA  Liberal Party of Nowhere', /has no row of its own/);
    expectOneProblem('institutions', 'Old Tories  party  IE  Conservative Party', /is GB's, not IE's/);
  });
});
