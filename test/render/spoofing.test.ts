/**
 * Display spoofing (issue 11): bidirectional controls never reach Discord,
 * an autocomplete list or a terminal; escape sequences in corpus text never
 * reach a terminal; and a shown link carries no character that could make
 * markup.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/render/controls.ts';
import { emphasise, escapeText, linkMarkdown } from '../../src/render/discord/markdown.ts';
import { renderChoices } from '../../src/render/discord.ts';
import { corpusFolder } from '../engine/helpers.ts';
import { runCli } from '../support/cli.ts';
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

describe('autocomplete choices', () => {
  it('drop bidi controls from the names shown, and a name of nothing else', () => {
    const choices = renderChoices([
      { name: 'Li \u202Egnaw\u202C', value: 'li' },
      { name: '\u202E\u202C', value: 'x' },
    ]);
    expect(choices).toEqual([{ name: 'Li gnaw', value: 'li' }]);
  });
});

const ESC = '\x1b';
/** Any control character a terminal acts on, but tab and line feed. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for them
const TERMINAL_CONTROL = /[\x00-\x08\x0B-\x1F\x7F-\x9F]/;
/** The styles the terminal renderer writes itself. */
const OWN_STYLES = new RegExp(`${ESC}\\[(?:1|2|4|22|24|22;24)m`, 'g');
/** What terminalSafe may drop: controls and bidi controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for them
const DROPPED = /[\x00-\x08\x0B-\x1F\x7F-\x9F]|\p{Bidi_Control}/gu;
/** What the spoofing corpus below tries: a screen clear, a window title, a bell, a right-to-left override. */
const SPOOF = new RegExp(`${ESC}\\[2J|${ESC}\\]|\\x07|\\u202E`);

describe('terminalSafe', () => {
  it('drops screen clears, cursor moves, window titles and hidden links, keeping every word', () => {
    const text = `Blair ${ESC}[2J${ESC}[1;1Hsaid ${ESC}]0;owned\x07no ${ESC}]8;;https://evil.example\x07link${ESC}]8;;\x07 \u009b31mred`;
    expect(terminalSafe(text, { ansi: true })).toBe(
      'Blair [2J[1;1Hsaid ]0;ownedno ]8;;https://evil.examplelink]8;; 31mred',
    );
  });

  it("keeps the renderer's own styles on a colour terminal, and none in plain text", () => {
    const styled = `${ESC}[1mBlair${ESC}[22m ${ESC}[4msaid${ESC}[22;24m`;
    expect(terminalSafe(styled, { ansi: true })).toBe(styled);
    expect(terminalSafe(styled, { ansi: false })).toBe('[1mBlair[22m [4msaid[22;24m');
    expect(terminalSafe(`${ESC}[31mred${ESC}[0m`, { ansi: true })).toBe('[31mred[0m');
  });

  it('never lets a control character through but its own styles, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (text, ansi) => {
        const shown = terminalSafe(text, { ansi });
        expect(shown).not.toMatch(BIDI_CONTROL);
        const withoutOwn = shown.replace(OWN_STYLES, '');
        expect(withoutOwn).not.toMatch(TERMINAL_CONTROL);
        if (!ansi) expect(shown).not.toContain(ESC);
        // Tabs, line feeds and every printable character stay, in order.
        const printable = (s: string) => s.replace(DROPPED, '');
        expect(printable(shown)).toBe(printable(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('npm run ask on an article holding escape sequences', () => {
  it('prints the quote without them', async () => {
    const dir = corpusFolder({
      'a.md': `Talks\n\n"The talks ${ESC}[2J${ESC}]0;owned\x07failed," said Foreign Minister Ann Cole \u202Eof Ruritania.\n`,
    });
    const { NO_COLOR: _n, FORCE_COLOR: _f, ...env } = process.env;
    const result = await runCli('src/cli/ask.ts', ['who-said', 'talks failed', '--corpus', dir], {
      ...env,
      FORCE_COLOR: '1',
      LOG_LEVEL: 'silent',
      WHOSAID_NO_SNAPSHOT: '1',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Ann Cole');
    expect(result.stdout).toContain('[2J]0;owned');
    expect(result.stdout).not.toMatch(SPOOF);
  }, 60_000);
});
