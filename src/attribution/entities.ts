/**
 * Who the speakers are: a per-document entity table built from every name
 * mentioned outside quotes, so a later or earlier description fills in a
 * title or country ("his Russian counterpart Sergei Lavrov" makes "Lavrov"
 * Russian), surnames and near-miss spellings join a full name (./surnames.ts),
 * and pronouns and descriptions resolve to the most recent compatible person
 * (./references.ts).
 *
 * Country evidence is only ever read from a speaker's own name, title and
 * appositions (./speaker-country.ts).
 */
import {
  BUILDING_WORDS,
  HONORIFICS,
  NAME_GLUE,
  ORG_DESCRIPTORS,
  ORG_WORDS,
  PLURAL_PERSON_HEADS,
  SPEAKER_NOUNS,
  TITLE_WORDS,
} from '../lexicon/index.ts';
import { ambiguousCountry, countryName, countryPhraseAt } from './countries.ts';
import { type Entity, type EntityKind, isClearlyPerson, type Mention, newEntity } from './entity.ts';
import {
  genderOf,
  institutionName,
  isInstitutionName,
  kindOfName,
  personName,
  preferReadableName,
  tokenKey,
  tokensText,
  trimAppositive,
} from './names.ts';
import type { NounPhrase } from './phrases.ts';
import { pronounGender, resolveDescription, resolvePronoun } from './references.ts';
import { countryIn, settleCountry } from './speaker-country.ts';
import { SurnameIndex } from './surnames.ts';
import { Timeline } from './timeline.ts';
import type { Token } from './tokens.ts';

/** Titles kept per entity: enough for every description an article gives one person. */
const MAX_TITLES = 8;

export class EntityTable {
  readonly entities: Entity[] = [];
  /** "n:" + a canonical name, or "d:" + a description → its entity. */
  private readonly byKey = new Map<string, Entity>();
  private readonly surnames = new SurnameIndex();
  private readonly timeline = new Timeline();
  /** Mentions already recorded, as entity id and position. */
  private readonly noted = new Set<string>();
  /** "n:eoc" → "n:equal opportunities commission": acronyms the text defines in brackets. */
  private readonly acronyms = new Map<string, string>();

