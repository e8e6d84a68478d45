/**
 * The one API between the renderer (or any client) and the kiosk core: JSON messages over a
 * WebSocket on 127.0.0.1. Every client message carries an `id`; the core answers each with a
 * `reply` of the same id. The schemas are the single source of the types on both sides, and the
 * core parses every incoming frame with them before anything else looks at it.
 */
import { z } from 'zod';
import type { DossierStatusView, JourneyView, ProcedureSummary, ReceiptView } from './journey-view';
import { LEGACY_MIN_PIN_DIGITS, MAX_PIN_DIGITS, NEW_PIN_PATTERN, PIN_RULE } from './pin-rule';

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
/** Longest base64 JPEG a `camera.frame` / `devices.testCamera` message may carry. */
export const CAMERA_FRAME_MAX = 60_000;
/** Account names: letters, digits, dot, dash, underscore (they appear in the audit log). */
const accountUser = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'a user name is letters, digits, dot, dash or underscore');
/** New PINs (accounts, first-run setup, a change at sign-in): see pin-rule.ts. */
const accountPin = z.string().regex(NEW_PIN_PATTERN, PIN_RULE);
/** The one-time code `kiosk setup code` printed on the kiosk's console (issue 13). */
export const SETUP_CODE_PATTERN = /^\d{10}$/;
const setupCode = z.string().regex(SETUP_CODE_PATTERN, 'a setup code is 10 digits');

/** The roles a device can be given on the technician's device screen (`devices.assign`). */
export const DEVICE_ROLES = [
  'cardReader',
  'mrzReader',
  'qrScanner',
  'camera',
  'receiptPrinter',
] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

/** Serial speeds document readers and scanners are set to (bits per second). */
export const SERIAL_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
const baudRate = z
  .number()
  .int()
  .refine((n) => (SERIAL_BAUD_RATES as readonly number[]).includes(n), {
    message: `baud rate must be one of ${SERIAL_BAUD_RATES.join(', ')}`,
  });
const serialPath = z
  .string()
  .max(200)
  .regex(/^(\/dev\/[\w./-]+|COM\d{1,3})$/, 'a serial port is /dev/... or COMn');
const usbId = z.number().int().min(0).max(0xffff);

/** A serial MRZ (document) reader: port, speed and how it frames the MRZ lines. */
export const mrzReaderSettingsSchema = z
  .object({
    path: serialPath,
    baudRate,
    framing: z
      .object({
        kind: z.enum(['lines', 'stx-etx']),
        terminator: z.enum(['CR', 'LF', 'CRLF', 'any']),
      })
      .strict(),
  })
  .strict();
/** A QR scanner over HID (by VID/PID, keyboard wedge or HID POS) or on a serial port. */
export const qrScannerSettingsSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('hid'),
      vendorId: usbId,
      productId: usbId,
      mode: z.enum(['auto', 'keyboard-wedge', 'hid-pos']),
    })
    .strict(),
  z.object({ kind: z.literal('serial'), path: serialPath, baudRate }).strict(),
]);
/** The camera is chosen in the renderer (only it sees `navigator.mediaDevices`). */
export const cameraSettingsSchema = z.object({ deviceLabel: z.string().min(1).max(200) }).strict();

