/**
 * Button custom ids: what a button means, in at most 100 characters.
 *
 *   pg:<session>:<page>:<p|n>   turn to <page> of a paginated answer
 *   cx:<n>:<sentenceId>         context of citation [n]'s sentence (stateless; n keeps ids
 *                               unique when two citations on a page share a sentence)
 *   cs:<session>:<page>:<i>     context by reference, when the sentence id is too long
 *
 * A sentence id holds its document id, which is a path in the corpus folder
 * and can be thousands of characters long; whatever its length, a Context
 * button fits: past what `cx:` holds it refers to its answer's page session.
 */
import { LIMITS } from './limits.ts';
import type { ContextRef, EmbedPage } from './pages.ts';

export type ButtonAction =
  | { kind: 'page'; session: string; page: number }
  | { kind: 'context'; sentenceId: string }
  | { kind: 'context-ref'; session: string; page: number; index: number };

export function pageButtonId(session: string, page: number, direction: 'p' | 'n'): string {
  return `pg:${session}:${page}:${direction}`;
}

/** Stateless when the sentence id fits; otherwise a reference into the answer's session. */
export function contextButtonId(
  number: number,
  sentenceId: string,
  ref: { session: string; page: number; index: number },
): string {
  return directContextId(number, sentenceId) ?? `cs:${ref.session}:${ref.page}:${ref.index}`;
}

/** The stateless Context id, or null when the sentence id is too long for one. */
function directContextId(number: number, sentenceId: string): string | null {
  const direct = `cx:${number}:${sentenceId}`;
  return direct.length <= LIMITS.customId ? direct : null;
}

/** Whether an answer's buttons need its pages kept: to turn pages, or for a Context button by reference. */
export function needsSession(pages: readonly Pick<EmbedPage, 'contexts'>[]): boolean {
  const byReference = (c: ContextRef) => directContextId(c.number, c.sentenceId) === null;
  return pages.length > 1 || pages.some((p) => p.contexts.some(byReference));
}

const NUMBER = /^\d{1,4}$/;

/** The action a custom id stands for, or null for anything this bot did not make. */
export function parseButtonId(customId: string): ButtonAction | null {
  const [kind, ...rest] = customId.split(':');
  if (kind === 'cx' && rest.length > 1 && NUMBER.test(rest[0]!)) {
    return { kind: 'context', sentenceId: rest.slice(1).join(':') };
  }
  const [session, page, third] = rest;
  if (!session || !page || !third || rest.length !== 3 || !NUMBER.test(page)) return null;
  if (kind === 'pg' && (third === 'p' || third === 'n')) return { kind: 'page', session, page: Number(page) };
  if (kind === 'cs' && NUMBER.test(third)) {
    return { kind: 'context-ref', session, page: Number(page), index: Number(third) };
  }
  return null;
}
