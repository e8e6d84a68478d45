import type {
  ClientMessage,
  MessageOf,
  MessageType,
  Reply,
  Role,
  SessionView,
} from '@kiosk/protocol';
import { MESSAGES, roleAllows } from '@kiosk/protocol';
import type { ApiContext } from './api-context';
import { ApiFailure, fail } from './api-failure';
import { StaffActions } from './staff-actions';
import { TechnicianActions } from './technician-actions';
import { DeviceTestActions } from './device-test-actions';
import { HANDLERS, type ApiScope, type Handler } from './handlers';
import { systemAuthClock, type AuthClock } from '../auth/auth-clock';
import { PinPolicyError } from '../auth/pin-policy';
import type { RateBucket } from '../auth/rate-bucket';
import { SignInGuard } from '../auth/sign-in-guard';
import { isDiskFull } from '../store/disk-full';

export { ApiFailure } from './api-failure';

/** Staff sessions end after this much time without a message (monotonic clock). */
export const STAFF_SESSION_IDLE_MS = 5 * 60_000;

/**
 * One client's session: its role, and the handling of each (already schema-checked) message.
 * Authorisation happens here, in the core, for every message: the UI hiding a button is not a
 * control. Every staff and technician action goes to the audit log with who and when, whether
 * it succeeded or was refused.
 */
export interface ApiSessionOptions {
  /** Idle limits run on its monotonic clock; stamps (reprint time) on its wall clock. */
  readonly clock?: AuthClock;
  /** Sign-in limits shared by all connections of one server; without it, this session's own. */
  readonly guard?: SignInGuard;
}

export class ApiSession {
  private role: Role = 'citizen';
  private user: string | undefined;
  private lastSeen: number;
  private readonly clock: AuthClock;
  private readonly guard: SignInGuard;
  private readonly signInAllowance: RateBucket;
  /** What the handlers see of this session (handlers/api-handler.ts). */
  private readonly scope: ApiScope;

  constructor(
    private readonly ctx: ApiContext,
    options: ApiSessionOptions = {},
  ) {
    this.clock = options.clock ?? systemAuthClock;
    this.guard = options.guard ?? new SignInGuard(undefined, this.clock);
    this.signInAllowance = this.guard.connectionBucket();
    this.lastSeen = this.clock.monotonicMs();
    const wallNow = () => this.clock.wallMs();
    this.scope = {
      ctx,
      staff: new StaffActions(ctx, wallNow),
      technician: new TechnicianActions(ctx),
      deviceTests: new DeviceTestActions(ctx, wallNow, () => this.actor),
      actor: () => this.actor,
      signIn: (m) => this.signIn(m.role, m.user, m.pin, m.newPin),
      signOut: () => this.signOut(),
      createFirstTechnician: (m) => this.firstRunSetup(m.user, m.pin, m.code),
    };
  }

  view(): SessionView {
    return {
      role: this.role,
      user: this.user,
      demo: this.ctx.demo !== undefined,
      kioskId: this.ctx.kioskId,
      centreName: this.ctx.centreName,
    };
  }

  private get actor(): string {
    return `${this.role}:${this.user ?? '?'}`;
  }

  /** Ends a staff/technician session idle for longer than the limit. True when it ended. */
  expireIfIdle(): boolean {
    if (
      this.role === 'citizen' ||
      this.clock.monotonicMs() - this.lastSeen <= STAFF_SESSION_IDLE_MS
    )
      return false;
    this.ctx.audit.record(this.actor, 'session.expired');
    this.becomeCitizen();
    return true;
  }

  /** The connection closed: its session place is free again. */
  dispose(): void {
    this.becomeCitizen();
  }

  private becomeCitizen(): void {
    this.role = 'citizen';
    this.user = undefined;
    this.guard.closeSession(this);
  }

  private authorise<K extends MessageType>(message: MessageOf<K>, handler: Handler<K>): void {
    this.expireIfIdle();
    this.lastSeen = this.clock.monotonicMs();
    const required = MESSAGES[message.type].role;
    if (!roleAllows(required, this.role)) {
      this.ctx.logger.warn('api.forbidden', { type: message.type, role: this.role });
      // A refused staff/technician power is security-relevant; a refused journey step is not.
      if (required !== 'citizen')
        this.ctx.audit.record(
          this.actor,
          message.type,
          handler.subject?.(message),
          'refused: FORBIDDEN',
        );
      const needed = typeof required === 'string' ? required : required.join(' or ');
      fail('FORBIDDEN', `${message.type} needs the ${needed} role; this session is ${this.role}`);
    }
  }

