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

import {
  APPROXIMATORS,
  BE_FORMS,
  CLAIM_NOUNS,
  CLAUSE_CONJUNCTIONS,
  CONTROL_WORDS,
  CRITICISM,
  CUES,
  type CueForm,
  DENIAL_NOUNS,
  DETERMINERS,
  DISMISSAL_PARTICLES,
  DISMISSAL_VERBS,
  LIGHT_VERBS,
  NEGATIONS,
  OBJECT_LEMMAS,
  OBJECT_PRONOUNS,
  ORG_WORDS,
  POST_MODIFIERS,
  PREPOSITIONS,
  PRONOUNS,
  RELATIVES,
  SETTING_WORDS,
  SPEAKER_NOUNS,
  STATEMENT_NOUNS,
  TITLE_WORDS,
} from '../lexicon/index.ts';
import {
  asClauseContent,
  forwardContent,
  isFrontedAdverbial,
  isParentheticalSlot,
  jointBefore,
  quoteTouches,
  regionHasQuote,
  setOffByCommas,
  trimRegion,
} from './content.ts';
import { type NounPhrase, phraseEndingAt, phraseStartingAt } from './phrases.ts';
import {
  coordinatedVerbSubject,
  followsVerbCoordination,
  invertedSubject,
  lastOfPhrase,
  opensSentence,
  participleAgent,
  sentenceSubject,
  subjectBefore,
} from './subjects.ts';
import {
  DASHES,
  isPunct,
  isSkippableAdverb,
  isWordToken,
  lastContentToken,
  type Region,
  SEPARATORS,
  type SentenceInfo,
  startsClause,
} from './syntax.ts';
import type { Token } from './tokens.ts';

export type { Region, SentenceInfo } from './syntax.ts';

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

/** Fewer words than this cannot tell a headline from a sentence. */
const MIN_HEADLINE_WORDS = 3;
/** A headline capitalises at least this share of its words. */
const HEADLINE_CAPITALS = 0.6;

/** A sentence written in title case (a headline): capitalised cues count there. */
function isTitleCase(s: SentenceInfo): boolean {
  const ws = s.tokens.filter((t) => t.type === 'word' && /^\p{L}/u.test(t.text));
  if (ws.length < MIN_HEADLINE_WORDS) return false;
  return ws.filter((t) => t.cap).length / ws.length >= HEADLINE_CAPITALS;
}

interface CueHit {
  first: number;
  last: number;
  form: CueForm | null;
  kind: 'verb' | 'according' | 'nominal' | 'passive' | 'possessive';
  /** A passive's "by", before its agent. */
  agentAt?: number;
}

/**
 * Index where "was forced to deny" starts ("was", or "forced"), or -1: a
 * control word (lexicon) hands the sentence's subject to the cue after "to".
 */
function controlledCue(toks: readonly Token[], i: number, floor: number): number {
  if (toks[i - 1]?.lower !== 'to' || !CONTROL_WORDS.has(toks[i - 2]?.lower ?? '')) return -1;
  let first = i - 2;
  // "was at pains to deny"
  if (toks[first - 1]?.lower === 'at') first--;
  if (first - 1 >= floor && BE_FORMS.has(toks[first - 1]!.lower)) first--;
  return first;
}

/** "His claims were denied by Jack Straw", "claims denied by Labour": a denial in the passive, with its agent. */
/** "described as … by": the complement after "as" is at most this long. */
const MAX_AS_COMPLEMENT = 8;

/**
 * Where the "by" of a passive report stands, or -1: "claims denied by
 * Labour"; "reports have been described as 'idle speculation' by Downing Street".
 */
