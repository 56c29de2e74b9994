/**
 * Who speaks: the subject before a speech verb ("Kremlin spokesman Dmitry
 * Peskov told"), through appositions ("Krebs, the agency's top official,
 * said"), coordination ("Iran, Russia and China dismissed"), modifiers ("a
 * source speaking to Fox News said"), inversion ("said the spokesman"), and
 * the agent a participle reports for ("…, adding that").
 */

import {
  APPROXIMATORS,
  AUX_OR_CLAUSE,
  COMPLEMENTIZERS,
  CUES,
  DETERMINERS,
  PREPOSITIONS,
  SENTENCE_OPENING_WORDS,
  SHARE_WORDS,
  SPEAKER_NOUNS,
  TIME_WORDS,
  TITLE_WORDS,
} from '../lexicon/index.ts';
import { countryPhraseAt } from './countries.ts';
import {
  buildPhrase,
  isDescriptiveChunk,
  isPronoun,
  isSentenceOpener,
  type NounPhrase,
  phraseEndingAt,
  phraseStartingAt,
  wholeChunkPhrase,
} from './phrases.ts';
import {
  DASHES,
  isChunkBoundary,
  isMonthSurname,
  isPunct,
  isSkippableAdverb,
  isWeekdayOrMonth,
  isWordToken,
  type SentenceInfo,
  startsClause,
} from './syntax.ts';
import type { Token } from './tokens.ts';

/** "Sen. Chuck Grassley (R-Iowa) said": a parenthesis this short belongs to the name before it. */
const MAX_PARENTHESIS = 8;
/** "a source speaking to Fox News said": the subject stands at most this many tokens before the verb. */
const MODIFIER_REACH = 14;
/** Comma-separated chunks walked left of a verb ("Clinton, 35, the daughter of …, said"). */
const MAX_CHUNKS = 6;
/** Tokens in one chunk of an appositive chain. */
const MAX_CHUNK_TOKENS = 30;
/** A prepositional or time chunk longer than this is content, not a skippable adverbial. */
const MAX_ADVERBIAL_CHUNK = 12;
/** "In a statement on Friday, …": a fronted phrase before the subject ends at a comma this near. */
const MAX_FRONTED_PHRASE = 40;
/** "Minutes later, she …": a fronted adverbial without a preposition is this short. */
const MAX_FRONTED_ADVERBIAL = 5;
/** "if Gerrard comes out and says": the coordinated verb's subject is at most this many tokens back. */
const COORDINATED_SUBJECT_REACH = 10;
/** -s and -ed words this short are rarely finite verbs ("bus", "red"). */
const SHORT_VERB = 3;

export interface Subject {
  phrases: NounPhrase[];
  first: number;
}

/** The subject before a verb: adverbs skipped, appositive chains and coordination handled. */
/** Words that open a time phrase between a subject and its verb ("on Tuesday"). */
const TIME_PREPOSITIONS = new Set(['on', 'last', 'this', 'earlier', 'late']);

export function subjectBefore(s: SentenceInfo, verb: number): Subject | null {
  const toks = s.tokens;
  let j = verb - 1;
  while (j >= s.floor && isSkippableAdverb(toks[j])) j--;
  // "Jeff Sessions on Tuesday denied": step over a time phrase.
  const timeWord = (k: number) =>
    isWordToken(toks[k]) && isWeekdayOrMonth(toks[k]!) && !isMonthSurname(toks, k);
  if (timeWord(j) || timeWord(j + 1)) {
    while (j > s.floor && timeWord(j)) j--;
    if (TIME_PREPOSITIONS.has(toks[j]?.lower ?? '')) j--;
    while (j >= s.floor && isSkippableAdverb(toks[j])) j--;
  }
  // "Sen. Chuck Grassley (R-Iowa) said": step over a short parenthesis.
  if (toks[j]?.text === ')') {
    let k = j - 1;
    while (k >= s.floor && j - k <= MAX_PARENTHESIS && toks[k]!.text !== '(') k--;
    if (toks[k]?.text === '(') j = k - 1;
    while (j >= s.floor && isSkippableAdverb(toks[j])) j--;
  }
  if (j < s.floor) return null;
  const t = toks[j]!;
  if (t.type === 'punct' && t.text === ',') return appositiveChain(s, j);
  if (t.type !== 'word') return null;
  if ((t.lower === 'who' || t.lower === 'which') && j - 1 >= s.floor) {
    const k = toks[j - 1]!.text === ',' ? j - 2 : j - 1;
    const antecedent = k >= s.floor && toks[j - 1]!.text === ',' ? appositiveChain(s, j - 1) : null;
    const p = antecedent?.phrases[0] ?? phraseEndingAt(toks, k, s.floor);
    if (!p || p.kind === 'pronoun') return null;
    // The speaker is the antecedent; the sentence names them with "who".
    return { phrases: [{ ...p, tokens: [t], first: j, last: j }], first: j };
  }
  const found = phraseEndingAt(toks, j, s.floor);
  const phrase = found ? withOfPhrase(s, found) : null;
  if (
    phrase &&
    (startsClause(toks, phrase.first, s.floor) ||
      afterTimePhrase(toks, phrase.first) ||
      phrase.kind !== 'description')
  ) {
    return coordinated(s, phrase);
  }
  const share = shareSubject(s, verb);
  if (share) return { phrases: [share], first: share.first };
  const across = subjectAcrossModifier(s, phrase ? phrase.first : j);
  return across ? { phrases: [across], first: across.first } : null;
}

