/**
 * What a pronoun or a description refers to: "he" → the most recent
 * compatible person, "the Chinese Foreign Ministry spokesman" → the last
 * person whose titles fit, "the firm" → the company the article is about.
 */
import {
  DETERMINERS,
  FEMALE_WORDS,
  GENERIC_ORG_HEADS,
  HONORIFICS,
  MALE_WORDS,
  NAME_TITLES,
  ORG_DESCRIPTORS,
  ORG_WORDS,
  PLURAL_PERSON_HEADS,
  TITLE_MODIFIERS,
  TITLE_WORDS,
} from '../lexicon/index.ts';
import { type Entity, type Gender, isClearlyPerson } from './entity.ts';
import { tokenKey } from './names.ts';
import type { NounPhrase } from './phrases.ts';
import { countryIn } from './speaker-country.ts';
import type { Timeline } from './timeline.ts';
import type { Token } from './tokens.ts';

/** Characters back within which a pronoun's antecedent counts as near. */
const PRONOUN_REACH = 3000;
/** "the firm", "the company": only a short description stands for the organisation an article is about. */
const MAX_GENERIC_DESCRIPTION = 2;

/** The gender "he" or "she" asks for; null for other pronouns. */
export function pronounGender(pronoun: string): Gender {
  return pronoun === 'she' ? 'f' : pronoun === 'he' ? 'm' : null;
}

/**
 * The person a pronoun refers to: the most recent salient (subject or
 * speaker) person before `position` with a compatible gender, else the most
 * recent such person at all. `maxBack` bounds "recent", in characters.
 */
export function resolvePronoun(
  timeline: Timeline,
  pronoun: string,
  position: number,
  maxBack = PRONOUN_REACH,
): Entity | null {
  const wantGender = pronounGender(pronoun);
  const personal = pronoun === 'he' || pronoun === 'she';
  const ok = (e: Entity) => {
    if (personal) {
      return (
        e.kind === 'person' &&
        !e.descriptionOnly &&
        isClearlyPerson(e) &&
        (e.gender === null || e.gender === wantGender)
      );
    }
    // "Deloitte is forecasting … It also believes": an unknown single name can be an "it".
    return e.kind === 'organization' || e.kind === 'state' || (e.kind === 'person' && !isClearlyPerson(e));
  };
  let weak: Entity | null = null;
  let fallback: Entity | null = null;
  let distant: Entity | null = null;
  for (const t of timeline.before(position)) {
    const near = position - t.position <= maxBack;
    if (!ok(t.entity)) {
      // Gender is a guess: with nobody else around, the last person will do.
      if (personal && t.entity.kind === 'person' && !t.entity.descriptionOnly) distant ??= t.entity;
      continue;
    }
    if (near && t.salient) {
      // A subject known to be a person of this gender (or a speaker) beats one that merely might be.
      if (!personal || t.entity.gender === wantGender || t.entity.spoke) return t.entity;
      weak ??= t.entity;
    } else if (near) fallback ??= t.entity;
    else distant ??= t.entity;
  }
  return weak ?? fallback ?? distant;
}

/**
 * Words that make a different office of the same title: "the shadow home
 * secretary" is not "the home secretary", "the former leader" not "the
 * leader". A person titled with one fits only a description that has it too.
 */
const RANK_WORDS = new Set([
  'shadow',
  'former',
  'ex',
  'deputy',
  'acting',
  'interim',
  'vice',
  'junior',
  'assistant',
]);

/** The words of a title as they decide who it fits: folded, "co-chairman" → "chairman" kept whole. */
function titleWords(tokens: readonly Token[]): string[] {
  return tokens.map(tokenKey).filter((k) => k !== "'s" && k !== "'" && !DETERMINERS.has(k));
}

/**
 * "the Chinese Foreign Ministry spokesman" → the last person whose titles
 * fit. A person fits when a title of theirs has the description's head, no
 * rank word the description lacks ("shadow"), and every capitalised word of
 * the description ("the Scottish Conservative leader"); one whose titles have
 * every word of the description fits better than one that only shares the head.
 */
