/**
 * The one API between the renderer (or any client) and the kiosk core: JSON messages over a
 * WebSocket on 127.0.0.1. Every client message carries an `id`; the core answers each with a
 * `reply` of the same id.
 *
 * Each message has one entry here: its fields (a zod schema, the single source of the types on
 * both sides; the core parses every incoming frame with it before anything else looks at it),
 * the role allowed to send it, its audit policy and the type of its reply. The core's handler
 * for it sits in a typed map (core/api/handlers) that must cover every entry.
 */
import { z } from 'zod';
import type {
  AuditEntryView,
  CameraFrameView,
  CameraTestView,
  CardTestView,
  ConfigApplyView,
  DeviceView,
  HealthView,
  LogExportView,
  OutboxEntryView,
  OutboxStateView,
  PrinterStatusView,
  QrTestView,
  SessionView,
} from './api-views';
import type { ProcedureSummary, ReceiptView } from './journey-view';
import {
  accountPin,
  accountUser,
  CAMERA_FRAME_MAX,
  deviceAssignmentSchema,
  fieldValue,
  setupCode,
  signInPin,
  type DeviceRole,
} from './message-fields';
import type { RoleRequirement } from './roles';
import { ratingFields } from './satisfaction-rating';
import {
  spokenPromptStep,
  type SpeechStatusView,
  type SpokenPromptView,
} from './spoken-prompt-view';

declare const replyType: unique symbol;
/** A reply type, carried by the registry for the compiler only. */
export interface ReplyOf<T> {
  readonly [replyType]?: T;
}
/** Names the type of a message's reply in its entry. */
function reply<T>(): ReplyOf<T> {
  return {};
}
/** The reply of a journey step: none; the journey view that follows is the answer. */
const noData = reply<undefined>();

/**
 * Whether the core writes the message to the audit log with who and when, succeeded or failed:
 * `audited` (every staff/technician power, and first-run setup), `self-audited` (the handler
 * writes its own entry, with the device and the result) or `none`. A refused message that needs
 * a staff or technician role is audited whatever its policy.
 */
export type AuditPolicy = 'audited' | 'self-audited' | 'none';

export interface MessageSpec {
  readonly fields: z.ZodObject;
  readonly role: RoleRequirement;
  readonly audit: AuditPolicy;
  readonly reply: ReplyOf<unknown>;
}

const none = z.object({});
const citizenStep = { fields: none, role: 'citizen', audit: 'none', reply: noData } as const;

/*
 * Staff and technician powers are disjoint: a technician cannot reprint and staff cannot
 * configure devices; both may read the audit log.
 */
