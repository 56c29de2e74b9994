/**
 * Attribution frames in one sentence: each speech cue with its speaker(s)
 * and the stretch of the sentence it reports. Quotes are single tokens here,
 * so a cue sees "Q, he said." or "X said: Q" or "X said the plan was Q".
 *
 * Where a frame's content lies:
 * - forward, after the cue: "said (on Friday) (that) …", "told reporters: Q";
 * - backward, before the attribution: "Q, he said." or "The plan failed, she said.";
 * - both, around it: "Q1," said X, "Q2."
 */

import { countryPhraseAt } from './countries.ts';
import {
  CUES,
  type CueForm,
  DETERMINERS,
  MONTHS,
  NEGATIONS,
  ORG_WORDS,
  PREPOSITIONS,
  RELATIVES,
  SPEAKER_NOUNS,
  TIME_WORDS,
  TITLE_WORDS,
  WEEKDAYS,
  words,
} from './lexicon.ts';
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
import type { Token } from './tokens.ts';

export interface SentenceInfo {
  /** Position in the document, 0-based. */
  index: number;
  paragraph: number;
  tokens: Token[];
  /** First token after a dateline ("WASHINGTON (Reuters) –"), usually 0. */
  floor: number;
}

export interface Region {
  /** Token indices, inclusive. */
  first: number;
  last: number;
}

export interface Frame {
  sentence: SentenceInfo;
  /** Cue tokens (inclusive), or null for a colon or dash introduction. */
  cueFirst: number;
  cueLast: number;
  cue: CueForm | null;
  /** Empty when the speaker is inherited (a participle: "…, adding that"). */
  speakers: NounPhrase[];
  /** A participle or similar that reports for the subject of its sentence. */
  inherits: boolean;
  /** The attribution itself: subject, cue and what follows before the content. */
  chunk: Region;
  forward: Region | null;
  backward: Region | null;
  /** The content was introduced by "that" (or a colon). */
  introduced: boolean;
  /** The attribution sits inside its content: "The plan, she said, will fail." */
  parenthetical: boolean;
}

const BE_FORMS = words('is are was were be been being am');
const SKIPPABLE_BETWEEN_SUBJECT_AND_VERB = words(
  'has have had will would could should may might must can did does do also later then again previously once recently still repeatedly just only even further earlier already frequently often quickly immediately soon separately simply flatly bluntly angrily firmly openly publicly privately reportedly allegedly apparently subsequently initially originally finally ultimately eventually meanwhile too twice long since first last yesterday today tonight now ago never ever always',
);
const SETTING_WORDS = words(
  'at in during after before since until on within throughout following when while',
);
const SENTENCE_OPENING_WORDS = words('and but so yet also then still');
const COMPLEMENTIZERS = words('whether if why how what when where who');
const AUX_OR_CLAUSE = words(
  'is are was were be been being am has have had will would can could shall should may might must do does did that which who whom not never and but or if when while because',
);
const DASHES = new Set(['–', '—', '―', '-', '--']);
const SEPARATORS = new Set([',', ';', '–', '—', '―', '-', '--', ':', '(', ')']);
const CLAUSE_CONJUNCTIONS = words('and but while whereas although though as because so');
const RECIPIENT_WORDS = words(
  'reporters journalists supporters lawmakers voters students the crowd audience members',
);
const CLAIM_HEADS = words('statement announcement claim declaration remarks assertion');
const LIGHT_VERBS = words('made make makes making issued issue issues released release releases put');
/** Verbs that take a plain object as their content ("dismissed the claim", "called it a hoax"). */
const OBJECT_LEMMAS = words(
  'deny dismiss reject refute rebut rebuff dispute disavow repudiate downplay call describe label dub brand term characterize characterise accuse blast slam criticize criticise condemn praise hail thank urge cite mock ridicule tout chide scold lash announce promise vow pledge predict warn demand',
);

/** "strongly", "also", "has": words between a subject and its verb. */
function isSkippableAdverb(t: Token | undefined): boolean {
  if (!isWordToken(t)) return false;
  if (SKIPPABLE_BETWEEN_SUBJECT_AND_VERB.has(t.lower) || WEEKDAYS.has(t.lower)) return true;
  return (
    !t.cap &&
    t.lower.endsWith('ly') &&
    t.lower.length > 4 &&
    !['only', 'early', 'family', 'italy'].includes(t.lower)
  );
}

