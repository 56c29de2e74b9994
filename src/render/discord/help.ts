/** /help as a Discord layout: one block per command, with its options and one example. */
import { slashExample } from '../../answers/help.ts';
import type { HelpAnswer, HelpCommand } from '../../answers/types.ts';
import type { Layout } from './answers.ts';
import { escapeText, shorten } from './markdown.ts';

const COLOR = 0x3b82f6;
const INTRO =
  'Every answer quotes the corpus word for word, with a citation for each quote. ' +
  '`/who-said` also reads a plain question: *what did Tony Blair say about taxes*, *did Russia deny hacking*.\n' +
  '`private:True` on any command shows the answer to you alone.';

/** A value inside a code span: no backticks (they would end it), on one line. */
function code(text: string): string {
  return `\`${shorten(text.replace(/`/g, "'").replace(/\s+/g, ' '), 300)}\``;
}

function usage(command: HelpCommand): string {
  const options = command.options.map((o) =>
    o.required ? escapeText(shorten(o.name, 40)) : `[${escapeText(shorten(o.name, 40))}]`,
  );
  return [`**/${escapeText(shorten(command.name, 40))}**`, ...options].join(' ');
}

export function helpLayout(a: HelpAnswer): Layout {
  return {
    frame: { title: 'whosaid: commands', intro: `${INTRO}\n`, color: COLOR, perPage: 20 },
    blocks: a.commands.map((command) => ({
      text: [
        usage(command),
        escapeText(shorten(command.description, 300)),
        `Example: ${code(slashExample(command))}`,
      ].join('\n'),
    })),
  };
}
