/**
 * Concatenated SMS (3GPP TS 23.040 §9.2.3.24.1): a long text goes as parts, each starting with a
 * user data header whose information element 0x00 carries (reference, total, sequence).
 */
export interface ConcatenationInfo {
  readonly reference: number;
  readonly total: number;
  readonly sequence: number;
}

/** IEI 0x00: 8-bit reference; 0x08: 16-bit reference (§9.2.3.24.8). */
const IEI_CONCAT_8 = 0x00;
const IEI_CONCAT_16 = 0x08;

/** Splits a short message with a UDH into the header's concatenation info and the text octets. */
export function splitUserDataHeader(octets: Uint8Array): {
  readonly concat?: ConcatenationInfo;
  readonly text: Uint8Array;
} {
  const udhLength = octets[0];
  if (udhLength === undefined || udhLength + 1 > octets.length) return { text: octets };
  const header = octets.subarray(1, udhLength + 1);
  let concat: ConcatenationInfo | undefined;
  for (let i = 0; i + 1 < header.length;) {
    const iei = header[i] ?? 0;
    const length = header[i + 1] ?? 0;
    const data = header.subarray(i + 2, i + 2 + length);
    if (iei === IEI_CONCAT_8 && data.length === 3)
      concat = { reference: data[0] ?? 0, total: data[1] ?? 0, sequence: data[2] ?? 0 };
    if (iei === IEI_CONCAT_16 && data.length === 4)
      concat = {
        reference: ((data[0] ?? 0) << 8) | (data[1] ?? 0),
        total: data[2] ?? 0,
        sequence: data[3] ?? 0,
      };
    i += 2 + length;
  }
  return { ...(concat ? { concat } : {}), text: octets.slice(udhLength + 1) };
}
