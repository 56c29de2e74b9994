/**
 * Is a statement a denial? Explicit cues count ("denied", "dismissed the
 * claim", "groundless", "unsubstantiated"), and so do negations a speaker
 * makes on their own side's behalf ("Russia has not interfered" from a
 * Kremlin spokesman, "we have never interfered", "it does not matter … for
 * Tehran" from Iran). A counter-accusation ("the U.S. has interfered") has no
 * negation of the speaker's own conduct, so it is not a denial; neither is a
 * negation about someone else ("Germany has not paid its share").
 */

import {
  ACCUSATIONS,
  ADVICE,
  AUXILIARIES,
  CLAIM_MAKERS,
  CLAIM_NOUNS,
  CLAIM_VERBS,
  CLAIMING_VERBS,
  COMMITMENT_CUES,
  CONDEMNATION,
  CONDUCT,
  CONJUNCTIONS,
  COPULAS,
  CRITICISM,
  CUES,
  DEMONSTRATIVE_SUBJECTS,
  DENY_FORMS,
  DETERMINERS,
  DISMISSAL_LEMMAS,
  EQUATING,
  FALSEHOOD,
  FIRST_PERSON,
  FOCUS,
  HEARSAY,
  HEDGES,
  IGNORANCE,
  INNOCENCE,
  INTENTIONS,
  LIES,
  MISREPRESENTATION,
  MOTIVES,
  NEEDS_THAT,
  NEGATORS,
  NOT_A_FACT,
  PAST_NEGATIONS,
  PAST_STATE,
  POSSESSIVES,
  PREPOSITIONS,
  PRONOUNS,
  PROPOSALS,
  REBUTTAL_CUES,
  REFUSAL_OBJECTS,
  REPROACH,
  SCANDALS,
  SPECULATION_KINDS,
  SPEECH_WORDS,
  STRONG_CLAIMS,
  STRONG_DENIAL,
  TRAITS,
  WEAK_DENIAL,
} from '../lexicon/index.ts';
import { lowerWord } from '../text/fold.ts';
import { countryPhraseAt } from './countries.ts';
import { wordTokens } from './tokens.ts';

export interface DenialInput {
  /** The reported words: the quote, or the reported clause. */
  text: string;
  /** The cue's lemma ("dismiss"), if any. */
  cueLemma: string | null;
  /** The reported words are a clause the cue introduced with "that" ("denied that …"). */
  clause?: boolean;
  /** The speaker's country, for recognising their own side. */
  country: string | null;
  /** Lower-case words that name the speaker ("khatibzadeh", "ministry"). */
  selfWords: ReadonlySet<string>;
  /** Indirect speech: "he"/"she"/"they" in the clause is the speaker. */
  indirect: boolean;
  /** A quote that goes on, in its paragraph, from a denial ("she denied it. “I was not there.”"). */
  afterDenial?: boolean;
  /** The words just before the cue ("would neither confirm nor"), to tell a refusal to comment. */
  beforeCue?: string | undefined;
}

/** Denial cues sit near the start of what is reported; a bound keeps this linear. */
const MAX_TEXT = 2000;
/** "not … interfered": a deed this many words after a negation makes an explicit denial. */
const EXPLICIT_CONDUCT_REACH = 3;
/** "dismissed the … allegations": the claim a dismissal is aimed at comes in its first words. */
const DISMISSED_CLAIM_REACH = 8;
/** "these ridiculous … allegations", "the claims … are absurd": a claim this near a weak denial word. */
const CLAIM_BEFORE_WEAK_DENIAL = 5;
const CLAIM_AFTER_WEAK_DENIAL = 3;
/** "false … allegations", "the claims are … false": a claim this near a word of falsehood. */
const CLAIM_BEFORE_FALSEHOOD = 4;
const CLAIM_AFTER_FALSEHOOD = 2;
/** "it does not matter … for Tehran": the speaker's side within this many words of the indifference. */
const INDIFFERENCE_REACH = 30;
/** "has not … interfered": a deed within this many words after the negation. */
const CONDUCT_AFTER_NEGATION = 6;
/** "never … said", "didn't … say": the speech verb comes right after the negation. */
const SPEECH_AFTER_NEGATION = 3;
/** "did not … know about": the verb comes right after the negation. */
const KNOW_AFTER_NEGATION = 3;
/** "does not intend to … interfere": the deed comes soon after the intention. */
const CONDUCT_AFTER_INTENTION = 4;
/** "Russia has not interfered": the speaker's side stands at most this many words before the negation. */
const SIDE_BEFORE_NEGATION = 4;
/** A negation's clause starts at most this many words back (after "that", "but", "and", …). */
const CLAUSE_REACH = 8;
/** "should not … make such claims": the claim verb within this many words after the negation. */
const CLAIM_VERB_AFTER_NEGATION = 9;
/** "make such … accusations": the claim within this many words after its verb. */
const CLAIM_AFTER_VERB = 4;
/**
 * A denial worded as one: a denial cue ("denied", "dismissed", "rejected"),
 * a word that denies outright ("groundless", "false"), or a negated deed
 * ("has never interfered", "has no interest in"), rather than a dismissal
 * implied some other way ("it does not matter to Tehran who wins"). Answers
 * list these first. Meaningful only for statements `isDenial` accepted.
 */
