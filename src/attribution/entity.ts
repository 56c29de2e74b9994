/**
 * The things that speak in a document, and the mentions that name them: the
 * records the entity table (./entities.ts) keeps and resolves speakers to.
 */
import type { NounPhrase } from './phrases.ts';

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

/** A new entity, not yet mentioned anywhere (its first position is set by its first mention). */
export function newEntity(id: number, name: string, kind: EntityKind, nameKeys: string[]): Entity {
  return {
    id,
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
}

/** A lone capitalised word ("Arizona", "Politico") is a person only with some evidence. */
export function isClearlyPerson(e: Entity): boolean {
  return e.nameKeys.length > 1 || e.gender !== null || e.titles.length > 0 || e.spoke;
}
