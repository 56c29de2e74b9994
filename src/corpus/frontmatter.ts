/**
 * YAML front matter: an optional `---` block at the very top of a file.
 * Metadata is validated by a strict zod schema, so a typo in a key or a
 * malformed date is reported (file and key) instead of silently ignored.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CountryInputSchema } from '../countries.ts';

/** A calendar date (`2020-09-11`) or an ISO date-time (`2020-09-11T23:42:00Z`). */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'must be YYYY-MM-DD')
  .refine(isRealDate, 'is not a real date');

function isRealDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const FrontMatterSchema = z.strictObject({
  title: z.string().trim().min(1).max(500),
  published: IsoDate.optional(),
  publisher: z.string().trim().min(1).max(200).optional(),
  author: z.string().trim().min(1).max(200).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** Home country of the article: the country of officials the text gives none (domestic news). */
  country: CountryInputSchema.optional(),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

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

/** Validates parsed front matter; the error names the offending key. */
export function validateFrontMatter(data: unknown): FrontMatter {
  const result = FrontMatterSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return fail(`unknown key "${issue.keys.join('", "')}"`);
  const key = issue.path.join('.');
  if (!key) return fail('front matter must be a YAML mapping of keys to values');
  const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
  return fail(`key "${key}" ${message}`);
}

function fail(message: string): never {
  throw new Error(message);
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!;
}
