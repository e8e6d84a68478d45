import { systemAuthClock, type AuthClock } from './auth-clock';
import { RateBucket, type RateLimit } from './rate-bucket';

/**
 * Limits on sign-in attempts and on open staff/technician sessions. The per-account lockout
 * stops guessing at one account; these stop an attacker who sprays guesses at many user names
 * or opens many connections, and bound the scrypt work (CPU and 128 MiB each) a client can cause.
 * A person at the PIN pad, or a technician's `kiosk` command, stays far below them.
 */
export interface SignInLimits {
  /** Attempts per WebSocket connection. */
  readonly perConnection: RateLimit;
  /** Attempts over all connections together. */
  readonly overall: RateLimit;
  /** Staff and technician sessions open at once (the screen, plus a few SSH commands). */
  readonly maxSessions: number;
}

export const SIGN_IN_LIMITS: SignInLimits = {
  perConnection: { burst: 5, refillMs: 5_000 },
  overall: { burst: 10, refillMs: 3_000 },
  maxSessions: 4,
};

export type AdmitResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'rate-limited'; readonly retryAfterMs: number };

/** One per API server: the overall limit and the open sessions, shared by every connection. */
export class SignInGuard {
  private readonly overall: RateBucket;
  private readonly sessions = new Set<object>();

  constructor(
    readonly limits: SignInLimits = SIGN_IN_LIMITS,
    private readonly clock: AuthClock = systemAuthClock,
  ) {
    this.overall = new RateBucket(limits.overall, () => clock.monotonicMs());
  }

  /** The per-connection allowance for a new connection. */
  connectionBucket(): RateBucket {
    return new RateBucket(this.limits.perConnection, () => this.clock.monotonicMs());
  }

  /** Admits one attempt if both the connection's and the overall allowance have a try left. */
  admit(connection: RateBucket): AdmitResult {
    const wait = Math.max(connection.waitMs(), this.overall.waitMs());
    if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterMs: wait };
    connection.take();
    this.overall.take();
    return { ok: true };
  }

  /** Reserves a session place for `holder`; false when all places are taken. */
  openSession(holder: object): boolean {
    if (this.sessions.has(holder)) return true;
    if (this.sessions.size >= this.limits.maxSessions) return false;
    this.sessions.add(holder);
    return true;
  }

  closeSession(holder: object): void {
    this.sessions.delete(holder);
  }
}
