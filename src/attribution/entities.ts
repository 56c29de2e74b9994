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
import { countryDemonym, countryName, countryPhraseAt } from './countries.ts';
import {
  CORPORATE_SUFFIXES,
  FEMALE_WORDS,
  HONORIFICS,
  MALE_WORDS,
  ORG_WORDS,
  PLACE_NAMES,
  SPEAKER_NOUNS,
  TITLE_WORDS,
  words,
} from './lexicon.ts';
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
  /** Offsets of mentions, in document order. */
  positions: number[];
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

/** Nouns that make a named thing an organisation when they describe it ("the US corporation Microsoft"). */
const ORG_DESCRIPTORS = words(
  'company corporation firm group organization organisation network newspaper paper magazine agency outlet website channel broadcaster bank fund party committee campaign union ministry department team club maker giant retailer manufacturer startup start-up carrier airline brand chain publisher',
);
const PLURAL_PERSON_HEADS = words(
  'officials analysts experts critics residents voters lawyers aides sources observers supporters opponents activists leaders members lawmakers senators economists investigators prosecutors researchers scientists historians police authorities diplomats candidates officers witnesses protesters people parents friends families neighbors neighbours students workers employees executives staffers advisers advisors spokespeople owners fans users customers citizens republicans democrats',
);

function tokenKey(t: Token | string): string {
  const s = typeof t === 'string' ? t : t.text;
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\.$/, '');
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
  const whole = countryPhraseAt(texts, 0);
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
  const body = [...tokens];
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

export class EntityTable {
  readonly entities: Entity[] = [];
  private readonly byKey = new Map<string, Entity>();
  /** Name mentions in document order: [position, entity, salient]. */
  private readonly timeline: { position: number; entity: Entity; salient: boolean }[] = [];