/** "more than 4 in 10", "about half", "nearly two-thirds": the words of a share, counted back from "of". */
const MAX_SHARE_WORDS = 6;
/** "of registered voters": words before the group's noun that a phrase may leave out. */
const MAX_GROUP_MODIFIERS = 2;

function isShareWord(t: Token | undefined): boolean {
  return isWordToken(t) && (SHARE_WORDS.has(t.lower) || /^\p{N}[\p{N},.]*%?$/u.test(t.text));
}

/**
 * A poll's finding speaks for a share of a group: "52 percent of registered
 * voters say", "half of GOP primary voters said", "six in 10 (Democrats) say",
 * "more than 4 in 10 said". The subject is the share with its group, a
 * description; it must open its clause.
 */
function shareSubject(s: SentenceInfo, verb: number): NounPhrase | null {
  const toks = s.tokens;
  let j = verb - 1;
  while (j >= s.floor && !isShareWord(toks[j]) && isSkippableAdverb(toks[j])) j--;
  if (j < s.floor) return null;
  // The group after the share: "(registered) voters", "(GOP primary) voters".
  let groupFirst = j + 1;
  let k = j;
  if (!isShareWord(toks[j])) {
    const group = phraseEndingAt(toks, j, s.floor);
    if (group?.kind !== 'description') return null;
    groupFirst = group.first;
    while (groupFirst <= j && isShareWord(toks[groupFirst])) groupFirst++;
    let m = groupFirst - 1;
    // "of registered voters": a few modifiers the phrase left out.
    while (m > s.floor && groupFirst - m <= MAX_GROUP_MODIFIERS && isLowerModifier(toks[m])) m--;
    if (m < groupFirst - 1 && toks[m]?.lower !== 'of') m = groupFirst - 1;
    if (toks[m]?.lower === 'of') {
      groupFirst = Math.min(groupFirst, m + 1);
      k = m - 1;
    } else k = m;
  }
  if (!isShareWord(toks[k])) return null;
  let first = k;
  while (
    first - 1 >= s.floor &&
    k - first < MAX_SHARE_WORDS &&
    (isShareWord(toks[first - 1]) ||
      APPROXIMATORS.has(toks[first - 1]!.lower) ||
      DETERMINERS.has(toks[first - 1]!.lower) ||
      // "six in 10": a count out of a round number.
      (toks[first - 1]!.lower === 'in' && isShareWord(toks[first - 2])))
  )
    first--;
  if (!startsClause(toks, first, s.floor)) return null;
  const words = toks.slice(first, j + 1) as Token[];
  const group = toks.slice(groupFirst, j + 1).filter((t) => t.lower !== 'of') as Token[];
  return {
    first,
    last: j,
    kind: 'description',
    name: [],
    title: group.length > 0 ? group : words.filter((t) => !DETERMINERS.has(t.lower)),
    appositive: [],
    honorific: null,
    tokens: words,
  };
}

/** "registered", "likely": a lower-case word before a group's noun that the phrase left out. */
function isLowerModifier(t: Token | undefined): boolean {
  return isWordToken(t) && !t.cap && t.lower !== 'of' && !PREPOSITIONS.has(t.lower) && !isShareWord(t);
}

/** "On Tuesday the chancellor told …": a description right after a day or month and its preposition. */
function afterTimePhrase(toks: readonly Token[], first: number): boolean {
  const day = toks[first - 1];
  return (
    isWordToken(day) &&
    isWeekdayOrMonth(day) &&
    !isMonthSurname(toks, first - 1) &&
    TIME_PREPOSITIONS.has(toks[first - 2]?.lower ?? '')
  );
}

