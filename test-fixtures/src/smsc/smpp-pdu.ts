/**
 * SMPP v3.4 PDUs as an SMSC reads and writes them, written from the specification (SMPP
 * Developers Forum, "Short Message Peer to Peer Protocol Specification v3.4", Issue 1.2,
 * 1999) and not from the client library the portal uses, so each side checks the other.
 *
 * Only what an SMSC needs for the portal's notifications: the bind operations, submit_sm,
 * enquire_link, unbind and their responses, generic_nack.
 */

/** §3.2: the PDU header is four 4-octet integers, big-endian. */
export const HEADER_LENGTH = 16;

/**
 * The largest PDU this SMSC accepts. §3.2 sets no maximum; a submit_sm with every C-Octet
 * string at its limit, 254 octets of short message and a 64 KiB message_payload is far below it.
 */
export const MAX_PDU_LENGTH = 70_000;

/** §5.1.2.1 command_id values. A response's id is the request's with bit 31 set. */
export const COMMAND_ID = {
  generic_nack: 0x80000000,
  bind_receiver: 0x00000001,
  bind_receiver_resp: 0x80000001,
  bind_transmitter: 0x00000002,
  bind_transmitter_resp: 0x80000002,
  submit_sm: 0x00000004,
  submit_sm_resp: 0x80000004,
  unbind: 0x00000006,
  unbind_resp: 0x80000006,
  bind_transceiver: 0x00000009,
  bind_transceiver_resp: 0x80000009,
  enquire_link: 0x00000015,
  enquire_link_resp: 0x80000015,
} as const;

export type CommandName = keyof typeof COMMAND_ID;

const NAME_OF_ID = new Map<number, CommandName>(
  Object.entries(COMMAND_ID).map(([name, id]) => [id, name as CommandName]),
);

/** §5.1.3 command_status values this SMSC sends. */
export const COMMAND_STATUS = {
  ESME_ROK: 0x00000000,
  ESME_RINVMSGLEN: 0x00000001,
  ESME_RINVCMDLEN: 0x00000002,
  ESME_RINVCMDID: 0x00000003,
  ESME_RINVBNDSTS: 0x00000004,
  ESME_RALYBND: 0x00000005,
  ESME_RSYSERR: 0x00000008,
  ESME_RINVDSTADR: 0x0000000b,
  ESME_RBINDFAIL: 0x0000000d,
  ESME_RINVPASWD: 0x0000000e,
  ESME_RINVSYSID: 0x0000000f,
} as const;

/** §5.3.2.32 message_payload: the text when it does not fit in short_message. */
export const TLV_MESSAGE_PAYLOAD = 0x0424;

/** §5.2.12 esm_class bit 6: the short message starts with a user data header (UDH). */
export const ESM_CLASS_UDHI = 0x40;

export type SmppPduErrorCode =
  | 'PDU_TOO_SHORT'
  | 'PDU_LENGTH_INVALID'
  | 'PDU_TRUNCATED'
  | 'C_OCTET_UNTERMINATED'
  | 'C_OCTET_TOO_LONG'
  | 'SHORT_MESSAGE_OVERRUN'
  | 'TLV_TRUNCATED'
  | 'UNKNOWN_COMMAND';

/** A PDU this SMSC cannot read; `status` is the command_status to answer with (§5.1.3). */
export class SmppPduError extends Error {
  constructor(
    readonly code: SmppPduErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SmppPduError';
  }
}

export interface PduHeader {
  readonly commandLength: number;
  readonly commandId: number;
  readonly commandStatus: number;
  readonly sequenceNumber: number;
}

/** §4.1.1 bind_transmitter (the same body for bind_receiver §4.1.3 and bind_transceiver §4.1.5). */
export interface BindBody {
  readonly systemId: string;
  readonly password: string;
  readonly systemType: string;
  readonly interfaceVersion: number;
  readonly addrTon: number;
  readonly addrNpi: number;
  readonly addressRange: string;
}

/** §4.4.1 submit_sm. */
export interface SubmitSmBody {
  readonly serviceType: string;
  readonly sourceAddrTon: number;
  readonly sourceAddrNpi: number;
  readonly sourceAddr: string;
  readonly destAddrTon: number;
  readonly destAddrNpi: number;
  readonly destinationAddr: string;
  readonly esmClass: number;
  readonly protocolId: number;
  readonly priorityFlag: number;
  readonly scheduleDeliveryTime: string;
  readonly validityPeriod: string;
  readonly registeredDelivery: number;
  readonly replaceIfPresentFlag: number;
  readonly dataCoding: number;
  readonly smDefaultMsgId: number;
  readonly shortMessage: Uint8Array;
  /** Optional parameters (§5.3), by tag. */
  readonly tlvs: ReadonlyMap<number, Uint8Array>;
}

