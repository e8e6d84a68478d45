import CodepageEncoder from '@point-of-sale/codepage-encoder';
import { splitTone } from './vietnamese-letters';

/**
 * Windows-1258 (ESC/POS page 52 on Epson, "WPC1258"). It has the letters with breve, circumflex
 * and horn precomposed (ă â ê ô ơ ư đ) but the five tones only as combining marks, so "ệ" must be
 * sent as "ê" + U+0323, not as plain NFD "e" + U+0302 + U+0323 (U+0302 is not in the page).
 * A handful of toned Latin-1 letters (à á é ...) are precomposed and are used as they are.
 */
export const WINDOWS1258_PAGE = 52;

const TABLE: readonly number[] = CodepageEncoder.getCodepoints('windows1258', true).map(
  (c) => c ?? 0xfffd,
);
const REVERSE = new Map<number, number>();
TABLE.forEach((cp, byte) => {
  if (cp !== 0xfffd && !REVERSE.has(cp)) REVERSE.set(cp, byte);
});

function byteOf(ch: string): number | undefined {
  return REVERSE.get(ch.codePointAt(0) ?? -1);
}

export interface Windows1258Encoded {
  readonly bytes: Uint8Array;
  readonly substituted: readonly string[];
}

/** Encodes NFC text as windows-1258: composed base letter first, then its tone mark. */
export function encodeWindows1258(text: string): Windows1258Encoded {
  const out: number[] = [];
  const substituted: string[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = byteOf(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const { base, tone } = splitTone(ch);
    const baseByte = byteOf(base);
    const toneByte = tone === undefined ? undefined : byteOf(tone);
    if (baseByte !== undefined && (tone === undefined || toneByte !== undefined)) {
      out.push(baseByte);
      if (toneByte !== undefined) out.push(toneByte);
    } else {
      substituted.push(ch);
      out.push(0x3f);
    }
  }
  return { bytes: Uint8Array.from(out), substituted };
}

/** Decodes windows-1258 bytes and recomposes the tone marks (NFC). */
export function decodeWindows1258(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCodePoint(TABLE[b] ?? 0xfffd);
  return out.normalize('NFC');
}
