/**
 * Is a statement a denial? Explicit cues count ("denied", "dismissed the
 * claim", "groundless", "unsubstantiated"), and so do negations a speaker
 * makes on their own side's behalf ("Russia has not interfered" from a
 * Kremlin spokesman, "we have never interfered", "it does not matter … for
 * Tehran" from Iran). A counter-accusation ("the U.S. has interfered") has no
 * negation of the speaker's own conduct, so it is not a denial.
 */
import { countryPhraseAt } from './countries.ts';
import { CLAIM_NOUNS, DENIAL_WORDS, FIRST_PERSON, words } from './lexicon.ts';
import { wordTokens } from './tokens.ts';

export interface DenialInput {
  /** The reported words: the quote, or the reported clause. */
  text: string;
  /** The cue's lemma ("dismiss"), if any. */
  cueLemma: string | null;
  /** The speaker's country, for recognising their own side. */
  country: string | null;
  /** Lower-case words that name the speaker ("khatibzadeh", "ministry"). */
  selfWords: ReadonlySet<string>;
  /** Indirect speech: "he"/"she"/"they" in the clause is the speaker. */
  indirect: boolean;
}

const MAX_TEXT = 2000;
const DISMISSAL_LEMMAS = words('dismiss reject refute rebut rebuff dispute disavow repudiate');
const NEGATORS = words('not never no nothing none cannot neither nobody');
/** What a side denies having done, wanted or known. */
const CONDUCT = words(`
  interfere interfered interfering interference interferes meddle meddled meddling meddles involve involved
  involvement hack hacked hacking attack attacked attacking spy spied spying collude colluded collusion
  conspire conspired coordinate coordinated coordinating participate participated plot plotted sponsor sponsored
  know knew known aware knowledge responsible responsibility behind role part interest interests intention
  intentions intend intends intended plan plans planned connection connections link links linked ties tied
  contact contacts wrongdoing wrong illegal illegally violate violated violating lie lied lying mislead misled
  cheat cheated steal stole leak leaked bribe bribed threaten threatened target targeted authorize authorized
  commit committed say said tell told evidence basis truth true
`);
const CLAIM_VERBS = words('make makes making made accept accepts believe believes support supports');
const FALSEHOOD = words('false untrue fake wrong inaccurate incorrect misleading bogus');
const LIE_DETERMINERS = words('a an the these those such outright blatant big total complete');

export function isDenial(input: DenialInput): boolean {
  // Denial cues sit near the start of what is reported; a bound keeps this linear.
  const toks = wordTokens(input.text.slice(0, MAX_TEXT));
  const lower = toks.map((t) => t.toLowerCase().replace(/’/g, "'"));
  if (input.cueLemma === 'deny') return true;
  if (input.cueLemma && DISMISSAL_LEMMAS.has(input.cueLemma) && aboutAClaim(lower)) return true;
  if (hasDenialWord(lower)) return true;
  if (callsItFalse(lower)) return true;
  return negatesOwnConduct(toks, lower, input) || negatesTheClaim(lower);
}

function aboutAClaim(lower: readonly string[]): boolean {
  return lower
    .slice(0, 12)
    .some((w) => CLAIM_NOUNS.has(w) || w === 'that' || DENIAL_WORDS.has(w) || FALSEHOOD.has(w));
}

function hasDenialWord(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    if (!DENIAL_WORDS.has(w)) continue;
    if (w === 'lie' || w === 'lies') {
      if (i > 0 && LIE_DETERMINERS.has(lower[i - 1]!)) return true;
      continue;
    }
    return true;
  }
  return false;
}

/** "the claims are false", "false allegations", "not true". */
function callsItFalse(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    if (w === 'true' && i > 0 && isNegator(lower[i - 1]!)) return true;
    if (!FALSEHOOD.has(w) || w === 'wrong') continue;
    const near = lower.slice(Math.max(0, i - 4), i + 3);
    if (near.some((x) => CLAIM_NOUNS.has(x))) return true;
    if (
      i > 0 &&
      ['is', 'are', 'was', 'were', "'s", 'completely', 'totally', 'simply'].includes(lower[i - 1]!)
    ) {
      return true;
    }
  }
  return false;
}

function isNegator(w: string): boolean {
  return NEGATORS.has(w) || w.endsWith("n't");
}

/**
 * A negation whose subject is the speaker's own side, followed closely by a
 * word of conduct: "Russia has not interfered", "we have never interfered",
 * "Tehran has no interest in", or "it does not matter … for Tehran".
 */
function negatesOwnConduct(toks: readonly string[], lower: readonly string[], input: DenialInput): boolean {
  for (let i = 0; i < lower.length; i++) {
    if (!isNegator(lower[i]!)) continue;
    const after = lower.slice(i + 1, i + 7);
    if (lower[i + 1] === 'matter' || lower[i + 2] === 'matter') {
      if (ownSideWithin(toks, lower, 0, lower.length, input)) return true;
      continue;
    }
    if (!after.some((w) => CONDUCT.has(w))) continue;
    if (ownSideWithin(toks, lower, clauseStart(lower, i), i, input)) return true;
  }
  return false;
}

/** Start of the clause around position `i` (after the last comma-like break or conjunction). */
function clauseStart(lower: readonly string[], i: number): number {
  for (let k = i - 1; k >= 0 && i - k <= 8; k--) {
    if (['that', 'but', 'and', 'because', 'while', 'if'].includes(lower[k]!)) return k + 1;
  }
  return Math.max(0, i - 8);
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
    const after = lower.slice(i + 1, i + 10);
    const verb = after.findIndex((w) => CLAIM_VERBS.has(w));
    if (verb < 0) continue;
    if (
      after
        .slice(verb + 1, verb + 5)
        .some((w) => CLAIM_NOUNS.has(w) && w !== 'statement' && w !== 'statements')
    ) {
      return true;
    }
  }
  return false;
}
