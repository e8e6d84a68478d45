import CodepageEncoder from '@point-of-sale/codepage-encoder';
import { splitTone } from './vietnamese-letters';

/**
 * TCVN 5712:1993 "VN3" (TCVN-3) as ESC/POS code pages 30 (lower case) and 31 (capitals).
 *
 * The tables start from @point-of-sale/codepage-encoder's `tcvn3` / `tcvn3capitals` and fix
 * what is wrong there:
 * - 0xA7 of the capitals page is mapped to U+00D0 (Icelandic Eth "Ð") instead of U+0110 "Đ";
 *   text with Đ would fall back to "?" or, worse, print Ð when decoded by a Unicode-aware tool.
 * The capitals page carries the upper-case toned letters at the code points of their lower-case
 * counterparts (as the ".VnTimeH" capitals fonts did); page 30 has no toned capitals at all, so
 * a line of mixed case switches pages with `ESC t n` as needed.
 */
export const TCVN3_PAGE = 30;
export const TCVN3_CAPITALS_PAGE = 31;
export type Tcvn3Page = typeof TCVN3_PAGE | typeof TCVN3_CAPITALS_PAGE;

const UNMAPPED = 0xfffd;
const ETH = 0x00d0;
const D_STROKE_CAPITAL = 0x0110;

function table(name: 'tcvn3' | 'tcvn3capitals'): number[] {
  const codepoints = CodepageEncoder.getCodepoints(name, true).map((c) => c ?? UNMAPPED);
  if (name === 'tcvn3capitals') {
    const at = codepoints.indexOf(ETH);
    if (at !== -1) codepoints[at] = D_STROKE_CAPITAL;
  }
  return codepoints;
}

/** byte → Unicode code point (U+FFFD where the page has nothing). */
export const TCVN3_TABLES: Readonly<Record<Tcvn3Page, readonly number[]>> = {
  [TCVN3_PAGE]: table('tcvn3'),
  [TCVN3_CAPITALS_PAGE]: table('tcvn3capitals'),
};

function reverse(codepoints: readonly number[]): Map<number, number> {
  const map = new Map<number, number>();
  codepoints.forEach((cp, byte) => {
    if (cp !== UNMAPPED && !map.has(cp)) map.set(cp, byte);
  });
  return map;
}

const REVERSE: Readonly<Record<Tcvn3Page, Map<number, number>>> = {
  [TCVN3_PAGE]: reverse(TCVN3_TABLES[TCVN3_PAGE]),
  [TCVN3_CAPITALS_PAGE]: reverse(TCVN3_TABLES[TCVN3_CAPITALS_PAGE]),
};

/** A run of bytes to print with one code page selected. */
export interface CodePageRun {
  readonly page: number;
  readonly bytes: Uint8Array;
}

export interface EncodedText {
  readonly runs: readonly CodePageRun[];
  /** Characters no page has; they were printed without their tone, or as "?". */
  readonly substituted: readonly string[];
}

function byteFor(cp: number, page: Tcvn3Page): number | undefined {
  return REVERSE[page].get(cp);
}

/**
 * Encodes text for TCVN-3 printers, choosing page 30 or 31 per character and staying on the
 * current page when the character is on both (ASCII), so a line switches pages only when needed.
 */
export function encodeTcvn3(text: string, startPage: Tcvn3Page = TCVN3_PAGE): EncodedText {
  const runs: { page: Tcvn3Page; bytes: number[] }[] = [];
  const substituted: string[] = [];
  let page = startPage;
  const put = (p: Tcvn3Page, byte: number): void => {
    const last = runs[runs.length - 1];
    if (last && last.page === p) last.bytes.push(byte);
    else runs.push({ page: p, bytes: [byte] });
    page = p;
  };
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    const other: Tcvn3Page = page === TCVN3_PAGE ? TCVN3_CAPITALS_PAGE : TCVN3_PAGE;
    const here = byteFor(cp, page);
    if (here !== undefined) {
      put(page, here);
      continue;
    }
    const there = byteFor(cp, other);
    if (there !== undefined) {
      put(other, there);
      continue;
    }
    substituted.push(ch);
    const { base } = splitTone(ch);
    const plain = base.normalize('NFD').charAt(0);
    const fallback =
      byteFor(base.codePointAt(0) ?? 0, page) ?? byteFor(plain.codePointAt(0) ?? 0, page);
    put(page, fallback !== undefined && /\S/.test(base) ? fallback : 0x3f);
  }
  return {
    runs: runs.map((r) => ({ page: r.page, bytes: Uint8Array.from(r.bytes) })),
    substituted,
  };
}

/** Decodes bytes printed on a TCVN-3 page back to Unicode (NFC). */
export function decodeTcvn3(bytes: Uint8Array, page: Tcvn3Page): string {
  const t = TCVN3_TABLES[page];
  let out = '';
  for (const b of bytes) out += String.fromCodePoint(t[b] ?? UNMAPPED);
  return out.normalize('NFC');
}

export function isTcvn3Page(page: number): page is Tcvn3Page {
  return page === TCVN3_PAGE || page === TCVN3_CAPITALS_PAGE;
}
