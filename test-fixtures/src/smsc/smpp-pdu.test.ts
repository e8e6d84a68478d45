import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMAND_ID,
  COMMAND_STATUS,
  MAX_PDU_LENGTH,
  SmppPduError,
  TLV_MESSAGE_PAYLOAD,
  decodePdu,
  encodePdu,
} from './smpp-pdu';
import { PduFramer } from './smpp-stream';

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const cOctet = (text: string): number[] => [...ascii(text), 0];

/** A PDU laid out by hand as §3.2 and §4 describe it, independent of `encodePdu`. */
function pdu(commandId: number, sequence: number, body: number[]): Uint8Array {
  const length = 16 + body.length;
  const int32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  return Uint8Array.from([
    ...int32(length),
    ...int32(commandId),
    ...int32(0),
    ...int32(sequence),
    ...body,
  ]);
}

function submitSmBody(fields: {
  source: string;
  destination: string;
  dataCoding: number;
  message: number[];
  tlvs?: number[];
}): number[] {
  return [
    ...cOctet(''), // service_type
    0x05, // source_addr_ton: alphanumeric/short code (§5.2.5 national = 2, we only echo it)
    0x00,
    ...cOctet(fields.source),
    0x01, // dest_addr_ton international
    0x01, // dest_addr_npi ISDN
    ...cOctet(fields.destination),
    0x00, // esm_class
    0x00, // protocol_id
    0x00, // priority_flag
    ...cOctet(''), // schedule_delivery_time
    ...cOctet(''), // validity_period
    0x00, // registered_delivery
    0x00, // replace_if_present_flag
    fields.dataCoding,
    0x00, // sm_default_msg_id
    fields.message.length,
    ...fields.message,
    ...(fields.tlvs ?? []),
  ];
}

