/**
 * Per-user cooldown between queries. `take` both checks and starts the
 * cooldown, so two interactions arriving together cannot both pass.
 */
const SWEEP_AT = 1000;

export class Cooldowns {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the user may go ahead (and the cooldown starts); otherwise whole seconds to wait. */
  take(userId: string): number {
    if (this.seconds <= 0) return 0;
    const now = this.now();
    const until = this.until.get(userId) ?? 0;
    if (until > now) return Math.ceil((until - now) / 1000);
    if (this.until.size >= SWEEP_AT) this.sweep(now);
    this.until.set(userId, now + this.seconds * 1000);
    return 0;
  }

  private sweep(now: number): void {
    for (const [user, until] of this.until) if (until <= now) this.until.delete(user);
  }
}
