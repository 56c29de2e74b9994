/**
 * Statements from frames: each frame's content regions become direct or
 * partial quotes (the quotes in them) and indirect speech (the clause around
 * them), one set per speaker. A participle ("…, adding that") reports for the
 * speaker of a neighbouring frame or of its sentence.
 */
import { MINOR_TITLE_WORDS } from '../lexicon/index.ts';
import type { Span } from '../model.ts';
import type { Frame, Region, SentenceInfo } from './frames.ts';
import type { NounPhrase } from './phrases.ts';
import { quoteTextSpan, type RawStatement, span } from './raw-statement.ts';
import { sentenceSubject } from './subjects.ts';
import type { Quote } from './tokens.ts';

/** A participle opening a sentence takes the speaker of one of the next few frames. */
const FRAMES_AFTER_PARTICIPLE = 3;
/** With this many words outside its quotes, a quote's sentence is what the denial check reads. */
const WORDS_FOR_CLAUSE_CONTEXT = 3;
/** Words outside quotes an indirect statement needs: without a quote, and around one. */
const MIN_INDIRECT_WORDS = 2;
const MIN_INDIRECT_WORDS_WITH_QUOTE = 1;
/** “Good Morning America”: a quoted title has this many words. */
const MIN_TITLE_WORDS = 2;
const MAX_TITLE_WORDS = 8;

/**
 * The statements of one sentence's frames, and the tokens their content
 * regions claim (quotes outside them may continue someone's words).
 */
export function statementsOfSentence(
  text: string,
  frames: readonly Frame[],
): {
  statements: RawStatement[];
  claimed: Set<number>;
} {
  const statements: RawStatement[] = [];
  const claimed = new Set<number>();
  frames.forEach((f, k) => {
    if (f.inherits)
      f.speakers = inheritedSpeakers(f, frames[k - 1], frames.slice(k + 1, k + 1 + FRAMES_AFTER_PARTICIPLE));
    for (const region of [f.backward, f.forward]) {
      if (!region) continue;
      for (const raw of statementsOfRegion(text, f, region)) statements.push(raw);
      for (let i = region.first; i <= region.last; i++) claimed.add(i);
    }
  });
  return { statements, claimed };
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
  // "Moscow denies meddling.": what a denial is aimed at may be one word.
  const minimum = f.cue?.cls === 'denial' ? 1 : MIN_INDIRECT_WORDS;
  const indirect =
    quotes.length === 0 ? wordsOutside >= minimum : wordsOutside >= MIN_INDIRECT_WORDS_WITH_QUOTE;
  for (const speaker of speakers) {
    // A partial quote inside reported speech is reported once, as part of its clause.
    const inside: [number, number][] = [];
    for (const i of quotes) {
      const q = s.tokens[i]!.quote!;
      const kind = isSetOff(s, i, text) ? 'direct' : 'partial';
      // “Good Morning America”, “Parks and Recreation”: a quoted title, not someone's words.
      if (kind === 'partial' && isQuotedTitle(text.slice(q.innerStart, q.innerEnd))) continue;
      if (kind === 'partial' && indirect) {
        inside.push(quoteTextSpan(text, q));
        continue;
      }
      const reported =
        wordsOutside >= WORDS_FOR_CLAUSE_CONTEXT ? clause : text.slice(q.innerStart, q.innerEnd);
      out.push(raw(kind, quoteTextSpan(text, q), speaker, s, cue, cueLemma, reported, q));
    }
    if (indirect) {
      const r = raw('indirect', [first.start, last.end], speaker, s, cue, cueLemma, clause, null);
      if (inside.length > 0) r.quoted = inside;
      out.push(r);
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
  return (
    ws.every((w) => /^\P{Ll}/u.test(w) || MINOR_TITLE_WORDS.has(w.toLowerCase())) && /^\p{Lu}/u.test(ws[0]!)
  );
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
