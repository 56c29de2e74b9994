/**
 * Noun phrases around a speech verb: the subject to its left ("Kremlin
 * spokesman Dmitry Peskov told"), the inverted subject to its right ("said
 * the spokesman"), appositive chains ("Christopher Krebs, the agency's top
 * official, said") and coordinated subjects ("Iran, Russia and China
 * dismissed"). Heuristic, but bounded: every walk is limited in length, so
 * the work per verb is constant.
 */
import {
  ADVERBS,
  AUXILIARIES,
  COMMON_VERBS,
  CONJUNCTIONS,
  CUES,
  DEMONSTRATIVES,
  DETERMINERS,
  FEMALE_GIVEN_NAMES,
  HONORIFICS,
  INDEFINITE_SPEAKERS,
  MALE_GIVEN_NAMES,
  MONTHS,
  NAME_CONNECTORS,
  NAME_TITLES,
  NEGATIONS,
  NON_NAME_OPENERS,
  OBJECT_PRONOUNS,
  ORG_WORDS,
  PREPOSITIONS,
  PRONOUNS,
  QUANTIFIER_STARTS,
  RELATIVES,
  SENTENCE_ADVERBS,
  SHARE_WORDS,
  SPEAKER_NOUNS,
  TITLE_MODIFIERS,
  TITLE_WORDS,
  WEEKDAYS,
} from '../lexicon/index.ts';
import { SHORT_WORD } from './syntax.ts';
import type { Token } from './tokens.ts';

export type PhraseKind = 'pronoun' | 'name' | 'description';

export interface NounPhrase {
  /** Token indices (inclusive) in the sentence. */
  first: number;
  last: number;
  kind: PhraseKind;
  /** The proper name, without title, honorific or possessive. */
  name: Token[];
  /** Title or description words before the name (or the whole description), without determiner. */
  title: Token[];
  /** A description in apposition ("Christopher Krebs, the agency's top official,"), if any. */
  appositive: Token[];
  /** The honorific before the name ("Mr."), if any: it tells the gender. */
  honorific: string | null;
  /** Listed with countries ("Egypt, Jordan and Morocco"): an ambiguous name is a country here. */
  amongCountries?: boolean;
  tokens: Token[];
}

/** A subject phrase ends at its verb and starts at most this many tokens back: the walk is bounded. */
const MAX_PHRASE_BACK = 14;
/** An inverted subject ("said the spokesman") spans at most this many tokens after its first. */
const MAX_PHRASE_FORWARD = 12;
/** "harbour master Ines Sola": unlisted lower-case nouns before a name taken as its title. */
const MAX_UNLISTED_TITLE = 3;
/** ", Game's UK sales director.": a verbless appositive ending the sentence is this short. */
const MAX_VERBLESS_APPOSITIVE = 10;

/** Prefixes a title word takes without ceasing to be one ("co-chairman", "ex-minister"). */
const TITLE_PREFIX = /^(?:co|ex|vice|deputy|joint)-(?=\p{L})/u;

/** Nouns and words that end an NP walk however they are capitalised. */
function isHardStop(t: Token): boolean {
  if (t.type !== 'word') return true;
  const w = t.lower;
  if (PREPOSITIONS.has(w) || CONJUNCTIONS.has(w) || RELATIVES.has(w)) return true;
  // "Theresa May", "Will Carling": a capitalised modal that is also a month or a given name is a name.
  if (
    AUXILIARIES.has(w) &&
    !(t.cap && (MONTHS.has(w) || MALE_GIVEN_NAMES.has(w) || FEMALE_GIVEN_NAMES.has(w)))
  )
    return true;
  if (NEGATIONS.has(w) || w === "n't") return true;
  // Noun-like cue forms ("report", "statement", "estimates") may sit inside a phrase.
  const cue = CUES.get(w);
  if (cue && !t.cap && !cue.noisy) return true;
  return !t.cap && (COMMON_VERBS.has(w) || OBJECT_PRONOUNS.has(w));
}

function isPossessive(t: Token): boolean {
  return t.type === 'word' && (t.lower === "'s" || t.lower === "'");
}

function isNameWord(t: Token): boolean {
  if (t.type !== 'word' || !t.cap) return false;
  const w = t.lower.replace(/\.$/, '');
  // Months are also first names ("Jan Brewer", "April Ryan"); "Jan." is not.
  return !WEEKDAYS.has(w) && !(MONTHS.has(w) && t.abbr) && !(t.text.length === 1 && t.text === 'I');
}

