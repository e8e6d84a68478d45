import { crc16Hex } from './crc16-ccitt-false';
import { decodeDataObjects, encodeDataObject, encodeDataObjects } from './emv-tlv';
import type { EmvDataObject } from './emv-tlv';
import { VietQrError } from './vietqr-error';

/**
 * VietQR: the NAPAS 247 profile of the EMV QR Code Specification for Payment Systems,
 * Merchant-Presented Mode (EMV QRCPS-MPM v1.1), for an inter-bank transfer to an account
 * ("QRIBFTTA"). Root IDs: 00 payload format, 01 point of initiation, 38 merchant account
 * information (NAPAS), 53 currency, 54 amount, 58 country, 62 additional data, 63 CRC.
 */
export const NAPAS_GUID = 'A000000727';
/** NAPAS service code: inter-bank fund transfer 24/7 to an account. */
export const SERVICE_CODE_TRANSFER_TO_ACCOUNT = 'QRIBFTTA';
/** ISO 4217 numeric code of the Vietnamese đồng. */
export const CURRENCY_VND = '704';
export const COUNTRY_VIETNAM = 'VN';

const ID = {
  payloadFormat: '00',
  initiation: '01',
  napasAccount: '38',
  currency: '53',
  amount: '54',
  country: '58',
  additionalData: '62',
  crc: '63',
} as const;
/** Sub-IDs of ID 38 (NAPAS) and of its beneficiary organisation (01). */
const NAPAS = { guid: '00', beneficiary: '01', service: '02', bin: '00', account: '01' } as const;
/** ID 62 sub-ID 08: purpose of transaction (§4.8, "Purpose of Transaction"). */
const PURPOSE_ID = '08';
/** §4.6: "11" static (reusable), "12" dynamic (one transaction). */
const INITIATION_STATIC = '11';
const INITIATION_DYNAMIC = '12';
/** §4.7.3: the CRC data object is "6304" followed by four hex digits, last in the payload. */
const CRC_PREFIX = '6304';
/** §4.2 (EMV QRCPS-MPM): a payload holds at most 512 characters. */
const MAX_PAYLOAD_LENGTH = 512;

const BIN_PATTERN = /^\d{6}$/;
const ACCOUNT_PATTERN = /^[A-Za-z0-9]{1,19}$/;
const PURPOSE_PATTERN = /^[\x20-\x7e]{1,25}$/;
/** ID 54 is at most 13 characters; the đồng has no minor unit, so whole numbers only. */
const MAX_AMOUNT_VND = 9_999_999_999_999;

/** What a VietQR transfer asks for: who is paid, how much, and the purpose (the dossier code). */
export interface VietQrTransfer {
  /** The beneficiary bank's NAPAS acquirer BIN (6 digits, e.g. 970415). */
  readonly acquirerBin: string;
  readonly accountNumber: string;
  /** Whole đồng; absent on a static QR where the payer types the amount. */
  readonly amountVnd?: number;
  /** ID 62-08, up to 25 printable ASCII characters. */
  readonly purpose?: string;
}

export interface DecodedVietQr extends VietQrTransfer {
  readonly dynamic: boolean;
  readonly serviceCode: string;
}

function invalid(message: string): VietQrError {
  return new VietQrError('VIETQR_VALUE_INVALID', message);
}

function checkTransfer(transfer: VietQrTransfer): void {
  if (!BIN_PATTERN.test(transfer.acquirerBin)) {
    throw invalid(`acquirer BIN "${transfer.acquirerBin}" is not 6 digits`);
  }
  if (!ACCOUNT_PATTERN.test(transfer.accountNumber)) {
    throw invalid('account number must be 1–19 letters or digits');
  }
  const amount = transfer.amountVnd;
  if (
    amount !== undefined &&
    (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_AMOUNT_VND)
  ) {
    throw invalid(`amount ${amount} is not a whole number of đồng between 1 and ${MAX_AMOUNT_VND}`);
  }
  if (transfer.purpose !== undefined && !PURPOSE_PATTERN.test(transfer.purpose)) {
    throw invalid('purpose must be 1–25 printable ASCII characters (no diacritics)');
  }
}

/** The payload string a banking app scans. Dynamic (ID 01 = 12) when it carries an amount. */
export function encodeVietQr(transfer: VietQrTransfer): string {
  checkTransfer(transfer);
  const beneficiary = encodeDataObjects([
    { id: NAPAS.bin, value: transfer.acquirerBin },
    { id: NAPAS.account, value: transfer.accountNumber },
  ]);
  const napas = encodeDataObjects([
    { id: NAPAS.guid, value: NAPAS_GUID },
    { id: NAPAS.beneficiary, value: beneficiary },
    { id: NAPAS.service, value: SERVICE_CODE_TRANSFER_TO_ACCOUNT },
  ]);
  const objects: EmvDataObject[] = [
    { id: ID.payloadFormat, value: '01' },
    {
      id: ID.initiation,
      value: transfer.amountVnd === undefined ? INITIATION_STATIC : INITIATION_DYNAMIC,
    },
    { id: ID.napasAccount, value: napas },
    { id: ID.currency, value: CURRENCY_VND },
  ];
  if (transfer.amountVnd !== undefined) {
    objects.push({ id: ID.amount, value: String(transfer.amountVnd) });
  }
  objects.push({ id: ID.country, value: COUNTRY_VIETNAM });
  if (transfer.purpose !== undefined) {
    objects.push({ id: ID.additionalData, value: encodeDataObject(PURPOSE_ID, transfer.purpose) });
  }
  const body = `${encodeDataObjects(objects)}${CRC_PREFIX}`;
  return `${body}${crc16Hex(body)}`;
}

