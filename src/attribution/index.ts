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
 */
import type { ExtractedStatement, Span } from '../model.ts';
import { isDenial } from './denial.ts';
import { analyseDocument, type DocumentInfo } from './document.ts';
import { type Entity, EntityTable, type Mention, tokensText } from './entities.ts';
import { analyseSentence, type Frame, type Region, type SentenceInfo, sentenceSubject } from './frames.ts';
import { HONORIFICS, ORG_WORDS, SENTENCE_ADVERBS, TITLE_WORDS } from './lexicon.ts';
import { isPronoun, isSentenceOpener, type NounPhrase, phraseEndingAt } from './phrases.ts';
import type { Quote, Token } from './tokens.ts';

export { findBodyStart } from './frontmatter.ts';

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

function collectStatements(doc: DocumentInfo, framesBySentence: Frame[][]): RawStatement[] {
  const all: RawStatement[] = [];
  const pendingQuotes: { quote: Quote; sentence: SentenceInfo; token: number }[] = [];
  for (const s of doc.sentences) {
    const frames = framesBySentence[s.index]!;
    const claimed = new Set<number>();
    for (const f of frames) {
      for (const region of [f.backward, f.forward]) {
        if (!region) continue;
        for (const raw of statementsOfRegion(doc.text, f, region, frames)) all.push(raw);
        for (let i = region.first; i <= region.last; i++) claimed.add(i);
      }
    }
    s.tokens.forEach((t, i) => {
      if (t.type === 'quote' && !claimed.has(i) && standsAlone(s, i)) {
        pendingQuotes.push({ quote: t.quote!, sentence: s, token: i });
      }
    });
  }
  all.sort((a, b) => a.start - b.start);
  const colonIntros = pendingColonIntroductions(doc, framesBySentence);
  for (const p of pendingQuotes) {
    if (p.quote.continuesPrev || p.quote.continuesNext) continue;
    const source = continuationSource(doc, all, p, colonIntros);
    if (source) all.push(continuation(doc.text, p.quote, p.sentence, source));
  }
  resolveChains(doc.text, all, pendingQuotes);
  // A chain nobody inside it attributes continues whoever spoke before it.
  const heads = pendingQuotes.filter((p) => p.quote.continuesNext && !p.quote.continuesPrev);
  for (const p of heads) {
    if (all.some((r) => r.quote === p.quote)) continue;
    const source = continuationSource(doc, all, p, colonIntros);
    if (source) all.push(continuation(doc.text, p.quote, p.sentence, source));
  }
  resolveChains(doc.text, all, pendingQuotes);
  return all;
}

/** A quote that is its sentence's only content ("“We lost.”"): it continues someone's words. */
function standsAlone(s: SentenceInfo, quoteIndex: number): boolean {
  const q = s.tokens[quoteIndex]!.quote!;
  const words = s.tokens.filter((t) => t.type === 'word');
  // "Instead, “he just acts like a defeated man.”": a connective does not count.
  const connectives = words.filter((t) => SENTENCE_ADVERBS.has(t.lower) || /^\p{Ll}+ly$/u.test(t.lower));
  if (words.length > 2 || connectives.length < words.length) return false;
  if (words.length > 0 && words[words.length - 1]!.start > q.start) return false;
  return q.innerEnd - q.innerStart >= 12;
}

/** "Asked about …", "Speaking …", "However": a sentence's first word, not a name. */
function isCommonOpener(t: Token, next: Token | undefined): boolean {
  if (SENTENCE_ADVERBS.has(t.lower) || HONORIFICS.has(t.lower) || isSentenceOpener(t, next)) return true;
  return next?.type === 'word' && !next.cap && ['to', 'the', 'a'].includes(next.lower);
}

function isTitleWord(t: Token): boolean {
  return !t.cap && (TITLE_WORDS.has(t.lower) || ORG_WORDS.has(t.lower));
}

function statementsOfRegion(text: string, f: Frame, region: Region, frames: Frame[]): RawStatement[] {
  const s = f.sentence;
  const toks = s.tokens.slice(region.first, region.last + 1);
  const speakers = f.inherits ? inheritedSpeakers(f, frames) : f.speakers;
  if (speakers.length === 0) return [];
  const cue = f.cueFirst >= 0 ? span(text, s.tokens[f.cueFirst]!.start, s.tokens[f.cueLast]!.end) : null;
  const cueLemma = f.cue?.lemma ?? null;
  const quotes = toks.filter((t) => t.type === 'quote');
  const wordsOutside = toks.filter((t) => t.type === 'word').length;
  const out: RawStatement[] = [];
  const first = toks[0]!;
  const last = toks[toks.length - 1]!;
  const clause = text.slice(first.start, last.end);
  for (const speaker of speakers) {
    for (const q of quotes) {
      const kind = isSetOff(s, s.tokens.indexOf(q), text) ? 'direct' : 'partial';
      const reported = wordsOutside >= 3 ? clause : text.slice(q.quote!.innerStart, q.quote!.innerEnd);
      out.push(raw(kind, quoteTextSpan(text, q.quote!), speaker, s, cue, cueLemma, reported, q.quote!));
    }
    const indirect = quotes.length === 0 ? wordsOutside >= 2 : wordsOutside >= 1;
    if (indirect) {
      out.push(raw('indirect', [first.start, last.end], speaker, s, cue, cueLemma, clause, null));
    }
  }
  return out;
}

function inheritedSpeakers(f: Frame, frames: Frame[]): NounPhrase[] {
  const earlier = frames.filter((g) => g !== f && g.chunk.first < f.chunk.first && g.speakers.length > 0);
  const host = earlier[earlier.length - 1];
  if (host) return host.speakers;
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
    if (frame && !frame.forward) intros.set(p.index + 1, frame);
  }
  return intros;
}

function continuationSource(
  doc: DocumentInfo,
  all: RawStatement[],
  p: { quote: Quote; sentence: SentenceInfo },
  colonIntros: Map<number, Frame>,
): RawStatement | Frame | null {
  const paragraph = p.sentence.paragraph;
  const inParagraph = all.filter((r) => r.sentence.paragraph === paragraph && r.phrase && !r.continues);
  const before = inParagraph.filter((r) => r.start < p.quote.start);
  if (before.length > 0) return before[before.length - 1]!;
  const after = inParagraph.find(
    (r) => r.start > p.quote.start && r.quote && r.sentence.index > p.sentence.index,
  );
  if (after && startsWithQuote(after.sentence)) return after;
  const intro = colonIntros.get(paragraph);
  if (intro) return intro;
  if (p.quote.start !== doc.paragraphs[paragraph]!.start) return null;
  const previous = all.filter((r) => r.sentence.paragraph === paragraph - 1 && r.quote);
  return previous[previous.length - 1] ?? null;
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
  for (let pass = 0; pass < 2; pass++) {
    for (const p of chained) {
      if (byQuote.has(p.quote)) continue;
      const idx = quotesInOrder.indexOf(p.quote);
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
  if (e?.kind !== 'person') return null;
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
