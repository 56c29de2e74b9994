/**
 * The attribution engine: every statement in a text (direct quote, partial
 * quote or indirect speech) with its speaker, cue, offsets and whether it is
 * a denial.
 *
 * Pipeline, all linear in the text:
 *   paragraphs → quotes → tokens (quotes opaque) → sentences
 *   → frames (cue, speaker phrase, content regions) per sentence
 *   → raw statements, plus quotes that continue an earlier speaker
 *   → entity table (names, titles, countries; surnames, pronouns, descriptions)
 *   → statements with canonical speakers and denial flags.
 *
 * Kinds: "direct" is a quote set off as a sentence of its own; "partial" a
 * quoted fragment inside the speaker's sentence; "indirect" the reported
 * clause ("that …" without "that", or the clause before "…, she said"). A
 * clause that embeds quoted words yields both: the partial quote (the
 * speaker's verbatim words) and the indirect clause around it, which
 * overlap by design.
 */

import { HONORIFICS, ORG_WORDS, SENTENCE_ADVERBS, TITLE_WORDS } from '../lexicon/index.ts';
import type { ExtractedStatement, Span } from '../model.ts';
import { isDenial } from './denial.ts';
import { analyseDocument, type DocumentInfo } from './document.ts';
import { EntityTable } from './entities.ts';
import type { Entity, Mention } from './entity.ts';
import { analyseSentence, type Frame, type Region, type SentenceInfo } from './frames.ts';
import { tokensText } from './names.ts';
import { isPronoun, isSentenceOpener, type NounPhrase, phraseEndingAt } from './phrases.ts';
import { sentenceSubject } from './subjects.ts';
import type { Quote, Token } from './tokens.ts';

/** A participle opening a sentence takes the speaker of one of the next few frames. */
const FRAMES_AFTER_PARTICIPLE = 3;
/** "Instead, “…”": a quote-only sentence has at most this many connective words. */
const MAX_CONNECTIVE_WORDS = 2;
/** A quote shorter than this (in characters) is a fragment, not someone's continued words. */
const MIN_CONTINUED_QUOTE = 12;
/** With this many words outside its quotes, a quote's sentence is what the denial check reads. */
const WORDS_FOR_CLAUSE_CONTEXT = 3;
/** Words outside quotes an indirect statement needs: without a quote, and around one. */
const MIN_INDIRECT_WORDS = 2;
const MIN_INDIRECT_WORDS_WITH_QUOTE = 1;
/** “Good Morning America”: a quoted title has this many words. */
const MIN_TITLE_WORDS = 2;
const MAX_TITLE_WORDS = 8;
/** "“A.” “B,” he said.": statements looked ahead for the attribution a quote continues. */
const FOLLOWING_REACH = 20;

export interface ExtractOptions {
  /** Offset where the body starts (after front matter); text before it is ignored. */
  bodyStart?: number;
}

interface RawStatement {
  kind: 'direct' | 'partial' | 'indirect';
  start: number;
  end: number;
  /** The speaker phrase this statement's own attribution uses, or null for a continuation. */
  phrase: NounPhrase | null;
  sentence: SentenceInfo;
  /** The statement whose speaker this one continues. */
  continues: RawStatement | null;
  cue: Span | null;
  cueLemma: string | null;
  /** The reported words are a clause introduced by "that" (or a colon), not an object. */
  thatClause?: boolean;
  /** The reported words, for denial detection. */
  reported: string;
  quote: Quote | null;
  entity: Entity | null;
  title: string | null;
}

export function extractStatements(text: string, options: ExtractOptions = {}): ExtractedStatement[] {
  const bodyStart = Math.max(0, Math.min(text.length, Math.floor(options.bodyStart ?? 0)));
  const doc = analyseDocument(text, bodyStart);
  const framesBySentence = doc.sentences.map((s) => analyseSentence(s));
  const raws = collectStatements(doc, framesBySentence);
  const table = new EntityTable();
  table.addNamedMentions(namedMentions(doc, framesBySentence));
  resolveSpeakers(raws, table);
  return raws
    .filter((r) => r.entity !== null)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((r) => toStatement(text, r));
}

/* ------------------------------------------------------------------ */
/* Statements from frames                                              */

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