export type Pdu =
  | (PduHeader & {
      readonly command: 'bind_transmitter' | 'bind_receiver' | 'bind_transceiver';
      readonly body: BindBody;
    })
  | (PduHeader & { readonly command: 'submit_sm'; readonly body: SubmitSmBody })
  | (PduHeader & {
      readonly command: Exclude<
        CommandName,
        'bind_transmitter' | 'bind_receiver' | 'bind_transceiver' | 'submit_sm'
      >;
    });

/** Reads the fields of a body in order, as §4 lists them. */
class BodyReader {
  private offset = HEADER_LENGTH;

  constructor(private readonly bytes: Uint8Array) {}

  /** §3.1 C-Octet String: ASCII ending in NUL; `max` counts the NUL, as the spec's sizes do. */
  cOctet(field: string, max: number): string {
    const end = this.bytes.indexOf(0, this.offset);
    if (end < 0)
      throw new SmppPduError(
        'C_OCTET_UNTERMINATED',
        `${field} has no terminating NUL`,
        COMMAND_STATUS.ESME_RINVCMDLEN,
      );
    if (end - this.offset + 1 > max)
      throw new SmppPduError(
        'C_OCTET_TOO_LONG',
        `${field} is longer than ${max - 1} characters`,
        COMMAND_STATUS.ESME_RINVCMDLEN,
      );
    const text = String.fromCharCode(...this.bytes.subarray(this.offset, end));
    this.offset = end + 1;
    return text;
  }

  int8(field: string): number {
    const value = this.bytes[this.offset];
    if (value === undefined)
      throw new SmppPduError(
        'PDU_TRUNCATED',
        `the PDU ends before ${field}`,
        COMMAND_STATUS.ESME_RINVCMDLEN,
      );
    this.offset += 1;
    return value;
  }