function passiveAgentAt(toks: readonly Token[], i: number, form: CueForm): number {
  if (!/ed$/.test(toks[i]!.lower)) return -1;
  if (form.cls === 'denial') return toks[i + 1]?.lower === 'by' ? i + 1 : -1;
  if (form.cls !== 'naming' || toks[i + 1]?.lower !== 'as' || !BE_FORMS.has(toks[i - 1]?.lower ?? ''))
    return -1;
  for (let k = i + 2; k < toks.length && k - i <= MAX_AS_COMPLEMENT + 1; k++) {
    if (toks[k]!.lower === 'by') return k;
    if (isPunct(toks[k], SEPARATORS)) return -1;
  }
  return -1;
}

function findCues(s: SentenceInfo): CueHit[] {
  const hits: CueHit[] = [];
  const toks = s.tokens;
  const titleCase = isTitleCase(s);
  for (let i = s.floor; i < toks.length; i++) {
    const t = toks[i]!;
    const scare = scareQuotedDenial(toks, i, s.floor);
    if (scare) {
      hits.push({ first: i, last: i, form: scare, kind: 'verb' });
      continue;
    }
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
    // "Syria's denials that it was implicated": a denial named by a noun, its owner the speaker.
    if (
      DENIAL_NOUNS.has(t.lower) &&
      toks[i - 1]?.lower === "'s" &&
      ['that', 'of'].includes(toks[i + 1]?.lower ?? '')
    ) {
      hits.push({ first: i, last: i + 1, form: CUES.get('denied') ?? null, kind: 'possessive' });
      i++;
      continue;
    }
    const phrasal = phrasalDismissal(toks, i);
    if (phrasal && isVerbUse(toks, i, s.floor)) {
      hits.push({ first: i, last: i + 1, form: phrasal, kind: 'verb' });
      i++;
      continue;
    }
    const form = CUES.get(t.lower);
    if (!form) continue;
    if (t.cap && !(titleCase && i > s.floor) && !invertedOpener) continue;
    if (form.lemma === 'point' && toks[i + 1]?.lower !== 'out') continue;
    const last = form.lemma === 'point' ? i + 1 : i;
    // "went on to say": the phrase is the verb, its subject stands before "went".
    const wentOn = wentOnTo(toks, i);
    if (wentOn >= 0) {
      hits.push({ first: wentOn, last, form, kind: 'verb' });
      continue;
    }
    const agentAt = passiveAgentAt(toks, i, form);
    if (agentAt > 0) {
      hits.push({ first: i, last, form, kind: 'passive', agentAt });
      i = agentAt;
      continue;
    }
    const controlled = controlledCue(toks, i, s.floor);
    if (controlled >= 0) {
      hits.push({ first: controlled, last, form, kind: 'verb' });
      continue;
    }
    if (!isVerbUse(toks, i, s.floor)) continue;
    hits.push({ first: i, last, form, kind: 'verb' });
  }
  return hits;
}

/** A scare-quoted verb is short: "totally refuted", "categorically denied". */
const MAX_SCARE_QUOTE_WORDS = 3;

/**
 * 'A Tory spokesman "totally refuted" any wrongdoing': a denial verb in quote
 * marks, between a subject and its object, is the sentence's verb.
 */
function scareQuotedDenial(toks: readonly Token[], i: number, floor: number): CueForm | null {
  const t = toks[i]!;
  if (t.type !== 'quote' || i <= floor || toks[i - 1]?.type !== 'word' || toks[i + 1]?.type !== 'word')
    return null;
  const words = t.text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length === 0 || words.length > MAX_SCARE_QUOTE_WORDS) return null;
  const form = CUES.get(words[words.length - 1]!);
  return form?.cls === 'denial' ? form : null;
}

/** "played down the latest reports": the claim within this many words of the particle. */
const PHRASAL_CLAIM_REACH = 4;