export function isWordToken(t: Token | undefined): t is Token {
  return !!t && t.type === 'word';
}

function isPunct(t: Token | undefined, set: ReadonlySet<string>): boolean {
  return !!t && t.type === 'punct' && set.has(t.text);
}

/** A sentence written in title case (a headline): capitalised cues count there. */
function isTitleCase(s: SentenceInfo): boolean {
  const ws = s.tokens.filter((t) => t.type === 'word' && /^\p{L}/u.test(t.text));
  if (ws.length < 3) return false;
  return ws.filter((t) => t.cap).length / ws.length >= 0.6;
}

interface CueHit {
  first: number;
  last: number;
  form: CueForm | null;
  kind: 'verb' | 'according' | 'nominal';
}

function findCues(s: SentenceInfo): CueHit[] {
  const hits: CueHit[] = [];
  const toks = s.tokens;
  const titleCase = isTitleCase(s);
  for (let i = s.floor; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type !== 'word') continue;
    // "Said Comey, “…”": a capitalised verb opening the sentence before a name.
    const invertedOpener =
      i === s.floor && t.cap && !!toks[i + 1]?.cap && ['said', 'says', 'added', 'asked'].includes(t.lower);
    if (t.lower === 'according' && toks[i + 1]?.lower === 'to') {
      hits.push({ first: i, last: i + 1, form: null, kind: 'according' });
      i++;
      continue;
    }
    const nominal = nominalCueEnd(toks, i);
    if (nominal > 0) {
      hits.push({ first: i, last: nominal, form: CUES.get('stated')!, kind: 'nominal' });
      i = nominal;
      continue;
    }
    const form = CUES.get(t.lower);
    if (!form) continue;
    if (t.cap && !(titleCase && i > s.floor) && !invertedOpener) continue;
    if (form.lemma === 'point' && toks[i + 1]?.lower !== 'out') continue;
    if (!isVerbUse(toks, i, s.floor)) continue;
    const last = form.lemma === 'point' ? i + 1 : i;
    hits.push({ first: i, last, form, kind: 'verb' });
  }
  return hits;
}

/** "made a statement that": returns the index of the head noun, or -1. */
function nominalCueEnd(toks: readonly Token[], i: number): number {
  if (!LIGHT_VERBS.has(toks[i]!.lower)) return -1;
  let j = i + 1;
  if (toks[j]?.lower === 'out') j++;
  if (toks[j] && DETERMINERS.has(toks[j]!.lower)) j++;
  if (!toks[j] || !CLAIM_HEADS.has(toks[j]!.lower)) return -1;
  return toks[j + 1]?.lower === 'that' ? j : -1;
}

/** The cue word is used as a finite verb or participle, not as a noun or in a passive. */
function isVerbUse(toks: readonly Token[], i: number, floor: number): boolean {
  const prev = toks[i - 1];
  if (prev && prev.type === 'word') {
    if (prev.lower === 'to' || DETERMINERS.has(prev.lower) || prev.lower === "'s" || prev.lower === 'of') {
      return false;
    }
  }
  let j = i - 1;
  while (j >= floor && isSkippableAdverb(toks[j])) {
    if (toks[j]!.lower === 'never') return false;
    j--;
  }
  const before = toks[j];
  if (isWordToken(before)) {
    if (BE_FORMS.has(before.lower) && !toks[i]!.lower.endsWith('ing')) return false;
    if (NEGATIONS.has(before.lower) || before.lower.endsWith("n't")) return false;
  }
  const next = toks[i + 1];
  // "the said company", "said to be": not reporting.
  if (toks[i]!.lower === 'said' && next?.lower === 'to' && toks[i + 2]?.lower === 'be') return false;
  return true;
}

/** Builds the frames of one sentence. `previous` frames in the paragraph help participles. */
export function analyseSentence(s: SentenceInfo): Frame[] {
  const frames: Frame[] = [];
  for (const hit of findCues(s)) {
    const frame = frameFor(s, hit, frames);
    if (frame) frames.push(frame);
  }
  addColonAndDashFrames(s, frames);
  frames.sort((a, b) => a.chunk.first - b.chunk.first);
  return settleOverlaps(s, frames);
}

