import type { DataKey } from './data-key';
import { FieldCipher, type DataKeyring, type FieldRef } from './field-cipher';

/** What the Outbox needs to keep `outbox_dossier.payload` sealed (see the privacy README). */
export interface PayloadCodec {
  encode(text: string): string;
  decode(text: string): string;
}

export const OUTBOX_PAYLOAD: FieldRef = { table: 'outbox_dossier', column: 'payload' };

export interface OutboxPayloadCodecOptions {
  /**
   * Read payloads queued in plain text by a version without encryption (default true), so an
   * upgrade does not strand dossiers that were waiting for the gateway.
   */
  readonly acceptPlaintext?: boolean;
}

/** Seals the dossier JSON (the applicant's full record and form) before it is queued. */
export function createOutboxPayloadCodec(
  keys: DataKey | DataKeyring,
  options: OutboxPayloadCodecOptions = {},
): PayloadCodec {
  const cipher = new FieldCipher(keys);
  const acceptPlaintext = options.acceptPlaintext ?? true;
  return {
    encode: (text) => cipher.seal(text, OUTBOX_PAYLOAD),
    decode: (text) =>
      acceptPlaintext && !FieldCipher.isSealed(text) && text.startsWith('{')
        ? text
        : cipher.open(text, OUTBOX_PAYLOAD),
  };
}
