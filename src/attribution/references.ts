/**
 * What a pronoun or a description refers to: "he" → the most recent
 * compatible person, "the Chinese Foreign Ministry spokesman" → the last
 * person whose titles fit, "the firm" → the company the article is about.
 */
import { GENERIC_ORG_HEADS, ORG_DESCRIPTORS, ORG_WORDS } from '../lexicon/index.ts';
import { type Entity, type Gender, isClearlyPerson } from './entity.ts';
import { tokenKey } from './names.ts';
import type { NounPhrase } from './phrases.ts';
import { countryIn } from './speaker-country.ts';
import type { Timeline } from './timeline.ts';

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

/** "the Chinese Foreign Ministry spokesman" → the last person whose titles fit. */
export function resolveDescription(timeline: Timeline, phrase: NounPhrase, position: number): Entity | null {
  const keys = phrase.title.map(tokenKey);
  const head = keys[keys.length - 1];
  if (!head) return null;
  const country = countryIn(phrase.title);
  const orgHead = ORG_WORDS.has(head) || ORG_DESCRIPTORS.has(head);
  const fits = (e: Entity) => {
    if (country && e.country && country !== e.country) return false;
    if (e.kind === 'person') return e.titleKeys.has(head);
    return orgHead && (e.orgHeads.has(head) || e.nameKeys.some((n) => n.endsWith(head)));
  };
  const described = timeline.closestFitting(fits, position);
  if (described || !GENERIC_ORG_HEADS.has(head) || keys.length > MAX_GENERIC_DESCRIPTION) return described;
  // "the firm said": the company the article is about, named or not as one before.
  const company = timeline.closestFitting(
    (e) => !e.descriptionOnly && (e.kind === 'organization' || (e.kind === 'person' && !isClearlyPerson(e))),
    position,
  );
  if (company && company.kind === 'person') company.kind = 'organization';
  return company;
}
