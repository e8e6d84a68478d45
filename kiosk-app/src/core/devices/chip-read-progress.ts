import type { ReadProgress } from '@kiosk/id-card';

/**
 * Where each step of a chip read sits on the progress bar, by its usual share of the read time
 * (access control ~20 %, the small groups next, the ~15 KB face image the longest). The files
 * come in the driver's order: DG1, DG13, EF.SOD, DG2.
 */
const FILE_SPANS: Readonly<Record<string, readonly [number, number]>> = {
  DG1: [0.2, 0.3],
  DG13: [0.3, 0.45],
  'EF.SOD': [0.45, 0.55],
  DG2: [0.55, 0.9],
};

/** The progress (0–1, below 1: the journey sets 1 when the read is done) of one driver step. */
export function chipReadProgress(progress: ReadProgress): number | undefined {
  switch (progress.step) {
    case 'access':
      return progress.protocol === undefined ? 0.05 : 0.2;
    case 'file': {
      const span = FILE_SPANS[progress.file];
      if (!span) return undefined;
      const share = progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : 0;
      return span[0] + (span[1] - span[0]) * Math.min(1, Math.max(0, share));
    }
    case 'verify':
      return 0.92;
    case 'done':
      return 0.97;
    case 'identity':
      return undefined;
  }
}