function field(objects: readonly EmvDataObject[], id: string, where: string): string {
  const found = objects.find((object) => object.id === id);
  if (!found) throw new VietQrError('EMV_FIELD_MISSING', `${where}: ID ${id} is missing`);
  return found.value;
}

function optionalField(objects: readonly EmvDataObject[], id: string): string | undefined {
  return objects.find((object) => object.id === id)?.value;
}

function expect(value: string, wanted: string, what: string): void {
  if (value !== wanted) {
    throw new VietQrError('EMV_FIELD_INVALID', `${what} is "${value}", expected "${wanted}"`);
  }
}

/** Checks the CRC (§4.7.3) before anything else is believed. */
function verifyCrc(payload: string): string {
  const crcAt = payload.length - 8;
  if (crcAt < 0 || payload.slice(crcAt, crcAt + 4) !== CRC_PREFIX) {
    throw new VietQrError(
      'EMV_CRC_MISSING',
      'the payload does not end with the CRC (ID 63, length 04)',
    );
  }
  const written = payload.slice(crcAt + 4);
  if (!/^[0-9A-F]{4}$/.test(written)) {
    throw new VietQrError('EMV_CRC_MISMATCH', `CRC "${written}" is not four upper-case hex digits`);
  }
  const computed = crc16Hex(payload.slice(0, crcAt + 4));
  if (written !== computed) {
    throw new VietQrError('EMV_CRC_MISMATCH', `CRC is ${written}, the payload gives ${computed}`);
  }
  return payload.slice(0, crcAt);
}

function decodeAmount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,12}$/.test(text)) {
    throw new VietQrError('EMV_FIELD_INVALID', `amount "${text}" is not a whole number of đồng`);
  }
  return Number(text);
}

/**
 * Reads and validates a VietQR payload: CRC, data-object structure, the NAPAS template, VND and
 * VN. Every fault is a {@link VietQrError}; nothing else is thrown.
 */
export function decodeVietQr(payload: string): DecodedVietQr {
  if (payload.length > MAX_PAYLOAD_LENGTH) {
    throw new VietQrError(
      'EMV_TLV_MALFORMED',
      `payload has ${payload.length} characters, at most 512`,
    );
  }
  const body = verifyCrc(payload);
  const root = decodeDataObjects(body);
  if (root[0]?.id !== ID.payloadFormat) {
    throw new VietQrError('EMV_FIELD_INVALID', 'the payload does not start with ID 00');
  }
  if (root.some((object) => object.id === ID.crc)) {
    throw new VietQrError('EMV_TLV_DUPLICATE_TAG', 'root: ID 63 appears before the end');
  }
  expect(field(root, ID.payloadFormat, 'root'), '01', 'payload format indicator (ID 00)');
  const initiation = optionalField(root, ID.initiation);
  if (
    initiation !== undefined &&
    initiation !== INITIATION_STATIC &&
    initiation !== INITIATION_DYNAMIC
  ) {
    throw new VietQrError('EMV_FIELD_INVALID', `point of initiation (ID 01) is "${initiation}"`);
  }
  const napas = decodeDataObjects(field(root, ID.napasAccount, 'root'), 'ID 38');
  if (field(napas, NAPAS.guid, 'ID 38') !== NAPAS_GUID) {
    throw new VietQrError('VIETQR_NOT_NAPAS', `ID 38-00 is not the NAPAS GUID ${NAPAS_GUID}`);
  }
  const beneficiary = decodeDataObjects(field(napas, NAPAS.beneficiary, 'ID 38'), 'ID 38-01');
  const serviceCode = field(napas, NAPAS.service, 'ID 38');
  expect(field(root, ID.currency, 'root'), CURRENCY_VND, 'currency (ID 53)');
  expect(field(root, ID.country, 'root'), COUNTRY_VIETNAM, 'country (ID 58)');
  const amountVnd = decodeAmount(optionalField(root, ID.amount));
  const additional = optionalField(root, ID.additionalData);
  const purpose =
    additional === undefined
      ? undefined
      : optionalField(decodeDataObjects(additional, 'ID 62'), PURPOSE_ID);
  const decoded: DecodedVietQr = {
    acquirerBin: field(beneficiary, NAPAS.bin, 'ID 38-01'),
    accountNumber: field(beneficiary, NAPAS.account, 'ID 38-01'),
    dynamic: initiation === INITIATION_DYNAMIC,
    serviceCode,
    ...(amountVnd === undefined ? {} : { amountVnd }),
    ...(purpose === undefined ? {} : { purpose }),
  };
  return decoded;
}