interface Pending {
  quote: Quote;
  sentence: SentenceInfo;
  /** The quote opens a sentence that goes on unattributed: only a speaker in its paragraph will do. */
  weak?: boolean;
}

function collectStatements(doc: DocumentInfo, framesBySentence: Frame[][]): RawStatement[] {
  const all: RawStatement[] = [];
  const pending: Pending[] = [];
  for (const s of doc.sentences) {
    const frames = framesBySentence[s.index]!;
    const claimed = new Set<number>();
    frames.forEach((f, k) => {
      if (f.inherits)
        f.speakers = inheritedSpeakers(
          f,
          frames[k - 1],
          frames.slice(k + 1, k + 1 + FRAMES_AFTER_PARTICIPLE),
        );
      for (const region of [f.backward, f.forward]) {
        if (!region) continue;
        for (const raw of statementsOfRegion(doc.text, f, region)) all.push(raw);
        for (let i = region.first; i <= region.last; i++) claimed.add(i);
      }
    });
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
      const setOff = s.tokens[1]?.text === ',' || /[,.!?]$/.test(doc.text.slice(q.innerStart, q.innerEnd));
      if (setOff && /^[\p{Lu}"“‘']/u.test(doc.text[q.innerStart] ?? '')) {
        pending.push({ quote: opener.quote!, sentence: s, weak: true });
      }
    }
  }
  all.sort((a, b) => a.start - b.start);
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
  return all;
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

/** "Asked about …", "Speaking …", "However": a sentence's first word, not a name. */
function isCommonOpener(t: Token, next: Token | undefined): boolean {
  if (SENTENCE_ADVERBS.has(t.lower) || HONORIFICS.has(t.lower) || isSentenceOpener(t, next)) return true;
  return next?.type === 'word' && !next.cap && ['to', 'the', 'a'].includes(next.lower);
}

function isTitleWord(t: Token): boolean {
  return !t.cap && (TITLE_WORDS.has(t.lower) || ORG_WORDS.has(t.lower));
}

function statementsOfRegion(text: string, f: Frame, region: Region): RawStatement[] {
  const s = f.sentence;
  const toks = s.tokens.slice(region.first, region.last + 1);
  const speakers = f.speakers;
  if (speakers.length === 0) return [];
  const cue = f.cueFirst >= 0 ? span(text, s.tokens[f.cueFirst]!.start, s.tokens[f.cueLast]!.end) : null;
  const cueLemma = f.cue?.lemma ?? null;
  const quotes: number[] = [];
  for (let i = region.first; i <= region.last; i++) if (s.tokens[i]!.type === 'quote') quotes.push(i);
  const wordsOutside = toks.filter((t) => t.type === 'word').length;
  const out: RawStatement[] = [];
  const first = toks[0]!;
  const last = toks[toks.length - 1]!;
  const clause = text.slice(first.start, last.end);
  for (const speaker of speakers) {
    for (const i of quotes) {
      const q = s.tokens[i]!.quote!;
      const kind = isSetOff(s, i, text) ? 'direct' : 'partial';
      // “Good Morning America”, “Parks and Recreation”: a quoted title, not someone's words.
      if (kind === 'partial' && isQuotedTitle(text.slice(q.innerStart, q.innerEnd))) continue;
      const reported =
        wordsOutside >= WORDS_FOR_CLAUSE_CONTEXT ? clause : text.slice(q.innerStart, q.innerEnd);
      out.push(raw(kind, quoteTextSpan(text, q), speaker, s, cue, cueLemma, reported, q));
    }
    const indirect =
      quotes.length === 0
        ? wordsOutside >= MIN_INDIRECT_WORDS
        : wordsOutside >= MIN_INDIRECT_WORDS_WITH_QUOTE;
    if (indirect) {
      out.push(raw('indirect', [first.start, last.end], speaker, s, cue, cueLemma, clause, null));
    }
  }
  if (f.introduced && region === f.forward) {
    for (const r of out) r.thatClause = true;
  }
  return out;
}

/**
 * A participle's speakers: the previous frame's in its sentence, else (for a
 * participle opening the sentence) the next frame's, else the sentence's subject.
 */
function inheritedSpeakers(f: Frame, previous: Frame | undefined, next: Frame[]): NounPhrase[] {
  if (previous && previous.speakers.length > 0) return previous.speakers;
  const following = next.find((g) => !g.inherits && g.speakers.length > 0);
  if (!previous && following && f.cueFirst < following.chunk.first) return following.speakers;
  const subject = sentenceSubject(f.sentence, f.cueFirst);
  return subject ? [subject] : [];
}

function raw(
  kind: RawStatement['kind'],
  [start, end]: [number, number],
  phrase: NounPhrase,
  sentence: SentenceInfo,
  cue: Span | null,
  cueLemma: string | null,
  reported: string,
  quote: Quote | null,
): RawStatement {
  return {
    kind,
    start,
    end,
    phrase,
    sentence,
    continues: null,
    cue,
    cueLemma,
    reported,
    quote,
    entity: null,
    title: null,
  };
}

/** A few words (MIN_TITLE_WORDS to MAX_TITLE_WORDS), nearly all capitalised, with no sentence inside: the name of a work or show. */
function isQuotedTitle(words: string): boolean {
  const ws = words.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (ws.length < MIN_TITLE_WORDS || ws.length > MAX_TITLE_WORDS || /[!?]|[.…]\s/.test(words)) return false;
  const minor = new Set([
    'a',
    'an',
    'the',
    'of',
    'and',
    'or',
    'in',
    'on',
    'at',
    'to',
    'for',
    'with',
    'over',
    'by',
  ]);
  return ws.every((w) => /^\P{Ll}/u.test(w) || minor.has(w.toLowerCase())) && /^\p{Lu}/u.test(ws[0]!);
}

/** The words inside the marks, without a trailing comma ("…claim,”" → "…claim"). */
function quoteTextSpan(text: string, q: Quote): [number, number] {
  let end = q.innerEnd;
  while (end > q.innerStart && /[,;:\s–—-]/u.test(text[end - 1]!)) end--;
  return [q.innerStart, end];
}

/** A quote set off by punctuation and starting a sentence of its own: a direct quote. */
function isSetOff(s: SentenceInfo, i: number, text: string): boolean {
  const q = s.tokens[i]!.quote!;
  const prev = s.tokens[i - 1];
  const openingFrame = !prev || prev.type === 'punct' || prev.type === 'quote' || prev.lower === 'that';
  if (!openingFrame || prev?.lower === 'that') return false;
  const firstChar = text[q.innerStart] ?? '';
  return /\p{Lu}|\p{N}|[“"'‘[(.…]/u.test(firstChar) || prev?.text === ':';
}

/* ------------------------------------------------------------------ */
/* Continuations: quotes with no attribution of their own              */

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

function isPrimary(r: RawStatement): boolean {
  return r.phrase !== null && r.continues === null;
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
    reported: words,
    quote: q,
    entity: null,
    title: null,
  };
}

/** Quotes running over several paragraphs share the speaker of whichever piece is attributed. */
function resolveChains(
  text: string,
  all: RawStatement[],
  pending: { quote: Quote; sentence: SentenceInfo }[],
): void {
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

/* ------------------------------------------------------------------ */
/* Speakers                                                            */

/** Every name outside quotes, plus each frame's speaker, for the entity table. */
function namedMentions(doc: DocumentInfo, framesBySentence: Frame[][]): Mention[] {
  const mentions: Mention[] = [];
  for (const s of doc.sentences) {
    const speakerStarts = new Set<number>();
    for (const f of framesBySentence[s.index]!) {
      for (const p of f.speakers) {
        speakerStarts.add(p.first);
        mentions.push({
          phrase: p,
          position: s.tokens[p.first]!.start,
          salient: true,
          sentence: s.index,
          speaker: true,
        });
      }
    }
    const subject = sentenceSubject(s, s.tokens.length);
    for (let j = s.floor; j < s.tokens.length; j++) {
      const t = s.tokens[j]!;
      const next = s.tokens[j + 1];
      if (t.type !== 'word' || !t.cap || (next && next.type === 'word' && next.cap)) continue;
      if (next && next.lower === "'s") continue;
      // "Arizona governor Jan Brewer", "Kremlin spokesman Dmitry Peskov": the phrase goes on.
      if (next && next.type === 'word' && isTitleWord(next) && s.tokens[j + 2]?.cap) continue;
      if (j === s.floor && isCommonOpener(t, next)) continue;
      const phrase = phraseEndingAt(s.tokens, j, s.floor);
      if (!phrase || phrase.kind === 'pronoun' || speakerStarts.has(phrase.first)) continue;
      if (
        phrase.first === s.floor &&
        phrase.name.length === 1 &&
        phrase.title.length === 0 &&
        !s.tokens[j + 1]
      )
        continue;
      const salient = subject !== null && subject.first === phrase.first;
      mentions.push({ phrase, position: s.tokens[phrase.first]!.start, salient, sentence: s.index });
    }
  }
  return mentions.sort((a, b) => a.position - b.position);
}

function resolveSpeakers(raws: RawStatement[], table: EntityTable): void {
  raws.sort((a, b) => a.start - b.start);
  const resolved = new Map<NounPhrase, Entity | null>();
  for (const r of raws) {
    if (r.continues) {
      r.entity = r.continues.entity;
      r.title = r.continues.title;
      continue;
    }
    const phrase = r.phrase;
    if (!phrase) continue;
    if (!resolved.has(phrase)) resolved.set(phrase, resolvePhrase(phrase, r.sentence, table));
    r.entity = resolved.get(phrase) ?? null;
    r.title = titleFor(phrase, r.entity);
  }
  for (const r of raws) {
    if (r.continues && !r.entity) {
      r.entity = r.continues.entity;
      r.title = r.continues.title;
    }
  }
}

function resolvePhrase(phrase: NounPhrase, s: SentenceInfo, table: EntityTable): Entity | null {
  const position = s.tokens[phrase.first]!.start;
  const mention: Mention = { phrase, position, salient: true, sentence: s.index, speaker: true };
  if (phrase.kind === 'pronoun') {
    const pronoun = phrase.tokens[0]!.lower;
    if (pronoun === 'i' || pronoun === 'we' || pronoun === 'you') return null;
    const e = table.resolvePronoun(pronoun, position);
    if (e) table.notePronoun(e, pronoun, position, true);
    return e;
  }
  if (phrase.kind === 'name') return table.entityForName(mention);
  const named = table.entityForName(mention);
  if (named) return named;
  const described = table.resolveDescription(phrase, position);
  if (described) {
    table.note(described, mention);
    return described;
  }
  if (phrase.title.length === 0) return null;
  return table.describedOnly(phrase, position);
}

function titleFor(phrase: NounPhrase, e: Entity | null): string | null {
  if (!e || e.kind === 'state') return null;
  // An organisation's title is a descriptor the text gives it ("the US corporation Microsoft").
  if (e.kind === 'organization') return e.titles[0] ?? null;
  const own = phrase.kind === 'name' ? phrase.title.filter((t) => !HONORIFICS.has(t.lower)) : [];
  if (own.length > 0) return tokensText(own);
  if (phrase.kind === 'description' && !e.descriptionOnly) return tokensText(phrase.title);
  return e.titles[0] ?? null;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

function toStatement(text: string, r: RawStatement): ExtractedStatement {
  const e = r.entity!;
  const phrase = r.phrase;
  const mention = phrase && !r.continues ? mentionSpan(text, phrase) : null;
  const selfWords = new Set(e.nameKeys.flatMap((k) => k.split(' ')));
  return {
    kind: r.kind,
    text: span(text, r.start, r.end),
    speaker: {
      name: e.name,
      title: r.title,
      country: e.country,
      kind: e.kind,
      mention,
    },
    cue: r.cue,
    denial: isDenial({
      text: r.reported,
      cueLemma: r.cueLemma,
      clause: r.thatClause === true,
      country: e.country,
      selfWords,
      indirect: r.kind !== 'direct',
    }),
  };
}

function mentionSpan(text: string, phrase: NounPhrase): Span {
  const toks: Token[] = phrase.tokens;
  const first = 0;
  let last = toks.length - 1;
  while (last > first && toks[last]!.lower === "'s") last--;
  if (isPronoun(toks[first])) last = first;
  return span(text, toks[first]!.start, toks[last]!.end);
}