export function isExplicitDenial(cue: string | null, text: string): boolean {
  if (cue && wordTokens(cue).some((w) => CUES.get(lowerWord(w))?.cls === 'denial')) return true;
  const toks = joinNegations(wordTokens(text.slice(0, MAX_TEXT)).map(lowerWord));
  return toks.some(
    (w, i) =>
      STRONG_DENIAL.has(w) ||
      FALSEHOOD.has(w) ||
      ((NEGATORS.has(w) || PAST_NEGATIONS.has(w)) &&
        toks.slice(i + 1, i + 1 + EXPLICIT_CONDUCT_REACH).some((n) => CONDUCT.has(n))),
  );
}

/** A clause has a subject and a verb: "rejected that idea" reports an object, not a clause. */
const MIN_CLAUSE_WORDS = 2;

export function isDenial(input: DenialInput): boolean {
  if (declinesToComment(input.beforeCue)) return false;
  // "pledged that no school would close": a promise looks ahead; it denies nothing.
  if (input.cueLemma && COMMITMENT_CUES.has(input.cueLemma)) return false;
  const toks = wordTokens(input.text.slice(0, MAX_TEXT));
  const lower = joinNegations(toks.map(lowerWord));
  const clause = input.clause === true && toks.length >= MIN_CLAUSE_WORDS;
  if (input.cueLemma === 'deny') return deniesSomething(lower, clause);
  if (input.cueLemma && DISMISSAL_LEMMAS.has(input.cueLemma) && (clause || aboutAClaim(lower))) return true;
  // "accused ministers of telling lies about our policies": their claims, called false.
  if (input.cueLemma === 'accuse' && lower.some((w) => LIES.has(w))) return true;
  // "called the report nonsense", "described as 'pure fiction'": what a claim is called denies it.
  if (input.cueLemma && NAMING_LEMMAS.has(input.cueLemma) && callsItUntrue(lower)) return true;
  if (input.cueLemma && REBUTTAL_CUES.has(input.cueLemma) && (hasNegation(lower) || defendsOwnSide(lower)))
    return true;
  // "… she denied having been there. “I wasn't at the party.”": the quote goes on with the denial.
  if (input.afterDenial && hasNegation(lower)) return true;
  if (!input.indirect && contradictsAQuestion(toks, input.text)) return true;
  if (hasDenialWord(lower)) return true;
  if (callsItFalse(lower)) return true;
  if (negatesOwnConduct(toks, lower, input) || negatesTheClaim(lower)) return true;
  return (
    negatesATrait(lower) ||
    deniesAScandal(lower) ||
    callsItMisrepresented(lower) ||
    pleadsIgnoranceOrInnocence(lower) ||
    saysTheyAreWrong(lower) ||
    negatesWhatWasClaimed(lower) ||
    negatesAMotive(lower)
  );
}

/**
 * "the intention was not to empower them", "this is not an attempt to
 * apportion blame", "at no time did we discuss it", "did not amount to a
 * cut": what was meant or done, denied.
 */
function negatesAMotive(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    if (w === 'at' && lower[i + 1] === 'no' && lower[i + 2] === 'time') return true;
    if (!isNegator(w)) continue;
    // "the aim was not to …"
    if (lower[i + 1] === 'to' && COPULAS.has(lower[i - 1] ?? '') && MOTIVES.has(lower[i - 2] ?? ''))
      return true;
    // "not an attempt to …", "not a ploy to …"
    const k = DETERMINERS.has(lower[i + 1] ?? '') ? i + 2 : i + 1;
    if (MOTIVES.has(lower[k] ?? '') && lower[k + 1] === 'to') return true;
    // "did not amount to a cut", "do not equate to a police state"; not "would not amount to much".
    if (EQUATING.has(lower[afterNegation(lower, i)] ?? '') && !NOT_A_FACT.has(lower[i - 1] ?? ''))
      return true;
  }
  return false;
}

