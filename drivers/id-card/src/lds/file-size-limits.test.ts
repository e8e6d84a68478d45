/**
 * The largest file the reader accepts (issue 14, item 10): 1 KiB for DG1 (an MRZ under 100
 * bytes), 300 KiB for the image data groups of ICAO 9303-10 §4.7 (DG2 face, DG3 finger, DG4
 * iris, DG5 displayed portrait, DG7 displayed signature), 32 KiB for every other file.
 */
import { describe, expect, it } from 'vitest';
import { defaultMaxFileSize } from './file-size-limits';
import { dataGroupFile, EF_CARD_ACCESS, EF_COM, EF_SOD } from './lds-files';

describe('the default cap of each file', () => {
  it('is 1 KiB for DG1', () => {
    expect(defaultMaxFileSize(dataGroupFile(1))).toBe(1024);
  });

  it.each([2, 3, 4, 5, 7])('is 300 KiB for the image data group DG%i', (n) => {
    expect(defaultMaxFileSize(dataGroupFile(n))).toBe(300 * 1024);
  });

  it.each([6, 8, 9, 10, 11, 12, 13, 14, 15, 16])('is 32 KiB for DG%i', (n) => {
    expect(defaultMaxFileSize(dataGroupFile(n))).toBe(32 * 1024);
  });

  it.each([EF_COM, EF_SOD, EF_CARD_ACCESS])('is 32 KiB for $name', (file) => {
    expect(defaultMaxFileSize(file)).toBe(32 * 1024);
  });
});
