import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';

/** An 8-bit grayscale image; the OCR pipeline works on these. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** ITU-R BT.601 luma from RGBA. */
export function grayFromRgba(
  width: number,
  height: number,
  rgba: Uint8Array | Uint8ClampedArray,
  into?: Uint8Array,
): GrayImage {
  const data = into && into.length === width * height ? into : new Uint8Array(width * height);
  for (let i = 0, o = 0; i < data.length; i++, o += 4) {
    data[i] =
      ((rgba[o] as number) * 299 + (rgba[o + 1] as number) * 587 + (rgba[o + 2] as number) * 114) /
      1000;
  }
  return { width, height, data };
}

/** Decodes PNG/JPEG/WebP bytes (or a file path) into grayscale. */
export async function loadGrayImage(source: Buffer | string): Promise<GrayImage> {
  const image = await loadImage(source);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return grayFromRgba(image.width, image.height, data);
}

/**
 * Decodes camera frames one after another into the same canvas and the same gray buffer while
 * the frame size stays the same (a camera's does), instead of allocating both per frame. The
 * image it returns is overwritten by the next `decode`: read it before decoding the next frame.
 */
export class GrayFrameDecoder {
  private canvas: Canvas | undefined;
  private gray = new Uint8Array(0);

  async decode(source: Buffer): Promise<GrayImage> {
    const image = await loadImage(source);
    const { width, height } = image;
    if (!this.canvas || this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas = createCanvas(width, height);
      this.gray = new Uint8Array(width * height);
    }
    const ctx = this.canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, width, height);
    return grayFromRgba(width, height, data, this.gray);
  }
}

/** Encodes grayscale as PNG, the form tesseract.js takes. */
export async function grayToPng(img: GrayImage): Promise<Buffer> {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const out = ctx.createImageData(img.width, img.height);
  for (let i = 0, o = 0; i < img.data.length; i++, o += 4) {
    const v = img.data[i] as number;
    out.data[o] = v;
    out.data[o + 1] = v;
    out.data[o + 2] = v;
    out.data[o + 3] = 255;
  }
  ctx.putImageData(out, 0, 0);
  return canvas.encode('png');
}
