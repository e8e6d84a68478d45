import { setProcessIdResponse } from '../escpos/escpos-commands';

/**
 * Epson's printer-side job id: `GS ( H pL pH fn m d1 d2 d3 d4` with fn = 48, m = 48 ("set the
 * process ID response", ESC/POS Command Reference, GS ( H <Function 48>; not on TM-T88III and
 * older). The printer ties the 4-character id to the data sent just before it and answers
 * `37H 22H d1 d2 d3 d4 00H` once that data has been printed. A response it could not send (no
 * host connected) is kept — only the latest — and sent when the host can receive again.
 *
 * Plain ESC/POS has no job id; profiles say whether their printer has this one
 * (`status.processId`).
 */
/** Header and identifier of the process ID response. */
export const PROCESS_ID_RESPONSE_HEADER = 0x37;
export const PROCESS_ID_RESPONSE_IDENTIFIER = 0x22;
export const PROCESS_ID_LENGTH = 4;
/** Header, identifier, 4 id bytes, NUL. */
export const PROCESS_ID_RESPONSE_LENGTH = 7;
/** Each id byte is a printable ASCII character (32–126). */
const ID_FIRST = 0x20;
const ID_CHARS = 0x7e - ID_FIRST + 1;

export function isProcessIdByte(byte: number): boolean {
  return byte >= ID_FIRST && byte <= 0x7e;
}

/**
 * The 4-character process id for a job id: a hash (FNV-1a, 32 bit) spread over 95^4 ids, so the
 * same job gets the same id on every retry and after a restart of the kiosk.
 */
export function processIdOf(jobId: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(jobId)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let id = '';
  for (let i = 0; i < PROCESS_ID_LENGTH; i++) {
    id += String.fromCharCode(ID_FIRST + (hash % ID_CHARS));
    hash = Math.floor(hash / ID_CHARS);
  }
  return id;
}

function idBytes(id: string): number[] {
  const bytes = [...id].map((c) => c.charCodeAt(0));
  if (bytes.length !== PROCESS_ID_LENGTH || !bytes.every(isProcessIdByte))
    throw new RangeError(`a process id is 4 printable ASCII characters, not ${JSON.stringify(id)}`);
  return bytes;
}

/** `GS ( H 06 00 30 30 d1 d2 d3 d4`: answer with `id` once everything sent before is printed. */
export function processIdRequest(id: string): Uint8Array {
  return Uint8Array.from(setProcessIdResponse(idBytes(id)));
}

/** The printer's answer to `processIdRequest(id)`; used by the virtual printer and tests. */
export function encodeProcessIdResponse(id: string): Uint8Array {
  return Uint8Array.of(
    PROCESS_ID_RESPONSE_HEADER,
    PROCESS_ID_RESPONSE_IDENTIFIER,
    ...idBytes(id),
    0x00,
  );
}
