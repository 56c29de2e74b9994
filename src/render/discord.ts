/**
 * The Discord renderer: answer objects → message payloads. It is the only
 * place that knows Discord's limits (`./discord/limits.ts`); everything it
 * returns fits them, so callers never measure or cut anything.
 *
 * An answer becomes one or more pages. A page becomes a message with
 * Previous/Next buttons when there are several pages, and a Context button
 * for each citation it shows.
 */
import type { Answer } from '../answers/types.ts';
import { withoutBidiControls } from './controls.ts';
import {
  claimsLayout,
  corpusLayout,
  denyLayout,
  type Layout,
  quotesLayout,
  reloadLayout,
  searchLayout,
  sourceLayout,
  whoSaidLayout,
} from './discord/answers.ts';
import { helpLayout } from './discord/help.ts';
import { contextButtonId, pageButtonId } from './discord/ids.ts';
import { LIMITS } from './discord/limits.ts';
import { clampMarkdown } from './discord/markdown.ts';
import { type EmbedPage, paginate } from './discord/pages.ts';
import { documentsLayout, feedsLayout, sourceChangeLayout, sourcesLayout } from './discord/sources.ts';

export { type ButtonAction, parseButtonId } from './discord/ids.ts';
export type { ContextRef, EmbedPage } from './discord/pages.ts';

/** Nobody is ever pinged by anything the bot sends. */
export const NO_MENTIONS = Object.freeze({ parse: [] as [] });

/** Discord's component and button style numbers (a plain payload needs no builders). */
const ACTION_ROW = 1;
const BUTTON = 2;
const SECONDARY = 2;

export interface Button {
  type: typeof BUTTON;
  style: typeof SECONDARY;
  label: string;
  custom_id: string;
  disabled?: boolean;
}

export interface ButtonRow {
  type: typeof ACTION_ROW;
  components: Button[];
}

/** A payload discord.js accepts for reply, editReply, update and followUp. */
export interface DiscordMessage {
  content: string;
  embeds: NonNullable<EmbedPage['embed']>[];
  components: ButtonRow[];
  allowedMentions: typeof NO_MENTIONS;
}

/** Where a page sits in its answer; `session` keys the pagination state. */
export interface PageNav {
  session: string;
  index: number;
  total: number;
}

function layoutOf(answer: Answer): Layout {
  switch (answer.type) {
    case 'who-said':
      return whoSaidLayout(answer);
    case 'deny':
      return denyLayout(answer);
    case 'quotes':
      return quotesLayout(answer);
    case 'search':
      return searchLayout(answer);
    case 'source':
      return sourceLayout(answer);
    case 'corpus':
      return corpusLayout(answer);
    case 'reload':
      return reloadLayout(answer);
    case 'help':
      return helpLayout(answer);
    case 'claims':
      return claimsLayout(answer);
    case 'documents':
      return documentsLayout(answer);
    case 'sources':
      return sourcesLayout(answer);
    case 'source-change':
      return sourceChangeLayout(answer);
    case 'feeds':
      return feedsLayout(answer);
  }
}

/** An answer as pages (at least one), each within every Discord limit. */
export function renderAnswer(answer: Answer): EmbedPage[] {
  const { frame, blocks } = layoutOf(answer);
  return paginate(frame, blocks);
}

function button(label: string, customId: string, disabled = false): Button {
  return {
    type: BUTTON,
    style: SECONDARY,
    label: label.slice(0, LIMITS.buttonLabel),
    custom_id: customId,
    ...(disabled ? { disabled } : {}),
  };
}

function navRow(nav: PageNav): ButtonRow {
  const { session, index, total } = nav;
  return {
    type: ACTION_ROW,
    components: [
      button('◀ Previous', pageButtonId(session, Math.max(0, index - 1), 'p'), index === 0),
      button('Next ▶', pageButtonId(session, Math.min(total - 1, index + 1), 'n'), index >= total - 1),
    ],
  };
}

function contextRows(page: EmbedPage, nav: PageNav): ButtonRow[] {
  const buttons = page.contexts.map((ref, i) =>
    button(
      page.contexts.length === 1 ? 'Context' : `Context ${ref.number}`,
      contextButtonId(ref.number, ref.sentenceId, { session: nav.session, page: nav.index, index: i }),
    ),
  );
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ACTION_ROW, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

/** One page as a message: its embed, page buttons when there are several pages, Context buttons. */
export function toMessage(page: EmbedPage, nav: PageNav): DiscordMessage {
  const rows = [...(nav.total > 1 ? [navRow(nav)] : []), ...contextRows(page, nav)];
  return {
    content: page.content,
    embeds: page.embed ? [page.embed] : [],
    components: rows.slice(0, LIMITS.actionRows),
    allowedMentions: NO_MENTIONS,
  };
}

/** A short bot message (refusals, errors, cooldowns). The text is the bot's own, not escaped. */
export function renderNotice(text: string): DiscordMessage {
  return {
    content: clampMarkdown(text, LIMITS.content),
    embeds: [],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}

export interface Choice {
  name: string;
  value: string;
}

/** Autocomplete choices within Discord's limits (count, name and value lengths). */
export function renderChoices(choices: readonly Choice[]): Choice[] {
  return (
    choices
      // A speaker's name comes from the corpus: no bidi control may reorder the list shown.
      .map((c) => ({ name: clampMarkdown(withoutBidiControls(c.name), LIMITS.choiceName), value: c.value }))
      .filter((c) => c.name.trim() && c.value.length > 0 && c.value.length <= LIMITS.choiceValue)
      .slice(0, LIMITS.choices)
  );
}