function frameFor(s: SentenceInfo, hit: CueHit, earlier: Frame[]): Frame | null {
  if (hit.kind === 'according') return accordingFrame(s, hit);
  const toks = s.tokens;
  const form = hit.form!;
  const participle = form.participle && hit.kind === 'verb';
  let speakers: NounPhrase[] = [];
  let chunkFirst = hit.first;
  let chunkLast = hit.last;
  let inherits = false;
  if (participle && opensSentence(s, hit.first)) {
    // "Citing obligations at home, the spokeswoman told …": the subject comes after.
    inherits = true;
  } else if (participle) {
    const agent = participleAgent(s, hit.first, earlier);
    if (agent === 'inherit') inherits = true;
    else if (agent) {
      speakers = [agent];
    } else return null;
  } else {
    const subject = subjectBefore(s, hit.first);
    if (subject) {
      speakers = subject.phrases;
      chunkFirst = subject.first;
    } else if (followsVerbCoordination(s, hit.first)) {
      // "Grassley downplayed the attack … and said it's …": the sentence's subject speaks.
      const agent =
        earlier.length > 0
          ? 'inherit'
          : (coordinatedVerbSubject(s, hit.first) ?? sentenceSubject(s, hit.first));
      if (!agent) return null;
      if (agent === 'inherit') inherits = true;
      else speakers = [agent];
    } else {
      const inverted = invertedSubject(s, hit);
      if (!inverted) return null;
      speakers = [inverted];
      chunkLast = Math.max(chunkLast, lastOfPhrase(inverted));
    }
  }
  let content = forwardContent(s, chunkLast + 1, form, hit.kind === 'nominal');
  if (content.afterComma && !isParentheticalSlot(s, chunkFirst, content.region!)) {
    content = { region: null, introduced: false, skippedTo: chunkLast };
  }
  if (!content.region) content = asClauseContent(s, chunkFirst, content);
  // A noun-like cue ("estimates", "report") needs clear signs of being a verb; a comma
  // after it ("Cost estimates, he added, …") shows it is a noun.
  const nounLike = content.afterComma || (!content.introduced && !regionHasQuote(toks, content.region));
  if (form.noisy && nounLike && !quoteTouches(toks, chunkFirst - 1)) return null;
  return {
    sentence: s,
    cueFirst: hit.first,
    cueLast: hit.last,
    cue: form,
    speakers,
    inherits,
    chunk: { first: chunkFirst, last: content.skippedTo },
    forward: content.region,
    backward: null,
    introduced: content.introduced,
    parenthetical: content.afterComma === true || setOffByCommas(toks, chunkFirst, content.skippedTo),
  };
}

/** "If she wins, he said, “…”": the attribution sits between commas, inside its content. */
function setOffByCommas(toks: readonly Token[], first: number, last: number): boolean {
  return (
    toks[first - 1]?.text === ',' && (toks[last]?.text === ',' || toks[last + 1]?.text === ',') && first > 1
  );
}

/**
 * ", she said, the plan will fail": an attribution set off by commas (or
 * after a quote) inside its content, or opening a sentence before a clause.
 */
function isParentheticalSlot(s: SentenceInfo, chunkFirst: number, region: Region): boolean {
  const before = s.tokens[chunkFirst - 1];
  if (before?.type === 'quote' || before?.text === ',') return true;
  return chunkFirst <= s.floor && looksLikeClause(s.tokens, region.first, region.last);
}

/** The token opens its sentence (after a dateline, dashes or a conjunction). */
function opensSentence(s: SentenceInfo, i: number): boolean {
  let j = i - 1;
  while (j >= s.floor && (isPunct(s.tokens[j], DASHES) || SENTENCE_OPENING_WORDS.has(s.tokens[j]!.lower)))
    j--;
  return j < s.floor;
}

/** "… and said", "… but told": a verb coordinated with an earlier one shares its subject. */
function followsVerbCoordination(s: SentenceInfo, verb: number): boolean {
  let j = verb - 1;
  while (j >= s.floor && isSkippableAdverb(s.tokens[j])) j--;
  const t = s.tokens[j];
  return isWordToken(t) && (t.lower === 'and' || t.lower === 'but') && j > s.floor + 1;
}

/**
 * "… if Gerrard comes out and says": the subject of the verb coordinated with
 * the cue, when a name or pronoun followed by a verb form sits a few words back.
 */