/**
 * "a spokesman for committee Democrats said", "the head of the agency said":
 * a person described as standing for an institution.
 */
function withOfPhrase(s: SentenceInfo, phrase: NounPhrase): NounPhrase {
  const toks = s.tokens;
  const link = toks[phrase.first - 1];
  if (!isWordToken(link) || (link.lower !== 'for' && link.lower !== 'of')) return phrase;
  const head = phraseEndingAt(toks, phrase.first - 2, s.floor);
  if (head?.kind !== 'description' || !startsClause(toks, head.first, s.floor)) return phrase;
  const noun = head.title[head.title.length - 1]?.lower ?? '';
  if (!TITLE_WORDS.has(noun) && !SPEAKER_NOUNS.has(noun)) return phrase;
  return buildPhrase(toks, head.first, phrase.last) ?? phrase;
}

/**
 * "Another intelligence source speaking to Fox News said", "a White House
 * official who spoke anonymously said", "Katie Packer, who is chairman of
 * the group said": the subject sits before a modifier that ends just before
 * the verb.
 */
function subjectAcrossModifier(s: SentenceInfo, before: number): NounPhrase | null {
  const toks = s.tokens;
  let b = before - 1;
  while (b >= s.floor && before - b <= MODIFIER_REACH && !isChunkBoundary(toks[b]!)) b--;
  if (before - b > MODIFIER_REACH) return null;
  const start = b + 1;
  const next = toks[start];
  if (next?.lower === 'who' && toks[b]?.text === ',') {
    const antecedent = phraseEndingAt(toks, b - 1, s.floor);
    return antecedent?.kind === 'name' ? antecedent : null;
  }
  if (!startsClause(toks, start, s.floor)) return null;
  const candidate = phraseStartingAt(toks, start);
  if (!candidate || candidate.kind === 'pronoun' || candidate.last >= before) return null;
  const after = toks[candidate.last + 1];
  const modifier =
    isWordToken(after) &&
    !after.cap &&
    (/(?:ing|ed)$/.test(after.lower) || ['who', 'that'].includes(after.lower));
  return modifier ? candidate : null;
}

/** "Iran, Russia and China dismissed": one phrase per conjunct. */
export function coordinated(s: SentenceInfo, last: NounPhrase): Subject {
  const toks = s.tokens;
  if (last.kind !== 'name') return { phrases: [last], first: last.first };
  const conjuncts = [last];
  let i = last.first - 1;
  if (toks[i]?.lower === 'and' || toks[i]?.text === '&') {
    const p = phraseEndingAt(toks, i - 1, s.floor);
    if (p && p.kind === 'name' && p.name.length > 0) {
      conjuncts.unshift(p);
      i = p.first - 1;
      while (toks[i]?.text === ',') {
        const q = phraseEndingAt(toks, i - 1, s.floor);
        if (q?.kind !== 'name') break;
        conjuncts.unshift(q);
        i = q.first - 1;
      }
    }
  }
  if (conjuncts.length === 1) return { phrases: [last], first: last.first };
  if (!startsClause(toks, conjuncts[0]!.first, s.floor)) return { phrases: [last], first: last.first };
  const isCountry = (p: NounPhrase) => {
    const texts = p.name.map((t) => t.text);
    return countryPhraseAt(texts, 0)?.length === texts.length;
  };
  if (conjuncts.some(isCountry))
    return { phrases: conjuncts.map((p) => ({ ...p, amongCountries: true })), first: conjuncts[0]!.first };
  return { phrases: conjuncts, first: conjuncts[0]!.first };
}

type ChunkClass = 'skip' | 'name' | 'subject-description' | 'appositive' | 'other';

/**
 * "Lavrov, in turn, said", "Krebs, the agency's top official, said",
 * "Clinton, 35, the daughter of …, said": walks comma-separated chunks to the
 * left of the verb and picks the name at the start of the clause.
 */
