import { VietQrError } from './vietqr-error';

/**
 * EMV QRCPS-MPM data objects (§4.1): a two-digit ID, a two-digit length and a value of that many
 * characters, in the "ans" set (printable ASCII, §4.1 "Alphanumeric Special"). Templates (IDs
 * 26–51, 62, 64, 80–99) hold nested data objects of the same form.
 */
export interface EmvDataObject {
  readonly id: string;
  readonly value: string;
}

const ID_PATTERN = /^\d{2}$/;
const ANS_PATTERN = /^[\x20-\x7e]*$/;
/** §4.1: a length is two digits, so a value holds at most 99 characters. */
export const EMV_MAX_VALUE_LENGTH = 99;

/** One data object as ID + LEN + VALUE. */
export function encodeDataObject(id: string, value: string): string {
  if (!ID_PATTERN.test(id)) {
    throw new VietQrError('EMV_FIELD_INVALID', `ID "${id}" is not two digits`);
  }
  if (!ANS_PATTERN.test(value)) {
    throw new VietQrError(
      'EMV_FIELD_INVALID',
      `ID ${id}: value has characters outside printable ASCII`,
    );
  }
  if (value.length === 0 || value.length > EMV_MAX_VALUE_LENGTH) {
    throw new VietQrError(
      'EMV_FIELD_INVALID',
      `ID ${id}: value length ${value.length} is not 1–99`,
    );
  }
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

export function encodeDataObjects(objects: readonly EmvDataObject[]): string {
  return objects.map((object) => encodeDataObject(object.id, object.value)).join('');
}

/**
 * Splits `text` into data objects, refusing anything that is not exactly a run of well-formed
 * objects with distinct IDs (§4.2: an ID appears once per template). `where` names the template
 * in messages ("root", "ID 38").
 */
export function decodeDataObjects(text: string, where = 'root'): readonly EmvDataObject[] {
  if (!ANS_PATTERN.test(text)) {
    throw new VietQrError('EMV_TLV_MALFORMED', `${where}: characters outside printable ASCII`);
  }
  const objects: EmvDataObject[] = [];
  const seen = new Set<string>();
  let offset = 0;
  while (offset < text.length) {
    const id = text.slice(offset, offset + 2);
    const lengthText = text.slice(offset + 2, offset + 4);
    if (!ID_PATTERN.test(id) || !/^\d{2}$/.test(lengthText)) {
      throw new VietQrError(
        'EMV_TLV_MALFORMED',
        `${where}: no ID and length at character ${offset}`,
      );
    }
    const length = Number(lengthText);
    const value = text.slice(offset + 4, offset + 4 + length);
    if (length === 0 || value.length !== length) {
      throw new VietQrError(
        'EMV_TLV_MALFORMED',
        `${where}: ID ${id} says ${length} characters, ${value.length} follow`,
      );
    }
    if (seen.has(id)) {
      throw new VietQrError('EMV_TLV_DUPLICATE_TAG', `${where}: ID ${id} appears twice`);
    }
    seen.add(id);
    objects.push({ id, value });
    offset += 4 + length;
  }
  return objects;
}