  octets(field: string, length: number): Uint8Array {
    if (this.offset + length > this.bytes.length)
      throw new SmppPduError(
        'SHORT_MESSAGE_OVERRUN',
        `${field} runs past the end of the PDU`,
        COMMAND_STATUS.ESME_RINVMSGLEN,
      );
    const value = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  /** §3.3 TLVs to the end of the PDU: tag (2), length (2), value. */
  tlvs(): Map<number, Uint8Array> {
    const out = new Map<number, Uint8Array>();
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    while (this.offset < this.bytes.length) {
      if (this.offset + 4 > this.bytes.length)
        throw new SmppPduError(
          'TLV_TRUNCATED',
          'an optional parameter header is cut short',
          COMMAND_STATUS.ESME_RINVCMDLEN,
        );
      const tag = view.getUint16(this.offset);
      const length = view.getUint16(this.offset + 2);
      this.offset += 4;
      if (this.offset + length > this.bytes.length)
        throw new SmppPduError(
          'TLV_TRUNCATED',
          `optional parameter 0x${tag.toString(16)} runs past the end of the PDU`,
          COMMAND_STATUS.ESME_RINVCMDLEN,
        );
      out.set(tag, this.bytes.slice(this.offset, this.offset + length));
      this.offset += length;
    }
    return out;
  }
}

/**
 * The command_length of the PDU at the start of `bytes`, once its first four octets are there;
 * undefined before. Throws for a length no PDU can have, so a stream of garbage is refused at
 * once instead of being buffered.
 */
export function peekCommandLength(bytes: Uint8Array): number | undefined {
  if (bytes.length < 4) return undefined;
  const length = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  if (length < HEADER_LENGTH || length > MAX_PDU_LENGTH)
    throw new SmppPduError(
      'PDU_LENGTH_INVALID',
      `command_length ${length} is outside ${HEADER_LENGTH}..${MAX_PDU_LENGTH}`,
      COMMAND_STATUS.ESME_RINVCMDLEN,
    );
  return length;
}

/** The header alone (§3.2), for answering a PDU whose body could not be read. */
export function decodeHeader(bytes: Uint8Array): PduHeader {
  if (bytes.length < HEADER_LENGTH)
    throw new SmppPduError(
      'PDU_TOO_SHORT',
      `a PDU has at least ${HEADER_LENGTH} octets, got ${bytes.length}`,
      COMMAND_STATUS.ESME_RINVCMDLEN,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_LENGTH);
  return {
    commandLength: view.getUint32(0),
    commandId: view.getUint32(4),
    commandStatus: view.getUint32(8),
    sequenceNumber: view.getUint32(12),
  };
}

/** Decodes one whole PDU; throws {@link SmppPduError} for anything §3–§5 does not allow. */
export function decodePdu(bytes: Uint8Array): Pdu {
  const header = decodeHeader(bytes);
  if (header.commandLength !== bytes.length)
    throw new SmppPduError(
      'PDU_LENGTH_INVALID',
      `command_length ${header.commandLength} does not match the ${bytes.length} octets received`,
      COMMAND_STATUS.ESME_RINVCMDLEN,
    );
  const command = NAME_OF_ID.get(header.commandId);
  if (command === undefined)
    throw new SmppPduError(
      'UNKNOWN_COMMAND',
      `command_id 0x${header.commandId.toString(16).padStart(8, '0')} is not supported`,
      COMMAND_STATUS.ESME_RINVCMDID,
    );
  const reader = new BodyReader(bytes);
  switch (command) {
    case 'bind_transmitter':
    case 'bind_receiver':
    case 'bind_transceiver':
      return { ...header, command, body: readBind(reader) };
    case 'submit_sm':
      return { ...header, command, body: readSubmitSm(reader) };
    default:
      return { ...header, command };
  }
}

function readBind(r: BodyReader): BindBody {
  // §4.1.1 field sizes: system_id 16, password 9, system_type 13, address_range 41.
  return {
    systemId: r.cOctet('system_id', 16),
    password: r.cOctet('password', 9),
    systemType: r.cOctet('system_type', 13),
    interfaceVersion: r.int8('interface_version'),
    addrTon: r.int8('addr_ton'),
    addrNpi: r.int8('addr_npi'),
    addressRange: r.cOctet('address_range', 41),
  };
}

function readSubmitSm(r: BodyReader): SubmitSmBody {
  // §4.4.1 in order; times are 1 (empty) or 17 octets (§7.1.1).
  const head = {
    serviceType: r.cOctet('service_type', 6),
    sourceAddrTon: r.int8('source_addr_ton'),
    sourceAddrNpi: r.int8('source_addr_npi'),
    sourceAddr: r.cOctet('source_addr', 21),
    destAddrTon: r.int8('dest_addr_ton'),
    destAddrNpi: r.int8('dest_addr_npi'),
    destinationAddr: r.cOctet('destination_addr', 21),
    esmClass: r.int8('esm_class'),
    protocolId: r.int8('protocol_id'),
    priorityFlag: r.int8('priority_flag'),
    scheduleDeliveryTime: r.cOctet('schedule_delivery_time', 17),
    validityPeriod: r.cOctet('validity_period', 17),
    registeredDelivery: r.int8('registered_delivery'),
    replaceIfPresentFlag: r.int8('replace_if_present_flag'),
    dataCoding: r.int8('data_coding'),
    smDefaultMsgId: r.int8('sm_default_msg_id'),
  };
  const smLength = r.int8('sm_length');
  // §4.4.1: sm_length 0–254.
  if (smLength > 254)
    throw new SmppPduError(
      'SHORT_MESSAGE_OVERRUN',
      `sm_length ${smLength} is over 254`,
      COMMAND_STATUS.ESME_RINVMSGLEN,
    );
  const shortMessage = r.octets('short_message', smLength);
  return { ...head, shortMessage, tlvs: r.tlvs() };
}

/** A response or a header-only request, with an optional body (§4). */
export function encodePdu(
  commandId: number,
  commandStatus: number,
  sequenceNumber: number,
  body: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const out = new Uint8Array(HEADER_LENGTH + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, out.length);
  view.setUint32(4, commandId >>> 0);
  view.setUint32(8, commandStatus >>> 0);
  view.setUint32(12, sequenceNumber >>> 0);
  out.set(body, HEADER_LENGTH);
  return out;
}

/** §3.1 C-Octet String of ASCII text. */
export function cOctetString(text: string): Uint8Array {
  const out = new Uint8Array(text.length + 1);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0x7f;
  return out;
}

/** The response's command_id for a request's (§5.1.2.1: bit 31 set). */
export function responseIdOf(commandId: number): number {
  return (commandId | 0x80000000) >>> 0;
}