/** "May 5", "March 2016": a date, not a name. */
function isDate(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  return !!t && MONTHS.has(t.lower.replace(/\.$/, '')) && !!next && /^\p{N}/u.test(next.text);
}

function isTitleLike(t: Token): boolean {
  // "co-chairman", "vice-chair", "ex-minister": a prefixed title is still a title.
  const w = t.lower.replace(TITLE_PREFIX, '');
  return TITLE_WORDS.has(w) || ORG_WORDS.has(w) || TITLE_MODIFIERS.has(w) || HONORIFICS.has(t.lower);
}

function isLowerNounish(t: Token): boolean {
  if (t.type !== 'word' || t.cap) return false;
  const w = t.lower;
  if (isHardStop(t) || ADVERBS.has(w) || PRONOUNS.has(w) || DETERMINERS.has(w)) return false;
  if (w.endsWith('ly') && w.length > SHORT_WORD) return false;
  if (/^\p{N}/u.test(w)) return true;
  if (SPEAKER_NOUNS.has(w) || isTitleLike(t)) return true;
  return !w.endsWith('ing') && !w.endsWith('ed');
}

/** A capitalised first word that is not a name: "Hastily", "Speaking", "There", "Minutes". */
export function isSentenceOpener(t: Token, next: Token | undefined): boolean {
  if (!t.cap) return false;
  const w = t.lower;
  if (SENTENCE_ADVERBS.has(w) || NON_NAME_OPENERS.has(w)) return true;
  // "Hastily arranged", "Speaking at", "Asked about" — but "Kelly said", "Manning has".
  if (w.length > SHORT_WORD && /(?:ly|ing|ed)$/.test(w)) {
    if (next?.type !== 'word') return next?.text === ',';
    const n = next.lower;
    return (
      !next.cap && (PREPOSITIONS.has(n) || DETERMINERS.has(n) || n === 'that' || /(?:ly|ing|ed)$/.test(n))
    );
  }
  return false;
}

export function isPronoun(t: Token | undefined): boolean {
  return !!t && t.type === 'word' && PRONOUNS.has(t.lower) && (t.lower !== 'i' || t.text === 'I');
}

/**
 * The noun phrase that ends at token `j` (a subject before its verb), or
 * null. `floor` is the first token the phrase may use.
 */
export function phraseEndingAt(tokens: readonly Token[], j: number, floor = 0): NounPhrase | null {
  const last = tokens[j];
  if (last?.type !== 'word') return null;
  if (isPronoun(last)) return pronounPhrase(tokens, j);
  if (isHardStop(last) || DETERMINERS.has(last.lower)) return null;
  const headIsName = isNameWord(last);
  if (!headIsName && !isLowerNounish(last)) return null;
  let k = j;
  let sawDeterminer = false;
  const limit = Math.max(floor, j - MAX_PHRASE_BACK);
  while (k - 1 >= limit) {
    const t = tokens[k - 1]!;
    if (t.type !== 'word') break;
    if (DETERMINERS.has(t.lower) && !t.cap) {
      // "said that Jones told": "that" before a name is a conjunction, not a determiner.
      if (!DEMONSTRATIVES.has(t.lower) || !tokens[k]!.cap) k--;
      sawDeterminer = true;
      break;
    }
    if (DETERMINERS.has(t.lower) && t.cap) {
      k--;
      sawDeterminer = true;
      break;
    }
    if (isPossessive(t) && k - 2 >= limit && isNameWord(tokens[k - 2]!)) {
      k--;
      continue;
    }
    if (isNameWord(t) && !isHardStop(t)) {
      k--;
      continue;
    }
    if (
      NAME_CONNECTORS.has(t.lower) &&
      k - 2 >= limit &&
      isNameWord(tokens[k - 2]!) &&
      isNameWord(tokens[k]!)
    ) {
      k--;
      continue;
    }
    // "Funding Council for England": "for" inside an organisation's name.
    if (t.lower === 'for' && k - 2 >= limit && isOrgWord(tokens[k - 2]!) && isNameWord(tokens[k]!)) {
      k--;
      continue;
    }
    if (t.lower === 'and' && joinsTitle(tokens, k - 1, j)) {
      k--;
      continue;
    }
    // "the first minister": a title modifier that is also an adverb, before a title word.
    if (!t.cap && TITLE_MODIFIERS.has(t.lower) && isTitleLike(tokens[k]!) && !tokens[k]!.cap) {
      k--;
      continue;
    }
    if (isLowerNounish(t) && (isTitleLike(t) || !headIsName || /^\p{N}/u.test(t.lower))) {
      k--;
      continue;
    }
    break;
  }
  if (headIsName && !sawDeterminer) k = titleToBoundary(tokens, k, floor);
  // "But", "And", "So" open a sentence without belonging to its subject.
  while (k < j && tokens[k]!.cap && SENTENCE_ADVERBS.has(tokens[k]!.lower)) k++;
  while (k <= j && k === floor && isSentenceOpener(tokens[k]!, tokens[k + 1])) k++;
  if (k > j) return null;
  if (sawDeterminer && k === j && DETERMINERS.has(tokens[k]!.lower)) return null;
  return buildPhrase(tokens, k, j);
}

