/**
 * The text of a short message by its data_coding (SMPP v3.4 §5.2.19). Written here, not taken
 * from the portal's SMPP client, so a wrong encoding on the client side shows as wrong text.
 */

/**
 * The GSM 7-bit default alphabet, 3GPP TS 23.038 §6.2.1, indexed by septet. 0x1B is the escape
 * to the extension table; over SMPP the septets travel one per octet (unpacked), which is what
 * SMSCs take data_coding 0 ("SMSC Default Alphabet") to mean.
 */
const GSM7_DEFAULT =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** 3GPP TS 23.038 §6.2.1.1 default extension table: septet after 0x1B → character. */
const GSM7_EXTENSION = new Map<number, string>([
  [0x0a, '\f'],
  [0x14, '^'],
  [0x28, '{'],
  [0x29, '}'],
  [0x2f, '\\'],
  [0x3c, '['],
  [0x3d, '~'],
  [0x3e, ']'],
  [0x40, '|'],
  [0x65, '€'],
]);

const ESCAPE = 0x1b;

export const DATA_CODING = {
  smscDefault: 0x00,
  ia5: 0x01,
  latin1: 0x03,
  ucs2: 0x08,
} as const;

export type ShortMessageTextError = 'NOT_SEPTETS' | 'UNSUPPORTED_DATA_CODING' | 'ODD_UCS2';

export class ShortMessageDecodeError extends Error {
  constructor(
    readonly code: ShortMessageTextError,
    message: string,
  ) {
    super(message);
    this.name = 'ShortMessageDecodeError';
  }
}

/** Unpacked GSM 7-bit septets → text; an octet above 0x7F is not a septet. */
export function decodeGsm7(octets: Uint8Array): string {
  let text = '';
  for (let i = 0; i < octets.length; i++) {
    const septet = octets[i] ?? 0;
    if (septet > 0x7f)
      throw new ShortMessageDecodeError(
        'NOT_SEPTETS',
        `octet ${i} (0x${septet.toString(16)}) is not a GSM 7-bit septet`,
      );
    if (septet === ESCAPE) {
      const next = octets[i + 1];
      // §6.2.1.1: an escape not followed by a defined extension shows as a space.
      const extended = next === undefined ? undefined : GSM7_EXTENSION.get(next);
      if (next !== undefined) i++;
      text += extended ?? ' ';
      continue;
    }
    text += GSM7_DEFAULT[septet] ?? '';
  }
  return text;
}

/** The text of a short message; throws {@link ShortMessageDecodeError} for what it cannot read. */
export function shortMessageText(dataCoding: number, octets: Uint8Array): string {
  switch (dataCoding) {
    case DATA_CODING.smscDefault:
      return decodeGsm7(octets);
    case DATA_CODING.ia5:
      return new TextDecoder('ascii').decode(octets);
    case DATA_CODING.latin1:
      return new TextDecoder('latin1').decode(octets);
    case DATA_CODING.ucs2:
      if (octets.length % 2 !== 0)
        throw new ShortMessageDecodeError('ODD_UCS2', 'UCS-2 text has an odd number of octets');
      return new TextDecoder('utf-16be').decode(octets);
    default:
      throw new ShortMessageDecodeError(
        'UNSUPPORTED_DATA_CODING',
        `data_coding 0x${dataCoding.toString(16)} is not supported by the simulator`,
      );
  }
}
