import { createHash } from 'node:crypto';
import type { ClientMessage, ReplyData, Role, SessionView } from '../../protocol';
import { fieldVersion, REQUIRED_ROLE, roleAllows } from '../../protocol';
import { answerCameraFrame, answerCameraTest } from '../camera/camera-api';
import type { JourneyEvent } from '../flow/journey-events';
import type { ApiContext } from './api-context';
import { ApiFailure, fail } from './api-failure';
import { StaffActions } from './staff-actions';
import { exportLogs } from './support-actions';
import { TechnicianActions } from './technician-actions';
import { DeviceTestActions, SELF_AUDITED_DEVICE_TESTS } from './device-test-actions';
import { assignedAddress } from '../devices/device-assignment';
import { systemAuthClock, type AuthClock } from '../auth/auth-clock';
import { SETUP_ACTOR } from '../auth/first-technician';
import { PinPolicyError } from '../auth/pin-policy';
import type { RateBucket } from '../auth/rate-bucket';
import { SignInGuard } from '../auth/sign-in-guard';
import { isDiskFull } from '../store/disk-full';

export { ApiFailure } from './api-failure';

/** Staff sessions end after this much time without a message (monotonic clock). */
export const STAFF_SESSION_IDLE_MS = 5 * 60_000;

/** Citizen messages that map one-to-one onto journey events. */
const JOURNEY_EVENTS: Partial<Record<ClientMessage['type'], JourneyEvent['type']>> = {
  'journey.cancel': 'CANCEL',
  'journey.continue': 'CONTINUE',
  'journey.back': 'BACK',
  'journey.confirm': 'CONFIRM',
  'journey.retry': 'RETRY',
  'journey.useOtherMethod': 'USE_OTHER_METHOD',
  'journey.finish': 'FINISH',
  'journey.openStatusLookup': 'OPEN_STATUS_LOOKUP',
};

/** Messages written to the audit log besides every staff/technician-only one. */
const ALSO_AUDITED = new Set<ClientMessage['type']>(['setup.createTechnician']);

/** What an audit entry names as the thing acted on (never a PIN). */
function subjectOf(message: ClientMessage): string | undefined {
  switch (message.type) {
    case 'receipts.reprint':
    case 'receipts.preview':
      return message.dossierCode;
    case 'receipts.find':
      return [message.dossierCode, message.personalId, message.from, message.to]
        .map((v) => v ?? '')
        .join('|');
    case 'outbox.retry':
      return String(message.outboxId);
    case 'logs.export':
      return `from:${message.from ?? 'oldest'}`;
    case 'config.set':
      return Object.keys(message.settings).join(',');
    case 'config.apply':
      // The bundle as received; config_bundles maps it to its serial and signer once applied.
      return `sha256:${createHash('sha256').update(message.bundle, 'utf8').digest('hex')}`;
    case 'accounts.create':
      return `${message.role}:${message.user}`;
    case 'devices.assign':
      return `${message.assignment.role}:${assignedAddress(message.assignment)}`;
    case 'setup.createTechnician':
      return `technician:${message.user}`;
    default:
      return undefined;
  }
}