/**
 * "”, harbour master Ines Sola said": up to three lower-case nouns between a
 * clause boundary (a quote, punctuation, the sentence start) and a name are
 * its title, even when no word list knows them; so are capitalised words
 * among them ("Shadow home secretary David Davis" at a sentence start).
 */
function titleToBoundary(tokens: readonly Token[], k: number, floor: number): number {
  const walk = (ok: (t: Token) => boolean) => {
    let i = k;
    while (i - 1 >= floor && k - i < MAX_UNLISTED_TITLE && ok(tokens[i - 1]!)) i--;
    return i !== k && (i <= floor || isBoundary(tokens[i - 1])) ? i : k;
  };
  const lower = walk(isLowerNounish);
  if (lower !== k) return lower;
  return walk((t) => isLowerNounish(t) || (isNameWord(t) && !isHardStop(t)));
}

function isBoundary(before: Token | undefined): boolean {
  return before?.type === 'quote' || (before?.type === 'punct' && before.text !== '$');
}

/** "Trade and Industry Secretary": an "and" inside a capitalised title, not a coordination. */
function joinsTitle(tokens: readonly Token[], andIndex: number, end: number): boolean {
  const before = tokens[andIndex - 1];
  const after = tokens[andIndex + 1];
  if (!before || !after || !isNameWord(before) || !isNameWord(after)) return false;
  for (let i = andIndex + 1; i <= end; i++) {
    const w = tokens[i]!.lower;
    if (TITLE_WORDS.has(w) || ORG_WORDS.has(w)) return true;
  }
  return false;
}

function pronounPhrase(tokens: readonly Token[], j: number): NounPhrase {
  const t = tokens[j]!;
  return {
    first: j,
    last: j,
    kind: 'pronoun',
    name: [],
    title: [],
    appositive: [],
    honorific: null,
    tokens: [t],
  };
}

/**
 * The noun phrase that starts at token `i` (an inverted subject after its
 * verb, "said the spokesman"), or null.
 */
export function phraseStartingAt(tokens: readonly Token[], i: number): NounPhrase | null {
  const first = tokens[i];
  if (first?.type !== 'word') return null;
  if (isPronoun(first) && first.lower !== 'it') return pronounPhrase(tokens, i);
  if (isDate(tokens, i)) return null;
  const startsWithDeterminer = DETERMINERS.has(first.lower) || QUANTIFIER_STARTS.has(first.lower);
  // "said undecided Republican voter Stephanie Hooton": lower-case words before a name.
  const describesName =
    !first.cap &&
    !isHardStop(first) &&
    !DETERMINERS.has(first.lower) &&
    !PRONOUNS.has(first.lower) &&
    [1, 2].some((d) => tokens[i + d] && isNameWord(tokens[i + d]!));
  if (!startsWithDeterminer && !isNameWord(first) && !isTitleLike(first) && !describesName) return null;
  if (!startsWithDeterminer && isHardStop(first)) return null;
  let k = i;
  const limit = Math.min(tokens.length - 1, i + MAX_PHRASE_FORWARD);
  while (k + 1 <= limit) {
    const t = tokens[k + 1]!;
    if (t.type !== 'word') break;
    if (isPossessive(t) || isNameWord(t)) {
      if (isHardStop(t) && !isPossessive(t)) break;
      k++;
      continue;
    }
    if (
      NAME_CONNECTORS.has(t.lower) &&
      isNameWord(tokens[k]!) &&
      tokens[k + 2] &&
      isNameWord(tokens[k + 2]!)
    ) {
      k++;
      continue;
    }
    const startsLowerTitle = !first.cap && isTitleLike(first);
    if (
      isLowerNounish(t) &&
      (isTitleLike(t) || startsWithDeterminer || startsLowerTitle || SPEAKER_NOUNS.has(t.lower))
    ) {
      k++;
      continue;
    }
    // "Clinton ally James Carville", "organizing director Kendall Fells": a title before a name.
    if (isLowerNounish(t) && (isNameWord(tokens[k + 2] ?? t) || isNameWord(tokens[k + 3] ?? t))) {
      k++;
      continue;
    }
    break;
  }
  const end = k;
  const phrase = buildPhrase(tokens, i, end);
  if (!phrase) return null;
  if (phrase.kind === 'description' && phrase.title.length === 0) return null;
  return withTrailingAppositive(tokens, phrase);
}