  /** Handles one message; returns the reply data (or throws ApiFailure). */
  handle(message: ClientMessage): Promise<Reply[MessageType]> {
    return this.handleOne(message);
  }

  private async handleOne<K extends MessageType>(message: MessageOf<K>): Promise<Reply[K]> {
    const handler: Handler<K> = HANDLERS[message.type];
    this.authorise(message, handler);
    if (MESSAGES[message.type].audit !== 'audited') return handler.run(message, this.scope);
    const actor = handler.actor ?? this.actor;
    try {
      const data = await handler.run(message, this.scope);
      this.ctx.audit.record(
        actor,
        message.type,
        handler.subject?.(message),
        handler.detail?.(data),
      );
      return data;
    } catch (error) {
      const code =
        error instanceof ApiFailure
          ? [error.error.code, error.error.reason].filter(Boolean).join(' ')
          : isDiskFull(error)
            ? 'DISK_FULL'
            : 'INTERNAL';
      this.ctx.audit.record(actor, message.type, handler.subject?.(message), `failed: ${code}`);
      throw error;
    }
  }

  private signOut(): SessionView {
    if (this.role !== 'citizen') this.ctx.audit.record(this.actor, 'sign-out');
    this.becomeCitizen();
    return this.view();
  }

  /** Setup codes are guessed like PINs: the same rate limits come first, then the code's own lock. */
  private async firstRunSetup(
    user: string,
    pin: string,
    code: string,
  ): Promise<Reply['setup.createTechnician']> {
    const admitted = this.guard.admit(this.signInAllowance);
    if (!admitted.ok)
      fail(
        'RATE_LIMITED',
        `too many attempts; try again in ${Math.ceil(admitted.retryAfterMs / 1000)} s`,
      );
    try {
      return await this.scope.technician.createFirstTechnician(user, pin, code);
    } catch (error) {
      if (error instanceof PinPolicyError) fail('BAD_MESSAGE', error.message);
      throw error;
    }
  }

  /**
   * Rate limits first (no scrypt work for a refused try), then a session place, then the
   * account's own serialized, counted check (`AccountStore.signIn`).
   */
  private async signIn(
    role: 'staff' | 'technician',
    user: string,
    pin: string,
    newPin: string | undefined,
  ): Promise<SessionView> {
    const who = `${role}:${user}`;
    const admitted = this.guard.admit(this.signInAllowance);
    if (!admitted.ok) {
      this.ctx.audit.record(who, 'sign-in.failed', undefined, 'rate-limited');
      this.ctx.onSignInFailed?.(role, 'rate-limited');
      fail(
        'RATE_LIMITED',
        `too many sign-in attempts; try again in ${Math.ceil(admitted.retryAfterMs / 1000)} s`,
      );
    }
    const heldPlace = this.role !== 'citizen';
    if (!this.guard.openSession(this)) {
      this.ctx.audit.record(who, 'sign-in.failed', undefined, 'too-many-sessions');
      this.ctx.onSignInFailed?.(role, 'too-many-sessions');
      fail(
        'TOO_MANY_SESSIONS',
        `${this.guard.limits.maxSessions} staff/technician sessions are open; sign one out first`,
      );
    }
    let result;
    try {
      result = await this.ctx.accounts.signIn(user, role, pin, { newPin });
    } catch (error) {
      if (!heldPlace) this.guard.closeSession(this);
      if (error instanceof PinPolicyError) fail('BAD_MESSAGE', error.message);
      throw error;
    }
    if (!result.ok) {
      if (!heldPlace) this.guard.closeSession(this);
      this.ctx.audit.record(who, 'sign-in.failed', undefined, result.reason);
      this.ctx.onSignInFailed?.(role, result.reason);
      if (result.reason === 'locked') {
        fail(
          'LOCKED_OUT',
          `too many wrong PINs; try again in ${Math.ceil(result.retryAfterMs / 1000)} s`,
        );
      }
      if (result.reason === 'pin-change-required') {
        fail(
          'PIN_CHANGE_REQUIRED',
          'this PIN is shorter than 6 digits; sign in again with a new PIN of 6 to 12 digits',
        );
      }
      fail('SIGN_IN_FAILED', 'wrong user or PIN');
    }
    this.role = role;
    this.user = user;
    this.lastSeen = this.clock.monotonicMs();
    this.ctx.audit.record(who, newPin === undefined ? 'sign-in' : 'sign-in.pin-changed');
    return this.view();
  }
}
