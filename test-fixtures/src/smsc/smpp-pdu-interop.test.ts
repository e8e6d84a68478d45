/**
 * The SMSC's decoder against PDUs built by another implementation: the `smpp` package the
 * portal sends with (farhadi/node-smpp). Its encoder and our decoder were written apart, so a
 * field out of place or a different reading of GSM 7-bit shows here on random input.
 */
import fc from 'fast-check';
import { PDU } from 'smpp';
import { describe, expect, it } from 'vitest';
import { COMMAND_ID, decodePdu } from './smpp-pdu';
import { DATA_CODING, shortMessageText } from './short-message-text';

/** The GSM 7-bit default table and its extension characters (3GPP TS 23.038 §6.2.1). */
const GSM7_CHARACTERS = [
  ...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?',
  ...'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ...'\f^{}\\[~]|€',
];

const address = fc.stringMatching(/^[0-9]{1,20}$/);

function decodedSubmit(bytes: Uint8Array) {
  const pdu = decodePdu(bytes);
  if (pdu.command !== 'submit_sm') throw new Error(`decoded ${pdu.command}`);
  return pdu;
}

describe('SMSC decoder against the smpp package encoder', () => {
  it('reads back the fields and the GSM 7-bit text of any submit_sm the package writes', () => {
    fc.assert(
      fc.property(
        address,
        address,
        fc.string({ unit: fc.constantFrom(...GSM7_CHARACTERS), maxLength: 120 }),
        fc.integer({ min: 1, max: 0x7fffffff }),
        (source, destination, text, sequence) => {
          const bytes = new PDU('submit_sm', {
            sequence_number: sequence,
            source_addr: source,
            destination_addr: destination,
            data_coding: DATA_CODING.smscDefault,
            short_message: text,
          }).toBuffer();
          const pdu = decodedSubmit(bytes);
          expect(pdu.commandId).toBe(COMMAND_ID.submit_sm);
          expect(pdu.sequenceNumber).toBe(sequence);
          expect(pdu.body.sourceAddr).toBe(source);
          expect(pdu.body.destinationAddr).toBe(destination);
          expect(shortMessageText(pdu.body.dataCoding, pdu.body.shortMessage)).toBe(text);
        },
      ),
    );
  });

  it('reads UCS-2 text with Vietnamese diacritics the package writes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'Hồ sơ đã được tiếp nhận Ưng Ý'), maxLength: 70 }),
        (text) => {
          const bytes = new PDU('submit_sm', {
            sequence_number: 1,
            source_addr: '8088',
            destination_addr: '84912345678',
            data_coding: DATA_CODING.ucs2,
            short_message: text,
          }).toBuffer();
          const pdu = decodedSubmit(bytes);
          expect(shortMessageText(pdu.body.dataCoding, pdu.body.shortMessage)).toBe(text);
        },
      ),
    );
  });

  it('reads the package bind_transmitter and enquire_link', () => {
    const bind = decodePdu(
      new PDU('bind_transmitter', {
        sequence_number: 3,
        system_id: 'portal',
        password: 'sms-demo',
        interface_version: 0x34,
      }).toBuffer(),
    );
    expect(bind).toMatchObject({
      command: 'bind_transmitter',
      sequenceNumber: 3,
      body: { systemId: 'portal', password: 'sms-demo', interfaceVersion: 0x34 },
    });
    expect(decodePdu(new PDU('enquire_link', { sequence_number: 4 }).toBuffer())).toMatchObject({
      command: 'enquire_link',
      sequenceNumber: 4,
    });
  });
});
