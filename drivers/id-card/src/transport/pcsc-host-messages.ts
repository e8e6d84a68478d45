import { IdCardError, type IdCardErrorCode } from '../errors';
import type { TransportEvent } from './card-transport';

/**
 * The one typed list of messages between the kiosk core and its PC/SC host process
 * (pcsc-host.ts). The channel is Node's IPC with `serialization: 'advanced'`, so byte arrays
 * cross as Uint8Array. Both sides check what they receive: a host that misbehaves is killed,
 * never trusted.
 */
export type HostRequest =
  | { readonly type: 'ping'; readonly id: number }
  | { readonly type: 'connect'; readonly id: number; readonly reader: string }
  | {
      readonly type: 'transmit';
      readonly id: number;
      readonly session: number;
      readonly apdu: Uint8Array;
    }
  | { readonly type: 'disconnect'; readonly id: number; readonly session: number };

export interface HostFailure {
  readonly code: IdCardErrorCode;
  readonly message: string;
}

export type HostReplyValue =
  | { readonly kind: 'connected'; readonly session: number; readonly atr: Uint8Array }
  | { readonly kind: 'response'; readonly data: Uint8Array }
  | { readonly kind: 'done' };

export type HostMessage =
  | { readonly type: 'pong'; readonly id: number }
  | { readonly type: 'event'; readonly event: TransportEvent }
  | {
      readonly type: 'reply';
      readonly id: number;
      readonly ok: true;
      readonly value: HostReplyValue;
    }
  | {
      readonly type: 'reply';
      readonly id: number;
      readonly ok: false;
      readonly error: HostFailure;
    };

const ERROR_CODES: ReadonlySet<string> = new Set<IdCardErrorCode>([
  'PCSC_UNAVAILABLE',
  'READER_GONE',
  'NO_CARD',
  'CARD_REMOVED',
  'CARD_TIMEOUT',
  'CARD_IO',
  'APDU_MALFORMED',
  'INVALID_ARGUMENT',
]);

type Fields = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null;
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 512;
const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

function parseEvent(v: unknown): TransportEvent | undefined {
  if (!isRecord(v)) return undefined;
  switch (v.type) {
    case 'reader-added':
    case 'reader-removed':
    case 'card-removed':
      return isText(v.reader) ? { type: v.type, reader: v.reader } : undefined;
    case 'card-inserted':
      return isText(v.reader) && isBytes(v.atr)
        ? { type: 'card-inserted', reader: v.reader, atr: v.atr }
        : undefined;
    case 'service-lost':
      return isText(v.detail) ? { type: 'service-lost', detail: v.detail } : undefined;
    case 'service-restored':
      return { type: 'service-restored' };
    default:
      return undefined;
  }
}

function parseReplyValue(v: unknown): HostReplyValue | undefined {
  if (!isRecord(v)) return undefined;
  if (v.kind === 'connected' && isId(v.session) && isBytes(v.atr))
    return { kind: 'connected', session: v.session, atr: v.atr };
  if (v.kind === 'response' && isBytes(v.data)) return { kind: 'response', data: v.data };
  if (v.kind === 'done') return { kind: 'done' };
  return undefined;
}

function parseFailure(v: unknown): HostFailure | undefined {
  if (!isRecord(v) || !isText(v.message) || typeof v.code !== 'string') return undefined;
  return ERROR_CODES.has(v.code)
    ? { code: v.code as IdCardErrorCode, message: v.message }
    : { code: 'CARD_IO', message: v.message };
}

/** What the core accepts from the host; undefined for anything else. */
export function parseHostMessage(v: unknown): HostMessage | undefined {
  if (!isRecord(v)) return undefined;
  if (v.type === 'pong') return isId(v.id) ? { type: 'pong', id: v.id } : undefined;
  if (v.type === 'event') {
    const event = parseEvent(v.event);
    return event ? { type: 'event', event } : undefined;
  }
  if (v.type !== 'reply' || !isId(v.id)) return undefined;
  if (v.ok === true) {
    const value = parseReplyValue(v.value);
    return value ? { type: 'reply', id: v.id, ok: true, value } : undefined;
  }
  const error = parseFailure(v.error);
  return error ? { type: 'reply', id: v.id, ok: false, error } : undefined;
}

/** What the host accepts from the core; undefined for anything else. */
export function parseHostRequest(v: unknown): HostRequest | undefined {
  if (!isRecord(v) || !isId(v.id)) return undefined;
  switch (v.type) {
    case 'ping':
      return { type: 'ping', id: v.id };
    case 'connect':
      return isText(v.reader) ? { type: 'connect', id: v.id, reader: v.reader } : undefined;
    case 'transmit':
      return isId(v.session) && isBytes(v.apdu)
        ? { type: 'transmit', id: v.id, session: v.session, apdu: v.apdu }
        : undefined;
    case 'disconnect':
      return isId(v.session) ? { type: 'disconnect', id: v.id, session: v.session } : undefined;
    default:
      return undefined;
  }
}

/** A driver failure as it crosses the channel (code + plain text; never card data). */
export function hostFailure(error: unknown): HostFailure {
  if (error instanceof IdCardError) return { code: error.code, message: error.message };
  return { code: 'CARD_IO', message: error instanceof Error ? error.message : String(error) };
}
