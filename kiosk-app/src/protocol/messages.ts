/**
 * The one API between the renderer (or any client) and the kiosk core: JSON messages over a
 * WebSocket on 127.0.0.1. Every client message carries an `id`; the core answers each with a
 * `reply` of the same id. The schemas are the single source of the types on both sides, and the
 * core parses every incoming frame with them before anything else looks at it.
 */
import { z } from 'zod';
import type { DossierStatusView, JourneyView, ProcedureSummary, ReceiptView } from './journey-view';

export const ROLES = ['citizen', 'staff', 'technician'] as const;
export type Role = (typeof ROLES)[number];

const text = z.string().max(500);
const fieldValue = z.union([
  z.string().max(2000),
  z.boolean(),
  z.object({ province: text, commune: text, detail: text.optional(), district: text.optional() }),
  z
    .array(z.record(z.string(), z.union([z.string().max(2000), z.boolean()])))
    .max(50)
    .readonly(),
]);

const id = z.number().int().nonnegative();
/** Account names: letters, digits, dot, dash, underscore (they appear in the audit log). */
const accountUser = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'a user name is letters, digits, dot, dash or underscore');
const accountPin = z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits');

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ id, type: z.literal('journey.activity') }),
  z.object({ id, type: z.literal('journey.cancel') }),
  z.object({ id, type: z.literal('journey.selectProcedure'), code: z.string().min(1).max(40) }),
  z.object({
    id,
    type: z.literal('journey.updateField'),
    fieldId: z.string().min(1).max(80),
    value: fieldValue,
  }),
  z.object({ id, type: z.literal('journey.continue') }),
  z.object({ id, type: z.literal('journey.back') }),
  z.object({ id, type: z.literal('journey.confirm') }),
  z.object({ id, type: z.literal('journey.retry') }),
  z.object({ id, type: z.literal('journey.useOtherMethod') }),
  z.object({ id, type: z.literal('journey.finish') }),
  z.object({ id, type: z.literal('journey.openStatusLookup') }),
  z.object({ id, type: z.literal('journey.lookupStatus'), code: z.string().min(1).max(40) }),
  z.object({ id, type: z.literal('journey.mrzCaptured'), text: z.string().min(1).max(200) }),
  z.object({ id, type: z.literal('catalogue.list') }),
  z.object({
    id,
    type: z.literal('demo.placeCard'),
    citizenIndex: z.number().int().min(0).max(999),
  }),
  z.object({ id, type: z.literal('demo.scanQr'), citizenIndex: z.number().int().min(0).max(999) }),
  z.object({ id, type: z.literal('demo.removeCard') }),
  z.object({
    id,
    type: z.literal('auth.signIn'),
    role: z.enum(['staff', 'technician']),
    user: z.string().min(1).max(64),
    pin: z.string().min(4).max(12),
  }),
  z.object({ id, type: z.literal('auth.signOut') }),
  z.object({
    id,
    type: z.literal('receipts.find'),
    dossierCode: z.string().max(40).optional(),
    personalId: z.string().max(12).optional(),
    from: z.string().max(10).optional(),
    to: z.string().max(10).optional(),
  }),
  z.object({ id, type: z.literal('receipts.reprint'), dossierCode: z.string().min(1).max(40) }),
  z.object({
    id,
    type: z.literal('audit.recent'),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  z.object({ id, type: z.literal('receipts.preview'), dossierCode: z.string().min(1).max(40) }),
  z.object({
    id,
    type: z.literal('outbox.list'),
    state: z.enum(['queued', 'sending', 'sent', 'failed']).optional(),
  }),
  z.object({ id, type: z.literal('outbox.retry'), outboxId: z.number().int().positive() }),
  z.object({ id, type: z.literal('devices.list') }),
  z.object({ id, type: z.literal('devices.testPrint') }),
  z.object({ id, type: z.literal('health') }),
  z.object({ id, type: z.literal('config.get') }),
  z.object({
    id,
    type: z.literal('config.set'),
    // The shape is checked as a whole by the settings schema in the core (core/settings).
    settings: z.record(z.string().max(40), z.unknown()),
  }),
  z.object({
    id,
    type: z.literal('accounts.create'),
    role: z.enum(['staff', 'technician']),
    user: accountUser,
    pin: accountPin,
  }),
  z.object({ id, type: z.literal('setup.status') }),
  z.object({ id, type: z.literal('setup.createTechnician'), user: accountUser, pin: accountPin }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientMessageType = ClientMessage['type'];
/** A client message without its correlation id, as the renderer composes it. */
export type ClientCommand = ClientMessage extends infer M
  ? M extends { id: number }
    ? Omit<M, 'id'>
    : never
  : never;

/** Who may send a message: one role, several roles, or anyone. */
export type RoleRequirement = Role | 'any' | readonly Role[];

/**
 * The role allowed to send each message. Staff and technician powers are disjoint: a
 * technician cannot reprint and staff cannot configure devices; both may read the audit log.
 */
export const REQUIRED_ROLE: Readonly<Record<ClientMessageType, RoleRequirement>> = {
  'journey.activity': 'citizen',
  'journey.cancel': 'citizen',
  'journey.selectProcedure': 'citizen',
  'journey.updateField': 'citizen',
  'journey.continue': 'citizen',
  'journey.back': 'citizen',
  'journey.confirm': 'citizen',
  'journey.retry': 'citizen',
  'journey.useOtherMethod': 'citizen',
  'journey.finish': 'citizen',
  'journey.openStatusLookup': 'citizen',
  'journey.lookupStatus': 'citizen',
  'journey.mrzCaptured': 'citizen',
  'catalogue.list': 'any',
  'demo.placeCard': 'citizen',
  'demo.scanQr': 'citizen',
  'demo.removeCard': 'citizen',
  'auth.signIn': 'any',
  'auth.signOut': 'any',
  'receipts.find': 'staff',
  'receipts.reprint': 'staff',
  'receipts.preview': 'staff',
  'outbox.list': 'staff',
  'outbox.retry': 'staff',
  'audit.recent': ['staff', 'technician'],
  'devices.list': 'technician',
  'devices.testPrint': 'technician',
  health: 'technician',
  'config.get': 'technician',
  'config.set': 'technician',
  'accounts.create': 'technician',
  // Checked in the core: allowed only while no technician account exists (first-run setup).
  'setup.status': 'any',
  'setup.createTechnician': 'any',
};

/** Whether a session of `role` may send a message with this requirement. */
export function roleAllows(required: RoleRequirement, role: Role): boolean {
  if (required === 'any') return true;
  if (typeof required === 'string') return required === role;
  return required.includes(role);
}

export type ApiErrorCode =
  | 'BAD_JSON'
  | 'BAD_MESSAGE'
  | 'FORBIDDEN'
  | 'NOT_IN_DEMO'
  | 'SIGN_IN_FAILED'
  | 'LOCKED_OUT'
  | 'NOT_FOUND'
  | 'DEVICE_ERROR'
  | 'INVALID_SETTINGS'
  | 'NOT_AVAILABLE'
  | 'SETUP_DONE'
  | 'CONFLICT'
  | 'INTERNAL';

export interface ApiError {
  readonly code: ApiErrorCode;
  readonly message: string;
}

export interface DeviceView {
  readonly id: string;
  readonly role: string;
  readonly kind: 'cardReader' | 'printer' | 'mrzReader' | 'qrScanner' | 'camera';
  readonly status: string;
  readonly detail?: string;
}

export interface SessionView {
  readonly role: Role;
  readonly user?: string;
  readonly demo: boolean;
  readonly kioskId: string;
  readonly centreName: string;
}

export type ServerMessage =
  | { readonly type: 'journey'; readonly view: JourneyView }
  | { readonly type: 'session'; readonly session: SessionView }
  | { readonly type: 'devices'; readonly devices: readonly DeviceView[] }
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly data?: unknown }
  | {
      readonly type: 'reply';
      readonly id: number | null;
      readonly ok: false;
      readonly error: ApiError;
    };

/** Typed payloads of replies that carry data. */
export interface ReplyData {
  'catalogue.list': readonly ProcedureSummary[];
  'receipts.find': readonly { receipt: ReceiptView; printed: boolean }[];
  'receipts.reprint': { dossierCode: string; printed: boolean };
  'journey.lookupStatus': DossierStatusView | null;
  'receipts.preview': { receipt: ReceiptView; printed: boolean };
  'outbox.list': { entries: readonly OutboxEntryView[]; counts: Record<OutboxStateView, number> };
  'outbox.retry': { outboxId: number; retried: true };
  'audit.recent': readonly AuditEntryView[];
  'devices.testPrint': { printed: true; at: string };
  'config.get': Record<string, unknown>;
  'config.set': Record<string, unknown>;
  'accounts.create': { user: string; role: 'staff' | 'technician' };
  'setup.status': { needsTechnician: boolean };
  'setup.createTechnician': { user: string; role: 'technician' };
}

export type OutboxStateView = 'queued' | 'sending' | 'sent' | 'failed';

/** An outbox row as staff see it (no payload: the dossier's personal data stays in the core). */
export interface OutboxEntryView {
  readonly id: number;
  readonly code: string;
  readonly state: OutboxStateView;
  readonly attempts: number;
  readonly createdAt: string;
  readonly sentAt?: string;
  readonly lastError?: string;
}

export interface AuditEntryView {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly detail: string | null;
}

/** The path of the WebSocket endpoint; the token goes in the `token` query parameter. */
export const API_PATH = '/api';
/** Close code for a rejected token (4000–4999 are application codes). */
export const CLOSE_UNAUTHORISED = 4401;
