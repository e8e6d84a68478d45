/** Why a camera frame was refused before any OCR: the client sent something that is not a JPEG. */
export class CameraFrameError extends Error {
  readonly code = 'CAMERA_FRAME_INVALID';
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Every JPEG starts with SOI (FF D8) followed by a marker (FF xx), ITU-T T.81 §B.1.1.3. */
const JPEG_START = [0xff, 0xd8, 0xff] as const;

/**
 * The JPEG bytes of a camera frame sent as base64 (the edge of the camera path: outside input).
 * Only checks the shape; the OCR worker decodes the image and says whether it really is one.
 *
 * @throws CameraFrameError for text that is not padded base64 of something starting like a JPEG.
 */
export function jpegFromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !BASE64.test(text)) {
    throw new CameraFrameError('the camera frame is not base64 text');
  }
  const bytes = Buffer.from(text, 'base64');
  if (!JPEG_START.every((b, i) => bytes[i] === b)) {
    throw new CameraFrameError('the camera frame is not a JPEG image');
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