export const MESSAGES = {
  'journey.activity': citizenStep,
  'journey.cancel': citizenStep,
  'journey.selectProcedure': {
    fields: z.object({ code: z.string().min(1).max(40) }),
    role: 'citizen',
    audit: 'none',
    reply: noData,
  },
  'journey.updateField': {
    fields: z.object({
      fieldId: z.string().min(1).max(80),
      value: fieldValue,
      /** `form.versions[fieldId]` of the view the edit was made on (absent there = 0). */
      version: z.number().int().min(0).max(1_000_000),
    }),
    role: 'citizen',
    audit: 'none',
    reply: noData,
  },
  /**
   * On the review screen: whether the citizen has an optional paper ("nếu có") of the procedure,
   * named by its index in the procedure's documents.
   */
  'journey.setOptionalPaper': {
    fields: z.object({ index: z.number().int().min(0).max(99), has: z.boolean() }),
    role: 'citizen',
    audit: 'none',
    reply: noData,
  },
  'journey.continue': citizenStep,
  'journey.back': citizenStep,
  'journey.confirm': citizenStep,
  'journey.retry': citizenStep,
  'journey.useOtherMethod': citizenStep,
  'journey.finish': citizenStep,
  'journey.openStatusLookup': citizenStep,
  'journey.openTakeNumber': citizenStep,
  // A counter group's code, as the centre's queue system names its services.
  'journey.takeNumber': {
    fields: z.object({ group: z.string().regex(/^[A-Z]{1,4}$/) }),
    role: 'citizen',
    audit: 'none',
    reply: noData,
  },
  /** The satisfaction rating after the receipt (issue 18); no personal data. */
  'journey.rate': { fields: ratingFields, role: 'citizen', audit: 'none', reply: noData },
  'journey.skipRating': citizenStep,
  'journey.lookupStatus': {
    fields: z.object({ code: z.string().min(1).max(40) }),
    role: 'citizen',
    audit: 'none',
    reply: noData,
  },
  'journey.mrzCaptured': {
    fields: z.object({ text: z.string().min(1).max(200) }),
    role: 'citizen',
    audit: 'none',
    reply: noData,
  },
  // One camera frame as base64 JPEG; the cap keeps a frame inside the API's 64 KiB WebSocket limit.
  'camera.frame': {
    fields: z.object({ jpeg: z.string().min(1).max(CAMERA_FRAME_MAX) }),
    role: 'citizen',
    audit: 'none',
    reply: reply<CameraFrameView>(),
  },
  // Which camera the technician assigned (by label), read each time a camera screen opens.
  'camera.config': {
    fields: none,
    role: 'any',
    audit: 'none',
    reply: reply<{ deviceLabel?: string }>(),
  },
  'catalogue.list': {
    fields: none,
    role: 'any',
    audit: 'none',
    reply: reply<readonly ProcedureSummary[]>(),
  },
  'demo.placeCard': {
    fields: z.object({ citizenIndex: z.number().int().min(0).max(999) }),
    role: 'citizen',
    audit: 'none',
    reply: noData,
  },
  'demo.scanQr': {
    fields: z.object({ citizenIndex: z.number().int().min(0).max(999) }),
    role: 'citizen',
    audit: 'none',
    reply: noData,
  },
  'demo.removeCard': citizenStep,
  // Issue 18: the published procedure page, from the catalogue without a card, and "Nộp hồ sơ".
  'journey.openProcedureCatalogue': citizenStep,
  'journey.openProcedureInfo': {
    fields: z.object({ code: z.string().min(1).max(40) }),
    role: 'citizen',
    audit: 'none',
    reply: noData,
  },
  'journey.startSubmission': citizenStep,
  // Issue 17: "Thanh toán sau tại quầy" on the payment screen.
  'journey.payLater': citizenStep,
  // The demo scanner reads this text as if a QR had been scanned (a posted procedure QR, say).
  'demo.scanText': {
    fields: z.object({ text: z.string().min(1).max(2048) }),
    role: 'citizen',
    audit: 'none',
    reply: noData,
  },
  // The demo printer's paper sensor, to show (and test) the out-of-paper path and its alert.
  'demo.setPrinterPaper': {
    fields: z.object({ paper: z.enum(['ok', 'near-end', 'out']) }),
    role: 'citizen',
    audit: 'none',
    reply: noData,
  },
  'auth.signIn': {
    fields: z.object({
      role: z.enum(['staff', 'technician']),
      user: z.string().min(1).max(64),
      pin: signInPin,
      newPin: accountPin.optional(),
    }),
    role: 'any',
    // The session writes sign-in, sign-in.failed and sign-in.pin-changed itself.
    audit: 'none',
    reply: reply<SessionView>(),
  },
  'auth.signOut': { fields: none, role: 'any', audit: 'none', reply: reply<SessionView>() },
  'receipts.find': {
    fields: z.object({
      dossierCode: z.string().max(40).optional(),
      personalId: z.string().max(12).optional(),
      from: z.string().max(10).optional(),
      to: z.string().max(10).optional(),
    }),
    role: 'staff',
    audit: 'audited',
    reply: reply<readonly { receipt: ReceiptView; printed: boolean }[]>(),
  },
  'receipts.reprint': {
    fields: z.object({ dossierCode: z.string().min(1).max(40) }),
    role: 'staff',
    audit: 'audited',
    reply: reply<{ dossierCode: string; printed: boolean }>(),
  },
  'audit.recent': {
    fields: z.object({ limit: z.number().int().min(1).max(500).optional() }),
    role: ['staff', 'technician'],
    audit: 'audited',
    reply: reply<readonly AuditEntryView[]>(),
  },
  'receipts.preview': {
    fields: z.object({ dossierCode: z.string().min(1).max(40) }),
    role: 'staff',
    audit: 'audited',
    reply: reply<{ receipt: ReceiptView; printed: boolean }>(),
  },
  'outbox.list': {
    fields: z.object({ state: z.enum(['queued', 'sending', 'sent', 'failed']).optional() }),
    role: 'staff',
    audit: 'audited',
    reply: reply<{
      entries: readonly OutboxEntryView[];
      counts: Record<OutboxStateView, number>;
    }>(),
  },
  'outbox.retry': {
    fields: z.object({ outboxId: z.number().int().positive() }),
    role: 'staff',
    audit: 'audited',
    reply: reply<{ outboxId: number; retried: true }>(),
  },
  'devices.list': {
    fields: none,
    role: 'technician',
    audit: 'audited',
    reply: reply<DeviceView[]>(),
  },
  'devices.testPrint': {
    fields: none,
    role: 'technician',
    audit: 'self-audited',
    reply: reply<{ printed: true; at: string; status?: PrinterStatusView }>(),
  },
  'devices.testCamera': {
    fields: z.object({ jpeg: z.string().min(1).max(CAMERA_FRAME_MAX) }),
    role: 'technician',
    audit: 'audited',
    reply: reply<CameraTestView>(),
  },
  'devices.assign': {
    fields: z.object({ assignment: deviceAssignmentSchema }),
    role: 'technician',
    audit: 'audited',
    reply: reply<{ role: DeviceRole; devices: readonly DeviceView[] }>(),
  },
  'devices.testCardRead': {
    fields: z.object({
      can: z
        .string()
        .regex(/^\d{6}$/, 'a CAN is the 6 digits printed on the card')
        .optional(),
      mrz: z.string().min(1).max(200).optional(),
    }),
    role: 'technician',
    audit: 'self-audited',
    reply: reply<CardTestView>(),
  },
  'devices.testQr': {
    fields: z.object({ timeoutSeconds: z.number().int().min(1).max(20).optional() }),
    role: 'technician',
    audit: 'self-audited',
    reply: reply<QrTestView>(),
  },
  'devices.cancelTest': {
    fields: none,
    role: 'technician',
    audit: 'audited',
    reply: reply<{ cancelled: number }>(),
  },
  health: { fields: none, role: 'technician', audit: 'audited', reply: reply<HealthView>() },
  'logs.export': {
    fields: z.object({
      /** Sequence number to start from (the previous page's `next`); default: the oldest kept. */
      from: z.number().int().nonnegative().optional(),
    }),
    role: 'technician',
    audit: 'audited',
    reply: reply<LogExportView>(),
  },
  'config.get': {
    fields: none,
    role: 'technician',
    audit: 'audited',
    reply: reply<Record<string, unknown>>(),
  },
  'config.set': {
    // The shape is checked as a whole by the settings schema in the core (core/settings).
    fields: z.object({ settings: z.record(z.string().max(40), z.unknown()) }),
    role: 'technician',
    audit: 'audited',
    reply: reply<Record<string, unknown>>(),
  },
  'config.apply': {
    fields: z.object({
      /** A signed configuration bundle file as received (verified and parsed in the core). */
      bundle: z
        .string()
        .min(1)
        .max(48 * 1024),
    }),
    role: 'technician',
    audit: 'audited',
    reply: reply<ConfigApplyView>(),
  },
  'accounts.create': {
    fields: z.object({ role: z.enum(['staff', 'technician']), user: accountUser, pin: accountPin }),
    role: 'technician',
    audit: 'audited',
    reply: reply<{ user: string; role: 'staff' | 'technician' }>(),
  },
  // The kiosk screen is a citizen session before anyone signs in: the core creates the first
  // technician only with the one-time code from `kiosk setup code` and only while none exists.
  'setup.status': {
    fields: none,
    role: 'any',
    audit: 'none',
    /** `codePending`: a code from `kiosk setup code` waits to be used (it is never sent). */
    reply: reply<{ needsTechnician: boolean; codePending: boolean }>(),
  },
  'setup.createTechnician': {
    fields: z.object({ user: accountUser, pin: accountPin, code: setupCode }),
    role: 'any',
    audit: 'audited',
    reply: reply<{ user: string; role: 'technician' }>(),
  },
  // Spoken prompts (issue 21): whether the kiosk can speak, and a screen's prompt as WAV. The
  // renderer names the step only; the text is fixed in the core and carries no personal data.
  'speech.status': { fields: none, role: 'any', audit: 'none', reply: reply<SpeechStatusView>() },
  'speech.prompt': {
    fields: z.object({ step: spokenPromptStep }),
    role: 'citizen',
    audit: 'none',
    reply: reply<SpokenPromptView>(),
  },
} as const satisfies Record<string, MessageSpec>;

