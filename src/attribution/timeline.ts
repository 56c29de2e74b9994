/**
 * Every mention of an entity in document order, for looking back from a
 * pronoun or a description to what it refers to. Mentions registered before
 * speakers are resolved are sorted once; those added while resolving arrive
 * in document order and are kept apart, and the two are merged on the fly.
 */
import type { Entity } from './entity.ts';

/** How far back (in mentions) a pronoun, description or bridge looks: bounded, so linear overall. */
export const SCAN_LIMIT = 400;

/** One mention of an entity: where, and whether it was a subject or speaker. */
export interface Moment {
  position: number;
  entity: Entity;
  salient: boolean;
}

/** Index of the first item whose position is > `position` (items sorted by position). */
export function upperBound(items: readonly { position: number }[], position: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.position <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Timeline {
  /** Mentions registered before resolution, sorted once they are all in. */
  private readonly registered: Moment[] = [];
  /** Mentions added while resolving speakers, in document order. */
  private readonly late: Moment[] = [];
  private resolving = false;

  /** A mention: registered before resolution starts, late after. */
  add(moment: Moment): void {
    if (this.resolving) this.late.push(moment);
    else this.registered.push(moment);
  }

  /** A mention found while resolving (a pronoun that resolved). */
  addLate(moment: Moment): void {
    this.late.push(moment);
  }

  /** Ends registration: the registered mentions in document order, and later ones late. */
  startResolving(): readonly Moment[] {
    this.registered.sort((a, b) => a.position - b.position);
    this.resolving = true;
    return this.registered;
  }

  /** Mentions before `position`, latest first, from both the registered and the late mentions. */
  *before(position: number, limit = SCAN_LIMIT): Generator<Moment> {
    let i = upperBound(this.registered, position - 1) - 1;
    let j = upperBound(this.late, position - 1) - 1;
    for (let n = 0; n < limit && (i >= 0 || j >= 0); n++) {
      const a = this.registered[i];
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
  closestFitting(test: (e: Entity) => boolean, position: number): Entity | null {
    for (const t of this.before(position + 1)) if (test(t.entity)) return t.entity;
    const start = upperBound(this.registered, position);
    for (let i = start; i < this.registered.length && i - start < SCAN_LIMIT; i++) {
      if (test(this.registered[i]!.entity)) return this.registered[i]!.entity;
    }
    return null;
  }
}