/** "not … as the government claims": "as" this many words after the negation … */
const AS_AFTER_NEGATION = 6;
/** … and the claim's verb this many words after "as" ("as the Labour Assembly Government so often claims"). */
const HEARSAY_AFTER_AS = 7;
/** "don't suggest for one minute that has anything to do with": the negation this many words before "anything". */
const NEGATION_BEFORE_ANYTHING = 8;
/** "that was not what … happened": a modal this near after "what" makes it a norm ("not what we should do"). */
const NORM_AFTER_WHAT = 3;

/**
 * What others claimed, negated: "this is not whinging, as the government so
 * often claims"; "there would be no super-casinos, as rumoured"; "not as big as
 * the airlines are making out"; "presented as party policy, which they were
 * not"; "that was not what was happening".
 */
function negatesWhatWasClaimed(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    if (w === 'which' && deniedAsDescribed(lower, i)) return true;
    if (!isNegator(w) || FOCUS.has(lower[i + 1] ?? '')) continue;
    // "that was not what was happening"; not "that is not what politicians should do".
    if (
      lower[i + 1] === 'what' &&
      notItself(lower, i) &&
      !lower.slice(i + 2, i + 2 + NORM_AFTER_WHAT).some((x) => NOT_A_FACT.has(x))
    )
      return true;
    for (let a = i + 1; a < lower.length && a - i <= AS_AFTER_NEGATION; a++) {
      if (lower[a] !== 'as') continue;
      const after = lower.slice(a + 1, a + 1 + HEARSAY_AFTER_AS);
      // "as the airlines are making out": "make out" is claiming too.
      if (after.some((x, k) => HEARSAY.has(x) || (x === 'out' && CLAIM_VERBS.has(after[k - 1] ?? ''))))
        return true;
    }
  }
  return false;
}

/** The subject of a negation at `i` is a demonstrative ("that was not", "this isn't"), not "it". */
function notItself(lower: readonly string[], i: number): boolean {
  const w = lower[i]!;
  const contracted = w.endsWith("n't") && w !== "n't";
  const subject = contracted ? lower[i - 1] : COPULAS.has(lower[i - 1] ?? '') ? lower[i - 2] : undefined;
  return subject !== undefined && subject !== 'it' && DEMONSTRATIVE_SUBJECTS.has(subject);
}

/**
 * "…presented as party policy, which they were not": a relative clause
 * that ends in a bare negation denies what it follows. Only at the end of the
 * words, or before "and"/"but" ("which they aren't doing" is no denial).
 */
function deniedAsDescribed(lower: readonly string[], i: number): boolean {
  if (!PRONOUNS.has(lower[i + 1] ?? '')) return false;
  const verb = lower[i + 2] ?? '';
  let end: number;
  if (verb.endsWith('_not'))
    end = i + 4; // "had_not" is followed by the empty slot of "not"
  else if (verb.endsWith("n't") && (COPULAS.has(verb.slice(0, -3)) || AUXILIARIES.has(verb))) end = i + 3;
  else if ((COPULAS.has(verb) || AUXILIARIES.has(verb)) && lower[i + 3] === 'not') end = i + 4;
  else return false;
  const next = lower[end];
  return next === undefined || next === 'and' || next === 'but';
}

/** "would neither confirm nor deny", "refused to confirm or deny": declining, not denying. */
function declinesToComment(beforeCue: string | undefined): boolean {
  if (!beforeCue) return false;
  const words = wordTokens(beforeCue).map(lowerWord);
  return words.slice(-2).includes('confirm');
}

/** "should stick to his guns and not apologise": advice this near before a negation governs it. */
const ADVICE_BEFORE_NEGATION = 6;

/** A negation that is not mere focus ("not only"), nor advice ("should … not apologise"). */
function hasNegation(lower: readonly string[]): boolean {
  return lower.some(
    (w, i) =>
      isNegator(w) &&
      !lower.slice(Math.max(0, i - ADVICE_BEFORE_NEGATION), i).some((x) => ADVICE.has(x)) &&
      // "no matter the setting": an idiom, no negation.
      !(w === 'no' && lower[i + 1] === 'matter') &&
      !FOCUS.has(lower[i + 1] ?? '') &&
      !NOT_A_FACT.has(lower[i - 1] ?? '') &&
      !NOT_A_FACT.has(lower[i + 1] ?? '') &&
      !NOT_A_FACT.has(w),
  );
}

