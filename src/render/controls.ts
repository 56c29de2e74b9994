/**
 * Invisible characters that change how the text around them is shown, and
 * what each client does with them. Corpus text is shown verbatim, word for
 * word; these characters are not words, so dropping them from what is shown
 * keeps that promise while taking away a way to spoof it. Matching and
 * offsets always use the text as read.
 */

/**
 * Bidirectional controls (Unicode's Bidi_Control: U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069). A right-to-left override in corpus text
 * would make Discord or a terminal show its words, and everything after them
 * on the line, in an order the corpus does not have ("gnikcah" shown as
 * "hacking").
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * The only escape sequences the terminal renderer writes: SGR bold (1), dim
 * (2), underline (4) and their ends (22, 24, 22;24).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point
const OWN_SGR = /^\x1b\[(?:1|2|4|22|24|22;24)m/;

/**
 * C0 controls but tab and line feed, DEL, and C1 controls (U+0080–U+009F,
 * among them CSI U+009B, which some terminals take as ESC [).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\x00-\x08\x0B-\x1F\x7F-\x9F]/;

/**
 * Text for a terminal. An article holding escape sequences could otherwise
 * clear the screen, move the cursor over earlier lines, set the window
 * title or plant a hidden hyperlink when the CLI prints a quote. Every
 * control character is dropped except tab and line feed, and, when the
 * output is styled (`ansi`), the few SGR styles the renderer itself writes;
 * a corpus that holds one of those can at most make a word bold. Bidi
 * controls are dropped too.
 */
export function terminalSafe(text: string, options: { ansi: boolean }): string {
  let out = '';
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (!CONTROL.test(c)) continue;
    out += text.slice(at, i);
    const own = options.ansi && c === '\x1b' ? OWN_SGR.exec(text.slice(i, i + 8)) : null;
    if (own) {
      out += own[0];
      i += own[0].length - 1;
    }
    at = i + 1;
  }
  return withoutBidiControls(out + text.slice(at));
}
