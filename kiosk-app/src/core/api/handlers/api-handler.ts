import type { MessageOf, MessageType, Reply, SessionView } from '@kiosk/protocol';
import type { ApiContext } from '../api-context';
import type { DeviceTestActions } from '../device-test-actions';
import type { StaffActions } from '../staff-actions';
import type { TechnicianActions } from '../technician-actions';

/** What a handler may use: the core's API context, the actions, and its own session. */
export interface ApiScope {
  readonly ctx: ApiContext;
  readonly staff: StaffActions;
  readonly technician: TechnicianActions;
  readonly deviceTests: DeviceTestActions;
  /** `role:user` of the session, as audit entries name it. */
  actor(): string;
  signIn(message: MessageOf<'auth.signIn'>): Promise<SessionView>;
  signOut(): SessionView;
  createFirstTechnician(
    message: MessageOf<'setup.createTechnician'>,
  ): Promise<Reply['setup.createTechnician']>;
}

/**
 * The core's side of one registry entry: what it does, and (for audited messages) what the audit
 * entry says about it. The role check and the audit entry itself happen in the session.
 */
export interface Handler<K extends MessageType> {
  readonly run: (message: MessageOf<K>, scope: ApiScope) => Promise<Reply[K]>;
  /** What the audit entry names as the thing acted on (never a PIN). */
  readonly subject?: (message: MessageOf<K>) => string;
  /** What the audit entry adds about a success, where the reply says more than the message. */
  readonly detail?: (reply: Reply[K]) => string;
  /** Who the audit entry names, where not the session (first-run setup has no one signed in). */
  readonly actor?: string;
}

/** Handlers of some of the messages: one area's file. */
export type HandlerArea<K extends MessageType> = { readonly [T in K]: Handler<T> };
/** Every message's handler: the compiler refuses a registry entry without one. */
export type HandlerMap = HandlerArea<MessageType>;