  /**
   * "the Equal Opportunities Commission (EOC)": an acronym in brackets right
   * after a name whose capitalised words it spells is another name for it.
   */
  addAcronyms(sentences: readonly { tokens: readonly Token[] }[]): void {
    for (const { tokens } of sentences) {
      for (let i = 1; i + 2 < tokens.length; i++) {
        if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')') continue;
        const acronym = tokens[i + 1]!;
        if (acronym.type !== 'word' || !acronym.cap || acronym.text.length < 2) continue;
        let first = i;
        while (first > 0 && tokens[first - 1]!.type === 'word') {
          const t = tokens[first - 1]!;
          if (!t.cap && !NAME_GLUE.has(t.lower)) break;
          first--;
        }
        // The shortest run of capitalised words ending at the bracket that the acronym spells.
        for (let start = i - 1; start >= first; start--) {
          const run = tokens.slice(start, i);
          if (!run[0]!.cap) continue;
          const initials = run
            .filter((t) => t.cap)
            .map((t) => t.lower[0])
            .join('');
          if (initials !== acronym.lower) continue;
          this.acronyms.set(`n:${acronym.lower}`, `n:${institutionName(run).toLowerCase()}`);
          break;
        }
      }
    }
  }

  /** "Hefce", when the text wrote "… Funding Council for England (Hefce)" before. */
  private acronymEntity(t: Token): Entity | undefined {
    const full = this.acronyms.get(`n:${t.lower}`);
    return full ? this.byKey.get(full) : undefined;
  }

  /** The entity a name's key denotes, through an acronym the text defines. */
  private byName(key: string): Entity | undefined {
    const own = this.byKey.get(key);
    if (own) return own;
    const full = this.acronyms.get(key);
    return full ? this.byKey.get(full) : undefined;
  }

  /** Registers every named mention (in document order) before speakers are resolved. */
  addNamedMentions(mentions: readonly Mention[]): void {
    const fullNames = mentions.filter((m) => m.phrase.kind === 'name' && m.phrase.name.length > 1);
    for (const m of fullNames) this.entityForName(m, true);
    for (const m of mentions) {
      if (m.phrase.kind === 'name' || isInstitutionName(m.phrase)) this.entityForName(m, false);
    }
    const registered = this.timeline.startResolving();
    const organisations = registered.filter((t) => t.entity.kind === 'organization' && t.entity.country);
    for (const e of this.entities) settleCountry(e, organisations);
  }

  /** The entity a name mention denotes, created if new. */
  entityForName(m: Mention, firstPass = false): Entity | null {
    const phrase = m.phrase;
    if (isBuilding(phrase)) return null;
    if (isInstitutionName(phrase)) return this.institution(m);
    if (phrase.kind !== 'name') return null;
    const aliased = phrase.name.length === 1 ? this.acronymEntity(phrase.name[0]!) : undefined;
    if (aliased) {
      this.note(aliased, m);
      return aliased;
    }
    const kind = kindOfName(phrase);
    if (kind !== 'person') return this.namedThing(m, kind);
    const keys = phrase.name.map(tokenKey).filter((k) => !HONORIFICS.has(k) && k !== "'s");
    if (keys.length === 0) return null;
    let entity = keys.length > 1 ? (this.byKey.get(`n:${keys.join(' ')}`) ?? null) : null;
    if (!entity && !firstPass) entity = this.surnames.bySurname(keys, m.position);
    if (!entity && firstPass) entity = this.surnames.nearMissFullName(keys);
    if (!entity) entity = this.byKey.get(`n:${personName(phrase).toLowerCase()}`) ?? null;
    if (!entity) {
      entity = this.create(personName(phrase), 'person', keys);
      this.byKey.set(`n:${keys.join(' ')}`, entity);
      if (keys.length > 1) this.surnames.add(entity);
    }
    if (!firstPass || keys.length > 1) this.note(entity, m, firstPass);
    return entity;
  }

  private institution(m: Mention): Entity {
    const tokens = m.phrase.kind === 'name' ? [...m.phrase.title, ...m.phrase.name] : m.phrase.title;
    const name = institutionName(tokens);
    const key = `n:${name.toLowerCase()}`;
    let e = this.byName(key);
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
    let e = this.byName(key);
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
    const e = newEntity(this.entities.length, name, kind, nameKeys);
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
      this.timeline.add({ position: m.position, entity: e, salient: m.salient });
      this.surnames.mentioned(e, m.position, firstPass);
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

  /** The person (or organisation, for "it") a pronoun at `position` refers to. */
  resolvePronoun(pronoun: string, position: number): Entity | null {
    return resolvePronoun(this.timeline, pronoun, position);
  }

  /** "the Chinese Foreign Ministry spokesman" → the last person whose titles fit. */
  resolveDescription(phrase: NounPhrase, position: number): Entity | null {
    return resolveDescription(this.timeline, phrase, position);
  }

  /** Records that a pronoun resolved to a person: a gender for later pronouns. */
  notePronoun(e: Entity, pronoun: string, position: number, salient: boolean): void {
    if (e.kind === 'person' && e.gender === null) e.gender = pronounGender(pronoun);
    if (pronoun === 'it' && e.kind === 'person' && !isClearlyPerson(e)) e.kind = 'organization';
    this.timeline.addLate({ position, entity: e, salient });
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

/** "Trump Tower", "Baker Street": a building or street is a place, unless it is an institution ("Downing Street"). */
function isBuilding(phrase: NounPhrase): boolean {
  const all = phrase.kind === 'name' ? phrase.name : phrase.title;
  const last = all[all.length - 1];
  if (!last?.cap || !BUILDING_WORDS.has(tokenKey(last))) return false;
  const texts = all.map((t) => t.text);
  const hit = countryPhraseAt(texts, 0);
  return !(hit && hit.length === texts.length && hit.speakerKind);
}