/** "not racist", "not guilty", "were not in any way biased": negating what one is accused of being. */
function negatesATrait(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    if (!isNegator(lower[i]!) || FOCUS.has(lower[i + 1] ?? '')) continue;
    // "I don't think he was … anti-Semitic": a hedge and its clause's subject are passed over.
    const reach = TRAIT_AFTER_NEGATION + (HEDGES.has(lower[i + 1] ?? '') ? HEDGE_REACH : 0);
    if (lower.slice(i + 1, i + 1 + reach).some((w) => TRAITS.has(w))) return true;
    // "did not get our sums wrong": being wrong is denied from a little further off.
    if (lower.slice(i + 1, i + 1 + WRONG_AFTER_NEGATION).includes('wrong')) return true;
    // "that is not the case"
    if (lower[i + 1] === 'the' && lower[i + 2] === 'case') return true;
    // "the move was not about the new laws", "it is not against immigration": a motive or stance denied
    // (but "not about to resign" is a resolve).
    // Only with "not": "do nothing about crime" is no denial.
    const not = lower[i] === 'not' || lower[i]!.endsWith("n't") || lower[i]!.endsWith('_not');
    if (not && ((lower[i + 1] === 'about' && lower[i + 2] !== 'to') || lower[i + 1] === 'against'))
      return true;
  }
  return false;
}

/**
 * "there was no deal", "no truth in", "no question of", "nothing to do with",
 * "you don't do deals", "there wasn't some conspiracy", "I don't suggest …
 * that has anything to do with"; not a resolve ("will not do a deal") nor a
 * measure ("not enough evidence").
 */
function deniesAScandal(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    if (w === 'nothing' && lower[i + 1] === 'to' && lower[i + 2] === 'do' && lower[i + 3] === 'with')
      return true;
    if (
      w === 'anything' &&
      lower[i + 1] === 'to' &&
      lower[i + 2] === 'do' &&
      lower[i + 3] === 'with' &&
      lower.slice(Math.max(0, i - NEGATION_BEFORE_ANYTHING), i).some(isNegator)
    )
      return true;
    if (!isNegator(w) || FOCUS.has(lower[i + 1] ?? '')) continue;
    const after = lower.slice(afterNegation(lower, i), afterNegation(lower, i) + SCANDAL_AFTER_NO);
    if (w === 'no' || w === 'never') {
      if (after.some((x) => SCANDALS.has(x))) return true;
      continue;
    }
    // "didn't do deals", "wasn't some conspiracy"; not "won't do a deal".
    if ([lower[i - 1] ?? '', w, lower[i + 1] ?? ''].some((x) => NOT_A_FACT.has(x))) continue;
    const at = afterNegation(lower, i);
    // Right after the negation, "deal with" is a verb ("can't deal with"); after "do", "deals" is a noun.
    if (after.some((x, k) => SCANDALS.has(x) && !(k === 0 && lower[at + 1] === 'with'))) return true;
  }
  return false;
}

/** "No, I was never there": a quote that answers "No" and goes on to say something contradicts what was put. */
function contradictsAQuestion(toks: readonly string[], text: string): boolean {
  if (toks[0] !== 'No') return false;
  // "No, I'm Jewish", "No. The aim is …"; not "No-one", nor a bare "No. Definitely not."
  const after = text.trimStart().slice(2, 3);
  if (![',', '.', '!', ';', ':', '—', '–'].includes(after)) return false;
  const rest = toks.slice(1, 1 + REPLY_CLAUSE_WORDS).map(lowerWord);
  return rest.length === REPLY_CLAUSE_WORDS && !rest.some((w) => NOT_A_FACT.has(w) || isNegator(w));
}

/** "No, I'm Jewish, …": words after the "No" that make it an answer with a say of its own. */
const REPLY_CLAUSE_WORDS = 3;

/** "misrepresented", "taken out of context", "idle speculation", "scaremongering". */
function callsItMisrepresented(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    if (MISREPRESENTATION.has(w)) return true;
    if (w === 'context' && lower[i - 1] === 'of' && lower[i - 2] === 'out') return true;
    if (w === 'speculation') {
      const prev = lower[i - 1] ?? '';
      if (COPULAS.has(prev) || SPECULATION_KINDS.has(prev)) return true;
    }
  }
  return false;
}

/** "was unaware of", "knew nothing of", "had no idea", "they are innocent". */
function pleadsIgnoranceOrInnocence(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    if (IGNORANCE.has(w)) return true;
    // "they are innocent", "we were totally innocent"; not "innocent people would suffer".
    const said = COPULAS.has(lower[i - 1] ?? '') || COPULAS.has(lower[i - 2] ?? '');
    if (INNOCENCE.has(w) && said && !isNegator(lower[i - 1] ?? '') && !isNegator(lower[i - 2] ?? ''))
      return true;
    if ((w === 'knew' || w === 'know') && lower[i + 1] === 'nothing') return true;
    // "no idea where the reports came from"; not "no idea what to put in its place".
    if (
      w === 'no' &&
      lower[i + 1] === 'idea' &&
      ['where', 'about', 'of', 'that', 'who', 'how'].includes(lower[i + 2] ?? '')
    )
      return true;
  }
  return false;
}

