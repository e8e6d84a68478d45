import { IdCardError } from '../errors';
import { readTlv, readTlvList, type Tlv } from '../tlv/ber-tlv';
import { toUtf8 } from '../util/bytes';

/**
 * DG13 of the Vietnamese CCCD (optional details, tag 6D). Not specified by ICAO; every card
 * seen carries a sequence of `SEQUENCE { INTEGER n, value... }` records, sometimes wrapped
 * in an outer SEQUENCE, where a value is a string or a SEQUENCE of strings (record 13 holds the
 * father's and the mother's names). We walk the BER structure and never rely on offsets.
 */
export interface Dg13Record {
  readonly number: number;
  readonly values: readonly string[];
}

/** Field numbers of the CCCD DG13 (as observed on cards issued 2021–2024). */
export const DG13_FIELDS = {
  personalId: 1,
  fullName: 2,
  dateOfBirth: 3,
  sex: 4,
  nationality: 5,
  ethnicity: 6,
  religion: 7,
  placeOfOrigin: 8,
  placeOfResidence: 9,
  personalIdentification: 10,
  dateOfIssue: 11,
  dateOfExpiry: 12,
  parents: 13,
  spouseName: 14,
  oldIdNumber: 15,
  cardIdentifier: 16,
} as const;

export interface Dg13Data {
  readonly personalId?: string;
  readonly fullName?: string;
  /** ISO yyyy-mm-dd */
  readonly dateOfBirth?: string;
  readonly sex?: 'M' | 'F';
  readonly nationality?: string;
  readonly ethnicity?: string;
  readonly religion?: string;
  readonly placeOfOrigin?: string;
  readonly placeOfResidence?: string;
  readonly personalIdentification?: string;
  readonly dateOfIssue?: string;
  /** ISO date; null when the card says it does not expire ("Không thời hạn"). */
  readonly dateOfExpiry?: string | null;
  readonly fatherName?: string;
  readonly motherName?: string;
  readonly spouseName?: string;
  readonly oldIdNumber?: string;
  readonly cardIdentifier?: string;
  /** Every record as read, including numbers we do not name. */
  readonly records: readonly Dg13Record[];
}

const STRING_TAGS = new Set([0x0c, 0x13, 0x16, 0x14, 0x1a, 0x04]);

function stringsIn(tlvs: readonly Tlv[]): string[] {
  const out: string[] = [];
  for (const t of tlvs) {
    if (STRING_TAGS.has(t.tag)) out.push(toUtf8(t.value).normalize('NFC'));
    else if (t.tag === 0x1e)
      out.push(Buffer.from(t.value).swap16().toString('utf16le').normalize('NFC'));
    else if (t.constructed) out.push(...stringsIn(readTlvList(t.value)));
  }
  return out;
}

function integer(value: Uint8Array): number {
  let n = 0;
  for (const b of value) n = n * 256 + b;
  return n;
}

function collectRecords(tlvs: readonly Tlv[], out: Dg13Record[], depth: number): void {
  if (depth > 8) throw new IdCardError('LDS_MALFORMED', 'DG13 nests too deep');
  for (const t of tlvs) {
    if (t.tag !== 0x30) continue;
    const children = readTlvList(t.value);
    const [first, ...rest] = children;
    if (first?.tag === 0x02 && first.value.length > 0 && first.value.length <= 2) {
      out.push({ number: integer(first.value), values: stringsIn(rest) });
    } else {
      collectRecords(children, out, depth + 1);
    }
  }
}

/** dd/mm/yyyy (as printed on the card) → yyyy-mm-dd; other text is kept as it is. */
export function cccdDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : text.trim();
}

function sexOf(text: string | undefined): 'M' | 'F' | undefined {
  const t = text?.trim().toLowerCase();
  if (t === 'nam' || t === 'm') return 'M';
  if (t === 'nữ' || t === 'nu' || t === 'f') return 'F';
  return undefined;
}

export function parseDg13(bytes: Uint8Array): Dg13Data {
  const records: Dg13Record[] = [];
  try {
    const outer = readTlv(bytes);
    if (outer.tag !== 0x6d) throw new Error(`tag ${outer.tag.toString(16)}`);
    collectRecords(readTlvList(outer.value), records, 0);
  } catch (cause) {
    if (cause instanceof IdCardError && cause.code === 'LDS_MALFORMED') throw cause;
    throw new IdCardError('LDS_MALFORMED', 'DG13 is not the CCCD record structure', { cause });
  }
  const value = (n: number, i = 0): string | undefined => {
    const v = records.find((r) => r.number === n)?.values[i];
    return v === '' ? undefined : v;
  };
  const expiryText = value(DG13_FIELDS.dateOfExpiry);
  const noExpiry = expiryText !== undefined && !/\d/.test(expiryText);
  return {
    personalId: value(DG13_FIELDS.personalId),
    fullName: value(DG13_FIELDS.fullName),
    dateOfBirth: cccdDate(value(DG13_FIELDS.dateOfBirth)),
    sex: sexOf(value(DG13_FIELDS.sex)),
    nationality: value(DG13_FIELDS.nationality),
    ethnicity: value(DG13_FIELDS.ethnicity),
    religion: value(DG13_FIELDS.religion),
    placeOfOrigin: value(DG13_FIELDS.placeOfOrigin),
    placeOfResidence: value(DG13_FIELDS.placeOfResidence),
    personalIdentification: value(DG13_FIELDS.personalIdentification),
    dateOfIssue: cccdDate(value(DG13_FIELDS.dateOfIssue)),
    dateOfExpiry: noExpiry ? null : cccdDate(expiryText),
    fatherName: value(DG13_FIELDS.parents, 0),
    motherName: value(DG13_FIELDS.parents, 1),
    spouseName: value(DG13_FIELDS.spouseName),
    oldIdNumber: value(DG13_FIELDS.oldIdNumber),
    cardIdentifier: value(DG13_FIELDS.cardIdentifier),
    records,
  };
}
