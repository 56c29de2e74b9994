/**
 * Who the speakers are: a per-document entity table built from every name
 * mentioned outside quotes, so a later or earlier description fills in a
 * title or country ("his Russian counterpart Sergei Lavrov" makes "Lavrov"
 * Russian), surnames and near-miss spellings join a full name ("Wolf" →
 * "Chad Wolfe"), and pronouns and descriptions ("he", "the Chinese Foreign
 * Ministry spokesman") resolve to the most recent compatible person.
 *
 * Country evidence is only ever read from a speaker's own name, title and
 * appositions: never from what they said or where they were.
 */

import {
  CORPORATE_SUFFIXES,
  FEMALE_GIVEN_NAMES,
  FEMALE_WORDS,
  GENERIC_ORG_HEADS,
  HONORIFICS,
  MALE_GIVEN_NAMES,
  MALE_WORDS,
  NAME_GLUE,
  ORG_DESCRIPTORS,
  ORG_WORDS,
  PLACE_NAMES,
  PLURAL_PERSON_HEADS,
  SENTENCE_ADVERBS,
  SPEAKER_NOUNS,
  TITLE_WORDS,
} from '../lexicon/index.ts';
import { foldToken } from '../text/fold.ts';
import { ambiguousCountry, countryDemonym, countryName, countryPhraseAt } from './countries.ts';
import type { NounPhrase } from './phrases.ts';
import type { Token } from './tokens.ts';

export type EntityKind = 'person' | 'organization' | 'state';
export type Gender = 'm' | 'f' | null;

export interface Entity {
  id: number;
  name: string;
  kind: EntityKind;
  /** Normalised name tokens, for surname matching. */
  nameKeys: string[];
  titles: string[];
  titleKeys: Set<string>;
  country: string | null;
  gender: Gender;
  /** Offset of the first mention. */
  firstPosition: number;
  /** An organisation's head word ("ministry"), for bridging from "ministry spokesman". */
  orgHeads: Set<string>;
  /** Only described, never named ("the spokesman"). */
  descriptionOnly: boolean;
  /** The entity is the subject of a speech verb somewhere in the document. */
  spoke: boolean;
}

export interface Mention {
  phrase: NounPhrase;
  /** Offset where the mention starts. */
  position: number;
  /** The mention is the subject of a speech verb or of its sentence. */
  salient: boolean;
  sentence: number;
  /** The mention is the subject of a speech verb. */
  speaker?: boolean;
}

function tokenKey(t: Token): string {
  return foldToken(t.text);
}

