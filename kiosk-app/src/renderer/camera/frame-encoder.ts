import { CAMERA_FRAME_MAX } from '@kiosk/protocol';
import type { Box } from './guide-box';

/** Size and quality the last frame was sent with; each frame starts from the last one's. */
export interface EncoderSettings {
  readonly maxWidth: number;
  readonly quality: number;
}

export const INITIAL_ENCODER: EncoderSettings = { maxWidth: 960, quality: 0.8 };
const MIN_QUALITY = 0.45;
const MIN_WIDTH = 320;

/**
 * Cuts the guide box out of the current video frame, in grey (the MRZ is black on a light
 * ground, and grey JPEGs are smaller), and encodes it as base64 JPEG that fits a `camera.frame`
 * message: lower quality first, then a smaller picture, until it fits.
 */
export function encodeGuideFrame(
  video: HTMLVideoElement,
  box: Box,
  canvas: HTMLCanvasElement,
  settings: EncoderSettings,
): { jpeg: string; settings: EncoderSettings } | undefined {
  let { maxWidth, quality } = settings;
  for (let attempt = 0; attempt < 12; attempt++) {
    const scale = Math.min(1, maxWidth / box.width);
    canvas.width = Math.round(box.width * scale);
    canvas.height = Math.round(box.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.filter = 'grayscale(1)';
    ctx.drawImage(video, box.x, box.y, box.width, box.height, 0, 0, canvas.width, canvas.height);
    const url = canvas.toDataURL('image/jpeg', quality);
    const jpeg = url.slice(url.indexOf(',') + 1);
    if (jpeg.length <= CAMERA_FRAME_MAX) {
      // Plenty of room left: try a little better quality next time.
      const next =
        jpeg.length < CAMERA_FRAME_MAX * 0.6 && quality < INITIAL_ENCODER.quality
          ? { maxWidth, quality: Math.min(INITIAL_ENCODER.quality, quality + 0.05) }
          : { maxWidth, quality };
      return { jpeg, settings: next };
    }
    if (quality > MIN_QUALITY) quality = Math.max(MIN_QUALITY, quality - 0.1);
    else if (maxWidth > MIN_WIDTH) maxWidth = Math.max(MIN_WIDTH, Math.round(maxWidth * 0.85));
    else return undefined;
  }
  return undefined;
}
