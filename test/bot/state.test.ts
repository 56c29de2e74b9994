/** Pagination sessions and autocomplete ranking, with a fake clock (the rate limit: rate-limit.test.ts). */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/answers/requests.ts';
import { countryChoices, speakerChoices } from '../../src/bot/autocomplete.ts';
import { BUTTON_LIFETIME_MS, PageSessions } from '../../src/bot/sessions.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('PageSessions', () => {
  it('serve the person who asked for 15 minutes, and nobody else', () => {
    const c = clock();
    const sessions = new PageSessions(c.now);
    const { id } = sessions.create('alice', []);
    expect(sessions.get(id, 'alice').ok).toBe(true);
    expect(sessions.get(id, 'bob')).toEqual({ ok: false, reason: 'not-yours' });
    expect(sessions.get(id).ok).toBe(true);
    c.advance(BUTTON_LIFETIME_MS);
    expect(sessions.get(id, 'alice')).toEqual({ ok: false, reason: 'expired' });
  });

  it('forget expired sessions and cap how many they keep', () => {
    const c = clock();
    const sessions = new PageSessions(c.now, 1000, 3);
    const first = sessions.create('a', []);
    for (let i = 0; i < 5; i++) sessions.create('a', []);
    expect(sessions.size).toBe(3);
    expect(sessions.get(first.id).ok).toBe(false);
    c.advance(1000);
    sessions.create('a', []);
    expect(sessions.size).toBe(1);
  });

  it('use ids that fit in a custom id without separators', () => {
    const { id } = new PageSessions().create('a', []);
    expect(id).toMatch(/^[A-Za-z0-9_-]{8}[0-9a-z]{1,10}$/);
  });
});

const CATALOG: Catalog = {
  countries: [
    { code: 'CN', name: 'China', flag: '🇨🇳', statements: 5, denials: 1 },
    { code: 'RU', name: 'Russia', flag: '🇷🇺', statements: 3, denials: 3 },
    { code: 'IR', name: 'Iran', flag: '🇮🇷', statements: 4, denials: 0 },
  ],
  speakers: [
    { id: 'z', name: 'Zhao Lijian', title: 'spokesman', country: 'CN', kind: 'person', statements: 3 },
    {
      id: 'p',
      name: 'Dmitry Peskov',
      title: 'Kremlin spokesman',
      country: 'RU',
      kind: 'person',
      statements: 1,
    },
  ],
};

describe('autocomplete', () => {
  const values = (choices: { value: string }[]) => choices.map((c) => c.value);

  it('ranks countries by denials for /deny and by statements otherwise, then lists every other country', () => {
    const denials = countryChoices(CATALOG, '', 'denials');
    expect(values(denials).slice(0, 3)).toEqual(['RU', 'CN', 'IR']);
    expect(values(countryChoices(CATALOG, '', 'statements')).slice(0, 3)).toEqual(['CN', 'IR', 'RU']);
    // Then the rest, alphabetically and without counts, up to Discord's 25.
    expect(denials).toHaveLength(25);
    expect(denials[3]).toEqual({ name: '🇦🇫 Afghanistan (AF)', value: 'AF' });
  });

  it('offers a country the corpus does not cover when it is typed, after those it covers', () => {
    expect(countryChoices(CATALOG, 'swe', 'denials')).toEqual([{ name: '🇸🇪 Sweden (SE)', value: 'SE' }]);
    expect(values(countryChoices(CATALOG, 'uk', 'denials'))[0]).toBe('GB');
    // A code typed in full is that country, first.
    expect(values(countryChoices(CATALOG, 'ch', 'statements')).slice(0, 2)).toEqual(['CH', 'CN']);
  });

  it('accepts codes, names, demonyms and partial names', () => {
    expect(values(countryChoices(CATALOG, 'ru', 'denials'))[0]).toBe('RU');
    expect(values(countryChoices(CATALOG, 'Russian', 'denials'))[0]).toBe('RU');
    expect(values(countryChoices(CATALOG, 'ira', 'denials'))).toEqual(['IR', 'IQ']);
    expect(countryChoices(CATALOG, 'ru', 'denials')[0]!.name).toBe('🇷🇺 Russia (RU) · 3 denials');
  });

  it('finds speakers by name or title', () => {
    expect(values(speakerChoices(CATALOG, 'spokes'))).toEqual(['Zhao Lijian', 'Dmitry Peskov']);
    expect(values(speakerChoices(CATALOG, 'peskov'))).toEqual(['Dmitry Peskov']);
    expect(speakerChoices(CATALOG, 'nobody')).toEqual([]);
  });

  it('never offers more than 25', () => {
    const many: Catalog = {
      countries: [],
      speakers: Array.from({ length: 60 }, (_, i) => ({ ...CATALOG.speakers[0]!, name: `Speaker ${i}` })),
    };
    expect(speakerChoices(many, '')).toHaveLength(25);
  });
});
