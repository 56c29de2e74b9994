/** The per-user query budget (token bucket), with an injected clock; properties with fast-check. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/bot/rate-limit.ts';
import { replies } from '../../src/bot/replies.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}

/** How many of `n` queries in a row the limiter admits. */
function admitted(limiter: RateLimiter, user: string, n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (limiter.take(user) === 0) count++;
  return count;
}

describe('RateLimiter', () => {
  it('admits a burst, then says how long until the next query, then gives one back per refill', () => {
    const c = clock();
    const limiter = new RateLimiter({ burst: 5, refillMs: 4000 }, c.now);
    expect(admitted(limiter, 'a', 5)).toBe(5);
    expect(limiter.take('a')).toBe(4000);
    c.advance(1500);
    expect(limiter.take('a')).toBe(2500);
    c.advance(2500);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(4000);
    // Ten seconds give two and a half queries back: two whole ones.
    c.advance(10_000);
    expect(admitted(limiter, 'a', 5)).toBe(2);
  });

  it('spends nothing on a refused query, so asking again while refused does not push the wait back', () => {
    const c = clock();
    const limiter = new RateLimiter({ burst: 2, refillMs: 3000 }, c.now);
    expect(admitted(limiter, 'a', 2)).toBe(2);
    for (let i = 0; i < 30; i++) {
      expect(limiter.take('a')).toBe(3000 - i * 100);
      c.advance(100);
    }
    expect(limiter.take('a')).toBe(0);
  });

  it('keeps each user to their own budget', () => {
    const c = clock();
    const limiter = new RateLimiter({ burst: 3, refillMs: 4000 }, c.now);
    expect(admitted(limiter, 'a', 4)).toBe(3);
    expect(admitted(limiter, 'b', 4)).toBe(3);
    c.advance(4000);
    expect(admitted(limiter, 'a', 4)).toBe(1);
  });

  it('never banks more than the burst, however long a user is away', () => {
    const c = clock();
    const limiter = new RateLimiter({ burst: 5, refillMs: 4000 }, c.now);
    limiter.take('a');
    c.advance(24 * 3600 * 1000);
    expect(admitted(limiter, 'a', 10)).toBe(5);
  });

  it('with a burst of 1 is the old cooldown: one query, then a wait of one refill', () => {
    const c = clock();
    const limiter = new RateLimiter({ burst: 1, refillMs: 3000 }, c.now);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(3000);
    c.advance(3000);
    expect(limiter.take('a')).toBe(0);
  });

  it('is off at a burst of 0', () => {
    const limiter = new RateLimiter({ burst: 0, refillMs: 4000 });
    expect(admitted(limiter, 'a', 100)).toBe(100);
    expect(limiter.size).toBe(0);
  });

  it('forgets users whose bucket is full again, so memory follows the users active lately', () => {
    const c = clock();
    const limiter = new RateLimiter({ burst: 5, refillMs: 4000, sweepAt: 10 }, c.now);
    // 10,000 users, each asking once, one every 100 ms: about 40 have a part-empty bucket at any time.
    let largest = 0;
    for (let i = 0; i < 10_000; i++) {
      expect(limiter.take(`user ${i}`)).toBe(0);
      largest = Math.max(largest, limiter.size);
      c.advance(100);
    }
    expect(largest).toBeLessThanOrEqual(2 * 41 + 1);
    // Forgetting a user changes nothing for them: a full bucket and no entry are the same.
    expect(admitted(limiter, 'user 0', 6)).toBe(5);
  });
});

/** A user's queries: how long after the previous one each comes, and whose it is. */
const events = fc.array(
  fc.record({
    after: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 12_000 })),
    user: fc.nat(4),
  }),
  { maxLength: 120 },
);
const budget = fc.record({
  burst: fc.integer({ min: 1, max: 8 }),
  refillMs: fc.integer({ min: 1, max: 5000 }),
});

describe('RateLimiter properties', () => {
  it('never admits more than burst + elapsed / refill queries of one user in any window', () => {
    fc.assert(
      fc.property(budget, events, ({ burst, refillMs }, queries) => {
        const c = clock();
        const limiter = new RateLimiter({ burst, refillMs, sweepAt: 2 }, c.now);
        const times: number[][] = [[], [], [], [], []];
        for (const { after, user } of queries) {
          c.advance(after);
          if (limiter.take(String(user)) === 0) times[user]!.push(c.now());
        }
        // The fullest windows start and end on admitted queries.
        for (const admittedAt of times)
          for (let i = 0; i < admittedAt.length; i++)
            for (let j = i; j < admittedAt.length; j++) {
              const elapsed = admittedAt[j]! - admittedAt[i]!;
              expect(j - i + 1).toBeLessThanOrEqual(burst + Math.floor(elapsed / refillMs));
            }
      }),
    );
  });

  it('admits a refused user who waits the time it said, and not a millisecond sooner', () => {
    fc.assert(
      fc.property(budget, events, ({ burst, refillMs }, queries) => {
        const c = clock();
        const limiter = new RateLimiter({ burst, refillMs }, c.now);
        for (const { after, user } of queries) {
          c.advance(after);
          const wait = limiter.take(String(user));
          if (wait === 0) continue;
          expect(wait).toBeLessThanOrEqual(refillMs);
          c.advance(wait - 1);
          expect(limiter.take(String(user))).toBe(1);
          c.advance(1);
          expect(limiter.take(String(user))).toBe(0);
        }
      }),
    );
  });

  it('gives a user who waits burst × refill their whole burst back, whatever came before', () => {
    fc.assert(
      fc.property(budget, events, ({ burst, refillMs }, queries) => {
        const c = clock();
        const limiter = new RateLimiter({ burst, refillMs }, c.now);
        for (const { after, user } of queries) {
          c.advance(after);
          limiter.take(String(user));
        }
        c.advance(burst * refillMs);
        for (const user of ['0', '1', '2', '3', '4']) expect(admitted(limiter, user, burst + 1)).toBe(burst);
      }),
    );
  });

  it('answers a user the same whatever other users do, and whether or not idle users were swept', () => {
    fc.assert(
      fc.property(budget, events, ({ burst, refillMs }, queries) => {
        const c = clock();
        const everyone = new RateLimiter({ burst, refillMs, sweepAt: 1 }, c.now);
        const alone = [0, 1, 2, 3, 4].map(() => new RateLimiter({ burst, refillMs, sweepAt: 1e9 }, c.now));
        for (const { after, user } of queries) {
          c.advance(after);
          expect(everyone.take(String(user))).toBe(alone[user]!.take(String(user)));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the refusal', () => {
  it('says when to try again, as a Discord relative time and in seconds, and what the budget is', () => {
    expect(replies.rateLimited(1_700_000_003_200, 3200, { burst: 5, refillSeconds: 4 })).toBe(
      "You're asking quickly: try again <t:1700000004:R> (in 4 s). " +
        'Everyone can ask 5 questions in a row, then one more every 4 s.',
    );
    expect(replies.rateLimited(1_700_000_030_000, 30_000, { burst: 1, refillSeconds: 30 })).toContain(
      'try again <t:1700000030:R> (in 30 s). Everyone can ask one question every 30 s.',
    );
  });
});