/** "they are wrong", "I think you are wrong", "wrong to suggest": the claim's makers are wrong. */
function saysTheyAreWrong(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    if (!REPROACH.has(lower[i]!)) continue;
    if (lower[i + 1] === 'to' && CLAIMING_VERBS.has(lower[i + 2] ?? '')) return true;
    if (!COPULAS.has(lower[i - 1] ?? '') || lower[i + 1] === 'to') continue;
    // "you are wrong", or "claims of a clash … were wrong".
    if (CLAIM_MAKERS.has(lower[i - 2] ?? '')) return true;
    if (lower.slice(Math.max(0, i - CLAIM_BEFORE_WRONG), i).some((w) => CLAIM_NOUNS.has(w))) return true;
  }
  return false;
}

/** "the idea that …", "the idea Mr X posed a threat": a clause follows (not "the idea of a tax"). */
function introducesAClause(lower: readonly string[], at: number): boolean {
  const next = lower[at] ?? '';
  if (lower.slice(at, at + 2).includes('that')) return true;
  // A bare clause: a subject, then a verb in the past or an auxiliary within a few words.
  if (PREPOSITIONS.has(next) || next === 'to' || !next) return false;
  return lower.slice(at + 1, at + 5).some((w) => AUXILIARIES.has(w) || (/[^e]ed$/.test(w) && w.length > 4));
}

/** "the allegations are … outrageous": an allegation this near before a word of condemnation. */
const CLAIM_BEFORE_CONDEMNATION = 3;
/** "don't think this is a … ridiculous idea": a negation this near before a weak word. */
const NEGATION_BEFORE_WEAK = 6;
/** "rejected critics' calls": a proposal this near the start is what is rejected. */
const PROPOSAL_REACH = 4;
/** "denied the company any support": the second object's article comes within this many words. */
const DOUBLE_OBJECT_REACH = 3;
/** "the reports … were completely inaccurate": a copula this near before a word of falsehood. */
const COPULA_BEFORE_FALSEHOOD = 3;
/** "claims of a clash between … were wrong": a claim this many words before "wrong". */
const CLAIM_BEFORE_WRONG = 10;
/** "did not get our sums … wrong": how far "wrong" may follow the negation. */
const WRONG_AFTER_NEGATION = 6;
/** "not … racist": a trait this many words after the negation. */
const TRAIT_AFTER_NEGATION = 3;
/** "don't think he was actually racist": a hedge ("think") reaches this many words further. */
const HEDGE_REACH = 2;
/** "no secret deal", "no such split", "don't do deals": the scandal this many words after the negation. */
const SCANDAL_AFTER_NO = 2;

/** Lemmas of naming verbs ("call", "describe", "label"). */
const NAMING_LEMMAS: ReadonlySet<string> = new Set(
  [...CUES.values()].filter((form) => form.cls === 'naming').map((form) => form.lemma),
);

/** Words that call something untrue: "nonsense", "fiction", "groundless", "false", "misleading". */
function callsItUntrue(lower: readonly string[]): boolean {
  // "outrageous", "ridiculous" of a ban or a remark is criticism: weak words count only of a claim.
  const ofAClaim = lower.some((w) => CLAIM_NOUNS.has(w) && !NEEDS_THAT.has(w));
  return lower.some(
    (w) =>
      (STRONG_DENIAL.has(w) && !DENY_FORMS.has(w)) ||
      FALSEHOOD.has(w) ||
      MISREPRESENTATION.has(w) ||
      (WEAK_DENIAL.has(w) && ofAClaim),
  );
}

/** Index of the first word after the negation at `i`, past the empty slot a joined "did_not" leaves. */
function afterNegation(lower: readonly string[], i: number): number {
  return lower[i]!.endsWith('_not') && lower[i + 1] === '' ? i + 2 : i + 1;
}

/** "did not" → "did_not", so a two-word negation is one token. */
function joinNegations(lower: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    const next = lower[i + 1];
    if (next === 'not' && ['did', 'have', 'has', 'had'].includes(w)) {
      out.push(`${w}_not`, '');
      i++;
    } else out.push(w);
  }
  return out;
}

