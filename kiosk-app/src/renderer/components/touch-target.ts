/**
 * Touch targets of at least 15 mm on the kiosk's own display (issue 21). CSS's `mm` assumes
 * 96 px per inch, so styles.css computes `--touch-target` from `--kiosk-dpi` (default 96, where
 * 15 mm ≈ 57 px). A kiosk whose panel has another density opens the renderer with `?dpi=<n>`,
 * e.g. a 23.8" 1080×1920 panel is about 92 dpi, a 21.5" one about 102.
 */
export const DEFAULT_KIOSK_DPI = 96;

/** The DPI from the page's query string, or the default when absent or not a sane number. */
export function kioskDpi(search: string): number {
  const raw = new URLSearchParams(search).get('dpi');
  const dpi = raw === null ? NaN : Number(raw);
  return Number.isFinite(dpi) && dpi >= 50 && dpi <= 600 ? dpi : DEFAULT_KIOSK_DPI;
}

/** The size in CSS pixels of `mm` millimetres at `dpi` (as styles.css computes it). */
export function millimetresToPx(mm: number, dpi: number): number {
  return (mm / 25.4) * dpi;
}
