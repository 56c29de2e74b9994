/**
 * Claim–denial links: for a denial, the words in the same article that state
 * what is denied ("in reply to").
 *
 * A denial answers a claim someone else made: an accusation reported as a
 * statement ("Microsoft claims that the hacker group Strontium …"), or one the
 * reporter states as a noun phrase ("allegations by Microsoft Corp that
 * hackers linked to Moscow …"), often inside the denial's own sentence. News
 * puts the denial in the lead and the claim further down as often as the
 * other way round, so both directions are searched.
 *
 * The link is the candidate that best shares the denial's content words
 * (Porter stems, weighted by how rare they are in the article), with evidence
 * that it is about the denier (it names the denier's country or name), that the
 * denial names its maker ("the statement made by Microsoft"), and that it is
 * worded as a claim. A link below `MIN_SCORE` is no link: an article that
 * never states what is denied gets none, never a guess. A denial that points
 * with a demonstrative ("called that suggestion disgraceful") answers the claim
 * made just before it, or none.
 *
 * Pure and per document: linear in the article's sentences and statements.
 */

import { stemmer } from 'stemmer';
import { sentenceIndexAt } from '../corpus/segment.ts';
import { countriesNamedIn } from '../identity/countries.ts';
import {
  ACCUSING_LEMMAS,
  CLAIM_NOUNS,
  CLAIMING_VERBS,
  CUES,
  DEMONSTRATIVES,
  FALSEHOOD,
  FIRST_PERSON,
  MISREPRESENTATION,
  NEGATORS,
  POSSESSIVES,
  REPROACH,
  STRONG_DENIAL,
  WEAK_DENIAL,
} from '../lexicon/index.ts';
import type { CorpusDocument, CountryCode, Sentence, Statement } from '../model.ts';
import { normaliseTerm, STOP_WORDS } from '../search/tokenize.ts';

/** What a denial may answer: a statement, or a reporter's sentence that states a claim. */
export interface Claim {
  /** The claim's words in the file: `doc.text.slice(start, end)`. */
  start: number;
  end: number;
  /** Position in the document's sentences of the sentence holding `start`. */
  sentence: number;
  /** The statement it is, as an index into the statements given, or null for a reporter's sentence. */
  statement: number | null;
  /** Who made it, as the article writes it ("Microsoft Corp"), or null when it does not say. */
  claimant: string | null;
  /** The claimant's speaker id when the claim is a statement. */
  claimantId: string | null;
  /** Countries the claim's words name ("hackers from Russia, Iran and China"). */
  countries: readonly CountryCode[];
  /** Worded as a claim: an accusing verb ("alleged") or a claim noun ("allegations"). */
  accusing: boolean;
  /** Content stems, for matching. */
  stems: ReadonlySet<string>;
  /** The denial (index into the statements given) whose words hold this reporter's claim, if any. */
  withinDenial: number | null;
  /** That denial's speaker: one who denies a claim twice answers the same claim both times. */
  withinDenialBy: string | null;
  /** A reporter's sentence that lies in some statement's words. */
  withinStatement: boolean;
  /** The claimant's country when the claim is a statement. */
  claimantCountry: CountryCode | null;
}

/** The weakest evidence that is still a link (tuned on the seeds and the BBC tune split). */
const MIN_SCORE = 0.65;
/** Evidence weights: each is one kind of sign that a claim is what the denial answers. */
const WEIGHT = {
  /** The claim sits inside the denial's own words ("dismissed allegations by X that …"). */
  inside: 0.6,
  /** The claim names the denier's country, or the denier. */
  aboutDenier: 0.35,
  /** The denial's sentence names the claim's maker ("the statement made by Microsoft"). */
  namesClaimant: 0.25,
  /** Worded as a claim. */
  accusing: 0.1,
  /** The denial's words only point back at a claim ("dismissed the claim", "denied it"): the nearest one before. */
  anaphora: 0.2,
  /** Lost when the claim's maker is of the denier's own country: sides deny each other's claims. */
  sameSide: 0.15,
  /** Lost per sentence between claim and denial, up to `maxDistance`. */
  perSentence: 0.015,
  maxDistance: 0.15,
} as const;
/** Topic words a claim inside a denial needs to state it rather than point at it ("the charges"). */
const MIN_INSIDE_STEMS = 3;
/** Topic words a claim not worded as one must share with an unnamed claim to be its named version. */
const MIN_SAME_CLAIM_STEMS = 2;
/** A denial with no more topic words than this only points at a claim ("his comments were distorted"). */
const MAX_POINTER_STEMS = 3;
/** How many sentences back "that suggestion" may point. */
const POINTER_REACH = 2;
/** Words shorter than this carry no topic ("say", "new" are stop words or cues anyway). */
const MIN_STEM_WORD = 3;