function appositiveChain(s: SentenceInfo, comma: number): Subject | null {
  const toks = s.tokens;
  const names: NounPhrase[] = [];
  const descriptions: NounPhrase[] = [];
  const appositives: Token[][] = [];
  let end = comma;
  for (let guard = 0; guard < MAX_CHUNKS; guard++) {
    let start = end - 1;
    // "Sen. Claire McCaskill (D-Mo.), who …, said": a short parenthesis belongs to its chunk.
    let chunkEnd = end - 1;
    if (toks[chunkEnd]?.text === ')') {
      let k = chunkEnd - 1;
      while (k > s.floor && chunkEnd - k <= MAX_PARENTHESIS && toks[k]!.text !== '(') k--;
      if (toks[k]?.text === '(') {
        chunkEnd = k - 1;
        start = k - 1;
      }
    }
    while (start - 1 >= s.floor && !isChunkBoundary(toks[start - 1]!) && end - start < MAX_CHUNK_TOKENS)
      start--;
    if (start > chunkEnd || start < s.floor) break;
    const [cls, phrase] = classifyChunk(toks, start, chunkEnd);
    if (cls === 'other') break;
    if (cls === 'name' && phrase) names.push(phrase);
    if (cls === 'subject-description' && phrase) descriptions.push(phrase);
    if (cls === 'appositive' || cls === 'subject-description') appositives.push(toks.slice(start, end));
    const before = toks[start - 1];
    if (!before || start - 1 < s.floor || before.text !== ',') break;
    end = start - 1;
  }
  const speaker = names[names.length - 1] ?? descriptions[descriptions.length - 1];
  if (!speaker) return null;
  const appositive = appositives.find((a) => a[0] !== speaker.tokens[0]) ?? [];
  const withTitle: NounPhrase = {
    ...speaker,
    appositive: speaker.appositive.length ? speaker.appositive : appositive,
  };
  return { phrases: [withTitle], first: speaker.first };
}

function classifyChunk(toks: readonly Token[], from: number, to: number): [ChunkClass, NounPhrase | null] {
  const first = toks[from]!;
  if (first.type !== 'word') return ['other', null];
  const w = first.lower;
  if (
    to - from < MAX_ADVERBIAL_CHUNK &&
    (PREPOSITIONS.has(w) || TIME_WORDS.has(w) || w === 'however' || w === 'meanwhile')
  ) {
    return ['skip', null];
  }
  if (from === to && (w.endsWith('ly') || w === 'too' || w === 'though' || w === 'however'))
    return ['skip', null];
  if (w === 'who' || w === 'which' || w === 'whose') return ['skip', null];
  if (/^\p{N}+$/u.test(first.text) && from === to) return ['skip', null];
  if (!first.cap && (w.endsWith('ed') || w.endsWith('ing')) && !DETERMINERS.has(w)) return ['skip', null];
  const phrase = wholeChunkPhrase(toks, from, to);
  if (phrase && phrase.kind === 'name') return ['name', phrase];
  if (phrase && phrase.kind === 'description') return ['subject-description', phrase];
  if (phrase && phrase.kind === 'pronoun') return ['name', phrase];
  if (isDescriptiveChunk(toks, from, to)) return ['appositive', null];
  return ['other', null];
}

/** "…, said the spokesman" / "”, – concluded the Chinese Foreign Ministry spokesman." */
export function invertedSubject(s: SentenceInfo, hit: { first: number; last: number }): NounPhrase | null {
  const toks = s.tokens;
  const prev = toks[hit.first - 1];
  const leftOk = hit.first <= s.floor || !prev || prev.type !== 'word';
  if (!leftOk) return null;
  const phrase = phraseStartingAt(toks, hit.last + 1);
  if (!phrase) return null;
  const after = toks[phrase.last + 1];
  // "said China has never …" is a bare clause, not an inverted subject; "said a
  // source involved in …", "said Robert Antonacci of the delegation" are subjects.
  if (after && after.type === 'word' && phrase.appositive.length === 0 && !modifiesSubject(after))
    return null;
  return phrase;
}

function modifiesSubject(t: Token): boolean {
  const w = t.lower;
  if (PREPOSITIONS.has(w) || w === 'of' || w === 'for' || w === 'who' || w === 'whose') return true;
  return !t.cap && (w.endsWith('ed') || w.endsWith('ing')) && !CUES.has(w);
}

export type Agent = NounPhrase | 'inherit' | null;

/**
 * Who a participle cue reports for: "…, adding that" continues the sentence's
 * speaker; "a statement made by Microsoft, an American company, claiming that"
 * reports for the agent named after "by".
 */
