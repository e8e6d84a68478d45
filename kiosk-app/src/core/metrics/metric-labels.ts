import type { SignedConfigErrorCode } from '@kiosk/installer/signed-config';
import { DEVICE_ROLES } from '@kiosk/protocol';

/**
 * Every value a metric label can take. A label never carries what someone typed, scanned or
 * sent (a reason text, a user name, a dossier code): an outside value is mapped onto one of these
 * lists, or onto `other`, so the number of series a kiosk exports stays bounded.
 */
export const IDENTIFICATION_METHODS = ['chip', 'qr', 'mrz', 'unknown'] as const;
export type IdentificationMethodLabel = (typeof IDENTIFICATION_METHODS)[number];

export { JOURNEY_STEPS } from '@kiosk/protocol';

/** A document read ends with the assurance level it proved, or failed (DESIGN.md "journey"). */
export const DOCUMENT_READ_OUTCOMES = [
  'chip-verified',
  'chip-unverified',
  'document-only',
  'failed',
] as const;
export type DocumentReadOutcome = (typeof DOCUMENT_READ_OUTCOMES)[number];

export const LINKS = ['registry', 'portal'] as const;

export const LINK_ERROR_REASONS = [
  'timeout',
  'network',
  'server-error',
  'throttled',
  'circuit-open',
  'auth',
  'auth-expired',
  'malformed-response',
  'different-person',
  'not-configured',
  'rejected',
  'exception',
  'other',
] as const;
export type LinkErrorReason = (typeof LINK_ERROR_REASONS)[number];

/** A link monitor's reason code (`rejected-422`, `exception:TypeError`, ...) as a label value. */
export function linkErrorReason(reason: string): LinkErrorReason {
  if (reason.startsWith('rejected')) return 'rejected';
  if (reason.startsWith('exception')) return 'exception';
  return LINK_ERROR_REASONS.find((known) => known === reason) ?? 'other';
}

export const CIRCUIT_STATES = [
  'closed',
  'open',
  'half-open',
  'isolated',
  'not-configured',
] as const;
export type CircuitStateLabel = (typeof CIRCUIT_STATES)[number];

export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed'] as const;

/** The printer as the alert rules see it; `cover-open` is told apart from other errors. */
export const PRINTER_STATES = ['ok', 'near-end', 'out', 'cover-open', 'offline', 'error'] as const;
export type PrinterStateLabel = (typeof PRINTER_STATES)[number];

export { DEVICE_ROLES };

export const SIGN_IN_ROLES = ['staff', 'technician'] as const;
export const SIGN_IN_FAILURE_REASONS = [
  'bad-credentials',
  'locked',
  'pin-change-required',
  'rate-limited',
  'too-many-sessions',
  'other',
] as const;
export type SignInFailureReason = (typeof SIGN_IN_FAILURE_REASONS)[number];

export function signInFailureReason(reason: string): SignInFailureReason {
  return SIGN_IN_FAILURE_REASONS.find((known) => known === reason) ?? 'other';
}

export const CONFIG_REFUSAL_REASONS = [
  'CONFIG_MALFORMED',
  'CONFIG_UNSIGNED',
  'CONFIG_UNKNOWN_KEY',
  'CONFIG_BAD_SIGNATURE',
  'CONFIG_PAYLOAD_INVALID',
  'CONFIG_NOT_YET_VALID',
  'CONFIG_EXPIRED',
  'CONFIG_ROLLBACK',
  'CONFIG_WRONG_TARGET',
  'CONFIG_SETTINGS_INVALID',
  'CONFIG_KEY_INVALID',
  'CONFIG_NO_SIGNERS',
  'CONFIG_SIGNER_EXPOSED',
  'other',
] as const satisfies readonly (SignedConfigErrorCode | 'other')[];
export type ConfigRefusalReason = (typeof CONFIG_REFUSAL_REASONS)[number];

export function configRefusalReason(code: string): ConfigRefusalReason {
  return CONFIG_REFUSAL_REASONS.find((known) => known === code) ?? 'other';
}

export const PURGE_OUTCOMES = ['ok', 'failed'] as const;