const cText = (max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefXYZ-_'), maxLength: max - 1 });

describe('SMPP v3.4 PDU decoder', () => {
  it('reads a bind_transmitter laid out as §4.1.1', () => {
    const bytes = pdu(COMMAND_ID.bind_transmitter, 7, [
      ...cOctet('portal'),
      ...cOctet('secret'),
      ...cOctet('TTHC'),
      0x34,
      0x00,
      0x00,
      ...cOctet(''),
    ]);
    expect(decodePdu(bytes)).toEqual({
      commandLength: bytes.length,
      commandId: COMMAND_ID.bind_transmitter,
      commandStatus: 0,
      sequenceNumber: 7,
      command: 'bind_transmitter',
      body: {
        systemId: 'portal',
        password: 'secret',
        systemType: 'TTHC',
        interfaceVersion: 0x34,
        addrTon: 0,
        addrNpi: 0,
        addressRange: '',
      },
    });
  });

  it('reads submit_sm fields and TLVs back as they were laid out', () => {
    fc.assert(
      fc.property(
        cText(21),
        cText(21),
        fc.uint8Array({ maxLength: 254 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 1, max: 0x7fffffff }),
        (source, destination, message, dataCoding, sequence) => {
          const bytes = pdu(
            COMMAND_ID.submit_sm,
            sequence,
            submitSmBody({ source, destination, dataCoding, message: [...message] }),
          );
          const decoded = decodePdu(bytes);
          expect(decoded.command).toBe('submit_sm');
          if (decoded.command !== 'submit_sm') return;
          expect(decoded.sequenceNumber).toBe(sequence);
          expect(decoded.body.sourceAddr).toBe(source);
          expect(decoded.body.destinationAddr).toBe(destination);
          expect(decoded.body.dataCoding).toBe(dataCoding);
          expect([...decoded.body.shortMessage]).toEqual([...message]);
          expect(decoded.body.tlvs.size).toBe(0);
        },
      ),
    );
  });

  it('reads a message_payload TLV (§5.3.2.32)', () => {
    const text = ascii('HS H01-261207-0001 DA TIEP NHAN');
    const bytes = pdu(
      COMMAND_ID.submit_sm,
      1,
      submitSmBody({
        source: '8088',
        destination: '84912345678',
        dataCoding: 0,
        message: [],
        tlvs: [TLV_MESSAGE_PAYLOAD >> 8, TLV_MESSAGE_PAYLOAD & 0xff, 0, text.length, ...text],
      }),
    );
    const decoded = decodePdu(bytes);
    if (decoded.command !== 'submit_sm') throw new Error('not submit_sm');
    expect([...(decoded.body.tlvs.get(TLV_MESSAGE_PAYLOAD) ?? [])]).toEqual(text);
  });

  it('refuses any byte string with a typed error, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          decodePdu(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(SmppPduError);
          expect((error as SmppPduError).status).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('refuses a well-framed PDU with a corrupted body with a typed error', () => {
    const commands = fc.constantFrom(
      COMMAND_ID.bind_transmitter,
      COMMAND_ID.bind_transceiver,
      COMMAND_ID.submit_sm,
      COMMAND_ID.enquire_link,
      COMMAND_ID.unbind,
    );
    fc.assert(
      fc.property(commands, fc.uint8Array({ maxLength: 300 }), (id, body) => {
        try {
          const decoded = decodePdu(pdu(id, 1, [...body]));
          expect(decoded.commandId).toBe(id);
        } catch (error) {
          expect(error).toBeInstanceOf(SmppPduError);
        }
      }),
    );
  });

  it('names each failure: truncated submit_sm, sm_length past the end, unknown command', () => {
    const good = submitSmBody({
      source: '8088',
      destination: '849',
      dataCoding: 0,
      message: [1, 2],
    });
    const code = (bytes: Uint8Array) => {
      try {
        decodePdu(bytes);
        return 'decoded';
      } catch (error) {
        return error instanceof SmppPduError ? error.code : 'other';
      }
    };
    expect(code(pdu(COMMAND_ID.submit_sm, 1, good.slice(0, 5)))).toBe('C_OCTET_UNTERMINATED');
    expect(code(pdu(COMMAND_ID.submit_sm, 1, good.slice(0, -1)))).toBe('SHORT_MESSAGE_OVERRUN');
    expect(code(pdu(0x00000099, 1, []))).toBe('UNKNOWN_COMMAND');
    expect(code(pdu(COMMAND_ID.bind_transmitter, 1, [...cOctet('x'.repeat(16))]))).toBe(
      'C_OCTET_TOO_LONG',
    );
    expect(code(Uint8Array.from([0, 0, 0, 8, 0, 0, 0, 0]))).toBe('PDU_TOO_SHORT');
  });
});

describe('PDU framer', () => {
  it('gives back the same PDUs however the stream is cut', () => {
    const pdus = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.uint8Array({ maxLength: 60 })),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(
        pdus,
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }),
        (list, cuts) => {
          const frames = list.map(([seq, body]) =>
            encodePdu(COMMAND_ID.enquire_link, 0, seq, body),
          );
          const stream = Uint8Array.from(frames.flatMap((f) => [...f]));
          const framer = new PduFramer();
          const out: Uint8Array[] = [];
          let offset = 0;
          for (let i = 0; offset < stream.length; i++) {
            const size = cuts[i % cuts.length] ?? 1;
            out.push(...framer.push(stream.subarray(offset, offset + size)));
            offset += size;
          }
          expect(out.map((f) => [...f])).toEqual(frames.map((f) => [...f]));
        },
      ),
    );
  });

  it('refuses a command_length no PDU can have, before buffering it', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 15 }),
          fc.integer({ min: MAX_PDU_LENGTH + 1, max: 0xffffffff }),
        ),
        (length) => {
          const bytes = new Uint8Array(16);
          new DataView(bytes.buffer).setUint32(0, length);
          expect(() => new PduFramer().push(bytes)).toThrow(SmppPduError);
        },
      ),
    );
  });

  it('writes the response header of §3.2', () => {
    expect([...encodePdu(COMMAND_ID.submit_sm_resp, COMMAND_STATUS.ESME_RINVPASWD, 9)]).toEqual([
      0, 0, 0, 16, 0x80, 0, 0, 4, 0, 0, 0, 0x0e, 0, 0, 0, 9,
    ]);
  });
});