export function participleAgent(s: SentenceInfo, cue: number, afterAnotherCue: boolean): Agent {
  const toks = s.tokens;
  // "with analysts saying", "a complaint filed by Judge Baltasar Garzon alleging".
  const direct = isWordToken(toks[cue - 1]) ? phraseEndingAt(toks, cue - 1, s.floor) : null;
  if (direct && direct.kind !== 'pronoun' && ['with', 'by'].includes(toks[direct.first - 1]?.lower ?? '')) {
    return direct;
  }
  let j = cue - 1;
  if (toks[j]?.text === ',') {
    j--;
    // Skip an appositive chunk after the agent (", an American company,").
    let k = j;
    while (k >= s.floor && j - k < MAX_CHUNK_TOKENS && !isChunkBoundary(toks[k]!)) k--;
    if (toks[k]?.text === ',' && k + 1 <= j && isDescriptiveChunk(toks, k + 1, j)) j = k - 1;
    const agent = phraseEndingAt(toks, j, s.floor);
    if (agent && agent.kind === 'name' && toks[agent.first - 1]?.lower === 'by') return agent;
  }
  if (afterAnotherCue) return 'inherit';
  const subject = sentenceSubject(s, cue);
  return subject ?? null;
}

/** The subject at the start of a sentence ("Hillary Clinton posted …, saying"). */
export function sentenceSubject(s: SentenceInfo, before: number): NounPhrase | null {
  const toks = s.tokens;
  let i = s.floor;
  while (i < before && isPunct(toks[i], DASHES)) i++;
  const first = toks[i];
  if (!isWordToken(first)) return null;
  if (PREPOSITIONS.has(first.lower) || COMPLEMENTIZERS.has(first.lower) || first.lower.endsWith('ing')) {
    const limit = Math.min(before, i + MAX_FRONTED_PHRASE);
    while (i < limit && toks[i]!.text !== ',') i++;
    i++;
  }
  while (i < before && isSentenceOpener(toks[i]!, toks[i + 1]) && toks[i + 1]?.type === 'word') i++;
  // "Minutes later, she …": a fronted adverbial up to a nearby comma.
  if (i < before && !startsPhrase(toks[i]!)) {
    let k = i;
    while (k < before && k - i < MAX_FRONTED_ADVERBIAL && toks[k]!.text !== ',') k++;
    if (toks[k]?.text === ',') i = k + 1;
  }
  if (i >= before) return null;
  if (isPronoun(toks[i]) && toks[i]!.lower !== 'it') return phraseStartingAt(toks, i);
  const phrase = phraseStartingAt(toks, i);
  if (!phrase || phrase.last >= before) return null;
  return phrase;
}

function startsPhrase(t: Token): boolean {
  return t.type === 'word' && (t.cap || isPronoun(t) || DETERMINERS.has(t.lower));
}

/** The token opens its sentence (after a dateline, dashes or a conjunction). */
export function opensSentence(s: SentenceInfo, i: number): boolean {
  let j = i - 1;
  while (j >= s.floor && (isPunct(s.tokens[j], DASHES) || SENTENCE_OPENING_WORDS.has(s.tokens[j]!.lower)))
    j--;
  return j < s.floor;
}

/** "… and said", "… but told": a verb coordinated with an earlier one shares its subject. */
export function followsVerbCoordination(s: SentenceInfo, verb: number): boolean {
  let j = verb - 1;
  while (j >= s.floor && isSkippableAdverb(s.tokens[j])) j--;
  const t = s.tokens[j];
  return isWordToken(t) && (t.lower === 'and' || t.lower === 'but') && j > s.floor + 1;
}

/**
 * "… if Gerrard comes out and says": the subject of the verb coordinated with
 * the cue, when a name or pronoun followed by a verb form sits a few words back.
 */
export function coordinatedVerbSubject(s: SentenceInfo, cue: number): NounPhrase | null {
  const toks = s.tokens;
  let and = cue - 1;
  while (and >= s.floor && isSkippableAdverb(toks[and])) and--;
  for (let j = and - 2; j >= s.floor && and - j <= COORDINATED_SUBJECT_REACH; j--) {
    const t = toks[j]!;
    const next = toks[j + 1]!;
    if (t.type !== 'word' || !(t.cap || isPronoun(t))) continue;
    if (next.type !== 'word' || next.cap || !looksFinite(next.lower)) continue;
    const phrase = phraseEndingAt(toks, j, s.floor);
    if (phrase) return phrase;
  }
  return null;
}

function looksFinite(w: string): boolean {
  return AUX_OR_CLAUSE.has(w) || (/(?:[^s]s|ed)$/.test(w) && w.length > SHORT_VERB && !PREPOSITIONS.has(w));
}

export function lastOfPhrase(p: NounPhrase): number {
  return p.last + (p.appositive.length > 0 ? p.appositive.length + 1 : 0);
}