/** The text of tokens as written, single-spaced ("Chinese Foreign Minister"). */
export function tokensText(tokens: readonly Token[]): string {
  let out = '';
  let prevEnd = -1;
  for (const t of tokens) {
    const glue = prevEnd === t.start || t.lower === "'s" || t.lower === "'" ? '' : ' ';
    out += out ? glue + t.text : t.text;
    prevEnd = t.end;
  }
  return out;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function genderOf(phrase: NounPhrase): Gender {
  const keys = [phrase.honorific ?? '', ...phrase.title.map(tokenKey), ...phrase.appositive.map(tokenKey)];
  if (keys.some((k) => FEMALE_WORDS.has(k))) return 'f';
  if (keys.some((k) => MALE_WORDS.has(k))) return 'm';
  // A common given name, when the name has a surname after it.
  const given = phrase.name.length > 1 ? tokenKey(phrase.name[0]!) : '';
  if (FEMALE_GIVEN_NAMES.has(given) && !MALE_GIVEN_NAMES.has(given)) return 'f';
  if (MALE_GIVEN_NAMES.has(given) && !FEMALE_GIVEN_NAMES.has(given)) return 'm';
  return null;
}

/** Country evidence in tokens (title, apposition, or an organisation's name). */
export function countryIn(tokens: readonly Token[]): string | null {
  const texts = tokens.map((t) => t.text);
  for (let i = 0; i < texts.length; i++) {
    const hit = countryPhraseAt(texts, i);
    if (hit) return hit.code;
  }
  return null;
}

/** The phrase names an institution rather than a person ("Iran’s Foreign Ministry", "Microsoft Corp"). */
function isInstitutionName(phrase: NounPhrase): boolean {
  const all = phrase.kind === 'name' ? phrase.name : phrase.title;
  const last = all[all.length - 1];
  if (!last?.cap) return false;
  return ORG_WORDS.has(tokenKey(last)) || CORPORATE_SUFFIXES.has(tokenKey(last));
}

/** A name phrase's kind, from the phrase alone. */
function kindOfName(phrase: NounPhrase): EntityKind {
  const texts = phrase.name.map((t) => t.text);
  const whole = countryPhraseAt(texts, 0) ?? (phrase.amongCountries ? ambiguousCountry(texts) : null);
  if (whole && whole.length === texts.length && whole.speakerKind) return whole.speakerKind;
  if (phrase.name.some((t) => ORG_WORDS.has(tokenKey(t)) && t.cap)) return 'organization';
  // A place ("Vermont", "New Hampshire") speaks only as an institution.
  if (phrase.name.every((t) => PLACE_NAMES.has(tokenKey(t)) || t.lower === 'new')) return 'organization';
  if (phrase.name.length === 1 && /^[\p{Lu}&]{2,}$/u.test(phrase.name[0]!.text)) return 'organization';
  const descriptors = [...phrase.title, ...phrase.appositive].map(tokenKey);
  const personTitle = descriptors.some((k) => TITLE_WORDS.has(k) && !ORG_WORDS.has(k));
  if (!personTitle && descriptors.some((k) => ORG_DESCRIPTORS.has(k))) return 'organization';
  return 'person';
}

/** "Iran’s Foreign Ministry" → "Iranian Foreign Ministry"; "Microsoft Corp" → "Microsoft". */
function institutionName(tokens: readonly Token[]): string {
  let body = [...tokens];
  // "owner Menatep Group": a lower-case description before the name is not part of it.
  const firstCap = body.findIndex((t) => t.cap);
  if (firstCap > 0 && body.slice(firstCap).every((t) => t.cap || NAME_GLUE.has(t.lower))) {
    body = body.slice(firstCap);
  }
  while (body.length > 1 && CORPORATE_SUFFIXES.has(tokenKey(body[body.length - 1]!))) body.pop();
  const texts = body.map((t) => t.text);
  const hit = countryPhraseAt(texts, 0);
  if (hit && hit.evidence !== 'demonym' && body[hit.length]?.lower === "'s" && body.length > hit.length + 1) {
    const demonym = countryDemonym(hit.code);
    if (demonym && body.slice(hit.length + 1).every((t) => t.cap)) {
      return `${demonym} ${tokensText(body.slice(hit.length + 1))}`;
    }
  }
  return tokensText(body);
}

function personName(phrase: NounPhrase): string {
  let name = phrase.name;
  while (name.length > 1 && CORPORATE_SUFFIXES.has(tokenKey(name[name.length - 1]!)))
    name = name.slice(0, -1);
  return tokensText(name.filter((t) => !HONORIFICS.has(tokenKey(t))));
}

interface Moment {
  position: number;
  entity: Entity;
  salient: boolean;
}

/** How far back (in mentions) a pronoun, description or bridge looks: bounded, so linear overall. */
const SCAN_LIMIT = 400;
/** Candidates examined for a near-miss spelling. */
const FUZZY_LIMIT = 200;
const MAX_TITLES = 8;
/** Characters back within which a pronoun's antecedent counts as near. */
const PRONOUN_REACH = 3000;
/** Name words shorter than this are too short for a one-letter difference to be a misspelling. */
const MIN_FUZZY_LENGTH = 4;
/** Shouted names shorter than this are acronyms ("BBC"), kept as written. */
const MIN_SHOUTED_NAME = 4;
/** "the firm", "the company": only a short description stands for the organisation an article is about. */
const MAX_GENERIC_DESCRIPTION = 2;

/** Index of the first item whose position is > `position` (items sorted by position). */
function upperBound(items: readonly { position: number }[], position: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.position <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of sorted numbers < `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class EntityTable {
  readonly entities: Entity[] = [];
  private readonly byKey = new Map<string, Entity>();
  /** First and last name words of multi-word person names → entities. */
  private readonly byNamePart = new Map<string, Entity[]>();
  /** First letter of a person's last name word → entities, for near-miss spellings. */
  private readonly byInitial = new Map<string, Entity[]>();
  /** Mentions registered before resolution, sorted once they are all in. */
  private timeline: Moment[] = [];
  /** Mentions added while resolving speakers, in document order. */
  private readonly late: Moment[] = [];
  private readonly noted = new Set<string>();
  /** Positions of each entity's mentions: full names (first pass) and others, each sorted. */
  private readonly fullAt = new Map<Entity, number[]>();
  private readonly otherAt = new Map<Entity, number[]>();
  private resolving = false;

  /** Registers every named mention (in document order) before speakers are resolved. */
  addNamedMentions(mentions: readonly Mention[]): void {
    const fullNames = mentions.filter((m) => m.phrase.kind === 'name' && m.phrase.name.length > 1);
    for (const m of fullNames) this.entityForName(m, true);
    for (const m of mentions) {
      if (m.phrase.kind === 'name' || isInstitutionName(m.phrase)) this.entityForName(m, false);
    }
    this.timeline.sort((a, b) => a.position - b.position);
    this.resolving = true;
    const organisations = this.timeline.filter((t) => t.entity.kind === 'organization' && t.entity.country);
    for (const e of this.entities) this.settleCountry(e, organisations);
  }

  /** The entity a name mention denotes, created if new. */
  entityForName(m: Mention, firstPass = false): Entity | null {
    const phrase = m.phrase;
    if (isInstitutionName(phrase)) return this.institution(m);
    if (phrase.kind !== 'name') return null;
    const kind = kindOfName(phrase);
    if (kind !== 'person') return this.namedThing(m, kind);
    const keys = phrase.name.map(tokenKey).filter((k) => !HONORIFICS.has(k) && k !== "'s");
    if (keys.length === 0) return null;
    let entity = keys.length > 1 ? this.fullName(keys) : null;
    if (!entity && !firstPass) entity = this.bySurname(keys, m.position);
    if (!entity && firstPass) entity = this.nearMissFullName(keys);
    if (!entity) entity = this.byKey.get(`n:${personName(phrase).toLowerCase()}`) ?? null;
    if (!entity) {
      entity = this.create(personName(phrase), 'person', keys);
      this.byKey.set(`n:${keys.join(' ')}`, entity);
      if (keys.length > 1) this.indexPerson(entity);
    }
    if (!firstPass || keys.length > 1) this.note(entity, m, firstPass);
    return entity;
  }

  private indexPerson(e: Entity): void {
    const parts = new Set([e.nameKeys[0]!, e.nameKeys[e.nameKeys.length - 1]!]);
    for (const p of parts) {
      const list = this.byNamePart.get(p);
      if (list) list.push(e);
      else this.byNamePart.set(p, [e]);
    }
    const last = e.nameKeys[e.nameKeys.length - 1]!;
    const initial = last[0] ?? '';
    const list = this.byInitial.get(initial);
    if (list) list.push(e);
    else this.byInitial.set(initial, [e]);
  }

  private fullName(keys: string[]): Entity | null {
    return this.byKey.get(`n:${keys.join(' ')}`) ?? null;
  }

  /** Recent persons whose last name starts with the same letter: candidates for a near miss. */
  private fuzzyCandidates(key: string): Entity[] {
    const list = this.byInitial.get(key[0] ?? '') ?? [];
    return list.slice(-FUZZY_LIMIT);
  }

  /** "Chad Wolf" after "Chad Wolfe". */
  private nearMissFullName(keys: string[]): Entity | null {
    for (const e of this.fuzzyCandidates(keys[keys.length - 1]!)) {
      if (e.nameKeys.length !== keys.length) continue;
      const same = e.nameKeys.every(
        (k, i) => k === keys[i] || (k.length >= MIN_FUZZY_LENGTH && editDistanceAtMostOne(k, keys[i]!)),
      );
      if (same) return e;
    }
    return null;
  }

  /** A lone surname (or given name) joins the full name it fits that the article has used most. */
  private bySurname(keys: string[], position: number): Entity | null {
    if (keys.length > 1) return this.nearMissFullName(keys);
    const key = keys[0]!;
    const exact = this.byNamePart.get(key) ?? [];
    if (exact.length > 0) return this.mostMentioned(exact, position);
    if (key.length < MIN_FUZZY_LENGTH) return null;
    const fuzzy = this.fuzzyCandidates(key).filter((e) =>
      [e.nameKeys[0]!, e.nameKeys[e.nameKeys.length - 1]!].some(
        (k) => k.length >= MIN_FUZZY_LENGTH && k[0] === key[0] && editDistanceAtMostOne(k, key),
      ),
    );
    return fuzzy.length > 0 ? this.mostMentioned(fuzzy, position) : null;
  }

  /**
   * "Trump" after both "Donald Trump" and "Ivanka Trump": the one the article
   * has mentioned most before `position` (ties to the later mention), else
   * the first one mentioned after it.
   */
  private mostMentioned(candidates: readonly Entity[], position: number): Entity | null {
    let best: Entity | null = null;
    let bestCount = 0;
    let bestLast = -1;
    for (const e of candidates) {
      const full = this.fullAt.get(e) ?? [];
      const other = this.otherAt.get(e) ?? [];
      const nFull = countBelow(full, position + 1);
      const nOther = countBelow(other, position + 1);
      const count = nFull + nOther;
      const last = Math.max(nFull ? full[nFull - 1]! : -1, nOther ? other[nOther - 1]! : -1);
      if (count > bestCount || (count === bestCount && count > 0 && last > bestLast)) {
        best = e;
        bestCount = count;
        bestLast = last;
      }
    }
    if (best) return best;
    let firstAfter: Entity | null = null;
    let firstAt = Number.POSITIVE_INFINITY;
    for (const e of candidates) {
      const at = Math.min(
        this.fullAt.get(e)?.[0] ?? Number.POSITIVE_INFINITY,
        this.otherAt.get(e)?.[0] ?? Number.POSITIVE_INFINITY,
      );
      if (at < firstAt) {
        firstAt = at;
        firstAfter = e;
      }
    }
    return firstAfter ?? candidates[0] ?? null;
  }

  /** Mentions before `position`, latest first, from both the registered and the late mentions. */
  private *before(position: number, limit = SCAN_LIMIT): Generator<Moment> {
    let i = upperBound(this.timeline, position - 1) - 1;
    let j = upperBound(this.late, position - 1) - 1;
    for (let n = 0; n < limit && (i >= 0 || j >= 0); n++) {
      const a = this.timeline[i];
      const b = this.late[j];
      if (a && (!b || a.position >= b.position)) {
        i--;
        yield a;
      } else if (b) {
        j--;
        yield b;
      }
    }
  }

  /** Among entities passing `test`, the one mentioned last before `position`, else first after it. */
  private closestFitting(test: (e: Entity) => boolean, position: number): Entity | null {
    for (const t of this.before(position + 1)) if (test(t.entity)) return t.entity;
    const start = upperBound(this.timeline, position);
    for (let i = start; i < this.timeline.length && i - start < SCAN_LIMIT; i++) {
      if (test(this.timeline[i]!.entity)) return this.timeline[i]!.entity;
    }
    return null;
  }

  private institution(m: Mention): Entity {
    const tokens = m.phrase.kind === 'name' ? [...m.phrase.title, ...m.phrase.name] : m.phrase.title;
    const name = institutionName(tokens);
    const key = `n:${name.toLowerCase()}`;
    let e = this.byKey.get(key);
    if (e && e.kind === 'person' && e.nameKeys.length === 1) e.kind = 'organization';
    if (!e) {
      e = this.create(name, 'organization', [name.toLowerCase()]);
      this.byKey.set(key, e);
      const head = tokenKey(tokens[tokens.length - 1]!);
      if (ORG_WORDS.has(head)) e.orgHeads.add(head);
      e.country = countryIn(tokens);
    }
    this.note(e, m);
    return e;
  }

  private namedThing(m: Mention, kind: EntityKind): Entity {
    const texts = m.phrase.name.map((t) => t.text);
    const hit = countryPhraseAt(texts, 0) ?? (m.phrase.amongCountries ? ambiguousCountry(texts) : null);
    const isCountry = hit && hit.length === texts.length;
    const name = isCountry && kind === 'state' ? countryName(hit.code) : institutionName(m.phrase.name);
    const key = `n:${name.toLowerCase()}`;
    let e = this.byKey.get(key);
    if (e && e.kind === 'person' && e.nameKeys.length === 1) e.kind = kind;
    if (!e) {
      e = this.create(name, kind, [name.toLowerCase()]);
      this.byKey.set(key, e);
      if (isCountry) e.country = hit.code;
    }
    this.note(e, m);
    return e;
  }

  private create(name: string, kind: EntityKind, nameKeys: string[]): Entity {
    const e: Entity = {
      id: this.entities.length,
      name,
      kind,
      nameKeys,
      titles: [],
      titleKeys: new Set(),
      country: null,
      gender: null,
      firstPosition: Number.POSITIVE_INFINITY,
      orgHeads: new Set(),
      descriptionOnly: false,
      spoke: false,
    };
    this.entities.push(e);
    return e;
  }

  /** Records a mention: its place in the timeline, its title, gender and country evidence. */
  note(e: Entity, m: Mention, firstPass = false): void {
    const phrase = m.phrase;
    preferReadableName(e, phrase);
    if (m.speaker) e.spoke = true;
    const id = `${e.id}:${m.position}`;
    if (!this.noted.has(id)) {
      this.noted.add(id);
      e.firstPosition = Math.min(e.firstPosition, m.position);
      const moment = { position: m.position, entity: e, salient: m.salient };
      if (this.resolving) this.late.push(moment);
      else this.timeline.push(moment);
      const at = firstPass ? this.fullAt : this.otherAt;
      const list = at.get(e);
      if (list) list.push(m.position);
      else at.set(e, [m.position]);
    }
    const title = [...phrase.title];
    if (e.kind === 'person' && title.length > 0) this.addTitle(e, title);
    if (e.kind === 'person' && phrase.appositive.length > 0) this.addTitle(e, phrase.appositive, true);
    if (e.kind === 'organization' && title.length > 0 && phrase.kind === 'name') {
      for (const t of title) if (ORG_DESCRIPTORS.has(tokenKey(t))) e.orgHeads.add(tokenKey(t));
      if (title.some((t) => ORG_DESCRIPTORS.has(tokenKey(t)))) this.addTitle(e, title);
      e.country ??= countryIn(title);
    }
    e.gender ??= genderOf(phrase);
  }

  private addTitle(e: Entity, tokens: readonly Token[], appositive = false): void {
    if (e.titles.length >= MAX_TITLES) return;
    const text = tokensText(appositive ? trimAppositive(tokens) : tokens);
    if (!text || e.titles.includes(text)) return;
    e.titles.push(text);
    for (const t of tokens) e.titleKeys.add(tokenKey(t));
    const country = countryIn(tokens);
    if (country && !e.country) e.country = country;
  }

  /**
   * A person's country when no title gives one: the institution their title
   * names ("ministry spokesman" after "Iran's Foreign Ministry"), the last one
   * mentioned before them, else the first one after.
   */
  private settleCountry(e: Entity, organisations: readonly Moment[]): void {
    if (e.country || e.kind !== 'person') return;
    const heads = [...e.titleKeys].filter((k) => ORG_WORDS.has(k));
    if (heads.length === 0) return;
    const fits = (o: Entity) => heads.some((h) => o.orgHeads.has(h));
    const start = upperBound(organisations, e.firstPosition);
    for (let i = start - 1; i >= 0 && start - i <= SCAN_LIMIT; i--) {
      if (fits(organisations[i]!.entity)) {
        e.country = organisations[i]!.entity.country;
        return;
      }
    }
    for (let i = start; i < organisations.length && i - start < SCAN_LIMIT; i++) {
      if (fits(organisations[i]!.entity)) {
        e.country = organisations[i]!.entity.country;
        return;
      }
    }
  }

  /**
   * The person a pronoun refers to: the most recent salient (subject or
   * speaker) person before `position` with a compatible gender, else the most
   * recent such person at all. `maxBack` bounds "recent", in characters.
   */
  resolvePronoun(pronoun: string, position: number, maxBack = PRONOUN_REACH): Entity | null {
    const wantGender: Gender = pronoun === 'she' ? 'f' : pronoun === 'he' ? 'm' : null;
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
    for (const t of this.before(position)) {
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
  resolveDescription(phrase: NounPhrase, position: number): Entity | null {
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
    const described = this.closestFitting(fits, position);
    if (described || !GENERIC_ORG_HEADS.has(head) || keys.length > MAX_GENERIC_DESCRIPTION) return described;
    // "the firm said": the company the article is about, named or not as one before.
    const company = this.closestFitting(
      (e) =>
        !e.descriptionOnly && (e.kind === 'organization' || (e.kind === 'person' && !isClearlyPerson(e))),
      position,
    );
    if (company && company.kind === 'person') company.kind = 'organization';
    return company;
  }

  /** Records that a pronoun resolved to a person: a gender for later pronouns. */
  notePronoun(e: Entity, pronoun: string, position: number, salient: boolean): void {
    if (e.kind === 'person' && e.gender === null) {
      e.gender = pronoun === 'she' ? 'f' : pronoun === 'he' ? 'm' : null;
    }
    if (pronoun === 'it' && e.kind === 'person' && !isClearlyPerson(e)) e.kind = 'organization';
    this.late.push({ position, entity: e, salient });
  }

  /** A speaker known only by description ("analysts", "the report"). */
  describedOnly(phrase: NounPhrase, position: number): Entity {
    const text = tokensText(phrase.title);
    const key = `d:${text.toLowerCase()}`;
    let e = this.byKey.get(key);
    if (!e) {
      const head = tokenKey(phrase.title[phrase.title.length - 1]!);
      const org = ORG_WORDS.has(head) || ORG_DESCRIPTORS.has(head) || !SPEAKER_NOUNS.has(head);
      const kind: EntityKind =
        org && !PLURAL_PERSON_HEADS.has(head) && !TITLE_WORDS.has(head) ? 'organization' : 'person';
      e = this.create(text, kind, [text.toLowerCase()]);
      e.descriptionOnly = true;
      e.country = countryIn(phrase.title);
      this.byKey.set(key, e);
    }
    this.note(e, { phrase, position, salient: true, sentence: -1 });
    return e;
  }
}

/** "HUFFPOLLSTER" in a headline, "HuffPollster" in the text: keep the form that is not shouted. */
function preferReadableName(e: Entity, phrase: NounPhrase): void {
  if (e.name.length < MIN_SHOUTED_NAME || e.name !== e.name.toUpperCase() || phrase.kind !== 'name') return;
  const written = tokensText(phrase.name);
  if (written.toLowerCase() === e.name.toLowerCase() && written !== written.toUpperCase()) e.name = written;
}

/** A lone capitalised word ("Arizona", "Politico") is a person only with some evidence. */
function isClearlyPerson(e: Entity): boolean {
  return e.nameKeys.length > 1 || e.gender !== null || e.titles.length > 0 || e.spoke;
}

/** An appositive like "a Democratic pollster and consultant" without its determiner. */
function trimAppositive(tokens: readonly Token[]): Token[] {
  let t = [...tokens];
  const opener = (w: string) =>
    ['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(w) || SENTENCE_ADVERBS.has(w);
  while (t.length > 0 && opener(t[0]!.lower)) t = t.slice(1);
  while (t.length > 0 && t[t.length - 1]!.type === 'punct') t.pop();
  return t;
}