export function resolveDescription(timeline: Timeline, phrase: NounPhrase, position: number): Entity | null {
  const keys = phrase.title.map(tokenKey);
  const head = keys[keys.length - 1];
  if (!head) return null;
  const country = countryIn(phrase.title);
  const orgHead = ORG_WORDS.has(head) || ORG_DESCRIPTORS.has(head);
  const words = titleWords(phrase.title).filter(
    (k) => !countryIn([phrase.title.find((t) => tokenKey(t) === k)!]),
  );
  const capitalised = phrase.title
    .filter((t, i) => t.cap && !(i === 0 && DETERMINERS.has(t.lower)))
    .map(tokenKey);
  const rankFits = (e: Entity) => [...e.titleKeys].every((k) => !RANK_WORDS.has(k) || keys.includes(k));
  const personFits = (e: Entity) =>
    e.titleKeys.has(head) &&
    rankFits(e) &&
    words.every((k) => !RANK_WORDS.has(k) || e.titleKeys.has(k)) &&
    capitalised.every((k) => e.titleKeys.has(k) || countryIn([phrase.title.find((t) => tokenKey(t) === k)!]));
  const fits = (e: Entity) => {
    if (country && e.country && country !== e.country) return false;
    if (e.kind === 'person') return personFits(e);
    return orgHead && (e.orgHeads.has(head) || e.nameKeys.some((n) => n.endsWith(head)));
  };
  const fully = timeline.closestFitting(
    (e) => e.kind === 'person' && fits(e) && words.every((k) => e.titleKeys.has(k)),
    position,
  );
  if (fully) return fully;
  const described = timeline.closestFitting(fits, position) ?? roleOfNamedSpeaker(timeline, phrase, position);
  if (described || !GENERIC_ORG_HEADS.has(head) || keys.length > MAX_GENERIC_DESCRIPTION) return described;
  // "the firm said": the company the article is about, named or not as one before.
  const company = timeline.closestFitting(
    (e) => !e.descriptionOnly && (e.kind === 'organization' || (e.kind === 'person' && !isClearlyPerson(e))),
    position,
  );
  if (company && company.kind === 'person') company.kind = 'organization';
  return company;
}

/**
 * "Plans … should be prominent, the Trade and Industry Secretary has said. …
 * Patricia Hewitt told …": a definite description of one office-holder that
 * no title in the text fits stands for the named speaker nearest to it (before
 * it, else after) whose role the text does not give, or gives as something
 * else entirely. News names the office-holder it describes; an article that
 * names nobody fitting keeps the description.
 */
function roleOfNamedSpeaker(timeline: Timeline, phrase: NounPhrase, position: number): Entity | null {
  const head = phrase.title.length > 0 ? tokenKey(phrase.title[phrase.title.length - 1]!) : '';
  // An office one person holds: a title written before a name ("secretary", "leader"), not "executive".
  if (phrase.tokens[0]?.lower !== 'the' || !NAME_TITLES.has(head) || HONORIFICS.has(head)) return null;
  if (PLURAL_PERSON_HEADS.has(head) || ORG_WORDS.has(head)) return null;
  const gender = phrase.title.some((t) => FEMALE_WORDS.has(t.lower))
    ? 'f'
    : phrase.title.some((t) => MALE_WORDS.has(t.lower) && !t.lower.endsWith('man'))
      ? 'm'
      : null;
  const country = countryIn(phrase.title);
  const fits = (e: Entity) =>
    e.kind === 'person' &&
    !e.descriptionOnly &&
    e.spoke &&
    e.nameKeys.length > 1 &&
    (gender === null || e.gender === null || e.gender === gender) &&
    (!country || !e.country || e.country === country) &&
    ![...e.titleKeys].some((k) => TITLE_WORDS.has(k) && !TITLE_MODIFIERS.has(k));
  let someoneBefore = false;
  for (const t of timeline.before(position)) {
    if (fits(t.entity)) return t.entity;
    if (t.entity.kind === 'person' && !t.entity.descriptionOnly && isClearlyPerson(t.entity))
      someoneBefore = true;
  }
  // Looking ahead only from an article's opening, before anyone is named ("…, the minister said. Jane Roe …").
  return someoneBefore ? null : timeline.closestFitting(fits, position);
}