/** "played down", "shrugged off", "brushed aside": a dismissal in two words, as "dismissed" reads. */
function phrasalDismissal(toks: readonly Token[], i: number): CueForm | null {
  const t = toks[i]!;
  if (t.cap || !DISMISSAL_VERBS.has(t.lower) || !DISMISSAL_PARTICLES.has(toks[i + 1]?.lower ?? ''))
    return null;
  // "played down reports", not "played down the pitch": what is dismissed is a claim.
  const object = toks.slice(i + 2, i + 2 + PHRASAL_CLAIM_REACH);
  if (!object.some((x) => CLAIM_NOUNS.has(x.lower) || CRITICISM.has(x.lower))) return null;
  return CUES.get('dismissed') ?? null;
}

/** Index of "went" in "went on to say", or -1. */
function wentOnTo(toks: readonly Token[], i: number): number {
  if (toks[i - 1]?.lower !== 'to' || toks[i - 2]?.lower !== 'on') return -1;
  return ['went', 'goes', 'go', 'going'].includes(toks[i - 3]?.lower ?? '') ? i - 3 : -1;
}

/** "made a statement that": returns the index of the head noun, or -1. */
function nominalCueEnd(toks: readonly Token[], i: number): number {
  if (!LIGHT_VERBS.has(toks[i]!.lower)) return -1;
  let j = i + 1;
  if (toks[j]?.lower === 'out') j++;
  if (toks[j] && DETERMINERS.has(toks[j]!.lower)) j++;
  if (!toks[j] || !STATEMENT_NOUNS.has(toks[j]!.lower)) return -1;
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
  if (hit.kind === 'passive') return passiveFrame(s, hit);
  if (hit.kind === 'possessive') return possessiveDenialFrame(s, hit);
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
    const agent = participleAgent(s, hit.first, earlier.length > 0);
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
  // "The allegations, which he has denied": what is denied is the relative clause's antecedent.
  const antecedent = content.region || form.cls !== 'denial' ? null : deniedAntecedent(s, chunkFirst);
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
    backward: antecedent,
    introduced: content.introduced,
    parenthetical: content.afterComma === true || setOffByCommas(toks, chunkFirst, content.skippedTo),
  };
}

/**
 * "The allegations, which he has denied", "an allegation which Riyadh
 * denies", "something that Moscow and Trump both deny": the noun phrase the
 * relative pronoun before the subject stands for.
 */
function deniedAntecedent(s: SentenceInfo, subjectFirst: number): Region | null {
  const toks = s.tokens;
  const relative = toks[subjectFirst - 1];
  if (!isWordToken(relative) || !['which', 'that'].includes(relative.lower)) return null;
  let end = subjectFirst - 2;
  if (toks[end]?.text === ',') end--;
  const phrase = end >= s.floor ? phraseEndingAt(toks, end, s.floor) : null;
  return phrase ? { first: phrase.first, last: phrase.last } : null;
}

/**
 * "His claims were denied by Foreign Secretary Jack Straw", "claims denied by
 * Labour": the agent after "by" speaks, and what was denied is the subject of
 * the passive (or the noun the participle describes).
 */
function passiveFrame(s: SentenceInfo, hit: CueHit): Frame | null {
  const toks = s.tokens;
  const agentAt = hit.agentAt ?? hit.last + 1;
  const speaker = phraseStartingAt(toks, agentAt + 1);
  if (!speaker || speaker.kind === 'pronoun') return null;
  // "Reports … have been described as 'idle speculation' by X": the whole report is what X said of them.
  if (agentAt > hit.last + 1) {
    const region = trimRegion(toks, { first: s.floor, last: agentAt - 1 });
    return region ? passive(s, hit, speaker, agentAt, region) : null;
  }
  let j = hit.first - 1;
  while (j >= s.floor && isSkippableAdverb(toks[j])) j--;
  let region: Region | null = null;
  let chunkFirst = hit.first;
  if (isWordToken(toks[j]) && BE_FORMS.has(toks[j]!.lower)) {
    // "were denied", "have been denied": the subject is what stands before the auxiliaries.
    while (
      j - 1 >= s.floor &&
      isWordToken(toks[j - 1]) &&
      (BE_FORMS.has(toks[j - 1]!.lower) || ['has', 'have', 'had'].includes(toks[j - 1]!.lower))
    )
      j--;
    chunkFirst = j;
    region = trimRegion(toks, { first: s.floor, last: j - 1 });
  } else {
    const object = phraseEndingAt(toks, j, s.floor) ?? claimNounEndingAt(toks, j, s.floor);
    if (object) region = { first: object.first, last: object.last };
  }
  return region ? passive(s, hit, speaker, chunkFirst, region) : null;
}