/** A statement as the linker sees it: its place in the article and who said it. */
export type LinkStatement = Pick<
  Statement,
  'text' | 'speaker' | 'speakerId' | 'country' | 'denial' | 'cue' | 'sentenceIds'
>;

/** Claims, stems and document frequencies of one article, computed once for all its denials. */
export interface ArticleClaims {
  claims: Claim[];
  /** How many sentences of the article each stem appears in. */
  df: ReadonlyMap<string, number>;
  sentenceCount: number;
}

/** Words that say a claim is made or denied, not what it is about: left out of matching. */
function isTopicWord(term: string): boolean {
  return (
    term.length >= MIN_STEM_WORD &&
    !STOP_WORDS.has(term) &&
    !CUES.has(term) &&
    !CLAIM_NOUNS.has(term) &&
    !STRONG_DENIAL.has(term) &&
    !WEAK_DENIAL.has(term) &&
    !NEGATORS.has(term) &&
    !/^\d+$/.test(term)
  );
}

/**
 * Stems of the words seen, so each distinct word is stemmed once (an article
 * repeats its words; a corpus has some tens of thousands). Bounded like the
 * tokenizer's memory: cleared when full.
 */
const STEM_MEMO_LIMIT = 100_000;
const stemMemo = new Map<string, string | null>();

/** A word as written → its topic stem, or null for a word that carries no topic. */
function topicStem(word: string): string | null {
  let stem = stemMemo.get(word);
  if (stem === undefined) {
    const term = normaliseTerm(word);
    stem = isTopicWord(term) ? stemmer(term) : null;
    if (stemMemo.size >= STEM_MEMO_LIMIT) stemMemo.clear();
    stemMemo.set(word, stem);
  }
  return stem;
}

/** The content stems of a text ("hackers" and "hacking" are both "hack"). */
function topicStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of wordsOf(text)) {
    const stem = topicStem(word);
    if (stem !== null) stems.add(stem);
  }
  return stems;
}

const CAPITALISED = /^\p{Lu}/u;
/** Words, with a possessive "’s" as a word of its own ("Microsoft", "’s"). */
const WORD = /['’]s\b|[\p{L}\p{N}]+(?:[.&'’-](?!s\b)[\p{L}\p{N}]+)*/gu;

/** The words of a text: a plain split, a tenth of the attribution tokenizer's cost. */
function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Is this word a form of a verb that makes a claim ("alleged", "accuses")? */
function isAccusingForm(word: string): boolean {
  const cue = CUES.get(word.toLowerCase());
  return cue !== undefined && ACCUSING_LEMMAS.has(cue.lemma);
}

/**
 * The maker a claim noun names: "allegations by Microsoft Corp", "claims from
 * the Tories", or "Microsoft's allegations". Capitalised words only: "claims
 * by some" names no one.
 */
