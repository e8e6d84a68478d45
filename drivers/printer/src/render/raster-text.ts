import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { DeviceError } from '@kiosk/device';
import type { Align, TextStyle } from '../receipt/slip-layout';
import { fromRgba, type Bitmap } from './bitmap';

export interface RasterFont {
  readonly regular: string;
  readonly bold: string;
  readonly bodyPx: number;
  readonly titlePx: number;
}

const registered = new Map<string, string>();

/** Registers a font file once and returns its family name. */
function family(path: string): string {
  const known = registered.get(path);
  if (known) return known;
  const name = `KioskSlip${registered.size}`;
  if (!GlobalFonts.registerFromPath(path, name)) {
    throw new DeviceError('PRINTER_FONT_MISSING', `cannot load font ${path} (fonts-noto-core)`);
  }
  registered.set(path, name);
  return name;
}

/**
 * Renders text lines to 1-bit bitmaps with a Vietnamese-capable TrueType font (Noto Sans from
 * Debian's fonts-noto-core), for printers with no Vietnamese code page. Each line is a box of
 * fixed height so that blank rows above and below the ink become paper feed, not image bytes.
 */
export class RasterTextRenderer {
  private readonly measureCtx = createCanvas(8, 8).getContext('2d');

  constructor(
    private readonly font: RasterFont,
    readonly widthDots: number,
  ) {}

  private css(style: TextStyle): string {
    const px = style === 'title' ? this.font.titlePx : this.font.bodyPx;
    const bold = style === 'body' ? this.font.regular : this.font.bold;
    return `${px}px ${family(bold)}`;
  }

  /** Height of a line box: room for stacked Vietnamese diacritics above capitals (Ễ, Ộ). */
  lineHeight(style: TextStyle): number {
    const px = style === 'title' ? this.font.titlePx : this.font.bodyPx;
    return Math.ceil(px * 1.45);
  }

  fits(text: string, style: TextStyle): boolean {
    this.measureCtx.font = this.css(style);
    return this.measureCtx.measureText(text).width <= this.widthDots;
  }

  renderLine(text: string, style: TextStyle, align: Align): Bitmap {
    const height = this.lineHeight(style);
    const canvas = createCanvas(this.widthDots, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, this.widthDots, height);
    ctx.fillStyle = '#000';
    ctx.font = this.css(style);
    ctx.textBaseline = 'alphabetic';
    const px = style === 'title' ? this.font.titlePx : this.font.bodyPx;
    const width = ctx.measureText(text).width;
    const x = align === 'center' ? Math.max(0, Math.round((this.widthDots - width) / 2)) : 0;
    ctx.fillText(text.normalize('NFC'), x, Math.round(px * 1.15));
    return fromRgba(ctx.getImageData(0, 0, this.widthDots, height).data, this.widthDots, height);
  }
}