type Registry = typeof MESSAGES;
/** A message's own fields; zod types an object without fields as `Record<string, never>`. */
type FieldsOf<S extends z.ZodObject> = keyof S['shape'] extends never ? unknown : z.infer<S>;
export type MessageType = keyof Registry;
/** A client message without its correlation id, as the renderer composes it. */
export type CommandOf<K extends MessageType> = { type: K } & FieldsOf<Registry[K]['fields']>;
/** A client message as the core receives it. */
export type MessageOf<K extends MessageType> = { id: number } & CommandOf<K>;
export type ClientCommand = { [K in MessageType]: CommandOf<K> }[MessageType];
export type ClientMessage = { [K in MessageType]: MessageOf<K> }[MessageType];
/** The data of each message's reply. */
export type Reply = {
  [K in MessageType]: Registry[K]['reply'] extends ReplyOf<infer T> ? T : never;
};

const id = z.number().int().nonnegative();
const variants = (Object.keys(MESSAGES) as MessageType[]).map((type) =>
  z.object({ id, type: z.literal(type), ...MESSAGES[type].fields.shape }),
);
const [first, ...rest] = variants;
if (!first) throw new Error('the message registry is empty');

/**
 * Every client message, checked as one discriminated union (on `type`). The union zod infers
 * from a mapped list is too wide, so its type is stated: `ClientMessage`, the same entries.
 */
export const clientMessageSchema = z.discriminatedUnion('type', [
  first,
  ...rest,
]) as unknown as z.ZodType<ClientMessage>;