/** What a dismissal is aimed at is a claim ("dismissed the allegations", "rejected claims"). */
function aboutAClaim(lower: readonly string[]): boolean {
  // "rejected calls for an inquiry", "dismissed critics' demands": a proposal turned down, not a claim denied.
  if (lower.slice(0, PROPOSAL_REACH).some((w) => PROPOSALS.has(w))) return false;
  for (let k = 0; k < Math.min(lower.length, DISMISSED_CLAIM_REACH); k++) {
    const w = lower[k]!;
    // "rejected the allegations", "refuted any wrongdoing".
    if (!CLAIM_NOUNS.has(w) && !CRITICISM.has(w) && !ACCUSATIONS.has(w)) continue;
    // "rejected the idea that …" is a denial; "rejected the idea of a tax" is not.
    if (NEEDS_THAT.has(w) && !introducesAClause(lower, k + 1)) continue;
    return true;
  }
  // "dismissed the whole affair as absurd": what it is dismissed as says it is a denial.
  return lower.some((w) => STRONG_DENIAL.has(w) || FALSEHOOD.has(w) || WEAK_DENIAL.has(w));
}

/**
 * "denied that …", "denies wrongdoing", "denied any involvement", "denies
 * engaging in …" — but not "denied them entry" or "denied Elvis a number one".
 */
/** Two objects: "denied Elvis a number one", "denied the company any form of support". */
function refusesSomeoneSomething(lower: readonly string[]): boolean {
  if ((lower[0] ?? '').endsWith('ing')) return false;
  for (let k = 1; k <= DOUBLE_OBJECT_REACH && k < lower.length; k++) {
    const w = lower[k - 1]!;
    // A claim, a deed or a verb before the article: one object, or a clause ("there was any …").
    if (CLAIM_NOUNS.has(w) || CONDUCT.has(w) || COPULAS.has(w) || AUXILIARIES.has(w) || w === 'any')
      return false;
    if (['a', 'an', 'any'].includes(lower[k]!)) return true;
  }
  return false;
}

function deniesSomething(lower: readonly string[], clause: boolean): boolean {
  if (clause) return true;
  const first = lower[0] ?? '';
  const second = lower[1] ?? '';
  if (!first) return false;
  // "denied her entry", "denied her a visa"; but "denied her faith meant …" is a possessive.
  const possessive = POSSESSIVES.has(first) && !REFUSAL_OBJECTS.has(second) && !DETERMINERS.has(second);
  if (REFUSAL_OBJECTS.has(first) && !possessive) return false;
  // "denied the request", "denied his application": a refusal of something asked for.
  if ((DETERMINERS.has(first) || POSSESSIVES.has(first)) && REFUSAL_OBJECTS.has(second)) return false;
  // "denied Elvis a number one", "denied the company any support": someone refused something.
  if (refusesSomeoneSomething(lower)) return false;
  // "denied the allegations", "denies wrongdoing", "denied there was any snub", "denies meddling".
  return true;
}

function hasDenialWord(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    if (STRONG_DENIAL.has(w)) {
      if (!DENY_FORMS.has(w)) {
        if (describesSomethingElse(lower, i)) continue;
        return true;
      }
      // "We deny …" is the speaker's; "a charge the administration denies", "he was denied entry" are not.
      if (spokenInFirstPerson(lower, i)) return true;
      continue;
    }
    // "I reject that entirely", "we dismiss these claims": a denial verb in the speaker's own words.
    if (CUES.get(w)?.cls === 'denial' && spokenInFirstPerson(lower, i) && !conditional(lower, i)) return true;
    // "he had told the truth throughout": the speaker says they did not lie.
    // Not "being told the truth", nor "to tell the truth".
    if (w === 'truth' && ['told', 'telling'].includes(lower[i - 2] ?? '') && !COPULAS.has(lower[i - 3] ?? ''))
      return true;
    if (WEAK_DENIAL.has(w) && aimedAtAClaim(lower, i)) return true;
  }
  return false;
}

/** "If we reject this treaty": a denial verb in a condition denies nothing. */
function conditional(lower: readonly string[], i: number): boolean {
  return lower.slice(Math.max(0, i - 3), i).some((w) => w === 'if' || w === 'unless' || w === 'whether');
}

/** The word at `i` opens the words, or "I"/"we" stands just before it ("we strongly deny"). */
function spokenInFirstPerson(lower: readonly string[], i: number): boolean {
  return i === 0 || FIRST_PERSON.has(lower[i - 1] ?? '') || FIRST_PERSON.has(lower[i - 2] ?? '');
}

/**
 * "unfounded applications": a denying word used of something that is not a
 * claim. It stands before a word that is no claim and no grammar word (as a
 * claim in "unfounded allegations", or a new clause in "unfounded, he said" is).
 */
