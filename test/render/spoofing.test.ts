/**
 * Display spoofing (issue 11): bidirectional controls never reach Discord,
 * and a shown link carries no character that could make markup.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emphasise, escapeText, linkMarkdown } from '../../src/render/discord/markdown.ts';
import { displayed } from '../support/interactions.ts';

const BIDI_CONTROL = /\p{Bidi_Control}/u;

describe('escapeText and bidirectional controls', () => {
  it('drops every bidi control (U+061C, U+200E/F, U+202A–E, U+2066–9) and keeps every word', () => {
    const controls = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E'];
    controls.push('\u2066', '\u2067', '\u2068', '\u2069');
    for (const c of controls) expect(c).toMatch(BIDI_CONTROL);
    const text = `We ${controls.join('deny ')}hacking.`;
    const shown = escapeText(text);
    expect(shown).not.toMatch(BIDI_CONTROL);
    expect(shown).toBe(`We ${'deny '.repeat(controls.length - 1)}hacking.`);
  });

  it('shows a right-to-left override as nothing, around matched words too', () => {
    const text = 'They \u202Edeny gnikcah\u202C today';
    const shown = emphasise(text, [[11, 18]]);
    expect(shown).toBe('They deny **gnikcah** today');
  });

  it('never lets a bidi control through, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(escapeText(text)).not.toMatch(BIDI_CONTROL);
        // Nothing but the controls (and line breaks, made spaces) is lost.
        expect(displayed(escapeText(text))).toBe(
          text.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ').replace(/\p{Bidi_Control}/gu, ''),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('puts a NEL line break on the line like the others', () => {
    expect(escapeText('one\u0085two')).toBe('one two');
  });
});

describe('linkMarkdown', () => {
  it('encodes what could make markup, and the link still decodes to the same address', () => {
    const url = 'https://example.org/__under__/*bold*/~~del~~/||spoiler||/`code`/[x](y)?q=a\\b#_frag_';
    const shown = linkMarkdown(url)!;
    expect(shown).toMatch(/^<https:\/\/example\.org\/.*>$/);
    expect(shown.slice(1, -1)).not.toMatch(/[*~|`\\[\]]|__|(?<![A-Za-z0-9])_/);
    expect(decodeURIComponent(shown.slice(1, -1))).toBe(decodeURIComponent(new URL(url).href));
  });

  it('keeps ordinary links readable', () => {
    expect(linkMarkdown('https://www.bbc.co.uk/news/world_asia-123')).toBe(
      '<https://www.bbc.co.uk/news/world_asia-123>',
    );
    expect(linkMarkdown('https://en.wikipedia.org/wiki/Foo_(bar)')).toBe(
      '<https://en.wikipedia.org/wiki/Foo_(bar)>',
    );
    expect(linkMarkdown('http://example.org')).toBe('<http://example.org/>');
  });

  it('encodes bidi controls and spaces (the URL parser does), and refuses what is not http(s)', () => {
    expect(linkMarkdown('https://example.org/a\u202Eb')).toBe('<https://example.org/a%E2%80%AEb>');
    expect(linkMarkdown('javascript:alert(1)')).toBeNull();
    expect(linkMarkdown('not a link')).toBeNull();
  });
});