/** What an audit entry adds about a success, where the reply says more than the message. */
function detailOf(message: ClientMessage, data: unknown): string | undefined {
  if (message.type !== 'config.apply') return undefined;
  const applied = data as ReplyData['config.apply'];
  return `serial ${applied.serial}, key ${applied.keyId}, changed ${applied.changed.join(',') || 'nothing'}`;
}

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
  private readonly staff: StaffActions;
  private readonly technician: TechnicianActions;
  private readonly deviceTests: DeviceTestActions;

  constructor(
    private readonly ctx: ApiContext,
    options: ApiSessionOptions = {},
  ) {
    this.clock = options.clock ?? systemAuthClock;
    this.guard = options.guard ?? new SignInGuard(undefined, this.clock);
    this.signInAllowance = this.guard.connectionBucket();
    this.lastSeen = this.clock.monotonicMs();
    const wallNow = () => this.clock.wallMs();
    this.staff = new StaffActions(ctx, wallNow);
    this.technician = new TechnicianActions(ctx);
    this.deviceTests = new DeviceTestActions(ctx, wallNow, () => this.actor);
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

  private authorise(message: ClientMessage): void {
    this.expireIfIdle();
    this.lastSeen = this.clock.monotonicMs();
    const required = REQUIRED_ROLE[message.type];
    if (!roleAllows(required, this.role)) {
      this.ctx.logger.warn('api.forbidden', { type: message.type, role: this.role });
      // A refused staff/technician power is security-relevant; a refused journey step is not.
      if (required !== 'citizen')
        this.ctx.audit.record(this.actor, message.type, subjectOf(message), 'refused: FORBIDDEN');
      const needed = typeof required === 'string' ? required : required.join(' or ');
      fail('FORBIDDEN', `${message.type} needs the ${needed} role; this session is ${this.role}`);
    }
  }

  /** Handles one message; returns the reply data (or throws ApiFailure). */
  async handle(message: ClientMessage): Promise<unknown> {
    this.authorise(message);
    const required = REQUIRED_ROLE[message.type];
    const audited =
      (ALSO_AUDITED.has(message.type) || (required !== 'any' && required !== 'citizen')) &&
      !SELF_AUDITED_DEVICE_TESTS.has(message.type);
    if (!audited) return this.dispatch(message);
    const actor = message.type === 'setup.createTechnician' ? SETUP_ACTOR : this.actor;
    try {
      const data = await this.dispatch(message);
      this.ctx.audit.record(actor, message.type, subjectOf(message), detailOf(message, data));
      return data;
    } catch (error) {
      const code =
        error instanceof ApiFailure
          ? [error.error.code, error.error.reason].filter(Boolean).join(' ')
          : isDiskFull(error)
            ? 'DISK_FULL'
            : 'INTERNAL';
      this.ctx.audit.record(actor, message.type, subjectOf(message), `failed: ${code}`);
      throw error;
    }
  }

  private async dispatch(message: ClientMessage): Promise<unknown> {
    const { ctx } = this;
    if (message.type.startsWith('journey.') && message.type !== 'journey.activity') {
      ctx.journey.send({ type: 'ACTIVITY' });
    }
    const simple = JOURNEY_EVENTS[message.type];
    if (simple) {
      ctx.journey.send({ type: simple } as JourneyEvent);
      return undefined;
    }
    switch (message.type) {
      case 'journey.activity':
        ctx.journey.send({ type: 'ACTIVITY' });
        return undefined;
      case 'journey.selectProcedure':
        ctx.journey.send({ type: 'SELECT_PROCEDURE', code: message.code });
        return undefined;
      case 'journey.updateField': {
        // The chart refuses a stale edit too; this check only tells the client it was refused.
        const form = ctx.journey.view().form;
        if (form && fieldVersion(form, message.fieldId) !== message.version)
          fail('CONFLICT', `${message.fieldId} changed since this edit began; it was not applied`);
        const { fieldId, value, version } = message;
        ctx.journey.send({ type: 'UPDATE_FIELD', fieldId, value, version });
        return undefined;
      }
      case 'journey.lookupStatus':
        ctx.journey.send({ type: 'LOOKUP_STATUS', code: message.code.trim().toUpperCase() });
        return undefined;
      case 'journey.mrzCaptured':
        ctx.journey.send({ type: 'MRZ_READ', text: message.text });
        return undefined;
      case 'camera.frame':
        return answerCameraFrame(ctx.camera, message.jpeg);
      case 'camera.config':
        return {
          deviceLabel: ctx.settings?.current().camera?.deviceLabel,
        } satisfies ReplyData['camera.config'];
      case 'catalogue.list':
        return ctx.procedures.summaries() satisfies ReplyData['catalogue.list'];
      case 'demo.placeCard':
      case 'demo.removeCard':
      case 'demo.setPrinterPaper':
      case 'demo.scanQr': {
        const demo = ctx.demo ?? fail('NOT_IN_DEMO', 'demo controls exist only in demo mode');
        if (message.type === 'demo.placeCard') demo.placeCard(message.citizenIndex);
        else if (message.type === 'demo.scanQr') demo.scanQr(message.citizenIndex);
        else if (message.type === 'demo.setPrinterPaper') demo.setPrinterPaper(message.paper);
        else demo.removeCard();
        return undefined;
      }
      case 'auth.signIn':
        return this.signIn(message.role, message.user, message.pin, message.newPin);
      case 'auth.signOut':
        if (this.role !== 'citizen') ctx.audit.record(this.actor, 'sign-out');
        this.becomeCitizen();
        return this.view();
      case 'receipts.find':
        return this.staff.find(message);
      case 'receipts.preview':
        return this.staff.preview(message.dossierCode);
      case 'receipts.reprint':
        return this.staff.reprint(message.dossierCode);
      case 'outbox.list':
        return this.staff.outboxList(message.state);
      case 'outbox.retry':
        return this.staff.outboxRetry(message.outboxId);
      case 'audit.recent':
        return ctx.audit.recent(message.limit) satisfies ReplyData['audit.recent'];
      case 'devices.list':
        return this.deviceTests.list();
      case 'devices.assign':
        return this.deviceTests.assign(message.assignment);
      case 'devices.testCardRead':
        return this.deviceTests.testCardRead(message.can, message.mrz);
      case 'devices.testQr':
        return this.deviceTests.testQr(message.timeoutSeconds);
      case 'devices.cancelTest':
        return this.deviceTests.cancel();
      case 'devices.testCamera':
        return answerCameraTest(ctx.camera, message.jpeg);
      case 'devices.testPrint':
        return this.deviceTests.testPrint();
      case 'health':
        return ctx.health();
      case 'logs.export':
        return exportLogs(ctx, message.from);
      case 'config.get':
        return this.technician.configGet();
      case 'config.set':
        return this.technician.configSet(message.settings);
      case 'config.apply':
        return this.technician.configApply(message.bundle, this.actor);
      case 'accounts.create':
        return this.technician.createAccount(message.user, message.role, message.pin);
      case 'setup.status':
        return this.technician.setupStatus();
      case 'setup.createTechnician':
        return this.firstRunSetup(message.user, message.pin, message.code);
      default:
        return fail('BAD_MESSAGE', `unhandled message ${(message as { type: string }).type}`);
    }
  }

  /** Setup codes are guessed like PINs: the same rate limits come first, then the code's own lock. */
  private async firstRunSetup(
    user: string,
    pin: string,
    code: string,
  ): Promise<ReplyData['setup.createTechnician']> {
    const admitted = this.guard.admit(this.signInAllowance);
    if (!admitted.ok)
      fail(
        'RATE_LIMITED',
        `too many attempts; try again in ${Math.ceil(admitted.retryAfterMs / 1000)} s`,
      );
    try {
      return await this.technician.createFirstTechnician(user, pin, code);
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
