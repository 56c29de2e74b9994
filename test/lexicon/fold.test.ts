import { describe, expect, it } from 'vitest';
import { fold, foldName, foldToken, lowerWord, stripAccents } from '../../src/text/fold.ts';

describe('text folding', () => {
  it('drops accents', () => {
    expect(stripAccents('Élysée')).toBe('Elysee');
    expect(stripAccents('Gdańsk Zürich')).toBe('Gdansk Zurich');
  });

  it('folds case, accents and apostrophes alike', () => {
    expect(fold('Côte d’Ivoire')).toBe("cote d'ivoire");
    expect(fold('O‘Brien')).toBe(fold("o'brien"));
  });

  it('trims names and drops an abbreviation period from tokens', () => {
    expect(foldName('  Élysée Palace ')).toBe('elysee palace');
    expect(foldToken('Corp.')).toBe('corp');
    expect(foldToken('U.S.')).toBe('u.s');
  });

  it('lowers a token and straightens its apostrophe, keeping accents', () => {
    expect(lowerWord('Iran’s')).toBe("iran's");
    expect(lowerWord('Élysée')).toBe('élysée');
  });
});
