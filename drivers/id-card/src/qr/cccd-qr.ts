import { formatDdmmyyyy, parseDdmmyyyy } from './qr-date';
import { QrError } from './qr-error';
import { CONTROL_CHARACTERS, normaliseVietnamese } from './vietnamese-text';

/**
 * The QR code printed on the front (top right) of the chip CCCD (from 2021) and on the back of the
 * Căn cước card (from 1 July 2024; TT 16/2024/TT-BCA moved it, with nơi cư trú and nơi đăng ký
 * khai sinh, to the back). The payload is UTF-8 text, fields separated by `|`:
 *
 * ```
 * 7 fields  ID|oldID|name|ddmmyyyy|sex|address|issue ddmmyyyy      chip CCCD 2021–2024 (oldID may be empty)
 * 6 fields  ID|name|ddmmyyyy|sex|address|issue ddmmyyyy           seen from readers that drop the old ID
 * 8+ fields the 7 fields above, then further fields               Căn cước 2024 generation
 * ```
 *
 * The extra fields of the newer cards are kept verbatim (NFC) in `extraFields` rather than given
 * meanings we could not confirm on a specimen; a trailing `|` (empty last field) is tolerated.
 */
export type CccdQrGeneration = 'cccd-2021' | 'cccd-no-old-id' | 'can-cuoc-2024';

export interface CccdQrData {
  readonly generation: CccdQrGeneration;
  /** The 12-digit personal identification number (số định danh cá nhân). */
  readonly personalId: string;
  /** The 9-digit (or 12-digit) CMND number the citizen had before, if printed. */
  readonly oldIdNumber?: string;
  /** NFC, single spaces: `Nguyễn Văn An`. */
  readonly fullName: string;
  /** ISO `YYYY-MM-DD`. */
  readonly dateOfBirth: string;
  readonly sex: 'M' | 'F';
  /** Place of residence as printed (NFC). */
  readonly address: string;
  /** ISO `YYYY-MM-DD`. */
  readonly dateOfIssue: string;
  readonly extraFields: readonly string[];
}

/** What `formatCccdQr` needs; the generation decides the field count. */
export type CccdQrFields = Omit<CccdQrData, 'generation' | 'extraFields'> & {
  readonly generation?: CccdQrGeneration;
  readonly extraFields?: readonly string[];
};

export interface ParseCccdQrOptions {
  /** Today, to refuse birth and issue dates in the future; defaults to the clock. */
  readonly today?: Date;
}

/** Long enough for any real address; short enough that a runaway scanner cannot flood us. */
const MAX_LENGTH = 2000;

const SEX_WORDS: Readonly<Record<string, 'M' | 'F'>> = { Nam: 'M', Nữ: 'F' };

function personalIdOf(text: string): string {
  if (!/^[0-9]{12}$/.test(text)) {
    throw new QrError(
      'QR_ID',
      `the personal ID must be 12 digits, got ${text.length} characters`,
      'personalId',
    );
  }
  return text;
}

function oldIdOf(text: string): string | undefined {
  if (text === '') return undefined;
  if (!/^(?:[0-9]{9}|[0-9]{12})$/.test(text)) {
    throw new QrError('QR_ID', 'the old ID number must be 9 or 12 digits', 'oldIdNumber');
  }
  return text;
}

function nameOf(text: string): string {
  const name = normaliseVietnamese(text);
  if (!/^\p{L}+(?: \p{L}+)*$/u.test(name)) {
    throw new QrError('QR_NAME', 'the name must be letters and spaces', 'fullName');
  }
  return name;
}

function sexOf(text: string): 'M' | 'F' {
  const sex = SEX_WORDS[normaliseVietnamese(text)];
  if (!sex)
    throw new QrError('QR_SEX', `sex must be "Nam" or "Nữ", got ${JSON.stringify(text)}`, 'sex');
  return sex;
}

function generationOf(count: number): CccdQrGeneration {
  if (count === 7) return 'cccd-2021';
  if (count === 6) return 'cccd-no-old-id';
  if (count > 7 && count <= 16) return 'can-cuoc-2024';
  throw new QrError(
    'QR_FIELD_COUNT',
    `a CCCD QR has 6, 7 or 8–16 fields separated by |, got ${count}`,
  );
}

function todayIso(today: Date): string {
  return today.toISOString().slice(0, 10);
}

/** Parses and validates a CCCD QR payload; throws `QrError` with a stable code. */
export function parseCccdQr(text: string, options: ParseCccdQrOptions = {}): CccdQrData {
  const payload = text.replace(/^[\s\uFEFF]+|[\s]+$/g, '');
  if (payload.length === 0 || payload.length > MAX_LENGTH || CONTROL_CHARACTERS.test(payload)) {
    throw new QrError('QR_FORMAT', 'not a CCCD QR payload (empty, too long or control characters)');
  }
  const raw = payload.normalize('NFC').split('|');
  // A trailing separator leaves one empty field that carries nothing.
  if (raw.length > 7 && raw[raw.length - 1] === '') raw.pop();
  const generation = generationOf(raw.length);
  const fields: string[] =
    generation === 'cccd-no-old-id' ? [raw[0] ?? '', '', ...raw.slice(1)] : raw;
  const at = (i: number): string => (fields[i] ?? '').trim();

  const dateOfBirth = parseDdmmyyyy(at(3), 'dateOfBirth');
  const dateOfIssue = parseDdmmyyyy(at(6), 'dateOfIssue');
  const today = todayIso(options.today ?? new Date());
  if (dateOfBirth > today)
    throw new QrError('QR_DATE', 'the date of birth is in the future', 'dateOfBirth');
  if (dateOfIssue > today)
    throw new QrError('QR_DATE', 'the date of issue is in the future', 'dateOfIssue');
  if (dateOfIssue < dateOfBirth) {
    throw new QrError('QR_DATE', 'the card was issued before the holder was born', 'dateOfIssue');
  }
  const address = normaliseVietnamese(at(5));
  if (address.length === 0) throw new QrError('QR_ADDRESS', 'the address is empty', 'address');
  return {
    generation,
    personalId: personalIdOf(at(0)),
    oldIdNumber: oldIdOf(at(1)),
    fullName: nameOf(at(2)),
    dateOfBirth,
    sex: sexOf(at(4)),
    address,
    dateOfIssue,
    extraFields: fields.slice(7).map(normaliseVietnamese),
  };
}

/** Builds the payload a card of the given generation carries (for tests, fixtures, the demo). */
export function formatCccdQr(fields: CccdQrFields): string {
  const generation = fields.generation ?? 'cccd-2021';
  const core = [
    fields.personalId,
    ...(generation === 'cccd-no-old-id' ? [] : [fields.oldIdNumber ?? '']),
    fields.fullName.normalize('NFC'),
    formatDdmmyyyy(fields.dateOfBirth),
    fields.sex === 'M' ? 'Nam' : 'Nữ',
    fields.address.normalize('NFC'),
    formatDdmmyyyy(fields.dateOfIssue),
  ];
  const extra = generation === 'can-cuoc-2024' ? (fields.extraFields ?? ['']) : [];
  return [...core, ...extra.map((f) => f.normalize('NFC'))].join('|');
}
