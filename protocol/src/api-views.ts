/**
 * What the core sends back: errors, the views replies carry, and the frames it pushes (journey,
 * session). The requests and which view answers each are in message-registry.ts.
 */
import type { JourneyView } from './journey-view';
import type { DeviceRole } from './message-fields';
import type { Role } from './roles';

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
      readonly kind: 'cccd' | 'receipt' | 'procedure' | 'unknown';
      readonly text: string;
      /**
       * The decoded fields (CCCD: ID, name, birth date; receipt: dossier code; procedure: its
       * national code; unknown: the error code).
       */
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
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly data?: unknown }
  | {
      readonly type: 'reply';
      readonly id: number | null;
      readonly ok: false;
      readonly error: ApiError;
    };

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
  /**
   * The centre's queue system (issue 18): `online`, `fallback` (down: the kiosk issues its own
   * `K<n>-` numbers) or `local-only` (none configured). `detail` is plain English.
   */
  readonly queueSystem?: {
    readonly state: 'online' | 'fallback' | 'local-only';
    readonly detail: string;
    readonly since?: string;
  };
  /** Spoken prompts (issue 21): optional, so their absence is reported but is not a problem. */
  readonly speech?: { readonly available: boolean; readonly reason?: string };
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
