/**
 * Continuations: quotes with no attribution of their own ("“We lost.”" as a
 * sentence of its own, a quote opening an unattributed sentence, the pieces
 * of a quote running over several paragraphs) take the speaker of the
 * statement they continue.
 */
import { CUES, SENTENCE_ADVERBS } from '../lexicon/index.ts';
import type { DocumentInfo } from './document.ts';
import type { Frame, SentenceInfo } from './frames.ts';
import { isPrimary, quoteTextSpan, type RawStatement } from './raw-statement.ts';
import type { Quote } from './tokens.ts';

/** "Instead, “…”": a quote-only sentence has at most this many connective words. */
const MAX_CONNECTIVE_WORDS = 2;
/** A quote shorter than this (in characters) is a fragment, not someone's continued words. */
const MIN_CONTINUED_QUOTE = 12;
/** "“A.” “B,” he said.": statements looked ahead for the attribution a quote continues. */
const FOLLOWING_REACH = 20;

export interface Pending {
  quote: Quote;
  sentence: SentenceInfo;
  /** The quote opens a sentence that goes on unattributed: only a speaker in its paragraph will do. */
  weak?: boolean;
}

/**
 * The quotes of a sentence that no frame claims and that continue someone's
 * words: those of a sentence made only of quotes, and a quote set off at the
 * start of an unattributed sentence (a weak one: only a speaker in its
 * paragraph will do).
 */
