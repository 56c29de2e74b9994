import tty from 'node:tty';
import { describe, expect, it } from 'vitest';
import type { Citation, SourceAnswer } from '../../src/answers/types.ts';
import { renderText, textStyleFor } from '../../src/render/text.ts';

/** A terminal as Node sees it: `hasColors` is Node's own, reading the environment it is given. */
const TERMINAL = { isTTY: true, hasColors: tty.WriteStream.prototype.hasColors };
/** A pipe or a file: not a TTY, and no `hasColors`. */
const PIPE = {};

describe('textStyleFor: plain text or ANSI styles', () => {
  it.each([
    ['a colour terminal', TERMINAL, { TERM: 'xterm-256color' }, true],
    ['a terminal with NO_COLOR', TERMINAL, { TERM: 'xterm-256color', NO_COLOR: '1' }, false],
    ['a terminal with NO_COLOR empty', TERMINAL, { TERM: 'xterm-256color', NO_COLOR: '' }, false],
    ['a dumb terminal', TERMINAL, { TERM: 'dumb' }, false],
    ['a dumb terminal with FORCE_COLOR', TERMINAL, { TERM: 'dumb', FORCE_COLOR: '1' }, true],
    ['a terminal with FORCE_COLOR=0', TERMINAL, { TERM: 'xterm-256color', FORCE_COLOR: '0' }, false],
    ['a pipe', PIPE, { TERM: 'xterm-256color' }, false],
    ['a pipe with FORCE_COLOR', PIPE, { FORCE_COLOR: '1' }, true],
    ['a pipe with FORCE_COLOR empty', PIPE, { FORCE_COLOR: '' }, true],
    ['a pipe with FORCE_COLOR=0', PIPE, { FORCE_COLOR: '0' }, false],
    ['a pipe with FORCE_COLOR=false', PIPE, { FORCE_COLOR: 'false' }, false],
    ['a pipe with NO_COLOR', PIPE, { NO_COLOR: '1' }, false],
    ['a TTY that cannot tell', { isTTY: true }, { TERM: 'xterm-256color' }, false],
  ])('%s → ansi %s', (_what, stream, env, ansi) => {
    expect(textStyleFor(stream, env)).toEqual({ ansi });
  });
});

const CITATION: Citation = {
  docId: 'd',
  file: 'd.md',
  title: 'A "quoted" title',
  published: '2020-09-11',
  url: 'https://example.org/a_b',
  paragraph: 2,
  sentenceId: 'd:2.2',
  start: 0,
  end: 1,
};

describe('renderText', () => {
  const source: SourceAnswer = {
    type: 'source',
    input: 'd:2.2',
    context: {
      citation: CITATION,
      sentences: [
        { id: 'd:2.1', text: 'Before it.', cited: false },
        { id: 'd:2.2', text: 'The cited\none.', cited: true },
      ],
    },
  };

  it('plain: marks the cited sentence in the margin, adds nothing to it, and cites with a plain link', () => {
    expect(renderText(source, { ansi: false })).toBe(
      [
        '   Before it.',
        '→  The cited one.',
        '   — ‘A "quoted" title’ — 2020-09-11, ¶2 [d:2.2] https://example.org/a_b',
      ].join('\n'),
    );
  });

  it('ANSI: the cited sentence in bold, the citation dim', () => {
    expect(renderText(source, { ansi: true })).toBe(
      [
        '   Before it.',
        '→  \x1b[1mThe cited one.\x1b[22m',
        '\x1b[2m   — ‘A "quoted" title’ — 2020-09-11, ¶2 [d:2.2] https://example.org/a_b\x1b[22m',
      ].join('\n'),
    );
  });
});
