import { DeviceError } from '@kiosk/device';
import type { PrinterProfile } from '../profile/printer-profile';
import type { ReceiptSlip } from '../receipt/receipt-slip';
import type { ReceiptTemplate } from '../receipt/receipt-template';
import { queueTicketToElements, type QueueTicketSlip } from '../receipt/queue-ticket';
import { slipToElements, type SlipElement } from '../receipt/slip-layout';
import type { FormatTime } from '../receipt/slip-time';
import { planToEscPos } from './plan-to-escpos';
import { planToPng } from './plan-to-png';
import { planCodePage, planRaster, type PrintPlan } from './print-plan';
import { RasterTextRenderer } from './raster-text';

export interface RenderedReceipt {
  /** The bytes to send to the printer. */
  readonly escpos: Uint8Array;
  /** Command boundaries in `escpos`: pass to ReceiptPrinter.print so a stopped print stays in sync. */
  readonly boundaries: readonly number[];
  /** What the paper will look like (shown on screen, kept for reprints). */
  readonly previewPng: Buffer;
  /** Characters no code page of the printer has; printed without tone or as "?". */
  readonly substituted: readonly string[];
  readonly plan: PrintPlan;
}

/** Builds the print plan for a slip on a printer. */
export function planReceipt(
  slip: ReceiptSlip,
  profile: PrinterProfile,
  template: ReceiptTemplate,
  formatTime?: FormatTime,
): PrintPlan {
  return planElements(slipToElements(slip, template, formatTime), profile);
}

/** Laid-out elements on a printer: the one place the two ways (code page, raster) diverge. */
function planElements(elements: SlipElement[], profile: PrinterProfile): PrintPlan {
  if (profile.vietnamese !== 'raster') return planCodePage(elements, profile);
  if (!profile.rasterFont) {
    throw new DeviceError(
      'PRINTER_PROFILE_INVALID',
      `profile ${profile.id} prints raster text but names no rasterFont`,
    );
  }
  return planRaster(
    elements,
    profile,
    new RasterTextRenderer(profile.rasterFont, profile.dotsPerLine),
  );
}

/**
 * Slip + printer profile + centre template → ESC/POS bytes and a PNG preview of the same plan.
 * Pure apart from reading the font files named by the profile.
 *
 * @example
 * const { escpos, previewPng } = renderReceipt(slip, loadProfile('epson-80mm-tcvn3'), defaultTemplate());
 */
export function renderReceipt(
  slip: ReceiptSlip,
  profile: PrinterProfile,
  template: ReceiptTemplate,
  formatTime?: FormatTime,
): RenderedReceipt {
  return renderPlan(planReceipt(slip, profile, template, formatTime), profile);
}

/** The "Lấy số thứ tự" ticket, rendered as a slip is. */
export function renderQueueTicket(
  ticket: QueueTicketSlip,
  profile: PrinterProfile,
  template: ReceiptTemplate,
  formatTime?: FormatTime,
): RenderedReceipt {
  return renderPlan(
    planElements(queueTicketToElements(ticket, template, formatTime), profile),
    profile,
  );
}

function renderPlan(plan: PrintPlan, profile: PrinterProfile): RenderedReceipt {
  const { bytes, boundaries, substituted } = planToEscPos(plan, profile);
  return { escpos: bytes, boundaries, previewPng: planToPng(plan, profile), substituted, plan };
}
