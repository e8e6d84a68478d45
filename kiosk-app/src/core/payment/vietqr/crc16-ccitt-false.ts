/**
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR), the checksum of
 * EMV QRCPS-MPM §4.7.3 (ID "63"). It is computed over the payload up to and including the "6304"
 * that introduces the CRC, and written as four upper-case hexadecimal digits. Its catalogue check
 * value (Williams/Reveng) is 0x29B1 for the ASCII string "123456789".
 */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (let index = 0; index < text.length; index += 1) {
    crc ^= (text.charCodeAt(index) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/** The four hexadecimal digits EMV writes as the value of ID "63". */
export function crc16Hex(text: string): string {
  return crc16CcittFalse(text).toString(16).toUpperCase().padStart(4, '0');
}
