import type { LdsFile } from './lds-files';

/**
 * The largest file the reader accepts, so a chip that declares a 4 GB file in its TLV header
 * cannot keep the reader busy (issue 14, item 10). ICAO 9303-10 has no maximum; these caps sit
 * far above real files: a DG1 is under 100 bytes, EF.SOD with its document signer certificate a
 * few kilobytes, a DG2 face image typically 15–40 KB (9303-9 §4.2 recommends small JPEG/JPEG 2000).
 */
export const IMAGE_FILE_LIMIT = 300 * 1024;
export const DG1_LIMIT = 1024;
export const DEFAULT_FILE_LIMIT = 32 * 1024;

/** DG2 face, DG3 finger, DG4 iris, DG5 displayed portrait, DG7 displayed signature (9303-10 §4.7). */
const IMAGE_DATA_GROUPS = new Set([2, 3, 4, 5, 7]);

/** The caller's cap for a file (bytes), or undefined for the default. */
export type MaxFileSize = (file: LdsFile) => number | undefined;

export function defaultMaxFileSize(file: LdsFile): number {
  if (file.dataGroup === 1) return DG1_LIMIT;
  if (file.dataGroup !== undefined && IMAGE_DATA_GROUPS.has(file.dataGroup))
    return IMAGE_FILE_LIMIT;
  return DEFAULT_FILE_LIMIT;
}
