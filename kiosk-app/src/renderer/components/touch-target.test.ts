import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_KIOSK_DPI, kioskDpi, millimetresToPx } from './touch-target';

describe('kiosk DPI for touch targets', () => {
  it('15 mm at the default 96 dpi is about 57 px', () => {
    expect(kioskDpi('')).toBe(DEFAULT_KIOSK_DPI);
    expect(Math.round(millimetresToPx(15, DEFAULT_KIOSK_DPI))).toBe(57);
  });

  it('takes ?dpi= from the query string', () => {
    expect(kioskDpi('?dpi=120')).toBe(120);
    expect(millimetresToPx(25.4, 120)).toBe(120);
  });

  it('falls back to the default for any value that is not a sane DPI', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const dpi = kioskDpi(`?dpi=${encodeURIComponent(raw)}`);
        expect(dpi === DEFAULT_KIOSK_DPI || (dpi >= 50 && dpi <= 600)).toBe(true);
      }),
    );
  });
});
