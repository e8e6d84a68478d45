import { describe, expect, it } from 'vitest';
import type { ReceiptView } from '@kiosk/protocol';
import { TEST_RECEIPT } from '../flow/journey-test-actors';
import type { StoredReceipt } from '../store/receipt-repository';
import { findInterruptedReceipt, INTERRUPTED_RECEIPT_WINDOW_MS } from './interrupted-receipt';

const NOW = new Date('2026-11-28T09:10:00+07:00');

const stored = (code: string, receivedAt: string, printed: boolean): StoredReceipt => ({
  receipt: { ...TEST_RECEIPT, dossierCode: code, receivedAt } satisfies ReceiptView,
  printed,
});

const repository = (rows: StoredReceipt[]) => ({ find: () => rows });

describe('findInterruptedReceipt', () => {
  it('finds the newest receipt filed within the window and not printed', () => {
    const found = findInterruptedReceipt(
      repository([
        stored('H01-261128-0003', '2026-11-28T09:08:00+07:00', true),
        stored('H01-261128-0002', '2026-11-28T09:07:00+07:00', false),
        stored('H01-261128-0001', '2026-11-28T09:06:00+07:00', false),
      ]),
      NOW,
    );
    expect(found?.dossierCode).toBe('H01-261128-0002');
  });

  it('leaves a printed receipt alone', () => {
    const rows = [stored('H01-261128-0001', '2026-11-28T09:09:00+07:00', true)];
    expect(findInterruptedReceipt(repository(rows), NOW)).toBeUndefined();
  });

  it('leaves a receipt filed before the window alone: the next citizen must not get it', () => {
    const filed = new Date(NOW.getTime() - INTERRUPTED_RECEIPT_WINDOW_MS - 1_000);
    const rows = [stored('H01-261128-0001', filed.toISOString(), false)];
    expect(findInterruptedReceipt(repository(rows), NOW)).toBeUndefined();
  });

  it('leaves a receipt stamped after now alone (a clock set back)', () => {
    const rows = [stored('H01-261128-0001', '2026-11-28T09:30:00+07:00', false)];
    expect(findInterruptedReceipt(repository(rows), NOW)).toBeUndefined();
  });

  it('finds nothing in an empty store', () => {
    expect(findInterruptedReceipt(repository([]), NOW)).toBeUndefined();
  });
});
