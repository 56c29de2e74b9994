/**
 * What is reported: the stretch after a cue ("said (on Friday) (that) …",
 * "told reporters: Q"), past a recipient and adverbials, and the edges of
 * content before an attribution ("Q, he said", "The plan failed, she said").
 */

import {
  ADVERBS,
  AUDIENCE_WORDS,
  AUX_OR_CLAUSE,
  CLAUSE_CONJUNCTIONS,
  COMMON_VERBS,
  COMPLEMENTIZERS,
  CONJUNCTIONS,
  CONTRACTIONS,
  CUES,
  type CueForm,
  DETERMINERS,
  INFINITIVE_LEMMAS,
  NEGATIONS,
  OBJECT_LEMMAS,
  PREPOSITIONS,
  PRONOUNS,
  SETTING_WORDS,
  TIME_WORDS,
} from '../lexicon/index.ts';
import { isPronoun, phraseStartingAt } from './phrases.ts';
import {
  isPunct,
  isWeekdayOrMonth,
  isWordToken,
  lastContentToken,
  type Region,
  SEPARATORS,
  type SentenceInfo,
  SHORT_WORD,
  startsClause,
} from './syntax.ts';
import type { Token } from './tokens.ts';

/** "asked the buzzing crowd, “…”": an unlisted audience is at most this many words before its comma. */
const MAX_AUDIENCE_WORDS = 6;
/** Single quote marks, which the tokenizer leaves as punctuation (they double as apostrophes). */
const SINGLE_QUOTES: ReadonlySet<string> = new Set(["'", '‘', '’']);
/** Adverbials skipped after a cue ("said on Friday in a statement that"): a bound keeps the walk short. */
const MAX_ADVERBIALS = 6;
/** Words of an adverbial phrase after a cue ("on NBC's “Meet the Press”"); longer is content. */
const MAX_ADVERBIAL_PHRASE = 10;
/** Words a bare clause is searched for a finite verb: its subject and verb come early. */
const CLAUSE_VERB_REACH = 40;
/** Tokens after a noun-like cue within which a quote shows it is a verb ("calls Horgos “a mistake”"). */
const QUOTE_AFTER_CUE = 6;
/** Separators between a quote and a cue that still touch ("“…,” – reports"). */
const SEPARATORS_TO_QUOTE = 4;
/** Words of a speaker's title between content and the chunk ("Q Daily News opinion editor Josh Greenman told"). */
const TITLE_BEFORE_CHUNK = 7;

export interface ForwardContent {
  region: Region | null;
  introduced: boolean;
  /** The content follows a comma after the attribution ("…, she said, will fail"). */
  afterComma?: boolean;
  /** Last token of the attribution chunk (recipient and adverbials included). */
  skippedTo: number;
}