function describesSomethingElse(lower: readonly string[], i: number): boolean {
  const next = lower[i + 1];
  if (!next || CLAIM_NOUNS.has(next) || CRITICISM.has(next)) return false;
  if (lower.slice(Math.max(0, i - CLAIM_BEFORE_FALSEHOOD), i).some((w) => CLAIM_NOUNS.has(w))) return false;
  const grammar = [PRONOUNS, DETERMINERS, PREPOSITIONS, CONJUNCTIONS, AUXILIARIES, COPULAS, POSSESSIVES];
  return /^\p{L}+$/u.test(next) && !next.endsWith('ly') && !grammar.some((set) => set.has(next));
}

/** "that is nonsense", "these ridiculous allegations", "the claims are absurd". */
function aimedAtAClaim(lower: readonly string[], i: number): boolean {
  // "it was absurd to charge farmers": judging a deed, not a claim.
  if (lower[i + 1] === 'to') return false;
  // "I don't think this is a ridiculous idea": the word is negated.
  if (lower.slice(Math.max(0, i - NEGATION_BEFORE_WEAK), i).some(isNegator)) return false;
  const near = lower.slice(Math.max(0, i - CLAIM_BEFORE_WEAK_DENIAL), i + 1 + CLAIM_AFTER_WEAK_DENIAL);
  // "that was outrageous", "an outrageous statement": condemnation, unless of an allegation.
  // The allegation stands right by it ("these outrageous allegations", "the claims are outrageous"),
  // not further off ("had their claims accepted under the current unfair system").
  if (CONDEMNATION.has(lower[i]!))
    return lower
      .slice(Math.max(0, i - CLAIM_BEFORE_CONDEMNATION), i + 1 + CLAIM_AFTER_WEAK_DENIAL)
      .some((w) => STRONG_CLAIMS.has(w));
  if (near.some((w) => CLAIM_NOUNS.has(w))) return true;
  const prev = lower[i - 1] ?? '';
  const subject = COPULAS.has(prev) ? (lower[i - 2] ?? '') : prev;
  return COPULAS.has(prev) && DEMONSTRATIVE_SUBJECTS.has(subject);
}

/** "the claims are false", "false allegations", "not true". */
function callsItFalse(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    if (
      w === 'true' &&
      i > 0 &&
      isNegator(lower[i - 1]!) &&
      (i < 3 || DEMONSTRATIVE_SUBJECTS.has(lower[i - 3]!))
    ) {
      return true;
    }
    if (!FALSEHOOD.has(w)) continue;
    const near = lower.slice(Math.max(0, i - CLAIM_BEFORE_FALSEHOOD), i + 1 + CLAIM_AFTER_FALSEHOOD);
    if (near.some((x) => CLAIM_NOUNS.has(x))) return true;
    if (i > 1 && COPULAS.has(lower[i - 1]!) && DEMONSTRATIVE_SUBJECTS.has(lower[i - 2]!)) return true;
    // "the reports … were inaccurate", "his comments are partial, inaccurate and biased": said of something.
    if (lower.slice(Math.max(0, i - COPULA_BEFORE_FALSEHOOD), i).some((x) => COPULAS.has(x))) return true;
  }
  return false;
}

function isNegator(w: string): boolean {
  return NEGATORS.has(w) || w.endsWith("n't") || w.endsWith('_not');
}

/**
 * A negation whose subject is the speaker's own side, followed closely by a
 * word of conduct: "Russia has not interfered", "we have never interfered",
 * "Tehran has no interest in", "I never said that", or "it does not matter …
 * for Tehran".
 */
function negatesOwnConduct(toks: readonly string[], lower: readonly string[], input: DenialInput): boolean {
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    if (!isNegator(w)) continue;
    if (lower[i + 1] === 'matter' || lower[i + 2] === 'matter') {
      // "it does not matter who … for Tehran": indifference on the speaker's side's behalf.
      const impersonal =
        ['it', 'what'].includes(lower[i - 1] ?? '') || ['it', 'what'].includes(lower[i - 2] ?? '');
      if (
        impersonal &&
        ownSideWithin(
          toks,
          lower,
          Math.max(0, i - INDIFFERENCE_REACH),
          Math.min(lower.length, i + INDIFFERENCE_REACH),
          input,
        )
      ) {
        return true;
      }
      continue;
    }
    if (FOCUS.has(lower[i + 1] ?? '')) continue;
    const after = lower.slice(i + 1, i + 1 + CONDUCT_AFTER_NEGATION);
    const conduct =
      after.some((x, k) => isConduct(after, k, x)) ||
      ((PAST_NEGATIONS.has(w) || w === 'never') &&
        after.slice(0, SPEECH_AFTER_NEGATION).some((x) => SPEECH_WORDS.has(x))) ||
      knowsNothing(after) ||
      didNothingWrong(w, after);
    if (!conduct) continue;
    // The side must be the negation's subject, right before it ("Russia has not", "we have never").
    if (ownSideWithin(toks, lower, Math.max(clauseStart(lower, i), i - SIDE_BEFORE_NEGATION), i, input))
      return true;
  }
  return false;
}

