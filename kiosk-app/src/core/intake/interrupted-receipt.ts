import type { ReceiptView } from '@kiosk/protocol';
import type { ReceiptRepository } from '../store/receipt-repository';

/**
 * How long after filing a receipt not printed is still offered again at start: long enough for
 * the core to be restarted (Electron, systemd), short enough that the next citizen is unlikely
 * to see someone else's slip. The inactivity reset takes it off the screen in any case.
 */
export const INTERRUPTED_RECEIPT_WINDOW_MS = 5 * 60_000;

/** Only the newest few: the interrupted one was the last filed. */
const NEWEST = 5;

/**
 * The receipt of a dossier filed within `windowMs` before `now` whose slip was not printed (the
 * core stopped before the printer finished, or while it still printed): its citizen may be
 * standing at the kiosk not knowing the dossier was filed (issue 24). `undefined` when none.
 */
export function findInterruptedReceipt(
  receipts: Pick<ReceiptRepository, 'find'>,
  now: Date,
  windowMs = INTERRUPTED_RECEIPT_WINDOW_MS,
): ReceiptView | undefined {
  const since = now.getTime() - windowMs;
  return receipts
    .find({ limit: NEWEST })
    .filter((stored) => !stored.printed)
    .map((stored) => stored.receipt)
    .filter((receipt) => {
      const filed = Date.parse(receipt.receivedAt);
      return filed >= since && filed <= now.getTime();
    })
    .sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt))[0];
}
