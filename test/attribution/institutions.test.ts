/**
 * Institutions and parties as country evidence (src/lexicon/tables/institutions.ts):
 * a speaker's title or name that holds one gives the speaker its country,
 * and a longer or case-exact name claims it back where the short one misleads.
 */
import { describe, expect, it } from 'vitest';
import { extract, only } from './helpers.ts';

function speakerOf(text: string, words: string) {
  return only(extract(text), words).speaker;
}

describe('institutions and parties give a speaker a country', () => {
  it.each([
    ['"We will win the argument," Tory leader Michael Howard said.', 'Michael Howard', 'GB'],
    ['"The plan is costed," Lib Dem spokesman Vincent Cable said.', 'Vincent Cable', 'GB'],
    ['"The bill will pass," Senate Majority Leader Mitch McConnell said.', 'Mitch McConnell', 'US'],
    ['"Talks will resume," Bundestag member Klaus Weber said.', 'Klaus Weber', 'DE'],
    ['"Our position is unchanged," Majlis speaker Ali Larijani said.', 'Ali Larijani', 'IR'],
    ['"The reform is overdue," BJP spokesman Ravi Shankar said.', 'Ravi Shankar', 'IN'],
  ])('%s', (text, name, country) => {
    const s = speakerOf(text, text.slice(1, 12));
    expect(s.name).toBe(name);
    expect(s.country).toBe(country);
  });

  it('makes a party named alone an organisation of its country', () => {
    const s = speakerOf('"Taxes will not rise," Labour said on Monday.', 'Taxes will not rise');
    expect(s).toMatchObject({ name: 'Labour', kind: 'organization', country: 'GB' });
  });
});

describe('names that only look like an institution', () => {
  it('a longer name claims a shared word for its own country', () => {
    const s = speakerOf(
      '"Strikes are a last resort," Trades Union Congress leader Brendan Barber said.',
      'Strikes are',
    );
    expect(s.country).toBe('GB');
    const anc = speakerOf('"We will govern," African National Congress leader Jacob Zuma said.', 'We will');
    expect(anc.country).toBe('ZA');
  });

  it('a minister of labour is not a Labour minister', () => {
    const job = speakerOf('"Unemployment fell," Labour Minister Ghazi Gosaibi said.', 'Unemployment');
    expect(job.country).toBeNull();
    const party = speakerOf('"Unemployment fell," former Labour minister Frank Field said.', 'Unemployment');
    expect(party.country).toBe('GB');
  });

  it('social democrats abroad are not US Democrats', () => {
    const s = speakerOf(
      '"The coalition holds," Social Democrats leader Franz Muntefering said.',
      'coalition',
    );
    expect(s.country).toBeNull();
  });

  it('an institution does not turn into a demonym in a canonical name', () => {
    const st = extract("The Treasury's Barker Review said the supply of homes must double.");
    expect(st.map((s) => s.speaker.name)).not.toContain('British Barker Review');
  });
});