function claimantAround(words: readonly string[], nounAt: number): string | null {
  const next = words[nounAt + 1]?.toLowerCase();
  if (next === 'by' || next === 'from') {
    let i = nounAt + 2;
    if (words[i]?.toLowerCase() === 'the') i++;
    const name: string[] = [];
    while (i < words.length && CAPITALISED.test(words[i]!)) name.push(words[i++]!);
    if (name.length) return name.join(' ');
  }
  // "Microsoft's allegations": the tokenizer splits the possessive off.
  const owner = words[nounAt - 2];
  if (/^['’]s$/u.test(words[nounAt - 1] ?? '') && owner && CAPITALISED.test(owner)) return owner;
  return null;
}

/**
 * A reporter's sentence that states a claim: from its claim noun or accusing
 * verb to the sentence's end ("allegations by Microsoft Corp that hackers …",
 * "It has been alleged that …").
 */
function sentenceClaim(doc: CorpusDocument, index: number, sentence: Sentence): Claim {
  const words = wordsOf(sentence.text);
  const at = words.findIndex(
    (w, i) =>
      (CLAIM_NOUNS.has(w.toLowerCase()) && !isSetting(words, i)) ||
      isAccusingForm(w) ||
      isCalledFalse(words, i),
  );
  // A sentence without claim wording may still state what is denied ("… have been charged with …"),
  // but only its topic words can link it.
  const start = at < 0 ? sentence.start : sentence.start + wordOffset(sentence.text, words, at);
  const text = doc.text.slice(start, sentence.end);
  return {
    start,
    end: sentence.end,
    sentence: index,
    statement: null,
    claimant: at < 0 ? null : claimantAround(words, at),
    claimantId: null,
    countries: countriesNamedIn(text),
    accusing: at >= 0,
    stems: topicStems(text),
    withinDenial: null,
    withinDenialBy: null,
    withinStatement: false,
    claimantCountry: null,
  };
}

/**
 * "was wrong to say …", "it is false to suggest …": a verb of claiming that
 * the sentence calls false or wrong states a claim, whatever the verb.
 */
function isCalledFalse(words: readonly string[], i: number): boolean {
  if (!CLAIMING_VERBS.has(words[i]!.toLowerCase()) || !/^to$/i.test(words[i - 1] ?? '')) return false;
  const judged = words[i - 2]?.toLowerCase() ?? '';
  return FALSEHOOD.has(judged) || REPROACH.has(judged);
}

/** "In a statement", "in a report": where something was said, not a claim. */
function isSetting(words: readonly string[], i: number): boolean {
  return /^(?:a|an)$/i.test(words[i - 1] ?? '') && /^in$/i.test(words[i - 2] ?? '');
}

/** Where the `at`-th word token starts in the text (tokens come in order). */
function wordOffset(text: string, words: readonly string[], at: number): number {
  let from = 0;
  for (let i = 0; i <= at; i++) {
    const found = text.indexOf(words[i]!, from);
    if (found < 0) return 0;
    if (i === at) return found;
    from = found + words[i]!.length;
  }
  return 0;
}

function statementClaim(doc: CorpusDocument, s: LinkStatement, position: number): Claim {
  return {
    start: s.text.start,
    end: s.text.end,
    sentence: sentenceIndexAt(doc.sentences, s.text.start),
    statement: position,
    claimant: s.speaker.name,
    claimantId: s.speakerId,
    countries: countriesNamedIn(s.text.text),
    accusing: s.cue !== null && isAccusingForm(s.cue.text.split(/\s+/)[0] ?? ''),
    stems: topicStems(s.text.text),
    withinDenial: null,
    withinDenialBy: null,
    withinStatement: false,
    claimantCountry: s.country,
  };
}

/** Every claim of an article: its statements that are not denials, and its reporter's claim sentences. */
function articleClaims(doc: CorpusDocument, statements: readonly LinkStatement[]): ArticleClaims {
  const claims: Claim[] = [];
  statements.forEach((s, i) => {
    if (!s.denial) claims.push(statementClaim(doc, s, i));
  });
  // Which statement's words each sentence lies in, and the first denial's.
  const inStatement = new Set<string>();
  const denialIn = new Map<string, number>();
  statements.forEach((s, i) => {
    for (const id of s.sentenceIds) {
      inStatement.add(id);
      if (s.denial && !denialIn.has(id)) denialIn.set(id, i);
    }
  });
  doc.sentences.forEach((sentence, i) => {
    const claim = sentenceClaim(doc, i, sentence);
    // A claim in a sentence that reports a denial is that denial's object ("dismissed the claim").
    const holder = denialIn.get(sentence.id);
    claims.push({
      ...claim,
      withinDenial: holder ?? null,
      withinDenialBy: holder === undefined ? null : statements[holder]!.speakerId,
      withinStatement: inStatement.has(sentence.id),
    });
  });
  const df = new Map<string, number>();
  for (const sentence of doc.sentences) {
    for (const stem of topicStems(sentence.text)) df.set(stem, (df.get(stem) ?? 0) + 1);
  }
  return { claims, df, sentenceCount: doc.sentences.length };
}

function weight(article: ArticleClaims, stem: string): number {
  return Math.log(1 + article.sentenceCount / (article.df.get(stem) ?? 1));
}

/** Weighted Dice overlap of two stem sets: 1 when they are the same words. */
function overlap(article: ArticleClaims, a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  let total = 0;
  for (const stem of a) {
    const w = weight(article, stem);
    total += w;
    if (b.has(stem)) shared += 2 * w;
  }
  for (const stem of b) total += weight(article, stem);
  return total === 0 ? 0 : shared / total;
}

/** The words of a name that can stand for it in running text ("Zhao", "Lijian"). */
function nameWords(name: string): string[] {
  return wordsOf(name).filter((w) => CAPITALISED.test(w) && w.length > 2);
}

/** Does a text (its words, as a set) name someone: any of their name's words? */
function names(words: ReadonlySet<string>, name: string | null): boolean {
  if (!name) return false;
  return nameWords(name).some((w) => words.has(w));
}

const wordSets = new WeakMap<object, Set<string>>();

/** A claim's words as a set, worked out once. */
function claimWords(doc: CorpusDocument, claim: Claim): ReadonlySet<string> {
  let words = wordSets.get(claim);
  if (!words) {
    words = new Set(wordsOf(doc.text.slice(claim.start, claim.end)));
    wordSets.set(claim, words);
  }
  return words;
}

/** A sentence's words as a set, worked out once. */
function sentenceWords(sentence: Sentence): ReadonlySet<string> {
  let words = wordSets.get(sentence);
  if (!words) {
    words = new Set(wordsOf(sentence.text));
    wordSets.set(sentence, words);
  }
  return words;
}

export interface Link {
  claim: Claim;
  score: number;
}

/**
 * Every denial of an article with the claim it answers: index into
 * `statements` → link. Denials with no claim evidence enough are left out.
 */
export function linkArticle(
  doc: CorpusDocument,
  statements: readonly LinkStatement[],
): { claims: readonly Claim[]; links: Map<number, Link> } {
  const article = articleClaims(doc, statements);
  const links = new Map<number, Link>();
  statements.forEach((s, i) => {
    if (!s.denial) return;
    const link = linkDenial(doc, article, s, i);
    if (link) links.set(i, link);
  });
  shareWithinSides(doc, statements, links);
  return { claims: article.claims, links };
}

/**
 * In one article a side's denials answer one accusation: a denial with no
 * claim of its own takes the link of the nearest denial by the same speaker
 * when that claim is about them, else of the nearest by the same country when
 * that claim accuses the country ("Tehran has no interest …", said by the
 * ministry whose "dismissed the claim" answers allegations against Iran).
 */
function shareWithinSides(
  doc: CorpusDocument,
  statements: readonly LinkStatement[],
  links: Map<number, Link>,
): void {
  const linked = [...links.keys()];
  statements.forEach((s, i) => {
    if (!s.denial || links.has(i)) return;
    const nearest = (same: (other: LinkStatement, claim: Claim) => boolean) =>
      linked
        .filter((j) => same(statements[j]!, links.get(j)!.claim))
        .sort((a, b) => Math.abs(a - i) - Math.abs(b - i))[0];
    // Only a claim about this speaker, or against this speaker's country, is theirs to answer too.
    const from =
      nearest(
        (o, claim) =>
          o.speakerId === s.speakerId && (claim.withinDenialBy === s.speakerId || aboutDenier(doc, claim, s)),
      ) ??
      (s.country === null
        ? undefined
        : nearest((o, claim) => o.country === s.country && claim.countries.includes(s.country!)));
    if (from !== undefined) {
      const claim = links.get(from)!.claim;
      // A colleague's bare "That is untrue" answers what their side has just answered, not one far off.
      const near =
        statements[from]!.speakerId === s.speakerId ||
        Math.abs(
          sentenceIndexAt(doc.sentences, statements[from]!.text.start) -
            sentenceIndexAt(doc.sentences, s.text.start),
        ) <= POINTER_REACH;
      if (claim.claimantId !== s.speakerId && answersToo(doc, s, claim, near))
        links.set(i, { claim, score: 0 });
    }
  });
}

/**
 * Can a denial with no claim of its own answer its side's claim? Only when its
 * words are about that claim: they share a topic word ("her faith" … "her
 * beliefs would make her refuse to serve" share "refuse") or name a country it
 * names ("China has never meddled …"), or are too few to be about anything
 * else ("That is untrue", "his comments were distorted") and follow the
 * side's denial closely (`near`: a colleague's within `POINTER_REACH`
 * sentences, or the speaker's own anywhere). A denial with a
 * topic of its own ("there was no cover-up", said after dismissing a jibe
 * about something else) answers something else.
 */
function answersToo(doc: CorpusDocument, denial: LinkStatement, claim: Claim, near: boolean): boolean {
  // "that suggestion" points at the claim just made: none there is none at all.
  if (demonstrativePointer(doc, denial) !== null) return false;
  const own = new Set<string>();
  for (const word of wordsOf(denial.text.text)) {
    const lower = word.toLowerCase();
    // Words that call a claim false or twisted say nothing of what it is about.
    if (FALSEHOOD.has(lower) || MISREPRESENTATION.has(lower)) continue;
    const stem = topicStem(word);
    if (stem !== null) own.add(stem);
  }
  for (const word of nameWords(denial.speaker.name)) own.delete(stemmer(word.toLowerCase()));
  return (
    (near && own.size <= MAX_POINTER_STEMS) ||
    [...own].some((stem) => claim.stems.has(stem)) ||
    countriesNamedIn(denial.text.text).some((country) => claim.countries.includes(country))
  );
}

/**
 * The claim a denial answers, or null when none is evidence enough. `denial`
 * is the statement at `position` in the statements `articleClaims` was given.
 */
function linkDenial(
  doc: CorpusDocument,
  article: ArticleClaims,
  denial: LinkStatement,
  position: number,
): Link | null {
  const first = sentenceIndexAt(
    doc.sentences,
    Math.min(denial.text.start, denial.speaker.mention?.start ?? denial.text.start),
  );
  const last = sentenceIndexAt(doc.sentences, Math.max(denial.text.end - 1, denial.text.start));
  const context = doc.text.slice(doc.sentences[first]!.start, doc.sentences[last]!.end);
  const stems = topicStems(context);
  const contextWords = new Set(wordsOf(context));
  for (const word of nameWords(denial.speaker.name)) stems.delete(stemmer(word.toLowerCase()));
  const scored: Link[] = [];
  for (const claim of article.claims) {
    if (claim.statement === position) continue;
    if (claim.claimantId !== null && claim.claimantId === denial.speakerId) continue;
    scored.push({ claim, score: scoreClaim(doc, article, claim, denial, stems, contextWords, first) });
  }
  if (topicStems(denial.text.text).size === 0) pointBack(doc, scored, denial, first);
  let best: Link | null = null;
  for (const link of scored) if (link.score >= MIN_SCORE && (!best || link.score > best.score)) best = link;
  if (!best) return justMade(doc, article, denial, position);
  return originalOf(doc, article, best, denial) ?? namedVersionOf(doc, scored, best, denial) ?? best;
}

/** Does one ranking come before another (compared key by key, higher first)? */
function ranksHigher(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** "that", "these"; or "his", "their": whose claim it is, said of someone just named (not "our"). */
function isPointingWord(word: string): boolean {
  return DEMONSTRATIVES.has(word) || (POSSESSIVES.has(word) && !FIRST_PERSON.has(word));
}

/**
 * Where a denial's words point at a claim with a demonstrative ("called that
 * suggestion disgraceful", "these allegations are false"), or null. Looked for
 * from the end of the verb (or the start of the words, when they come first).
 */
function demonstrativePointer(doc: CorpusDocument, denial: LinkStatement): number | null {
  const from = Math.min(denial.text.start, denial.cue?.end ?? denial.text.start);
  const text = doc.text.slice(from, denial.text.end);
  const words = wordsOf(text);
  for (let i = 0; i + 1 < words.length; i++) {
    if (!isPointingWord(words[i]!.toLowerCase())) continue;
    // "that suggestion", or with one word between: "these baseless allegations".
    const noun = [words[i + 1], words[i + 2]].findIndex((w) => w && CLAIM_NOUNS.has(w.toLowerCase()));
    if (noun >= 0) return from + wordOffset(text, words, i);
  }
  return null;
}

/**
 * "that suggestion": a denial that points at a claim with a demonstrative
 * answers the claim made just before it, by someone else, within
 * `POINTER_REACH` sentences: a statement, or a reporter's sentence worded as a
 * claim. None there is no link (the side's other claims are not what "that"
 * means).
 */
function justMade(
  doc: CorpusDocument,
  article: ArticleClaims,
  denial: LinkStatement,
  position: number,
): Link | null {
  const pointer = demonstrativePointer(doc, denial);
  if (pointer === null) return null;
  const at = sentenceIndexAt(doc.sentences, pointer);
  let nearest: Claim | null = null;
  for (const claim of article.claims) {
    if (claim.statement === position || claim.sentence < at - POINTER_REACH) continue;
    if (claim.claimantId !== null && claim.claimantId === denial.speakerId) continue;
    if (claim.statement === null && (!claim.accusing || claim.withinDenial !== null || claim.sentence === at))
      continue;
    if ((claim.statement === null ? claim.start : claim.end) > pointer) continue;
    // One about the denier before one that is not; then the latest; in one sentence a statement
    // before the reporter's words around it.
    const rank = (c: Claim) => [
      aboutDenier(doc, c, denial) ? 1 : 0,
      c.sentence,
      c.statement === null ? 0 : 1,
    ];
    if (!nearest || ranksHigher(rank(claim), rank(nearest))) nearest = claim;
  }
  return nearest && { claim: nearest, score: MIN_SCORE };
}

/**
 * "dismissed the claim", "denied it": words that only point back. The nearest
 * claim before the denial that is about the denier is the likeliest meant.
 */
function pointBack(doc: CorpusDocument, scored: Link[], denial: LinkStatement, denialSentence: number): void {
  let nearest: Link | null = null;
  for (const link of scored) {
    const { claim } = link;
    if (claim.sentence >= denialSentence || link.score <= 0 || !aboutDenier(doc, claim, denial)) continue;
    if (!nearest || claim.sentence > nearest.claim.sentence) nearest = link;
  }
  if (nearest) nearest.score += WEIGHT.anaphora;
}

function aboutDenier(doc: CorpusDocument, claim: Claim, denial: LinkStatement): boolean {
  return (
    (denial.country !== null && claim.countries.includes(denial.country)) ||
    names(claimWords(doc, claim), denial.speaker.name)
  );
}

/**
 * The claim a found one stands for, when the article states it: a reporter's
 * mention of a claim inside a denial ("called Microsoft's statements …
 * groundless") stands for its maker's own statement; a statement whose
 * sentence names the maker of another claim about the denier ("Microsoft's
 * warning was consistent with …") passes it on to that claim. Statements are
 * preferred to a reporter's sentences, then the first in the article.
 */
function originalOf(
  doc: CorpusDocument,
  article: ArticleClaims,
  link: Link,
  denial: LinkStatement,
): Link | null {
  const found = link.claim;
  const sentence = sentenceWords(doc.sentences[found.sentence]!);
  const mention = found.statement === null && found.withinDenial !== null;
  let original: Claim | null = null;
  for (const c of article.claims) {
    if (c === found || c.claimant === null || c.claimantId === denial.speakerId) continue;
    if (!aboutDenier(doc, c, denial)) continue;
    const ownWords = mention && c.statement !== null && sameMaker(c.claimant, found.claimant);
    const passedOn = !sameMaker(c.claimant, found.claimant) && names(sentence, c.claimant);
    if (!ownWords && !passedOn) continue;
    if (!original || (original.statement === null && c.statement !== null)) original = c;
  }
  return original && { claim: original, score: link.score };
}

/** "Microsoft" and "Microsoft Corp" are one maker: they share a name word. */
function sameMaker(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const words = new Set(nameWords(a));
  return nameWords(b).some((w) => words.has(w));
}

/**
 * A claim the article states without saying whose it is ("accusations of
 * Russia using hackers …") is the same as a claim about the denier that does
 * say, when they share words: the named one is shown.
 */
function namedVersionOf(
  doc: CorpusDocument,
  scored: readonly Link[],
  best: Link,
  denial: LinkStatement,
): Link | null {
  if (best.claim.claimant !== null) return null;
  let named: Link | null = null;
  for (const link of scored) {
    const { claim } = link;
    if (claim.claimant === null || link.score <= 0 || !aboutDenier(doc, claim, denial)) continue;
    // The same claim, not another remark on the topic: worded as a claim, or sharing more than one word.
    const shared = [...claim.stems].filter((stem) => best.claim.stems.has(stem)).length;
    if (shared === 0 || (!claim.accusing && shared < MIN_SAME_CLAIM_STEMS)) continue;
    if (!named || link.score > named.score) named = link;
  }
  return named && { claim: named.claim, score: best.score };
}

function scoreClaim(
  doc: CorpusDocument,
  article: ArticleClaims,
  claim: Claim,
  denial: LinkStatement,
  stems: ReadonlySet<string>,
  contextWords: ReadonlySet<string>,
  denialSentence: number,
): number {
  // Inside the denial's words, after its verb ("denied suggestions that …"); a bare pointer
  // ("the charges") is no statement of the claim, and a fuller one elsewhere is preferred.
  const after = Math.min(denial.text.start, denial.cue?.end ?? denial.text.start);
  const inside =
    claim.statement === null &&
    claim.accusing &&
    claim.start >= after &&
    claim.start < denial.text.end &&
    claim.sentence === denialSentence &&
    topicStems(doc.text.slice(claim.start, Math.min(claim.end, denial.text.end))).size >= MIN_INSIDE_STEMS;
  // A claim sentence that is the denial's own sentence, but not inside its words, is the denial itself.
  if (!inside && claim.statement === null && claim.sentence === denialSentence) return 0;
  // What one's own side says of one's own country ("The U.S. has interfered … including Iran", said
  // by Iran's spokesman) is the side's case, not the claim it denies.
  if (
    denial.country !== null &&
    claim.claimantCountry === denial.country &&
    claim.countries.includes(denial.country)
  )
    return 0;
  // Another denial's object ("dismissed the claim") states a claim only when it says whose it is.
  // (Or when the same speaker denies it twice: "denies budget leak" … "denied suggestions that …".)
  if (
    !inside &&
    claim.withinDenial !== null &&
    claim.claimant === null &&
    (claim.withinDenialBy !== denial.speakerId || !claim.accusing)
  )
    return 0;
  // The reporter's sentences inside a statement are that statement's words: it is the candidate.
  if (claim.statement === null && !claim.accusing && claim.withinStatement) return 0;
  const distance = Math.min(
    WEIGHT.maxDistance,
    WEIGHT.perSentence * Math.abs(claim.sentence - denialSentence),
  );
  return (
    overlap(article, stems, claim.stems) +
    (inside ? WEIGHT.inside : 0) +
    (aboutDenier(doc, claim, denial) ? WEIGHT.aboutDenier : 0) +
    (names(contextWords, claim.claimant) ? WEIGHT.namesClaimant : 0) +
    (claim.accusing ? WEIGHT.accusing : 0) -
    (denial.country !== null && claim.claimantCountry === denial.country ? WEIGHT.sameSide : 0) -
    distance
  );
}