/** ", a Democratic pollster and consultant" after an inverted subject. */
function withTrailingAppositive(tokens: readonly Token[], phrase: NounPhrase): NounPhrase {
  const comma = tokens[phrase.last + 1];
  if (comma?.text !== ',') return phrase;
  const start = phrase.last + 2;
  const t = tokens[start];
  if (t?.type !== 'word') return phrase;
  let end = start;
  while (end + 1 < tokens.length && tokens[end + 1]!.type === 'word') end++;
  const chunk = tokens.slice(start, end + 1) as Token[];
  const describes = DETERMINERS.has(t.lower) || isTitleLike(t);
  // ", Game's UK sales director." — a short verbless chunk that ends the sentence describes too.
  const endsSentence = !tokens[end + 1] || ['.', '!', '?'].includes(tokens[end + 1]!.text);
  const verbless =
    chunk.length <= MAX_VERBLESS_APPOSITIVE &&
    !chunk.some((c) => AUXILIARIES.has(c.lower) || (CUES.has(c.lower) && !c.cap));
  if (!describes && !(endsSentence && verbless)) return phrase;
  // "said its chief executive, Sir Martin Hale.": a description followed by a name in
  // apposition is that named person, titled by the description.
  if (phrase.kind === 'description' && endsSentence) {
    const named = buildPhrase(tokens, start, end);
    if (named?.kind === 'name' && named.title.length === 0 && chunk.every(isNameWord))
      return {
        ...named,
        first: phrase.first,
        title: phrase.title.filter((t) => !isPossessive(t) && !DETERMINERS.has(t.lower)),
        tokens: tokens.slice(phrase.first, end + 1) as Token[],
      };
  }
  return { ...phrase, appositive: chunk };
}

/** Splits a phrase's tokens into title and name. */
export function buildPhrase(tokens: readonly Token[], first: number, last: number): NounPhrase | null {
  if (first > last) return null;
  const slice = tokens.slice(first, last + 1) as Token[];
  let body = slice;
  while (body.length > 0 && (DETERMINERS.has(body[0]!.lower) || SENTENCE_ADVERBS.has(body[0]!.lower))) {
    body = body.slice(1);
  }
  if (body.length === 0) return null;
  let n = body.length;
  while (n > 0 && isPossessive(body[n - 1]!)) n--;
  // "Tom McCabe MSP", "Jane Roe QC": letters after a name are a title, not part of it.
  let postNominal: Token[] = [];
  while (n > 2 && isPostNominal(body[n - 1]!) && isNameWord(body[n - 2]!) && !isPostNominal(body[n - 2]!)) {
    postNominal = body.slice(n - 1, n);
    n--;
  }
  let nameStart = n;
  while (nameStart > 0 && isNameWord(body[nameStart - 1]!) && !isNameTitle(body[nameStart - 1]!)) nameStart--;
  // "Sen. Marco Rubio of Florida", "Jason Gilbert of Cheyenne": the name is before "of".
  let locative: Token[] = [];
  if (
    nameStart >= 3 &&
    body[nameStart - 1]!.lower === 'of' &&
    isNameWord(body[nameStart - 2]!) &&
    !isTitleLike(body[nameStart - 2]!)
  ) {
    locative = body.slice(nameStart - 1, n);
    n = nameStart - 1;
    nameStart = n;
    while (nameStart > 0 && isNameWord(body[nameStart - 1]!) && !isTitleLike(body[nameStart - 1]!))
      nameStart--;
  }
  // "the Funding Council for England": a place after an organisation word and "for" or "of"
  // completes the organisation's name, never a person or a country on its own.
  if (isOrgNameTail(body, nameStart, n)) return description(first, last, slice, body.slice(0, n));
  // A connector inside a name ("Abu Bakr al Baghdadi", "Secretary of State" stays a title).
  // "Critics said", "Officials say": a capitalised common noun at the start of a sentence.
  const commonNoun =
    body.length === 1 && (INDEFINITE_SPEAKERS.has(body[0]!.lower) || SPEAKER_NOUNS.has(body[0]!.lower));
  if (nameStart === n || commonNoun) {
    return description(first, last, slice, body);
  }
  const honorific = honorificBefore(body, nameStart);
  const name = body.slice(nameStart, n);
  const title = body.slice(0, honorific ? nameStart - 1 : nameStart);
  return {
    first,
    last,
    kind: 'name',
    name,
    title: stripPossessivePronoun(title),
    appositive: postNominal.length > 0 ? postNominal : locative,
    honorific,
    tokens: slice,
  };
}

