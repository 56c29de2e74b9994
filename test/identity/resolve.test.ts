import { describe, expect, it } from 'vitest';
import { datelineCountry, mainCountry } from '../../src/identity/countries.ts';
import { type IdentityStatement, resolveIdentities } from '../../src/identity/resolve.ts';

function statement(
  docId: string,
  name: string,
  country: string | null = null,
  title: string | null = null,
  mention: string | null = null,
): IdentityStatement {
  return {
    docId,
    speaker: {
      name,
      title,
      country,
      kind: 'person',
      mention: mention ? { start: 0, end: mention.length, text: mention } : null,
    },
  };
}

describe('countries across the corpus', () => {
  it('records where each country comes from, strongest first', () => {
    const statements = [
      statement('a', 'Donald Trump', 'US', 'U.S. President', 'U.S. President Donald Trump'),
      statement('a', 'Donald Trump', 'US', null, 'Trump'),
      statement('b', 'Trump'),
      statement('c', 'John Smith', null, 'foreign minister'),
      statement('d', 'Jane Doe', null, 'Home Secretary'),
      statement('d', 'Joe Bloggs', null, 'a plumber'),
    ];
    const places = (docId: string) => (docId === 'c' ? { dateline: 'RU' } : undefined);
    const out = resolveIdentities(statements, places, { homeCountry: 'GB' });
    expect(out.map((o) => [o.name, o.country, o.countryEvidence])).toEqual([
      ['Donald Trump', 'US', 'stated'],
      ['Donald Trump', 'US', 'document'],
      ['Donald Trump', 'US', 'corpus'],
      ['John Smith', 'RU', 'dateline'],
      ['Jane Doe', 'GB', 'home'],
      // Not an official: the home country says nothing about a plumber.
      ['Joe Bloggs', null, null],
    ]);
  });

  it("prefers an article's own country to the corpus's home country", () => {
    const out = resolveIdentities(
      [statement('a', 'Jean Dupont', null, 'minister')],
      () => ({ country: 'FR' }),
      {
        homeCountry: 'GB',
      },
    );
    expect(out[0]).toMatchObject({ country: 'FR', countryEvidence: 'home' });
  });

  it('carries a country found for an official to the same person elsewhere', () => {
    const statements = [statement('a', 'Gordon Brown', null, 'Chancellor'), statement('b', 'Brown')];
    const out = resolveIdentities(statements, () => undefined, { homeCountry: 'GB' });
    expect(out[1]).toMatchObject({ name: 'Gordon Brown', country: 'GB', countryEvidence: 'corpus' });
  });
});

describe('datelines', () => {
  it('reads the country of one place in capitals before a dash', () => {
    expect(datelineCountry('MOSCOW (Reuters) - Russia denied it.', 0)).toBe('RU');
    expect(datelineCountry('WASHINGTON (AP) -- Officials said', 0)).toBe('US');
    expect(datelineCountry('LONDON, March 3 — The minister said', 0)).toBe('GB');
  });

  it('names no country for several places, or for a plain first line', () => {
    expect(datelineCountry('WASHINGTON/TEHRAN/MOSCOW (Dispatches) – Iran, Russia', 0)).toBeNull();
    expect(datelineCountry('Labour plans maternity pay rise\n\nMaternity pay', 0)).toBeNull();
    const withFrontMatter = '---\ntitle: x\n---\nBEIJING (Reuters) - China said';
    expect(datelineCountry(withFrontMatter, withFrontMatter.indexOf('BEIJING'))).toBe('CN');
  });
});

describe('the country an article is about', () => {
  it('is the country named clearly most often', () => {
    const japan =
      "Japan's economy shrank. Japanese exports fell and Tokyo worried; Japan may cut rates. Britain was calm.";
    expect(mainCountry(japan, 0)).toBe('JP');
  });

  it('is none when two countries are named about as often, or one only in passing', () => {
    expect(
      mainCountry('Russia and China met. Russia and China agreed. Russia and China signed.', 0),
    ).toBeNull();
    expect(mainCountry('France said no.', 0)).toBeNull();
  });

  it('gives officials its country before the home country, but never to international bodies', () => {
    const statements = [
      statement('a', 'Heizo Takenaka', null, 'economy minister'),
      statement('a', 'European Commission', null, 'commission'),
    ];
    const out = resolveIdentities(statements, () => ({ main: 'JP' }), { homeCountry: 'GB' });
    expect(out[0]).toMatchObject({ country: 'JP', countryEvidence: 'article' });
    expect(out[1]).toMatchObject({ country: null, countryEvidence: null });
  });
});

describe('bodies known by their leader', () => {
  it("give 'the Assad government' the country of the Assad the corpus knows", () => {
    const statements = [
      statement('a', 'Bashar al-Assad', 'SY', 'Syrian President', 'Syrian President Bashar al-Assad'),
      {
        docId: 'b',
        speaker: {
          name: 'the Assad government',
          title: null,
          country: null,
          kind: 'organization' as const,
          mention: null,
        },
      },
      {
        docId: 'b',
        speaker: {
          name: "Kuczynski's government",
          title: null,
          country: null,
          kind: 'organization' as const,
          mention: null,
        },
      },
    ];
    const out = resolveIdentities(statements, () => undefined);
    expect(out[1]).toMatchObject({ country: 'SY', countryEvidence: 'corpus' });
    // Nobody called Kuczynski has a country here: none is guessed.
    expect(out[2]).toMatchObject({ country: null });
  });
});

describe('named speakers of domestic news', () => {
  it('take the home country when the article is clearly about it, and not otherwise', () => {
    const statements = [
      statement('uk', 'Sandra Lee'),
      statement('jp', 'Kenji Sato'),
      statement('none', 'Ann Cole'),
    ];
    const places = (docId: string) =>
      docId === 'uk' ? { main: 'GB' } : docId === 'jp' ? { main: 'JP' } : {};
    const out = resolveIdentities(statements, places, { homeCountry: 'GB' });
    expect(out[0]).toMatchObject({ country: 'GB', countryEvidence: 'home' });
    // Not an official, in an article about Japan: the home country says nothing about him.
    expect(out[1]).toMatchObject({ country: null });
    expect(out[2]).toMatchObject({ country: null });
  });
});