/**
 * A word of conduct at `after[k]`. Intentions count only when what is intended
 * is conduct ("does not intend to interfere", not "no plans to take part"), and
 * "responsible" only as "responsible for".
 */
function isConduct(after: readonly string[], k: number, w: string): boolean {
  if (INTENTIONS.has(w))
    return after
      .slice(k + 1, k + 1 + CONDUCT_AFTER_INTENTION)
      .some((x) => CONDUCT.has(x) && !INTENTIONS.has(x));
  if (w === 'responsible') return after[k + 1] === 'for';
  // "was behind the attack", not "done behind closed doors".
  if (w === 'behind') return k === 0 || COPULAS.has(after[k - 1] ?? '');
  return CONDUCT.has(w);
}

/** "did not know about", "knew nothing of": denying knowledge, not "I don't know". */
function knowsNothing(after: readonly string[]): boolean {
  const k = after.findIndex((x) => x === 'know' || x === 'knew');
  return k >= 0 && k < KNOW_AFTER_NEGATION && ['about', 'of', 'anything'].includes(after[k + 1] ?? '');
}

/** "did nothing wrong", "has not done anything wrong". */
function didNothingWrong(negator: string, after: readonly string[]): boolean {
  const wrong = after.indexOf('wrong');
  if (wrong < 0) return false;
  return negator === 'nothing' || after.slice(0, wrong).includes('anything');
}

/** Start of the clause around position `i` (after the last conjunction), at most CLAUSE_REACH words back. */
function clauseStart(lower: readonly string[], i: number): number {
  for (let k = i - 1; k >= 0 && i - k <= CLAUSE_REACH; k--) {
    if (['that', 'but', 'and', 'because', 'while', 'if'].includes(lower[k]!)) return k + 1;
  }
  return Math.max(0, i - CLAUSE_REACH);
}

function ownSideWithin(
  toks: readonly string[],
  lower: readonly string[],
  from: number,
  to: number,
  input: DenialInput,
): boolean {
  for (let k = from; k < to; k++) {
    const w = lower[k]!;
    if (FIRST_PERSON.has(w) && (w !== 'us' || toks[k] !== 'US')) return true;
    if (input.selfWords.has(w)) return true;
    if (input.indirect && (w === 'he' || w === 'she' || w === 'they' || w === 'it') && k === from)
      return true;
    if (input.country) {
      const hit = countryPhraseAt(toks, k);
      if (hit && hit.code === input.country) return true;
    }
  }
  return false;
}

/** "not in a position to make such a woeful claim", "should not make such accusations". */
function negatesTheClaim(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    if (!isNegator(lower[i]!)) continue;
    const after = lower.slice(i + 1, i + 1 + CLAIM_VERB_AFTER_NEGATION);
    const verb = after.findIndex((w) => CLAIM_VERBS.has(w));
    if (verb < 0) continue;
    if (after.slice(verb + 1, verb + 1 + CLAIM_AFTER_VERB).some((w) => STRONG_CLAIMS.has(w))) {
      return true;
    }
  }
  return false;
}

/**
 * "insisted he had been fully involved", "maintained its plans were affordable":
 * insisting on a fact about one's own side (not a resolve about the future)
 * answers a charge against it.
 */
function defendsOwnSide(lower: readonly string[]): boolean {
  const first = lower[0] ?? '';
  const ownSide = ['he', 'she', 'it', 'they', 'we', 'i', 'his', 'her', 'its', 'their', 'our', 'my'].includes(
    first,
  );
  // "insisted it was time to act": an impersonal "it", calling for something.
  if (first === 'it' && lower[2] === 'time') return false;
  if (!ownSide || lower.slice(0, OWN_SIDE_FACT_REACH).some((w) => NOT_A_FACT.has(w))) return false;
  // A fact in the past, as a charge is answered ("he had been involved", "its plans were affordable"),
  // not the speaker's present view ("he has different questions").
  return lower
    .slice(1, OWN_SIDE_FACT_REACH)
    .some((w) => PAST_STATE.has(w) || (/ed$/.test(w) && w.length > 4));
}

/** "insisted he would stay": a modal this early makes what is insisted a resolve. */
const OWN_SIDE_FACT_REACH = 6;
