/** ID-1 card proportions (ISO/IEC 7810): 85.60 × 53.98 mm. */
export const CARD_ASPECT = 85.6 / 53.98;
/** The share of the card's height, from the bottom, that the three TD1 MRZ lines occupy. */
export const MRZ_BAND_SHARE = 0.36;

/** A rectangle in video pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The card-shaped guide in the middle of a video frame: as large as leaves a margin to move the
 * card in. The screen draws it and the frame sent to the core is cut to it, so what the citizen
 * lines up is what gets read.
 */
export function guideBox(videoWidth: number, videoHeight: number): Box {
  const width = Math.min(videoWidth * 0.76, videoHeight * 0.84 * CARD_ASPECT);
  const height = width / CARD_ASPECT;
  return { x: (videoWidth - width) / 2, y: (videoHeight - height) / 2, width, height };
}

/** A box as CSS percentages of the frame, for the overlay drawn over the video. */
export function boxPercent(
  box: Box,
  videoWidth: number,
  videoHeight: number,
): { left: string; top: string; width: string; height: string } {
  const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(2)}%`;
  return {
    left: pct(box.x, videoWidth),
    top: pct(box.y, videoHeight),
    width: pct(box.width, videoWidth),
    height: pct(box.height, videoHeight),
  };
}