/** One role assignment with its settings, as `devices.assign` carries it. */
export const deviceAssignmentSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('cardReader'), reader: z.string().min(1).max(200) }).strict(),
  z
    .object({
      role: z.literal('receiptPrinter'),
      uri: z.string().min(1).max(210),
      profile: z.string().min(1).max(40),
    })
    .strict(),
  z.object({ role: z.literal('mrzReader'), settings: mrzReaderSettingsSchema }).strict(),
  z.object({ role: z.literal('qrScanner'), settings: qrScannerSettingsSchema }).strict(),
  z.object({ role: z.literal('camera'), settings: cameraSettingsSchema }).strict(),
]);
export type DeviceAssignment = z.infer<typeof deviceAssignmentSchema>;

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ id, type: z.literal('journey.activity') }),
  z.object({ id, type: z.literal('journey.cancel') }),
  z.object({ id, type: z.literal('journey.selectProcedure'), code: z.string().min(1).max(40) }),
  z.object({
    id,
    type: z.literal('journey.updateField'),
    fieldId: z.string().min(1).max(80),
    value: fieldValue,
    /** `form.versions[fieldId]` of the view the edit was made on (absent there = 0). */
    version: z.number().int().min(0).max(1_000_000),
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
  // One camera frame as base64 JPEG; the cap keeps a frame inside the API's 64 KiB WebSocket limit.
  z.object({ id, type: z.literal('camera.frame'), jpeg: z.string().min(1).max(CAMERA_FRAME_MAX) }),
  // Which camera the technician assigned (by label), read each time a camera screen opens.
  z.object({ id, type: z.literal('camera.config') }),
  z.object({ id, type: z.literal('catalogue.list') }),
  z.object({
    id,
    type: z.literal('demo.placeCard'),
    citizenIndex: z.number().int().min(0).max(999),
  }),
  z.object({ id, type: z.literal('demo.scanQr'), citizenIndex: z.number().int().min(0).max(999) }),
  z.object({ id, type: z.literal('demo.removeCard') }),
  // The demo printer's paper sensor, to show (and test) the out-of-paper path and its alert.
  z.object({
    id,
    type: z.literal('demo.setPrinterPaper'),
    paper: z.enum(['ok', 'near-end', 'out']),
  }),
  z.object({
    id,
    type: z.literal('auth.signIn'),
    role: z.enum(['staff', 'technician']),
    user: z.string().min(1).max(64),
    // An account made before the 6-digit rule signs in once more, with `newPin`.
    pin: z.string().min(LEGACY_MIN_PIN_DIGITS).max(MAX_PIN_DIGITS),
    newPin: accountPin.optional(),
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
  z.object({
    id,
    type: z.literal('devices.testCamera'),
    jpeg: z.string().min(1).max(CAMERA_FRAME_MAX),
  }),
  z.object({ id, type: z.literal('devices.assign'), assignment: deviceAssignmentSchema }),
  z.object({
    id,
    type: z.literal('devices.testCardRead'),
    can: z
      .string()
      .regex(/^\d{6}$/, 'a CAN is the 6 digits printed on the card')
      .optional(),
    mrz: z.string().min(1).max(200).optional(),
  }),
  z.object({
    id,
    type: z.literal('devices.testQr'),
    timeoutSeconds: z.number().int().min(1).max(20).optional(),
  }),
  z.object({ id, type: z.literal('devices.cancelTest') }),
  z.object({ id, type: z.literal('health') }),
  z.object({
    id,
    type: z.literal('logs.export'),
    /** Sequence number to start from (the previous page's `next`); default: the oldest kept. */
    from: z.number().int().nonnegative().optional(),
  }),
  z.object({ id, type: z.literal('config.get') }),
  z.object({
    id,
    type: z.literal('config.set'),
    // The shape is checked as a whole by the settings schema in the core (core/settings).
    settings: z.record(z.string().max(40), z.unknown()),
  }),
  z.object({
    id,
    type: z.literal('config.apply'),
    /** A signed configuration bundle file as received (verified and parsed in the core). */
    bundle: z
      .string()
      .min(1)
      .max(48 * 1024),
  }),
  z.object({
    id,
    type: z.literal('accounts.create'),
    role: z.enum(['staff', 'technician']),
    user: accountUser,
    pin: accountPin,
  }),
  z.object({ id, type: z.literal('setup.status') }),
  z.object({
    id,
    type: z.literal('setup.createTechnician'),
    user: accountUser,
    pin: accountPin,
    code: setupCode,
  }),
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
  'camera.frame': 'citizen',
  'camera.config': 'any',
  'catalogue.list': 'any',
  'demo.placeCard': 'citizen',
  'demo.scanQr': 'citizen',
  'demo.removeCard': 'citizen',
  'demo.setPrinterPaper': 'citizen',
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
  'devices.testCamera': 'technician',
  'devices.assign': 'technician',
  'devices.testCardRead': 'technician',
  'devices.testQr': 'technician',
  'devices.cancelTest': 'technician',
  health: 'technician',
  'logs.export': 'technician',
  'config.get': 'technician',
  'config.set': 'technician',
  'config.apply': 'technician',
  'accounts.create': 'technician',
  // The kiosk screen is a citizen session before anyone signs in: the core creates the first
  // technician only with the one-time code from `kiosk setup code` and only while none exists.
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
  | 'RATE_LIMITED'
  | 'TOO_MANY_SESSIONS'
  | 'PIN_CHANGE_REQUIRED'
  | 'NOT_FOUND'
  | 'DEVICE_ERROR'
  | 'INVALID_SETTINGS'
  /** A signed configuration bundle was refused; `reason` says why (CONFIG_ROLLBACK, ...). */
  | 'BUNDLE_REFUSED'
  | 'NOT_AVAILABLE'
  | 'SETUP_DONE'
  | 'SETUP_CODE_INVALID'
  | 'CONFLICT'
  /** The data disk is full: a write the request needs could not be made. */
  | 'DISK_FULL'
  | 'INTERNAL';

export interface ApiError {
  readonly code: ApiErrorCode;
  readonly message: string;
  /** A finer reason code where one code covers several refusals (BUNDLE_REFUSED). */
  readonly reason?: string;
}

export interface DeviceView {
  readonly id: string;
  readonly role: string;
  readonly kind:
    'cardReader' | 'printer' | 'mrzReader' | 'qrScanner' | 'camera' | 'serialPort' | 'hidDevice';
  readonly status: string;
  readonly detail?: string;
  /** What a technician assigns to a role: reader name, port path or printer URI. */
  readonly address?: string;
  /** The roles this device could fill. */
  readonly usableFor?: readonly DeviceRole[];
  /** The roles it is assigned to now. */
  readonly assignedTo?: readonly DeviceRole[];
  /** USB ids in hex (`04b8`), where the system knows them. */
  readonly vendorId?: string;
  readonly productId?: string;
  /** Printer rows: the profiles (models) the kiosk can drive a printer as. */
  readonly profiles?: readonly string[];
}

/** A printer's real-time status as the test print reports it (DLE EOT). */
export interface PrinterStatusView {
  readonly online: boolean;
  readonly paper: 'ok' | 'near-end' | 'out';
  readonly coverOpen: boolean;
  readonly cutterError: boolean;
  readonly otherError: boolean;
}

/** The outcome of a technician's test card read (shown on screen, never logged or audited). */
export interface CardTestView {
  readonly reader: string;
  readonly keySource: 'can' | 'mrz' | 'presented-mrz';
  readonly fields: {
    readonly fullName?: string;
    readonly personalId?: string;
    readonly dateOfBirth?: string;
    readonly sex?: 'M' | 'F';
    /** null: the card does not expire. */
    readonly dateOfExpiry?: string | null;
    readonly hasPhoto: boolean;
  };
  readonly passiveAuthentication: {
    readonly status: 'valid' | 'invalid' | 'unknown-issuer' | 'not-checked';
    readonly detail?: string;
  };
  readonly protocol: 'PACE' | 'BAC';
  readonly totalMs: number;
}

/** The outcome of a technician's test scan. */
export type QrTestView =
  | {
      readonly outcome: 'scanned';
      readonly kind: 'cccd' | 'receipt' | 'unknown';
      readonly text: string;
      /** The decoded fields (CCCD: ID, name, birth date; receipt: dossier code). */
      readonly fields: Readonly<Record<string, string>>;
    }
  | { readonly outcome: 'cancelled' | 'timeout' };

/**
 * The core's answer to one citizen camera frame. `searching`: no MRZ in view; `reading`: an MRZ
 * seen, `agreeing` of `needed` frames agree so far; `accepted`: the journey got the MRZ; `busy`:
 * the previous frame is still being read (send the next one later); `closed`: the journey is not
 * at a step that takes an MRZ.
 */
export interface CameraFrameView {
  readonly state: 'searching' | 'reading' | 'accepted' | 'busy' | 'closed';
  readonly agreeing: number;
  readonly needed: number;
}

/** A technician's camera test: what one frame's MRZ reads as (shown on screen, never logged). */
export type CameraTestView =
  | { readonly outcome: 'busy' }
  /** `code`: why not, e.g. MRZ_OCR_NOT_FOUND (no MRZ band) or MRZ_CHECK_DIGIT. */
  | { readonly outcome: 'unread'; readonly code: string }
  | {
      readonly outcome: 'read';
      /** Every check digit passed; `corrected` when OCR correction had to change characters. */
      readonly checkDigits: 'passed' | 'corrected';
      readonly corrections: number;
      readonly lines: readonly string[];
      readonly fields: {
        readonly documentNumber: string;
        readonly personalId?: string;
        readonly surname: string;
        readonly givenNames: string;
        readonly dateOfBirth: string;
        readonly sex: string;
        readonly dateOfExpiry?: string;
        readonly nationality: string;
      };
    };

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
  'devices.testPrint': { printed: true; at: string; status?: PrinterStatusView };
  'devices.assign': { role: DeviceRole; devices: readonly DeviceView[] };
  'devices.testCardRead': CardTestView;
  'camera.frame': CameraFrameView;
  'camera.config': { deviceLabel?: string };
  'devices.testCamera': CameraTestView;
  'devices.testQr': QrTestView;
  'devices.cancelTest': { cancelled: number };
  health: HealthView;
  'logs.export': LogExportView;
  'config.get': Record<string, unknown>;
  'config.set': Record<string, unknown>;
  'config.apply': ConfigApplyView;
  'accounts.create': { user: string; role: 'staff' | 'technician' };
  /** `codePending`: a code from `kiosk setup code` waits to be used (it is never sent). */
  'setup.status': { needsTechnician: boolean; codePending: boolean };
  'setup.createTechnician': { user: string; role: 'technician' };
}

/** What applying a signed configuration bundle did (settings with secrets masked). */
export interface ConfigApplyView {
  readonly serial: number;
  readonly keyId: string;
  readonly sha256: string;
  readonly changed: readonly string[];
  readonly settings: Record<string, unknown>;
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

/** Monitoring's view of one outside system: last good call, last failure (a reason code). */
export interface LinkHealthView {
  readonly lastOkAt?: string;
  readonly lastErrorAt?: string;
  readonly lastError?: string;
  readonly okCount: number;
  readonly errorCount: number;
  /** The last call failed. */
  readonly failing: boolean;
}

export type PaperStateView = 'ok' | 'near-end' | 'out' | 'unknown';

/** The health report (`health` on the API, `kiosk health --json`); see kiosk-app/README.md. */
export interface HealthView {
  readonly kioskId: string;
  readonly at: string;
  /** False when any of `problems` applies; `kiosk health` then exits 4. */
  readonly healthy: boolean;
  /** Short English codes such as `printer:out`, `portal:failing`, `outbox:failed`. */
  readonly problems: readonly string[];
  readonly devices: readonly DeviceView[];
  readonly outbox: Record<OutboxStateView, number> & { readonly oldestQueuedAt?: string };
  readonly links: { readonly registry: LinkHealthView; readonly portal: LinkHealthView };
  readonly printer: {
    readonly status: 'ok' | 'near-end' | 'out' | 'offline' | 'error';
    readonly paper: PaperStateView;
    readonly detail?: string;
  };
  readonly diskFreeBytes: number;
  readonly journey: string;
  /** The CSCA trust store, where the kiosk reads chips: an empty one is a problem. */
  readonly trust?: {
    readonly cscaCount: number;
    readonly expired: number;
    readonly firstExpiry?: string;
  };
  /** The last warn/error log events, already redacted. */
  readonly recentErrors: readonly {
    readonly at: string;
    readonly level: 'warn' | 'error';
    readonly event: string;
    readonly fields: Readonly<Record<string, unknown>>;
  }[];
}

/** One page of the support log export: redacted JSON Lines. */
export interface LogExportView {
  readonly text: string;
  readonly lines: number;
  /** Ask again with `from: next` for the following page; absent on the last page. */
  readonly next?: number;
}

/** The path of the WebSocket endpoint; the token goes in the `token` query parameter. */
export const API_PATH = '/api';
/**
 * Close code for a token this core did not issue (4000–4999 are application codes): sent right
 * after the upgrade to the kiosk's own origins, so a client from before a core restart fetches a
 * fresh credential (the page reloads; the Electron renderer asks its bridge again).
 */
export const CLOSE_UNAUTHORISED = 4401;