/**
 * "…, claims denied by Labour": a claim noun that is also a cue form ("claims",
 * "reports") ends no noun phrase, but is what the participle describes; its
 * determiner comes with it ("the claims denied by …").
 */
function claimNounEndingAt(toks: readonly Token[], j: number, floor: number): Region | null {
  const t = toks[j];
  if (!isWordToken(t) || t.cap || !CLAIM_NOUNS.has(t.lower)) return null;
  const det = toks[j - 1];
  return { first: j - 1 >= floor && isWordToken(det) && DETERMINERS.has(det.lower) ? j - 1 : j, last: j };
}

function passive(
  s: SentenceInfo,
  hit: CueHit,
  speaker: NounPhrase,
  chunkFirst: number,
  region: Region,
): Frame {
  return {
    sentence: s,
    cueFirst: hit.first,
    cueLast: hit.last,
    cue: hit.form,
    speakers: [speaker],
    inherits: false,
    chunk: { first: chunkFirst, last: lastOfPhrase(speaker) },
    forward: null,
    backward: region,
    introduced: false,
    parenthetical: false,
  };
}

/** "Syria's denials that it was implicated in the bombing": the owner denies what follows "that". */
function possessiveDenialFrame(s: SentenceInfo, hit: CueHit): Frame | null {
  const toks = s.tokens;
  const owner = phraseEndingAt(toks, hit.first - 2, s.floor);
  if (!owner || owner.kind === 'pronoun') return null;
  const forward = trimRegion(toks, { first: hit.last + 1, last: lastContentToken(toks) });
  if (!forward) return null;
  return {
    sentence: s,
    cueFirst: hit.first,
    cueLast: hit.first,
    cue: hit.form,
    speakers: [owner],
    inherits: false,
    chunk: { first: owner.first, last: hit.last },
    forward,
    backward: null,
    introduced: toks[hit.last]!.lower === 'that',
    parenthetical: false,
  };
}

