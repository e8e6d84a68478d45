import { peekCommandLength } from './smpp-pdu';

/**
 * Cuts a TCP byte stream into whole PDUs by their command_length (SMPP v3.4 §3.2). A length no
 * PDU can have throws (SmppPduError) so the session can answer and close instead of buffering.
 */
export class PduFramer {
  private buffered = new Uint8Array(0);

  push(chunk: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.buffered.length + chunk.length);
    joined.set(this.buffered);
    joined.set(chunk, this.buffered.length);
    const pdus: Uint8Array[] = [];
    let offset = 0;
    for (;;) {
      const rest = joined.subarray(offset);
      const length = peekCommandLength(rest);
      if (length === undefined || rest.length < length) break;
      pdus.push(rest.slice(0, length));
      offset += length;
    }
    this.buffered = joined.slice(offset);
    return pdus;
  }
}
