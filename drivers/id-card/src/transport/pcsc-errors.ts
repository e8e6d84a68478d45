import { IdCardError, type IdCardErrorCode } from '../errors';

/** PC/SC return codes (pcsclite.h / winscard) mapped onto the driver's error codes. */
const CODES: Record<number, IdCardErrorCode> = {
  0x80100069: 'CARD_REMOVED', // SCARD_W_REMOVED_CARD
  0x80100068: 'CARD_REMOVED', // SCARD_W_RESET_CARD: someone reset it, the session is gone
  0x80100066: 'CARD_IO', // SCARD_W_UNRESPONSIVE_CARD
  0x8010000c: 'NO_CARD', // SCARD_E_NO_SMARTCARD
  0x80100009: 'READER_GONE', // SCARD_E_UNKNOWN_READER
  0x80100017: 'READER_GONE', // SCARD_E_READER_UNAVAILABLE
  0x8010001d: 'READER_GONE', // SCARD_E_NO_SERVICE
  0x8010001e: 'READER_GONE', // SCARD_E_SERVICE_STOPPED
  0x80100003: 'READER_GONE', // SCARD_E_INVALID_HANDLE (context died with pcscd)
  0x8010000a: 'CARD_TIMEOUT', // SCARD_E_TIMEOUT
  0x80100016: 'CARD_IO', // SCARD_E_NOT_TRANSACTED
  0x8010000f: 'CARD_IO', // SCARD_E_PROTO_MISMATCH
};

export function pcscErrorCode(error: unknown): number | undefined {
  const text = error instanceof Error ? error.message : String(error);
  const m = /0x([0-9a-fA-F]{8})/.exec(text);
  if (m?.[1]) return Number.parseInt(m[1], 16);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code >>> 0 : undefined;
}

export function pcscError(error: unknown, what: string): IdCardError {
  const n = pcscErrorCode(error);
  const code = (n !== undefined ? CODES[n] : undefined) ?? 'CARD_IO';
  const text = error instanceof Error ? error.message : String(error);
  return new IdCardError(code, `${what}: ${text}`, { cause: error });
}