function coordinatedVerbSubject(s: SentenceInfo, cue: number): NounPhrase | null {
  const toks = s.tokens;
  let and = cue - 1;
  while (and >= s.floor && isSkippableAdverb(toks[and])) and--;
  for (let j = and - 2; j >= s.floor && and - j <= 10; j--) {
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
  return AUX_OR_CLAUSE.has(w) || (/(?:[^s]s|ed)$/.test(w) && w.length > 3 && !PREPOSITIONS.has(w));
}

/** "As Ryan has pointed out, that's …": the clause after the comma is the content. */
function asClauseContent(s: SentenceInfo, chunkFirst: number, content: ForwardContent): ForwardContent {
  const toks = s.tokens;
  const as = toks[chunkFirst - 1];
  if (!isWordToken(as) || as.lower !== 'as' || !startsClause(toks, chunkFirst - 1, s.floor)) return content;
  const comma = content.skippedTo + 1;
  if (toks[comma]?.text !== ',') return content;
  const last = lastContentToken(toks);
  if (comma + 1 > last) return content;
  return { region: { first: comma + 1, last }, introduced: true, skippedTo: comma };
}

function lastOfPhrase(p: NounPhrase): number {
  return p.last + (p.appositive.length > 0 ? p.appositive.length + 1 : 0);
}

/** "calls Horgos “a mistake”": a quote close after the verb makes a noun-like cue a verb. */
function regionHasQuote(toks: readonly Token[], r: Region | null): boolean {
  if (!r) return false;
  for (let i = r.first; i <= r.last && i - r.first < 6; i++) if (toks[i]!.type === 'quote') return true;
  return false;
}

function quoteTouches(toks: readonly Token[], i: number): boolean {
  let j = i;
  while (j >= 0 && i - j < 4 && isPunct(toks[j], SEPARATORS)) j--;
  return toks[j]?.type === 'quote';
}

interface Subject {
  phrases: NounPhrase[];
  first: number;
}

/** The subject before a verb: adverbs skipped, appositive chains and coordination handled. */
export function subjectBefore(s: SentenceInfo, verb: number): Subject | null {
  const toks = s.tokens;
  let j = verb - 1;
  while (j >= s.floor && isSkippableAdverb(toks[j])) j--;
  // "Sen. Chuck Grassley (R-Iowa) said": step over a short parenthesis.
  if (toks[j]?.text === ')') {
    let k = j - 1;
    while (k >= s.floor && j - k <= 8 && toks[k]!.text !== '(') k--;
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
  if (phrase && (startsClause(toks, phrase.first, s.floor) || phrase.kind !== 'description')) {
    return coordinated(s, phrase);
  }
  const across = subjectAcrossModifier(s, phrase ? phrase.first : j);
  return across ? { phrases: [across], first: across.first } : null;
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
  while (b >= s.floor && before - b <= 14 && !isChunkBoundary(toks[b]!)) b--;
  if (before - b > 14) return null;
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

/** What precedes token `i` lets a subject start there. */
function startsClause(toks: readonly Token[], i: number, floor: number): boolean {
  if (i <= floor) return true;
  const prev = toks[i - 1]!;
  if (prev.type === 'quote') return true;
  if (prev.type === 'punct') return true;
  return CLAUSE_CONJUNCTIONS.has(prev.lower) || prev.lower === 'that' || RELATIVES.has(prev.lower);
}

/** "Iran, Russia and China dismissed": one phrase per conjunct. */
function coordinated(s: SentenceInfo, last: NounPhrase): Subject {
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
  for (let guard = 0; guard < 6; guard++) {
    let start = end - 1;
    // "Sen. Claire McCaskill (D-Mo.), who …, said": a short parenthesis belongs to its chunk.
    let chunkEnd = end - 1;
    if (toks[chunkEnd]?.text === ')') {
      let k = chunkEnd - 1;
      while (k > s.floor && chunkEnd - k <= 8 && toks[k]!.text !== '(') k--;
      if (toks[k]?.text === '(') {
        chunkEnd = k - 1;
        start = k - 1;
      }
    }
    while (start - 1 >= s.floor && !isChunkBoundary(toks[start - 1]!) && end - start < 30) start--;
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

function isChunkBoundary(t: Token): boolean {
  return t.type === 'quote' || (t.type === 'punct' && SEPARATORS.has(t.text));
}

function classifyChunk(toks: readonly Token[], from: number, to: number): [ChunkClass, NounPhrase | null] {
  const first = toks[from]!;
  if (first.type !== 'word') return ['other', null];
  const w = first.lower;
  if (to - from < 12 && (PREPOSITIONS.has(w) || TIME_WORDS.has(w) || w === 'however' || w === 'meanwhile')) {
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
function invertedSubject(s: SentenceInfo, hit: CueHit): NounPhrase | null {
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

type Agent = NounPhrase | 'inherit' | null;

/**
 * Who a participle cue reports for: "…, adding that" continues the sentence's
 * speaker; "a statement made by Microsoft, an American company, claiming that"
 * reports for the agent named after "by".
 */
function participleAgent(s: SentenceInfo, cue: number, earlier: Frame[]): Agent {
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
    while (k >= s.floor && j - k < 30 && !isChunkBoundary(toks[k]!)) k--;
    if (toks[k]?.text === ',' && k + 1 <= j && isDescriptiveChunk(toks, k + 1, j)) j = k - 1;
    const agent = phraseEndingAt(toks, j, s.floor);
    if (agent && agent.kind === 'name' && toks[agent.first - 1]?.lower === 'by') return agent;
  }
  if (earlier.length > 0) return 'inherit';
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
    const limit = Math.min(before, i + 40);
    while (i < limit && toks[i]!.text !== ',') i++;
    i++;
  }
  while (i < before && isSentenceOpener(toks[i]!, toks[i + 1]) && toks[i + 1]?.type === 'word') i++;
  // "Minutes later, she …": a fronted adverbial up to a nearby comma.
  if (i < before && !startsPhrase(toks[i]!)) {
    let k = i;
    while (k < before && k - i < 5 && toks[k]!.text !== ',') k++;
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

interface ForwardContent {
  region: Region | null;
  introduced: boolean;
  /** The content follows a comma after the attribution ("…, she said, will fail"). */
  afterComma?: boolean;
  /** Last token of the attribution chunk (recipient and adverbials included). */
  skippedTo: number;
}

/** What a cue reports after itself, skipping a recipient and adverbials. */
function forwardContent(s: SentenceInfo, from: number, form: CueForm, nominal: boolean): ForwardContent {
  const toks = s.tokens;
  let i = from;
  const last = lastContentToken(toks);
  if (form.takesRecipient) i = skipRecipient(toks, i);
  // "calling on Congress to act", "called for an inquiry": the particle opens the content.
  if (form.lemma === 'call' && ['on', 'upon', 'for'].includes(toks[i]?.lower ?? '') && i + 1 <= last) {
    return { region: { first: i + 1, last }, introduced: false, skippedTo: i };
  }
  i = skipAdverbials(toks, i, last);
  const none: ForwardContent = { region: null, introduced: false, skippedTo: i - 1 };
  if (i > last) return none;
  const t = toks[i]!;
  if (t.type === 'word' && t.lower === 'that' && !nominalThat(toks, i)) {
    return i + 1 <= last ? { region: { first: i + 1, last }, introduced: true, skippedTo: i } : none;
  }
  if (nominal) return none;
  if (t.type === 'punct' && (t.text === ':' || t.text === ',')) {
    const next = skipAdverbials(toks, i + 1, last);
    if (next > last) return { ...none, skippedTo: i };
    const n = toks[next]!;
    if (n.type === 'quote' || t.text === ':') {
      return { region: { first: next, last }, introduced: true, skippedTo: next - 1 };
    }
    if (n.type === 'word' && n.lower === 'that') {
      return next + 1 <= last
        ? { region: { first: next + 1, last }, introduced: true, skippedTo: next }
        : none;
    }
    if (t.text === ',' && n.type === 'word') {
      return { region: { first: next, last }, introduced: false, afterComma: true, skippedTo: next - 1 };
    }
    return { ...none, skippedTo: i - 1 };
  }
  if (t.type === 'quote') return { region: { first: i, last }, introduced: true, skippedTo: i - 1 };
  if (t.type !== 'word') return none;
  if (COMPLEMENTIZERS.has(t.lower) && t.lower !== 'who') {
    return { region: { first: i, last }, introduced: true, skippedTo: i - 1 };
  }
  if (t.lower === 'to' || t.lower === 'for' || t.lower === 'about' || t.lower === 'with') return none;
  if (OBJECT_LEMMAS.has(form.lemma))
    return { region: { first: i, last }, introduced: false, skippedTo: i - 1 };
  if (form.bareClause && looksLikeClause(toks, i, last)) {
    return { region: { first: i, last }, introduced: false, skippedTo: i - 1 };
  }
  return none;
}

/** "that" is a determiner here ("said that day"), not a complementizer. */
function nominalThat(toks: readonly Token[], i: number): boolean {
  const next = toks[i + 1]?.lower ?? '';
  return ['day', 'week', 'night', 'morning', 'time', 'year', 'month', 'evening', 'afternoon'].includes(next);
}

/** Index of the last token that can belong to content (final punctuation dropped). */
function lastContentToken(toks: readonly Token[]): number {
  let last = toks.length - 1;
  while (last >= 0 && toks[last]!.type === 'punct' && !['(', ')'].includes(toks[last]!.text)) last--;
  return last;
}

function skipRecipient(toks: readonly Token[], i: number): number {
  const t = toks[i];
  // "told “Good Morning America” that …": the show is the audience.
  if (t?.type === 'quote' && toks[i + 1]?.lower === 'that') return i + 1;
  if (!isWordToken(t)) return i;
  if (['him', 'her', 'them', 'me', 'us', 'you', 'reporters', 'journalists'].includes(t.lower)) return i + 1;
  if (t.lower === 'that' || t.lower === 'to') return i;
  const phrase = phraseStartingAt(toks, i);
  if (phrase && phrase.kind !== 'pronoun' && phrase.title.length + phrase.name.length > 0)
    return phrase.last + 1;
  if (RECIPIENT_WORDS.has(t.lower)) return i + 1;
  // "asked the buzzing crowd, “…”": whatever stands before a comma and a quote is the audience.
  for (let j = i + 1; j < toks.length && j - i <= 6; j++) {
    const x = toks[j]!;
    if (x.type === 'quote') break;
    if (x.type === 'punct')
      return (x.text === ',' || x.text === ':') && toks[j + 1]?.type === 'quote' ? j : i;
    if (x.lower === 'that') return i;
  }
  return i;
}

/** Skips "on Friday", "in a statement", "earlier", "to reporters", ", however,". */
function skipAdverbials(toks: readonly Token[], from: number, last: number): number {
  let i = from;
  for (let guard = 0; guard < 6 && i <= last; guard++) {
    const t = toks[i]!;
    if (t.type !== 'word') break;
    const w = t.lower.replace(/\.$/, '');
    if (TIME_WORDS.has(w) || isWeekdayOrMonth(t) || (w.endsWith('ly') && w.length > 4 && !t.cap)) {
      i++;
      continue;
    }
    if (PREPOSITIONS.has(w) && w !== 'that') {
      const end = prepositionalPhraseEnd(toks, i, last);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    break;
  }
  return i;
}

function isWeekdayOrMonth(t: Token): boolean {
  const w = t.lower.replace(/\.$/, '');
  return WEEKDAYS.has(w) || (t.cap && MONTHS.has(w)) || /^\d{1,2}(?:st|nd|rd|th)?$/.test(w);
}

/**
 * The last token of a short adverbial phrase ("in a statement", "on NBC's
 * “Meet the Press”") when what follows it is a content marker (that, colon,
 * comma, quote, end); -1 when the phrase looks like the content itself.
 */
function prepositionalPhraseEnd(toks: readonly Token[], i: number, last: number): number {
  const object = toks[i + 1];
  // "on Friday", "on Friday night", "in 2010": a time ends the phrase.
  if (isWordToken(object) && (isWeekdayOrMonth(object) || /^\d{4}$/.test(object.lower))) {
    const after = toks[i + 2];
    return isWordToken(after) && TIME_WORDS.has(after.lower) ? i + 2 : i + 1;
  }
  let j = i + 1;
  while (j <= last && j - i <= 10) {
    const t = toks[j]!;
    if (t.type === 'punct') return j - 1;
    if (t.type === 'quote') {
      // "on MSNBC's “Morning Joe”": a title quoted inside the phrase belongs to it.
      const prev = toks[j - 1]!;
      if (prev.type !== 'word' || PREPOSITIONS.has(prev.lower)) return j - 1;
      j++;
      continue;
    }
    if (t.lower === 'that' || COMPLEMENTIZERS.has(t.lower)) return j - 1;
    if (isPronoun(t) && !['her', 'his', 'its', 'their'].includes(t.lower)) return j - 1;
    j++;
  }
  return j > last ? last : -1;
}

/** A bare reported clause: it has a finite verb somewhere after its first word. */
function looksLikeClause(toks: readonly Token[], from: number, last: number): boolean {
  const first = toks[from]!;
  if (first.type === 'word' && PREPOSITIONS.has(first.lower)) return false;
  let words = 0;
  for (let i = from; i <= last && i - from < 40; i++) {
    const t = toks[i]!;
    if (t.type === 'quote') return words > 0;
    if (t.type !== 'word') continue;
    words++;
    if (i === from) continue;
    const w = t.lower;
    if (
      /^(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|did|does|do|shall)$/.test(
        w,
      )
    ) {
      return true;
    }
    if (w.endsWith("n't")) return true;
  }
  return false;
}

/** "According to X, …" and "…, according to X." */
function accordingFrame(s: SentenceInfo, hit: CueHit): Frame | null {
  const toks = s.tokens;
  const speaker = phraseStartingAt(toks, hit.last + 1);
  if (!speaker) return null;
  const chunkLast = lastOfPhrase(speaker);
  const last = lastContentToken(toks);
  let forward: Region | null = null;
  const opens = hit.first <= s.floor || isPunct(toks[hit.first - 1], DASHES);
  // "The plan, according to officials, will fail": set off by commas, it sits inside its content.
  const setOff = toks[hit.first - 1]?.text === ',' && toks[chunkLast + 1]?.text === ',';
  if (opens || setOff) {
    let i = chunkLast + 1;
    if (toks[i]?.text === ',') i++;
    if (i <= last) forward = { first: i, last };
  }
  return {
    sentence: s,
    cueFirst: hit.first,
    cueLast: hit.last,
    cue: null,
    speakers: [speaker],
    inherits: false,
    chunk: { first: hit.first, last: chunkLast },
    forward,
    backward: null,
    introduced: true,
    parenthetical: setOff,
  };
}

/** "Ms Hewitt: “…”" and "“…” ― Sonya Herridge": introductions without a verb. */
function addColonAndDashFrames(s: SentenceInfo, frames: Frame[]): void {
  const toks = s.tokens;
  for (let i = s.floor + 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type !== 'punct') continue;
    if (
      t.text === ':' &&
      toks[i + 1]?.type === 'quote' &&
      !frames.some((f) => f.chunk.last >= i - 1 && f.chunk.first <= i)
    ) {
      const phrase = colonSpeaker(s, i);
      if (phrase) {
        frames.push(
          verblessFrame(
            s,
            phrase,
            { first: phrase.first, last: i },
            { first: i + 1, last: lastContentToken(toks) },
            null,
          ),
        );
      }
    }
    if (DASHES.has(t.text) && toks[i - 1]?.type === 'quote') {
      const phrase = phraseStartingAt(toks, i + 1);
      if (phrase && phrase.kind === 'name' && lastContentToken(toks) <= phrase.last) {
        frames.push(
          verblessFrame(s, phrase, { first: i, last: phrase.last }, null, { first: s.floor, last: i - 1 }),
        );
      }
    }
  }
}

/**
 * Who a colon introduces a quote for: "Philip Bump: “…”" (a name standing
 * alone before the colon), or the subject of "President Clinton released the
 * following statement: “…”".
 */
function colonSpeaker(s: SentenceInfo, colon: number): NounPhrase | null {
  const toks = s.tokens;
  const before = phraseEndingAt(toks, colon - 1, s.floor);
  if (before?.kind === 'name' && startsClause(toks, before.first, s.floor)) return before;
  const subject = sentenceSubject(s, colon);
  if (!subject || subject.last >= colon - 1) return null;
  if (subject.kind === 'pronoun') return subject.tokens[0]!.lower === 'it' ? null : subject;
  if (subject.kind === 'name') return subject;
  const head = subject.title[subject.title.length - 1]?.lower ?? '';
  return SPEAKER_NOUNS.has(head) || TITLE_WORDS.has(head) || ORG_WORDS.has(head) ? subject : null;
}

function verblessFrame(
  s: SentenceInfo,
  speaker: NounPhrase,
  chunk: Region,
  forward: Region | null,
  backward: Region | null,
): Frame {
  return {
    sentence: s,
    cueFirst: -1,
    cueLast: -1,
    cue: null,
    speakers: [speaker],
    inherits: false,
    chunk,
    forward,
    backward,
    introduced: true,
    parenthetical: false,
  };
}

/**
 * Later frames inside an earlier frame's content either stand on their own
 * (they follow a comma, a quote or a conjunction: the earlier content stops
 * there) or are nested reports, which are left to the outer frame.
 */
function settleOverlaps(s: SentenceInfo, frames: Frame[]): Frame[] {
  const kept: Frame[] = [];
  let latest: Frame | undefined;
  for (const f of frames) {
    // Forward regions are cut as frames are kept, so only the latest one can hold this frame.
    const host =
      latest?.forward && f.chunk.last >= latest.forward.first && f.chunk.first <= latest.forward.last
        ? latest
        : undefined;
    if (host?.forward) {
      const before = s.tokens[f.chunk.first - 1];
      const standsAlone =
        f.inherits ||
        before?.type === 'quote' ||
        isPunct(before, SEPARATORS) ||
        (isWordToken(before) &&
          CLAUSE_CONJUNCTIONS.has(before.lower) &&
          s.tokens[f.chunk.first - 2]?.text === ',');
      if (!standsAlone) continue;
      host.forward = trimRegion(s.tokens, { first: host.forward.first, last: f.chunk.first - 1 });
    }
    kept.push(f);
    if (f.forward) latest = f;
  }
  for (let k = 0; k < kept.length; k++) assignBackward(s, kept, k);
  return kept;
}

/** Drops separators and conjunctions at the edges of a region; null when nothing is left. */
export function trimRegion(toks: readonly Token[], r: Region): Region | null {
  let { first, last } = r;
  while (first <= last && (isPunct(toks[first], SEPARATORS) || toks[first]!.lower === 'that')) first++;
  while (
    last >= first &&
    (toks[last]!.type === 'punct' || (isWordToken(toks[last]) && CLAUSE_CONJUNCTIONS.has(toks[last]!.lower)))
  ) {
    if (toks[last]!.text === ')') break;
    last--;
  }
  return first <= last ? { first, last } : null;
}

/**
 * Content before the attribution: "Q, he said" or "The plan failed, she
 * said". A frame with content of its own after the cue only takes a quote
 * before it ("Q1," said X, "Q2.").
 */
function assignBackward(s: SentenceInfo, frames: Frame[], k: number): void {
  const f = frames[k]!;
  if (f.backward || (f.cue === null && f.forward)) return;
  const toks = s.tokens;
  const prevFrame = frames[k - 1];
  let start = s.floor;
  if (prevFrame)
    start = Math.max(start, (prevFrame.forward ? prevFrame.forward.last : prevFrame.chunk.last) + 1);
  const end = jointBefore(toks, f.chunk.first, start);
  if (end < start) return;
  const region = trimRegion(toks, { first: start, last: end });
  if (!region) return;
  if (f.forward && !f.parenthetical) {
    const onlyQuotes = toks
      .slice(region.first, region.last + 1)
      .every((t) => t.type === 'quote' || t.type === 'punct');
    if (!onlyQuotes) return;
  }
  // "At one point, a woman yelled, “…”": a fronted adverbial is not content.
  if (f.forward && isFrontedAdverbial(toks, region)) return;
  if (prevFrame?.forward && prevFrame.forward.last >= region.first) return;
  if (f.inherits) return;
  f.backward = region;
}

/** A short prepositional or time phrase with no verb of its own ("In response", "During the debate"). */
function isFrontedAdverbial(toks: readonly Token[], r: Region): boolean {
  const first = toks[r.first]!;
  // Time, place and occasion; a topic ("As for …", "Of the scrutiny …") belongs to the content.
  if (first.type !== 'word' || !(SETTING_WORDS.has(first.lower) || TIME_WORDS.has(first.lower))) return false;
  for (let i = r.first; i <= r.last; i++) {
    const t = toks[i]!;
    if (t.type === 'quote' || AUX_OR_CLAUSE.has(t.lower) || t.lower.endsWith("n't") || isPronoun(t))
      return false;
  }
  return true;
}

/**
 * The last token of content before an attribution chunk: a quote or a
 * separator right before it, or before a few more words of the speaker's
 * title ("Q Daily News opinion editor Josh Greenman told"). -1 when none.
 */
function jointBefore(toks: readonly Token[], chunkFirst: number, floor: number): number {
  for (let j = chunkFirst - 1; j >= floor && chunkFirst - j <= 7; j--) {
    const t = toks[j]!;
    if (t.type === 'quote' || isPunct(t, SEPARATORS)) return j;
    if (t.type === 'punct' && t.text !== '$' && t.text !== '&') return -1;
    if (t.type !== 'word') return -1;
    if (AUX_OR_CLAUSE.has(t.lower) || (CUES.has(t.lower) && !t.cap) || t.lower.endsWith("n't")) return -1;
  }
  return -1;
}