  /** Registers every named mention (in document order) before speakers are resolved. */
  addNamedMentions(mentions: readonly Mention[]): void {
    const fullNames = mentions.filter((m) => m.phrase.kind === 'name' && m.phrase.name.length > 1);
    for (const m of fullNames) this.entityForName(m, true);
    for (const m of mentions) {
      if (m.phrase.kind === 'name' || isInstitutionName(m.phrase)) this.entityForName(m, false);
    }
    for (const e of this.entities) this.settleCountry(e);
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
    }
    if (!firstPass || keys.length > 1) this.note(entity, m);
    return entity;
  }

  private fullName(keys: string[]): Entity | null {
    return this.byKey.get(`n:${keys.join(' ')}`) ?? null;
  }

  /** "Chad Wolf" after "Chad Wolfe". */
  private nearMissFullName(keys: string[]): Entity | null {
    for (const e of this.entities) {
      if (e.kind !== 'person' || e.nameKeys.length !== keys.length) continue;
      const same = e.nameKeys.every(
        (k, i) => k === keys[i] || (k.length >= 4 && editDistanceAtMostOne(k, keys[i]!)),
      );
      if (same) return e;
    }
    return null;
  }

  /** A lone surname (or given name) joins the most recently mentioned full name it fits. */
  private bySurname(keys: string[], position: number): Entity | null {
    if (keys.length > 1) return this.nearMissFullName(keys);
    const key = keys[0]!;
    const fits = (e: Entity, fuzzy: boolean) =>
      e.kind === 'person' &&
      e.nameKeys.length > 1 &&
      e.nameKeys.some((k, i) => {
        const usable = i === e.nameKeys.length - 1 || i === 0;
        if (!usable) return false;
        return (
          k === key ||
          (fuzzy && k.length >= 4 && key.length >= 4 && k[0] === key[0] && editDistanceAtMostOne(k, key))
        );
      });
    return (
      this.mostMentioned((e) => fits(e, false), position) ??
      this.mostMentioned((e) => fits(e, true), position)
    );
  }

  /**
   * "Trump" after both "Donald Trump" and "Ivanka Trump": the one the article
   * has mentioned most so far (ties to the most recent), else the first after.
   */
  private mostMentioned(test: (e: Entity) => boolean, position: number): Entity | null {
    const counts = new Map<Entity, number>();
    let best: Entity | null = null;
    for (const t of this.timeline) {
      if (t.position > position) break;
      if (!test(t.entity)) continue;
      const n = (counts.get(t.entity) ?? 0) + 1;
      counts.set(t.entity, n);
      if (!best || n >= (counts.get(best) ?? 0)) best = t.entity;
    }
    return best ?? this.closestFitting(test, position);
  }

  /** Among entities passing `test`, the one mentioned last before `position`, else first after it. */
  private closestFitting(test: (e: Entity) => boolean, position: number): Entity | null {
    let before: Entity | null = null;
    let after: Entity | null = null;
    for (const t of this.timeline) {
      if (!test(t.entity)) continue;
      if (t.position <= position) before = t.entity;
      else if (!after) after = t.entity;
    }
    if (before || after) return before ?? after;
    return this.entities.find(test) ?? null;
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
    const hit = countryPhraseAt(texts, 0);
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
      positions: [],
      orgHeads: new Set(),
      descriptionOnly: false,
      spoke: false,
    };
    this.entities.push(e);
    return e;
  }

  /** Records a mention: its title, gender and country evidence. */
  note(e: Entity, m: Mention): void {
    const phrase = m.phrase;
    if (m.speaker) e.spoke = true;
    if (!e.positions.includes(m.position)) {
      e.positions.push(m.position);
      this.insertTimeline({ position: m.position, entity: e, salient: m.salient });
    }
    const title = [...phrase.title];
    if (e.kind === 'person' && title.length > 0) this.addTitle(e, title);
    if (e.kind === 'person' && phrase.appositive.length > 0) this.addTitle(e, phrase.appositive, true);
    if (e.kind === 'organization' && title.length > 0) {
      for (const t of title) if (ORG_DESCRIPTORS.has(tokenKey(t))) e.orgHeads.add(tokenKey(t));
      e.country ??= countryIn(title);
    }
    e.gender ??= genderOf(phrase);
  }

  private addTitle(e: Entity, tokens: readonly Token[], appositive = false): void {
    const text = tokensText(appositive ? trimAppositive(tokens) : tokens);
    if (!text || e.titles.includes(text)) return;
    e.titles.push(text);
    for (const t of tokens) e.titleKeys.add(tokenKey(t));
    const country = countryIn(tokens);
    if (country && !e.country) e.country = country;
  }

  /** A person's country: from titles, else from the institution their title names ("ministry spokesman"). */
  settleCountry(e: Entity): void {
    if (e.country || e.kind !== 'person') return;
    const heads = [...e.titleKeys].filter((k) => ORG_WORDS.has(k));
    if (heads.length === 0) return;
    const first = e.positions[0] ?? 0;
    let best: Entity | null = null;
    for (const t of this.timeline) {
      if (t.position > first && best) break;
      const o = t.entity;
      if (o.kind !== 'organization' || !o.country) continue;
      if (heads.some((h) => o.orgHeads.has(h))) best = o;
    }
    if (best) e.country = best.country;
  }

  /**
   * The person a pronoun refers to: the most recent salient (subject or
   * speaker) person before `position` with a compatible gender, else the most
   * recent such person at all. `maxBack` bounds the search in characters.
   */
  resolvePronoun(pronoun: string, position: number, maxBack = 3000): Entity | null {
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
      if (pronoun === 'it') return e.kind === 'organization' || e.kind === 'state';
      return e.kind === 'organization' || e.kind === 'state';
    };
    let fallback: Entity | null = null;
    let distant: Entity | null = null;
    for (let i = this.timeline.length - 1; i >= 0; i--) {
      const t = this.timeline[i]!;
      if (t.position >= position) continue;
      const near = position - t.position <= maxBack;
      if (!ok(t.entity)) {
        // Gender is a guess: with nobody else around, the last person will do.
        if (personal && t.entity.kind === 'person' && !t.entity.descriptionOnly) distant ??= t.entity;
        continue;
      }
      if (near && t.salient) return t.entity;
      if (near) fallback ??= t.entity;
      else distant ??= t.entity;
    }
    return fallback ?? distant;
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
    return this.closestFitting(fits, position);
  }

  /** Records that a pronoun resolved to a person: a gender for later pronouns. */
  notePronoun(e: Entity, pronoun: string, position: number, salient: boolean): void {
    if (e.kind === 'person' && e.gender === null)
      e.gender = pronoun === 'she' ? 'f' : pronoun === 'he' ? 'm' : null;
    this.insertTimeline({ position, entity: e, salient });
  }

  /** Keeps the timeline in document order (mentions mostly arrive in order, so this is cheap). */
  private insertTimeline(item: { position: number; entity: Entity; salient: boolean }): void {
    let i = this.timeline.length;
    while (i > 0 && this.timeline[i - 1]!.position > item.position) i--;
    this.timeline.splice(i, 0, item);
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

/** A lone capitalised word ("Arizona", "Politico") is a person only with some evidence. */
function isClearlyPerson(e: Entity): boolean {
  return e.nameKeys.length > 1 || e.gender !== null || e.titles.length > 0 || e.spoke;
}

/** An appositive like "a Democratic pollster and consultant" without its determiner. */
function trimAppositive(tokens: readonly Token[]): Token[] {
  let t = [...tokens];
  while (t.length > 0 && ['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(t[0]!.lower))
    t = t.slice(1);
  while (t.length > 0 && t[t.length - 1]!.type === 'punct') t.pop();
  return t;
}
