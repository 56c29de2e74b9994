/**
 * YAML front matter: an optional `---` block at the very top of a file.
 * This finds the block and parses its YAML; what the keys mean, and which
 * are warned about, is the Markdown reader's business
 * (src/corpus/readers/markdown.ts, with the field table in fields.ts).
 */
import { parse as parseYaml } from 'yaml';

export interface SplitFile {
  /** The parsed YAML, or null when the file has no front matter. */
  data: unknown;
  /** Offset of the first character after the front matter. */
  bodyStart: number;
}

// `---` alone on a line, whatever the file's line breaks (those `segmentDocument` knows: LF, CR LF,
// a lone CR, NEL, U+2028, U+2029).
const OPENING = /^---[ \t]*(?:\r\n?|[\n\u0085\u2028\u2029])/;
const CLOSING = /(?<=^|[\r\n\u0085\u2028\u2029])---[ \t]*(?:\r\n?|[\n\u0085\u2028\u2029]|$)/;
/** Line breaks other than LF: the block's YAML is read with these made LF (the parser splits lines at LF). */
const OTHER_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;

interface Block {
  yaml: string;
  bodyStart: number;
}

/** The front-matter block's YAML and where the body starts; null without one, 'unclosed' when never closed. */
function findBlock(text: string): Block | 'unclosed' | null {
  const open = OPENING.exec(text);
  if (!open) return null;
  const rest = text.slice(open[0].length);
  const close = CLOSING.exec(rest);
  if (!close) return 'unclosed';
  return { yaml: rest.slice(0, close.index), bodyStart: open[0].length + close.index + close[0].length };
}

/**
 * Separates front matter from the body. Throws with a readable message when
 * a block is opened but never closed, or is not valid YAML.
 */
export function splitFrontMatter(text: string): SplitFile {
  const block = findBlock(text);
  if (block === null) return { data: null, bodyStart: 0 };
  if (block === 'unclosed') throw new Error('front matter opened with --- is never closed');
  let data: unknown;
  try {
    data = parseYaml(block.yaml.replace(OTHER_BREAKS, '\n')) ?? {};
  } catch (error) {
    throw new Error(`front matter is not valid YAML: ${firstLine(error)}`);
  }
  return { data, bodyStart: block.bodyStart };
}

/**
 * Where the body starts by the same rule, without reading the YAML, for tools
 * that take any file (npm run statements): after a closed block, even one
 * whose YAML is broken; 0 when there is none or it is never closed.
 */
export function findBodyStart(text: string): number {
  const block = findBlock(text);
  return block !== null && block !== 'unclosed' ? block.bodyStart : 0;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!;
}
