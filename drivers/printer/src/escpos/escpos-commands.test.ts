import { describe, expect, it } from 'vitest';
import {
  automaticStatusBack,
  characterSize,
  codeTable,
  cut,
  emphasize,
  feedDots,
  initialize,
  justify,
  JUSTIFY,
  lineSpacing,
  setProcessIdResponse,
  rasterImageHeader,
  realtimeStatus,
} from './escpos-commands';

/** Exact bytes from the Epson ESC/POS Command Reference, written out as hex. */
const hex = (bytes: readonly number[]): string => Buffer.from(bytes).toString('hex');

describe('ESC/POS commands', () => {
  it('encode to the bytes of the command reference', () => {
    expect(hex(initialize())).toBe('1b40');
    expect(hex(lineSpacing(30))).toBe('1b331e');
    expect(hex(justify(JUSTIFY.center))).toBe('1b6101');
    expect(hex(emphasize(true))).toBe('1b4501');
    expect(hex(characterSize(0x01))).toBe('1d2101');
    expect(hex(codeTable(30))).toBe('1b741e');
    expect(hex(feedDots(255))).toBe('1b4aff');
    expect(hex(cut('full'))).toBe('1d5600');
    expect(hex(cut('partial'))).toBe('1d5601');
    expect(hex(rasterImageHeader(72, 300))).toBe('1d76300048002c01');
    expect(hex(realtimeStatus(4))).toBe('100404');
    expect(hex(automaticStatusBack(0x0f))).toBe('1d610f');
    expect(hex(setProcessIdResponse([0x41, 0x42, 0x43, 0x44]))).toBe('1d28480600303041424344');
  });
});
