/**
 * Per-user query budget: a token bucket. Each user's bucket holds `burst`
 * queries and gets one back every `refillMs`; a query spends one, and a
 * query that finds the bucket empty is refused (and spends nothing, so
 * asking again while refused does not push the wait back).
 *
 * Stored as one number per user, the moment their bucket will be full again
 * (the "generic cell rate algorithm" form of a token bucket): a bucket that
 * is full again is the same as no entry at all, which is what makes idle
 * users free to forget. `take` checks and spends in one synchronous step, so
 * two interactions arriving together cannot both have the last query.
 *
 * Written here rather than taken from a library. Looked at (npm view, npm pack):
 * - rate-limiter-flexible 11.4.0 (ISC, no dependencies, 461 kB unpacked in 87
 *   files, mostly Redis, Mongo and SQL back ends we would not use): its
 *   in-memory limiter counts fixed windows (a burst at the end of one window
 *   and another at the start of the next admit twice the burst), a burst on
 *   top of a rate takes two limiters chained (BurstyRateLimiter), it keeps a
 *   timer per key, and it reads Date.now, so tests cannot inject a clock.
 * - limiter 4.1.0 (MIT, no dependencies, 103 kB): one bucket, not one per
 *   user, on performance.now.
 * The bucket below is a few lines of arithmetic with its clock injected; the
 * property tests in test/bot/rate-limit.test.ts hold it to its budget.
 */

export interface RateLimitOptions {
  /** Queries a user may make at once; 0 turns rate limiting off. */
  burst: number;
  /** Milliseconds for one query to come back. */
  refillMs: number;
  /** Forget idle users once this many are remembered (the threshold then follows the live count). */
  sweepAt?: number;
}

const SWEEP_AT = 1000;

export class RateLimiter {
  /** User id → when that user's bucket is full again (ms). Only users with a part-empty bucket. */
  private readonly fullAt = new Map<string, number>();
  private readonly burst: number;
  private readonly refillMs: number;
  private readonly minSweepAt: number;
  private sweepAt: number;

  constructor(
    options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.burst = Math.max(0, Math.floor(options.burst));
    this.refillMs = Math.max(1, options.refillMs);
    this.minSweepAt = options.sweepAt ?? SWEEP_AT;
    this.sweepAt = this.minSweepAt;
  }

  /** 0 when the user may go ahead (one query spent); otherwise milliseconds until they may. */
  take(userId: string): number {
    if (this.burst === 0) return 0;
    const now = this.now();
    const fullAt = Math.max(this.fullAt.get(userId) ?? now, now);
    // The bucket is short of full by (fullAt - now) / refillMs queries; one whole one must be left.
    const wait = fullAt - now - (this.burst - 1) * this.refillMs;
    if (wait > 0) return wait;
    if (!this.fullAt.has(userId) && this.fullAt.size >= this.sweepAt) this.sweep(now);
    this.fullAt.set(userId, fullAt + this.refillMs);
    return 0;
  }

  /** How many users are remembered (those whose bucket is not full yet, and some not swept yet). */
  get size(): number {
    return this.fullAt.size;
  }

  /**
   * Forgets every user whose bucket is full again. The next sweep waits until
   * the map has doubled, so a crowd of active users costs amortised O(1) per
   * query, and memory stays within twice the users active in the last
   * burst × refill (20 s by default), or `sweepAt`.
   */
  private sweep(now: number): void {
    for (const [user, fullAt] of this.fullAt) if (fullAt <= now) this.fullAt.delete(user);
    this.sweepAt = Math.max(this.minSweepAt, 2 * this.fullAt.size);
  }
}
