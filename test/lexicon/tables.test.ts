import { describe, expect, it } from 'vitest';
import {
  COUNTRY_ALIASES,
  CUES,
  DETERMINERS,
  HONORIFICS,
  MALE_GIVEN_NAMES,
  PLACE_NAMES,
  STRONG_DENIAL,
  TITLE_WORDS,
} from '../../src/lexicon/index.ts';
import { loadLexicon, TABLE_TEXTS } from '../../src/lexicon/load.ts';
import { parseTable, type TableShape } from '../../src/lexicon/parse.ts';
import { SHAPES, type TableName } from '../../src/lexicon/schemas.ts';

describe('the lexicon tables', () => {
  it.each(Object.keys(SHAPES) as TableName[])('%s parses without a problem and is not empty', (name) => {
    const problems: string[] = [];
    const shape: TableShape<unknown> = SHAPES[name];
    const rows = parseTable(name, TABLE_TEXTS[name], shape, problems);
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('load as a whole without duplicates or contradictions', () => {
    expect(() => loadLexicon()).not.toThrow();
  });

  it('give the engine the lookups it reasons with', () => {
    expect(CUES.get('said')).toMatchObject({ lemma: 'say', cls: 'speech', bareClause: true, noisy: false });
    expect(CUES.get('told')).toMatchObject({ lemma: 'tell', takesRecipient: true });
    expect(CUES.get('reports')).toMatchObject({ lemma: 'report', noisy: true, bareClause: false });
    expect(CUES.get('denying')).toMatchObject({ lemma: 'deny', cls: 'denial', participle: true });
    expect(DETERMINERS.has('the')).toBe(true);
    expect(TITLE_WORDS.has('spokesman')).toBe(true);
    expect(HONORIFICS.has('mr.')).toBe(true);
    expect(STRONG_DENIAL.has('groundless')).toBe(true);
    expect(MALE_GIVEN_NAMES.has('vladimir')).toBe(true);
    expect(PLACE_NAMES.has('vermont')).toBe(true);
    expect(COUNTRY_ALIASES).toContainEqual({ name: 'Kremlin', country: 'RU', speaks: 'organization' });
    expect(COUNTRY_ALIASES).toContainEqual({ name: 'Britain', country: 'GB', speaks: 'state' });
    expect(COUNTRY_ALIASES).toContainEqual({ name: 'Briton', country: 'GB', speaks: null });
  });

  it('are read-only once loaded', () => {
    expect(() => (DETERMINERS as Set<string>).add('whatever')).toThrow(/read-only/);
    expect(() => (TITLE_WORDS as Set<string>).delete('spokesman')).toThrow(/read-only/);
    expect(() => (CUES as Map<string, unknown>).set('mumbled', {})).toThrow(/read-only/);
    expect(Object.isFrozen(CUES.get('said'))).toBe(true);
    expect(Object.isFrozen(COUNTRY_ALIASES)).toBe(true);
    expect(DETERMINERS.has('whatever')).toBe(false);
  });
});
