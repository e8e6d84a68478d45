/**
 * DG13 record numbers checked against the published CCCD list, not against DG13_FIELDS (issue
 * 23: issue and expiry swapped in the parser went unnoticed because the virtual card takes its
 * numbers from the parser). The list: nguyenddat/ript-virtual-recep,
 * server/app/services/ExtractCCCD.py (020101 ID number … 02010B card issuance date, 02010C
 * expiration date, 02010D parents' names), and the VN-CCCD-2024 profile (13 = father, mother).
 * The bytes are encoded here by hand (X.690 DER), with no encoder of ours.
 */
import { describe, expect, it } from 'vitest';
import { parseDg13 } from './dg13';

function der(tag: number, value: Uint8Array): Uint8Array {
  const n = value.length;
  const length = n < 0x80 ? [n] : [0x82, n >> 8, n & 0xff];
  return Uint8Array.from([tag, ...length, ...value]);
}
const utf8 = (s: string) => new TextEncoder().encode(s);
const record = (n: number, ...values: Uint8Array[]) =>
  der(0x30, Uint8Array.from([0x02, 0x01, n, ...values.flatMap((v) => [...v])]));

const PUBLISHED: readonly [number, string, string][] = [
  [1, 'personalId', '001203009999'],
  [2, 'fullName', 'Phạm Văn Mẫu'],
  [3, 'dateOfBirth', '01/12/2003'],
  [5, 'nationality', 'Việt Nam'],
  [6, 'ethnicity', 'Tày'],
  [7, 'religion', 'Phật giáo'],
  [8, 'placeOfOrigin', 'Xã Mẫu, Tỉnh Thử'],
  [9, 'placeOfResidence', 'Thôn Giả, Xã Mẫu, Tỉnh Thử'],
  [10, 'personalIdentification', 'Sẹo chấm C:2cm dưới trước tai phải'],
  [11, 'dateOfIssue', '20/06/2022'],
  [12, 'dateOfExpiry', '01/12/2028'],
];

describe('DG13 record numbers from the published CCCD list (issue 23)', () => {
  const bytes = der(
    0x6d,
    Uint8Array.from(
      [
        ...PUBLISHED.map(([n, , text]) => record(n, der(0x0c, utf8(text)))),
        record(4, der(0x0c, utf8('Nam'))),
        record(
          13,
          der(
            0x30,
            Uint8Array.from([...der(0x0c, utf8('Phạm Văn Cha')), ...der(0x0c, utf8('Đỗ Thị Mẹ'))]),
          ),
        ),
      ].flatMap((r) => [...r]),
    ),
  );
  const parsed = parseDg13(bytes);

  it('reads each named field from its published record number', () => {
    const iso = (d: string) => d.split('/').reverse().join('-');
    for (const [, field, text] of PUBLISHED) {
      const expected = field.startsWith('date') ? iso(text) : text;
      expect({ field, value: parsed[field as keyof typeof parsed] }).toEqual({
        field,
        value: expected,
      });
    }
  });

  it('reads sex from record 4 and the parents from record 13 (father first)', () => {
    expect(parsed).toMatchObject({ sex: 'M', fatherName: 'Phạm Văn Cha', motherName: 'Đỗ Thị Mẹ' });
  });
});
