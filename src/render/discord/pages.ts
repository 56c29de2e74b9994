/**
 * Packing rendered blocks into pages that fit one embed each. Every size
 * below is derived from `LIMITS`, so a page can never exceed them.
 */
import { LIMITS } from './limits.ts';
import { clampMarkdown } from './markdown.ts';

/** A cited sentence a page offers a Context button for. */
export interface ContextRef {
  /** The number shown next to the citation (`[3]` → "Context 3"). */
  number: number;
  sentenceId: string;
}

/** One unit of an answer (a statement, a sentence, a list line) as markdown. */
export interface Block {
  text: string;
  /** Printed above the block whenever it differs from the previous block's on the page. */
  header?: string | undefined;
  /** How the block joins the previous one under the same header. */
  join?: '\n\n' | '\n' | ' ' | '';
  contexts?: ContextRef[];
}

/** What every page of one answer shares. */
export interface Frame {
  /** Plain text above the embed (on every page, so page turns keep it). */
  content?: string | undefined;
  title?: string | undefined;
  /** Text above the first page's blocks. */
  intro?: string | undefined;
  color?: number | undefined;
  /** Blocks per page, for readability. */
  perPage?: number | undefined;
}

export interface EmbedPage {
  content: string;
  embed: { title?: string; description: string; color?: number; footer?: { text: string } } | null;
  contexts: ContextRef[];
}

/** Sizes that guarantee intro + header + block fit one description together. */
export const BUDGET = {
  intro: 600,
  header: 400,
  block: LIMITS.embedDescription - 600 - 400 - 16,
  contextsPerPage: 2 * LIMITS.buttonsPerRow,
} as const;

function headerOf(block: Block): string {
  return block.header ? clampMarkdown(block.header, BUDGET.header) : '';
}

/** The text a block adds after `previous` on the same page. */
function piece(block: Block, previous: Block | undefined, pageHasText: boolean): string {
  const text = clampMarkdown(block.text, BUDGET.block);
  const header = headerOf(block);
  const sameHeader = previous !== undefined && headerOf(previous) === header;
  if (sameHeader) return (block.join ?? '\n\n') + text;
  const lead = pageHasText ? '\n\n' : '';
  return header ? `${lead}${header}\n${text}` : `${lead}${text}`;
}

function contextCount(blocks: Block[]): number {
  return blocks.reduce((n, b) => n + (b.contexts?.length ?? 0), 0);
}

/** Splits blocks into pages by description length, block count and Context buttons. */
function split(blocks: Block[], intro: string, perPage: number): Block[][] {
  const pages: Block[][] = [];
  let page: Block[] = [];
  let length = intro.length;
  for (const block of blocks) {
    const add = piece(block, page.at(-1), length > 0).length;
    const full =
      length + add > LIMITS.embedDescription ||
      page.length >= perPage ||
      contextCount(page) + (block.contexts?.length ?? 0) > BUDGET.contextsPerPage;
    if (full && page.length > 0) {
      pages.push(page);
      page = [];
      length = 0;
    }
    length += piece(block, page.at(-1), length > 0).length;
    page.push(block);
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

function describe(blocks: Block[], intro: string): string {
  let text = intro;
  blocks.forEach((block, i) => {
    text += piece(block, blocks[i - 1], text.length > 0);
  });
  return clampMarkdown(text, LIMITS.embedDescription);
}

/** Lays an answer out as pages; an answer with no blocks is its frame alone. */
export function paginate(frame: Frame, blocks: Block[]): EmbedPage[] {
  const content = clampMarkdown(frame.content ?? '', LIMITS.content);
  const intro = clampMarkdown(frame.intro ?? '', BUDGET.intro);
  const title = frame.title ? clampMarkdown(frame.title, LIMITS.embedTitle) : undefined;
  if (blocks.length === 0 && !intro && !title) return [{ content, embed: null, contexts: [] }];
  const pages = split(blocks, intro, frame.perPage ?? 5);
  return pages.map((page, i) => ({
    content,
    embed: {
      ...(title ? { title } : {}),
      description: describe(page, i === 0 ? intro : '') || '\u200b',
      ...(frame.color !== undefined ? { color: frame.color } : {}),
      ...(pages.length > 1 ? { footer: { text: `Page ${i + 1} of ${pages.length}` } } : {}),
    },
    contexts: page.flatMap((b) => b.contexts ?? []).slice(0, BUDGET.contextsPerPage),
  }));
}