/** "According to X, …" and "…, according to X." */
function accordingFrame(s: SentenceInfo, hit: CueHit): Frame | null {
  const toks = s.tokens;
  const speaker = phraseStartingAt(toks, hit.last + 1) ?? accordingSource(toks, hit.last + 1);
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

/** "according to a publishing executive familiar with the talks": the source's words before its modifier. */
const MAX_ACCORDING_SOURCE = 5;

/**
 * "according to sources", "according to exit polls", "according to a
 * publishing executive familiar with the talks": whatever noun phrase follows
 * "according to" is its source, even one the phrase rules do not take as a
 * speaker (a bare plural, an -ing modifier). It ends before a preposition,
 * relative, comma or a modifier ("familiar", "close").
 */
function accordingSource(toks: readonly Token[], i: number): NounPhrase | null {
  let first = i;
  while (
    isWordToken(toks[first]) &&
    (DETERMINERS.has(toks[first]!.lower) || APPROXIMATORS.has(toks[first]!.lower))
  )
    first++;
  let last = first - 1;
  for (let k = first; k < toks.length && k - first < MAX_ACCORDING_SOURCE; k++) {
    const t = toks[k]!;
    if (
      !isWordToken(t) ||
      PREPOSITIONS.has(t.lower) ||
      RELATIVES.has(t.lower) ||
      CLAUSE_CONJUNCTIONS.has(t.lower)
    )
      break;
    if (PRONOUNS.has(t.lower) || OBJECT_PRONOUNS.has(t.lower) || BE_FORMS.has(t.lower)) return null;
    // "familiar with the talks", "close to the campaign": a modifier after the source.
    if (k > first && POST_MODIFIERS.has(t.lower)) break;
    last = k;
  }
  if (last < first) return null;
  const words = toks.slice(first, last + 1) as Token[];
  return {
    first: i,
    last,
    kind: 'description',
    name: [],
    title: words,
    appositive: [],
    honorific: null,
    tokens: toks.slice(i, last + 1) as Token[],
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
      const setting = joinedAfterSetting(s.tokens, f.chunk.first, host.forward.first);
      const standsAlone =
        // "…, adding that", "… and saying", "rejected the idea saying": a participle after a
        // separator, a conjunction or the object of its verb is the speaker's next statement; one
        // inside a reported clause ("he hopes to honour him by remembering his call", "the race
        // continuing through June") is part of what was said.
        (f.inherits &&
          isWordToken(before) &&
          (CLAUSE_CONJUNCTIONS.has(before.lower) ||
            (host.cue !== null && OBJECT_LEMMAS.has(host.cue.lemma) && !PREPOSITIONS.has(before.lower)))) ||
        // "She said …, although she denied …": a denial is its speaker's own statement.
        f.cue?.cls === 'denial' ||
        before?.type === 'quote' ||
        isPunct(before, SEPARATORS) ||
        (isWordToken(before) &&
          CLAUSE_CONJUNCTIONS.has(before.lower) &&
          s.tokens[f.chunk.first - 2]?.text === ',') ||
        setting >= 0;
      if (!standsAlone) continue;
      // "…, and before he left the chancellor told": the earlier content stops at the comma.
      const end = setting >= 0 ? setting : f.chunk.first;
      host.forward = trimRegion(s.tokens, { first: host.forward.first, last: end - 1 });
    }
    kept.push(f);
    if (f.forward) latest = f;
  }
  for (let k = 0; k < kept.length; k++) assignBackward(s, kept, k);
  return kept;
}

function hasQuote(toks: readonly Token[], r: Region): boolean {
  for (let i = r.first; i <= r.last; i++) if (toks[i]!.type === 'quote') return true;
  return false;
}

/** "…, and before he left on Tuesday the chancellor told …": the adverbial is this long at most. */
const MAX_FRONTED_SETTING = 10;

/**
 * A frame whose subject follows ", and" (or ", but") and an adverbial of time
 * or place ("…, and before he left for Africa on Tuesday the chancellor told
 * reporters") is a clause of its own, not something the earlier speaker said.
 * Returns the index of the comma before the conjunction, or -1.
 */
function joinedAfterSetting(toks: readonly Token[], first: number, floor: number): number {
  for (let k = first - 1; k > floor && first - k <= MAX_FRONTED_SETTING + 1; k--) {
    const t = toks[k]!;
    if (t.type !== 'word') return -1;
    if (CLAUSE_CONJUNCTIONS.has(t.lower) && toks[k - 1]?.text === ',')
      return k + 1 < first && SETTING_WORDS.has(toks[k + 1]!.lower) ? k - 1 : -1;
  }
  return -1;
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
  // "At one point, a woman yelled, “…”", "During a stop in Iowa, he repeated his promise": a
  // fronted adverbial is not content.
  if (isFrontedAdverbial(toks, region)) return;
  // "Hours later, Trump thanked Adelson", "In a tweet, she praised the judge": words right after
  // the attribution are the cue's own object, so what stands before it is no content.
  // A quote before it is still what was said ("“…,” Trump said of Clinton in an interview").
  if (!f.forward && f.cue && isWordToken(toks[f.chunk.last + 1]) && !hasQuote(toks, region)) return;
  if (prevFrame?.forward && prevFrame.forward.last >= region.first) return;
  if (f.inherits) return;
  f.backward = region;
}
