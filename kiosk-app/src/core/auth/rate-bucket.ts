/**
 * A token bucket on a monotonic clock: `burst` tries at once, then one more every `refillMs`.
 * The clock is read at each call, so a test can drive it.
 */
export interface RateLimit {
  readonly burst: number;
  readonly refillMs: number;
}

export class RateBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {
    this.tokens = limit.burst;
    this.last = now();
  }

  /** Takes one try if there is one; false when the caller must wait. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until the next try is available (0: now). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * this.limit.refillMs);
  }

  private refill(): void {
    const now = this.now();
    // A monotonic clock does not go back; the max() only guards a faulty injected one.
    const elapsed = Math.max(0, now - this.last);
    this.last = now;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsed / this.limit.refillMs);
  }
}
