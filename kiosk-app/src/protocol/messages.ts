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
  z.object({ id, type: z.literal('devices.list') }),
  z.object({ id, type: z.literal('health') }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientMessageType = ClientMessage['type'];
/** A client message without its correlation id, as the renderer composes it. */
export type ClientCommand = ClientMessage extends infer M
  ? M extends { id: number }
    ? Omit<M, 'id'>
    : never
  : never;

/**
 * The lowest role allowed to send each message. Roles are ordered by what they may do, but
 * staff and technician powers are disjoint: a technician cannot reprint and staff cannot
 * configure devices.
 */
export const REQUIRED_ROLE: Readonly<Record<ClientMessageType, Role | 'any'>> = {
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
  'audit.recent': 'staff',
  'devices.list': 'technician',
  health: 'technician',
};

export type ApiErrorCode =
  | 'BAD_JSON'
  | 'BAD_MESSAGE'
  | 'FORBIDDEN'
  | 'NOT_IN_DEMO'
  | 'SIGN_IN_FAILED'
  | 'LOCKED_OUT'
  | 'NOT_FOUND'
  | 'DEVICE_ERROR'
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
}

/** The path of the WebSocket endpoint; the token goes in the `token` query parameter. */
export const API_PATH = '/api';
/** Close code for a rejected token (4000–4999 are application codes). */
export const CLOSE_UNAUTHORISED = 4401;