/** "Labour MP Alan Hale": a title word, or a word only ever written before a name as its title. */
function isNameTitle(t: Token): boolean {
  return isTitleLike(t) || (NAME_TITLES.has(t.lower) && t.text === t.text.toUpperCase());
}

/** "MSP", "QC": a title written in capitals after a name. */
function isPostNominal(t: Token): boolean {
  return (
    t.type === 'word' && t.text.length >= 2 && t.text === t.text.toUpperCase() && NAME_TITLES.has(t.lower)
  );
}

function isOrgWord(t: Token): boolean {
  return t.cap && ORG_WORDS.has(t.lower);
}

/** "… Council for England": capitalised words up to an organisation word, "for"/"of", then the name. */
function isOrgNameTail(body: readonly Token[], nameStart: number, n: number): boolean {
  if (nameStart < 2 || nameStart >= n) return false;
  const glue = body[nameStart - 1]!;
  const org = body[nameStart - 2]!;
  if (glue.lower !== 'for' && glue.lower !== 'of') return false;
  return isOrgWord(org) && body.slice(0, nameStart - 1).every((t) => t.cap || t.lower === 'and');
}

function honorificBefore(body: readonly Token[], nameStart: number): string | null {
  const t = body[nameStart - 1];
  return t && HONORIFICS.has(t.lower) ? t.lower.replace(/\.$/, '') : null;
}

/** A title without its determiner or a dangling possessive ("the SNP's" → "SNP"). */
function stripPossessivePronoun(title: Token[]): Token[] {
  let t = title;
  while (t.length > 0 && DETERMINERS.has(t[0]!.lower)) t = t.slice(1);
  while (t.length > 0 && isPossessive(t[t.length - 1]!)) t = t.slice(0, -1);
  return t;
}

function description(first: number, last: number, slice: Token[], body: Token[]): NounPhrase {
  return {
    first,
    last,
    kind: 'description',
    name: [],
    title: body,
    appositive: [],
    honorific: null,
    tokens: slice,
  };
}

/** A phrase consisting of exactly `tokens[from..to]`, or null when the phrase is not the whole chunk. */
export function wholeChunkPhrase(tokens: readonly Token[], from: number, to: number): NounPhrase | null {
  if (from > to) return null;
  const phrase = phraseEndingAt(tokens, to, from);
  if (!phrase) return null;
  let start = from;
  while (start < phrase.first && SENTENCE_ADVERBS.has(tokens[start]!.lower)) start++;
  return phrase.first === start ? phrase : null;
}

/** A chunk in apposition that describes rather than names ("the agency's top official", "35"). */
export function isDescriptiveChunk(tokens: readonly Token[], from: number, to: number): boolean {
  const t = tokens[from];
  if (t?.type !== 'word') return false;
  if (/^\p{N}+$/u.test(t.text) && from === to) return true;
  if (DETERMINERS.has(t.lower) || isTitleLike(t)) return true;
  // "one of only a handful of black RNC members", "one of the organizers".
  if (SHARE_WORDS.has(t.lower) && tokens[from + 1]?.lower === 'of') return true;
  // "Clinton's spokesman", "Santilli's attorney".
  const possessive = tokens.slice(from, to + 1).findIndex(isPossessive);
  return possessive > 0 && possessive < to - from;
}
