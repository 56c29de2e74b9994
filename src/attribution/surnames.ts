/**
 * Person names by their parts: a lone surname (or given name) joins the full
 * name the article has used most ("Trump" after "Donald Trump"), and a
 * near-miss spelling joins the name it misspells ("Wolf" → "Chad Wolfe").
 */
import type { Entity } from './entity.ts';
import { editDistanceAtMostOne } from './names.ts';

/** Candidates examined for a near-miss spelling. */
const FUZZY_LIMIT = 200;
/** Name words shorter than this are too short for a one-letter difference to be a misspelling. */
const MIN_FUZZY_LENGTH = 4;

/** "Jr.", "Sr.", "III": a generation suffix names a different person from the same name without it. */
const GENERATION_SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/;

function hasGenerationSuffix(e: Entity): boolean {
  return e.nameKeys.length > 1 && GENERATION_SUFFIX.test(e.nameKeys[e.nameKeys.length - 1]!);
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

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class SurnameIndex {
  /** First and last name words of multi-word person names → entities. */
  private readonly byNamePart = new Map<string, Entity[]>();
  /** First letter of a person's last name word → entities, for near-miss spellings. */
  private readonly byInitial = new Map<string, Entity[]>();
  /** Positions of each entity's mentions: full names (first pass) and others, each sorted. */
  private readonly fullAt = new Map<Entity, number[]>();
  private readonly otherAt = new Map<Entity, number[]>();

  /** Indexes a person with a multi-word name by its first and last words. */
  add(e: Entity): void {
    for (const part of new Set([e.nameKeys[0]!, e.nameKeys[e.nameKeys.length - 1]!])) {
      pushTo(this.byNamePart, part, e);
    }
    const last = e.nameKeys[e.nameKeys.length - 1]!;
    pushTo(this.byInitial, last[0] ?? '', e);
  }

  /** Counts a mention, by full name (first pass) or otherwise, for `mostMentioned`. */
  mentioned(e: Entity, position: number, fullName: boolean): void {
    pushTo(fullName ? this.fullAt : this.otherAt, e, position);
  }

  /** Recent persons whose last name starts with the same letter: candidates for a near miss. */
  private fuzzyCandidates(key: string): Entity[] {
    const list = this.byInitial.get(key[0] ?? '') ?? [];
    return list.slice(-FUZZY_LIMIT);
  }

  /** "Chad Wolf" after "Chad Wolfe". */
  nearMissFullName(keys: string[]): Entity | null {
    if (keys.length === 2 && GENERATION_SUFFIX.test(keys[1]!)) {
      // "Trump Jr." after "Donald Trump Jr.".
      const same = (this.byNamePart.get(keys[1]!) ?? []).filter(
        (e) => e.nameKeys.length > 2 && e.nameKeys[e.nameKeys.length - 2] === keys[0],
      );
      if (same.length > 0) return this.firstMentionedOf(same);
    }
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
  bySurname(keys: string[], position: number): Entity | null {
    if (keys.length > 1) return this.nearMissFullName(keys);
    const key = keys[0]!;
    let exact = this.byNamePart.get(key) ?? [];
    // "Trump" after "Donald Trump" and "Trump Jr.": the one without a generation suffix.
    if (exact.some((e) => !hasGenerationSuffix(e))) exact = exact.filter((e) => !hasGenerationSuffix(e));
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
    return best ?? this.firstMentionedOf(candidates);
  }

  /** The candidate mentioned first, else the first candidate. */
  private firstMentionedOf(candidates: readonly Entity[]): Entity | null {
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
}