/** What a cue reports after itself, skipping a recipient and adverbials. */
export function forwardContent(
  s: SentenceInfo,
  from: number,
  form: CueForm,
  nominal: boolean,
): ForwardContent {
  const toks = s.tokens;
  let i = from;
  const last = lastContentToken(toks);
  if (form.takesRecipient) i = skipRecipient(toks, i);
  // "urged the judge to give me a fair sentence", "asked the network to donate": after the
  // person spoken to, what they were asked to do is reported.
  // "vowed to repeal the law", "pledged to work with both parties": a commitment.
  const infinitive = i > from || INFINITIVE_LEMMAS.has(form.lemma);
  if (infinitive && i + 1 <= last && toks[i]?.lower === 'to' && isInfinitive(toks[i + 1]))
    return { region: { first: i, last }, introduced: false, skippedTo: i - 1 };
  // "calling on Congress to act", "called for an inquiry": the particle opens the content.
  if (form.lemma === 'call' && ['on', 'upon', 'for'].includes(toks[i]?.lower ?? '') && i + 1 <= last) {
    return { region: { first: i + 1, last }, introduced: false, skippedTo: i };
  }
  i = skipAdverbials(toks, i, last);
  // "rejects 'Las Vegas' jibe": a single quote mark the tokenizer left as punctuation opens the object.
  if (OBJECT_LEMMAS.has(form.lemma) && isPunct(toks[i], SINGLE_QUOTES) && toks[i + 1]?.type === 'word') {
    return { region: { first: i, last }, introduced: false, skippedTo: i - 1 };
  }
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

/** "give" in "to give": a lower-case word that is no determiner, pronoun, preposition or plural. */
function isInfinitive(t: Token | undefined): boolean {
  return (
    isWordToken(t) &&
    !t.cap &&
    !DETERMINERS.has(t.lower) &&
    !PRONOUNS.has(t.lower) &&
    !PREPOSITIONS.has(t.lower) &&
    !/^\p{N}/u.test(t.lower) &&
    // "agreed to terms": a plural noun, not a verb.
    !/[^s]s$/.test(t.lower)
  );
}

/** "that" is a determiner here ("said that day"), not a complementizer. */
function nominalThat(toks: readonly Token[], i: number): boolean {
  const next = toks[i + 1]?.lower ?? '';
  return ['day', 'week', 'night', 'morning', 'time', 'year', 'month', 'evening', 'afternoon'].includes(next);
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
  if (AUDIENCE_WORDS.has(t.lower)) return i + 1;
  // "asked the buzzing crowd, “…”": whatever stands before a comma and a quote is the audience.
  for (let j = i + 1; j < toks.length && j - i <= MAX_AUDIENCE_WORDS; j++) {
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
  for (let guard = 0; guard < MAX_ADVERBIALS && i <= last; guard++) {
    const t = toks[i]!;
    if (t.type !== 'word') break;
    const w = t.lower.replace(/\.$/, '');
    // "said this week" skips a time phrase; "said this is …" opens the content.
    if (TIME_WORDS.has(w) && DETERMINERS.has(w) && !isTimeAfter(toks[i + 1])) break;
    if (TIME_WORDS.has(w) || isWeekdayOrMonth(t) || (w.endsWith('ly') && w.length > SHORT_WORD && !t.cap)) {
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

/** "week" in "this week", "Tuesday" in "this Tuesday". */
function isTimeAfter(t: Token | undefined): boolean {
  return isWordToken(t) && (TIME_WORDS.has(t.lower) || isWeekdayOrMonth(t));
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
  while (j <= last && j - i <= MAX_ADVERBIAL_PHRASE) {
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

/**
 * A bare reported clause: it opens with a subject pronoun ("said he and Trump
 * differ", "says he's expecting"), or has a finite verb or "not"/"never"
 * somewhere after its first word ("said the station never shut its doors").
 */
function looksLikeClause(toks: readonly Token[], from: number, last: number): boolean {
  const first = toks[from]!;
  if (first.type === 'word' && PREPOSITIONS.has(first.lower)) return false;
  if (opensWithSubjectPronoun(toks, from, last)) return true;
  let words = 0;
  for (let i = from; i <= last && i - from < CLAUSE_VERB_REACH; i++) {
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
    if (NEGATIONS.has(w) && AUX_OR_CLAUSE.has(w)) return true;
    // "said the law unfairly targets gay people": an adverb in -ly, then a verb in -s.
    if (w.endsWith('ly') && w.length > SHORT_WORD && !t.cap && isPresentVerb(toks[i + 1])) return true;
    // "said those who selected him knew nothing": a verb in the past shows a clause too.
    if (!t.cap && (COMMON_VERBS.has(w) || (/[^e]ed$/.test(w) && w.length > 4))) return true;
  }
  return false;
}

/** "targets", "wants": a lower-case word in -s (not -ss, -us, -is) that is no function word. */
function isPresentVerb(t: Token | undefined): boolean {
  if (!isWordToken(t) || t.cap) return false;
  const w = t.lower;
  return (
    /[^siu']s$/.test(w) &&
    w.length > SHORT_WORD &&
    !PREPOSITIONS.has(w) &&
    !DETERMINERS.has(w) &&
    !CONJUNCTIONS.has(w)
  );
}

/**
 * "said he and Trump differ", "says they support", "told Fox he'd back",
 * "says it's important": a subject pronoun (or one with a contracted verb)
 * opens the clause. "it" needs a contracted verb or a word that is not a
 * preposition, adverb or conjunction after it ("said it in a speech", "said
 * it again" are objects).
 */
function opensWithSubjectPronoun(toks: readonly Token[], from: number, last: number): boolean {
  const first = toks[from]!;
  if (first.type !== 'word' || from >= last) return false;
  const apostrophe = first.lower.indexOf("'");
  if (apostrophe > 0) {
    return PRONOUNS.has(first.lower.slice(0, apostrophe)) && CONTRACTIONS.has(first.lower.slice(apostrophe));
  }
  if (!PRONOUNS.has(first.lower)) return false;
  const next = toks[from + 1]!;
  if (next.type !== 'word') return false;
  if (CONTRACTIONS.has(next.lower)) return true;
  if (PREPOSITIONS.has(next.lower) || TIME_WORDS.has(next.lower)) return false;
  if (first.lower !== 'it') return true;
  return !ADVERBS.has(next.lower) && !CONJUNCTIONS.has(next.lower) && !next.lower.endsWith('ly');
}

/** "As Ryan has pointed out, that's …": the clause after the comma is the content. */
export function asClauseContent(
  s: SentenceInfo,
  chunkFirst: number,
  content: ForwardContent,
): ForwardContent {
  const toks = s.tokens;
  const as = toks[chunkFirst - 1];
  if (!isWordToken(as) || as.lower !== 'as' || !startsClause(toks, chunkFirst - 1, s.floor)) return content;
  const comma = content.skippedTo + 1;
  if (toks[comma]?.text !== ',') return content;
  const last = lastContentToken(toks);
  if (comma + 1 > last) return content;
  return { region: { first: comma + 1, last }, introduced: true, skippedTo: comma };
}

/** "calls Horgos “a mistake”": a quote close after the verb makes a noun-like cue a verb. */
export function regionHasQuote(toks: readonly Token[], r: Region | null): boolean {
  if (!r) return false;
  for (let i = r.first; i <= r.last && i - r.first < QUOTE_AFTER_CUE; i++)
    if (toks[i]!.type === 'quote') return true;
  return false;
}

export function quoteTouches(toks: readonly Token[], i: number): boolean {
  let j = i;
  while (j >= 0 && i - j < SEPARATORS_TO_QUOTE && isPunct(toks[j], SEPARATORS)) j--;
  return toks[j]?.type === 'quote';
}

/** "If she wins, he said, “…”": the attribution sits between commas, inside its content. */
export function setOffByCommas(toks: readonly Token[], first: number, last: number): boolean {
  return (
    toks[first - 1]?.text === ',' && (toks[last]?.text === ',' || toks[last + 1]?.text === ',') && first > 1
  );
}

/**
 * ", she said, the plan will fail": an attribution set off by commas (or
 * after a quote) inside its content, or opening a sentence before a clause.
 */
export function isParentheticalSlot(s: SentenceInfo, chunkFirst: number, region: Region): boolean {
  const before = s.tokens[chunkFirst - 1];
  if (before?.type === 'quote' || before?.text === ',') return true;
  return chunkFirst <= s.floor && looksLikeClause(s.tokens, region.first, region.last);
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

/** A short prepositional or time phrase with no verb of its own ("In response", "During the debate"). */
export function isFrontedAdverbial(toks: readonly Token[], r: Region): boolean {
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
export function jointBefore(toks: readonly Token[], chunkFirst: number, floor: number): number {
  for (let j = chunkFirst - 1; j >= floor && chunkFirst - j <= TITLE_BEFORE_CHUNK; j--) {
    const t = toks[j]!;
    if (t.type === 'quote' || isPunct(t, SEPARATORS)) return j;
    if (t.type === 'punct' && t.text !== '$' && t.text !== '&') return -1;
    if (t.type !== 'word') return -1;
    if (AUX_OR_CLAUSE.has(t.lower) || (CUES.has(t.lower) && !t.cap) || t.lower.endsWith("n't")) return -1;
  }
  return -1;
}
