import { readPrintedMrz, type PrintedMrz } from '@kiosk/mrz/codec';
import { IdCardError } from '../errors';
import { readTlv, requireTlv } from '../tlv/ber-tlv';
import { toAscii } from '../util/bytes';

/**
 * The machine readable zone as DG1 holds it (ICAO 9303 Part 10 §4.7.1, tag 5F1F), read by the
 * one MRZ codec, `@kiosk/mrz`: fields as printed, check digits reported, not enforced.
 */
export type MrzData = PrintedMrz;

function bad(message: string, cause?: unknown): IdCardError {
  return new IdCardError('LDS_MALFORMED', `DG1: ${message}`, { cause });
}

/** Reads MRZ text with or without line breaks; spaces are dropped as DG1 never holds them. */
export function parseMrzText(text: string): MrzData {
  try {
    return readPrintedMrz(text.replace(/[\r\n ]/g, ''));
  } catch (cause) {
    throw bad(cause instanceof Error ? cause.message : 'not an MRZ', cause);
  }
}

/** DG1 = 61 { 5F1F MRZ } (Part 10 §4.7.1). */
export function parseDg1(bytes: Uint8Array): MrzData {
  let mrz: Uint8Array;
  try {
    const outer = readTlv(bytes);
    if (outer.tag !== 0x61) throw bad(`starts with tag ${outer.tag.toString(16)}, not 61`);
    mrz = requireTlv(outer.value, 0x5f1f, 'MRZ').value;
  } catch (e) {
    if (e instanceof IdCardError && e.code === 'LDS_MALFORMED') throw e;
    throw bad('not BER-TLV', e);
  }
  return parseMrzText(toAscii(mrz));
}
