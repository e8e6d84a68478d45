import type { ApiError, ClientMessage, ReplyData, Role, SessionView } from '../../protocol';
import { REQUIRED_ROLE } from '../../protocol';
import type { JourneyEvent } from '../flow/journey-events';
import type { ApiContext } from './api-context';

/** Staff sessions end after this much time without a message. */
export const STAFF_SESSION_IDLE_MS = 5 * 60_000;

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

const fail = (code: ApiError['code'], message: string): never => {
  throw new ApiFailure({ code, message });
};

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

/**
 * One client's session: its role, and the handling of each (already schema-checked) message.
 * Authorisation happens here, in the core, for every message: the UI hiding a button is not a
 * control.
 */
export class ApiSession {
  private role: Role = 'citizen';
  private user: string | undefined;
  private lastSeen = Date.now();

  constructor(
    private readonly ctx: ApiContext,
    private readonly now: () => number = Date.now,
  ) {}

  view(): SessionView {
    return {
      role: this.role,
      user: this.user,
      demo: this.ctx.demo !== undefined,
      kioskId: this.ctx.kioskId,
      centreName: this.ctx.centreName,
    };
  }

  private authorise(message: ClientMessage): void {
    if (this.role !== 'citizen' && this.now() - this.lastSeen > STAFF_SESSION_IDLE_MS) {
      this.ctx.audit.record(`${this.role}:${this.user ?? '?'}`, 'session.expired');
      this.role = 'citizen';
      this.user = undefined;
    }
    this.lastSeen = this.now();
    const required = REQUIRED_ROLE[message.type];
    if (required !== 'any' && required !== this.role) {
      this.ctx.logger.warn('api.forbidden', { type: message.type, role: this.role });
      fail('FORBIDDEN', `${message.type} needs the ${required} role; this session is ${this.role}`);
    }
  }

  /** Handles one message; returns the reply data (or throws ApiFailure). */
  async handle(message: ClientMessage): Promise<unknown> {
    this.authorise(message);
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
      case 'journey.updateField':
        ctx.journey.send({ type: 'UPDATE_FIELD', fieldId: message.fieldId, value: message.value });
        return undefined;
      case 'journey.lookupStatus':
        ctx.journey.send({ type: 'LOOKUP_STATUS', code: message.code.trim().toUpperCase() });
        return undefined;
      case 'journey.mrzCaptured':
        ctx.journey.send({ type: 'MRZ_READ', text: message.text });
        return undefined;
      case 'catalogue.list':
        return ctx.procedures.summaries() satisfies ReplyData['catalogue.list'];
      case 'demo.placeCard':
      case 'demo.removeCard':
      case 'demo.scanQr': {
        const demo = ctx.demo ?? fail('NOT_IN_DEMO', 'demo controls exist only in demo mode');
        if (message.type === 'demo.placeCard') demo.placeCard(message.citizenIndex);
        else if (message.type === 'demo.scanQr') demo.scanQr(message.citizenIndex);
        else demo.removeCard();
        return undefined;
      }
      case 'auth.signIn':
        return this.signIn(message.role, message.user, message.pin);
      case 'auth.signOut':
        if (this.role !== 'citizen')
          ctx.audit.record(`${this.role}:${this.user ?? '?'}`, 'sign-out');
        this.role = 'citizen';
        this.user = undefined;
        return this.view();
      case 'receipts.find':
        return ctx.receipts.find(message) satisfies ReplyData['receipts.find'];
      case 'receipts.reprint':
        return this.reprint(message.dossierCode);
      case 'audit.recent':
        return ctx.audit.recent(message.limit);
      case 'devices.list':
        return ctx.devices();
      case 'health':
        return ctx.health();
      default:
        return fail('BAD_MESSAGE', `unhandled message ${message.type}`);
    }
  }

  private async signIn(
    role: 'staff' | 'technician',
    user: string,
    pin: string,
  ): Promise<SessionView> {
    const result = await this.ctx.accounts.signIn(user, role, pin);
    if (!result.ok) {
      this.ctx.audit.record(`${role}:${user}`, 'sign-in.failed', undefined, result.reason);
      if (result.reason === 'locked') {
        fail(
          'LOCKED_OUT',
          `too many wrong PINs; try again in ${Math.ceil(result.retryAfterMs / 1000)} s`,
        );
      }
      fail('SIGN_IN_FAILED', 'wrong user or PIN');
    }
    this.role = role;
    this.user = user;
    this.ctx.audit.record(`${role}:${user}`, 'sign-in');
    return this.view();
  }

  private async reprint(dossierCode: string): Promise<ReplyData['receipts.reprint']> {
    const stored =
      this.ctx.receipts.get(dossierCode) ?? fail('NOT_FOUND', `no receipt ${dossierCode}`);
    const reprintAt = new Date(this.now()).toISOString();
    try {
      await this.ctx.printer.print(stored.receipt, { reprintAt });
    } catch (error) {
      this.ctx.audit.record(`staff:${this.user ?? '?'}`, 'receipt.reprint.failed', dossierCode);
      fail('DEVICE_ERROR', `printer: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.ctx.audit.record(`staff:${this.user ?? '?'}`, 'receipt.reprint', dossierCode);
    return { dossierCode, printed: true };
  }
}