export function unattributedQuotes(
  text: string,
  s: SentenceInfo,
  frames: readonly Frame[],
  claimed: ReadonlySet<number>,
): Pending[] {
  const pending: Pending[] = [];
  const alone = quoteOnlySentence(s);
  s.tokens.forEach((t, i) => {
    if (alone && t.type === 'quote' && !claimed.has(i) && longEnough(t.quote!)) {
      pending.push({ quote: t.quote!, sentence: s });
    }
  });
  // "“Q2,” and with that he left.": a quote set off at the start of an unattributed sentence.
  const opener = s.tokens[0];
  if (!alone && frames.length === 0 && opener?.type === 'quote' && longEnough(opener.quote!)) {
    const q = opener.quote!;
    const setOff = s.tokens[1]?.text === ',' || /[,.!?]$/.test(text.slice(q.innerStart, q.innerEnd));
    if (setOff && /^[\p{Lu}"“‘']/u.test(text[q.innerStart] ?? '')) {
      pending.push({ quote: opener.quote!, sentence: s, weak: true });
    }
  }
  return pending;
}

/**
 * Adds a statement for each pending quote that continues a speaker's words.
 * `all` holds the statements from frames, in document order.
 */
export function addContinuations(
  doc: DocumentInfo,
  framesBySentence: Frame[][],
  all: RawStatement[],
  pending: readonly Pending[],
): void {
  const colonIntros = pendingColonIntroductions(doc, framesBySentence);
  const isChained = (p: Pending) => p.quote.continuesPrev || p.quote.continuesNext;
  const isHead = (p: Pending) => p.quote.continuesNext && !p.quote.continuesPrev;
  // Plain quotes take any earlier speaker; a chain's first piece only one already
  // speaking in its own paragraph, before the chain's own attribution is consulted.
  attachContinuations(
    doc,
    all,
    pending.filter((p) => !isChained(p) || isHead(p)),
    colonIntros,
    (p) => isHead(p) || p.weak === true,
  );
  resolveChains(doc.text, all, pending);
  // A chain nobody inside it attributes continues whoever spoke before it.
  const attributed = new Set(all.map((r) => r.quote));
  const heads = pending.filter(
    (p) => p.quote.continuesNext && !p.quote.continuesPrev && !attributed.has(p.quote),
  );
  if (heads.length > 0) {
    attachContinuations(doc, all, heads, colonIntros);
    resolveChains(doc.text, all, pending);
  }
}

/**
 * A sentence whose only content is quotes ("“We lost.”"), or quotes after a
 * connective ("Instead, “he just acts like a defeated man.”"): its quotes
 * continue someone's words.
 */
function quoteOnlySentence(s: SentenceInfo): boolean {
  const words = s.tokens.filter((t) => t.type === 'word');
  if (words.length > MAX_CONNECTIVE_WORDS) return false;
  if (!words.every((t) => SENTENCE_ADVERBS.has(t.lower) || /^\p{Ll}+ly$/u.test(t.lower))) return false;
  const firstQuote = s.tokens.find((t) => t.type === 'quote');
  return !!firstQuote && words.every((t) => t.start < firstQuote.start);
}

function longEnough(q: Quote): boolean {
  return q.innerEnd - q.innerStart >= MIN_CONTINUED_QUOTE;
}

/** Frames ending a paragraph with "…, he said:" that introduce the next paragraph's quote. */
function pendingColonIntroductions(doc: DocumentInfo, framesBySentence: Frame[][]): Map<number, Frame> {
  const intros = new Map<number, Frame>();
  for (const p of doc.paragraphs) {
    const lastSentence = p.sentences[p.sentences.length - 1];
    if (!lastSentence) continue;
    const lastToken = lastSentence.tokens[lastSentence.tokens.length - 1];
    if (lastToken?.text !== ':') continue;
    const frame = framesBySentence[lastSentence.index]!.findLast((f) => f.speakers.length > 0);
    if (frame) intros.set(p.index + 1, frame);
  }
  return intros;
}

/**
 * Gives each pending quote the speaker it continues: the last attributed
 * statement before it in its paragraph, else the attribution of a following
 * quote in the paragraph ("“A.” “B,” he said."), else a "…, he said:" ending
 * the previous paragraph, else (for a quote opening its paragraph) the last
 * quote of the previous paragraph. Pending quotes arrive in document order.
 */
function attachContinuations(
  doc: DocumentInfo,
  all: RawStatement[],
  pending: readonly Pending[],
  colonIntros: Map<number, Frame>,
  paragraphOnly: (p: Pending) => boolean = () => false,
): void {
  const byParagraph = new Map<number, RawStatement[]>();
  const lastQuoted = new Map<number, RawStatement>();
  for (const r of all) {
    const list = byParagraph.get(r.sentence.paragraph);
    if (list) list.push(r);
    else byParagraph.set(r.sentence.paragraph, [r]);
    if (r.quote) lastQuoted.set(r.sentence.paragraph, r);
  }
  let paragraph = -1;
  let cursor = 0;
  let lastBefore: RawStatement | null = null;
  for (const p of pending) {
    const list = byParagraph.get(p.sentence.paragraph) ?? [];
    if (p.sentence.paragraph !== paragraph) {
      paragraph = p.sentence.paragraph;
      cursor = 0;
      lastBefore = null;
    }
    while (cursor < list.length && list[cursor]!.start < p.quote.start) {
      if (isPrimary(list[cursor]!)) lastBefore = list[cursor]!;
      cursor++;
    }
    const source = paragraphOnly(p)
      ? lastBefore
      : (lastBefore ??
        followingAttribution(list, cursor, p) ??
        colonIntros.get(paragraph) ??
        (p.quote.start === doc.paragraphs[paragraph]!.start ? lastQuoted.get(paragraph - 1) : undefined));
    if (!source) continue;
    const c = continuation(doc.text, p.quote, p.sentence, source);
    all.push(c);
    if (isPrimary(c)) lastBefore = c;
    if (!lastQuoted.has(paragraph) || lastQuoted.get(paragraph)!.start < c.start)
      lastQuoted.set(paragraph, c);
  }
}

/** "“A.” “B,” he said.": the attributed quote that follows in a later sentence of the paragraph. */
function followingAttribution(
  list: readonly RawStatement[],
  from: number,
  p: Pending,
): RawStatement | undefined {
  for (let i = from; i < list.length && i - from < FOLLOWING_REACH; i++) {
    const r = list[i]!;
    if (!isPrimary(r) || !r.quote || r.sentence.index <= p.sentence.index) continue;
    return startsWithQuote(r.sentence) ? r : undefined;
  }
  return undefined;
}

function startsWithQuote(s: SentenceInfo): boolean {
  return s.tokens[0]?.type === 'quote';
}

function continuation(text: string, q: Quote, s: SentenceInfo, source: RawStatement | Frame): RawStatement {
  const words = text.slice(q.innerStart, q.innerEnd);
  const isFrame = 'chunk' in source;
  const sameParagraph = !isFrame && source.sentence.paragraph === s.paragraph;
  const base = isFrame ? null : source;
  const frameSpeaker = isFrame ? source.speakers[0]! : null;
  return {
    kind: 'direct',
    start: quoteTextSpan(text, q)[0],
    end: quoteTextSpan(text, q)[1],
    phrase: sameParagraph ? base!.phrase : frameSpeaker,
    sentence: sameParagraph ? base!.sentence : isFrame ? source.sentence : s,
    continues: sameParagraph || isFrame ? null : base,
    cue: sameParagraph ? base!.cue : null,
    cueLemma: null,
    afterDenial: sameParagraph && base!.cueLemma !== null && CUES.get(base!.cueLemma)?.cls === 'denial',
    reported: words,
    quote: q,
    entity: null,
    title: null,
  };
}

/** Quotes running over several paragraphs share the speaker of whichever piece is attributed. */
function resolveChains(text: string, all: RawStatement[], pending: readonly Pending[]): void {
  const byQuote = new Map<Quote, RawStatement>();
  for (const r of all) if (r.quote) byQuote.set(r.quote, r);
  const chained = pending.filter(
    (p) => !byQuote.has(p.quote) && (p.quote.continuesPrev || p.quote.continuesNext),
  );
  if (chained.length === 0) return;
  const quotesInOrder = [...byQuote.keys(), ...chained.map((c) => c.quote)].sort((a, b) => a.start - b.start);
  const order = new Map(quotesInOrder.map((q, i) => [q, i]));
  // Forward passes carry a speaker to later pieces, the backward pass to earlier ones.
  const orders = [chained, [...chained].reverse(), chained];
  for (const sequence of orders) {
    for (const p of sequence) {
      if (byQuote.has(p.quote)) continue;
      const idx = order.get(p.quote)!;
      const prevQ = p.quote.continuesPrev ? quotesInOrder[idx - 1] : undefined;
      const nextQ = p.quote.continuesNext ? quotesInOrder[idx + 1] : undefined;
      const source = (prevQ && byQuote.get(prevQ)) ?? (nextQ && byQuote.get(nextQ));
      if (!source) continue;
      const r: RawStatement = {
        ...continuation(text, p.quote, p.sentence, source),
        phrase: source.phrase,
        sentence: source.sentence,
        continues: null,
        cue: source.cue,
      };
      all.push(r);
      byQuote.set(p.quote, r);
    }
  }
}
