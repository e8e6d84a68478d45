import { describe, expect, it } from 'vitest';
import type { ReceiptView } from '@kiosk/protocol';
import { feeDueAtKiosk, withFeePaid } from './fee-due';

const unpaid = { fee: { amountVnd: 20_000, paid: false } };

describe('feeDueAtKiosk', () => {
  it('asks for a fee paid at submission that is not paid yet', () => {
    expect(feeDueAtKiosk({ amountVnd: 20_000, paidAt: 'submission' }, unpaid)).toBe(20_000);
  });

  it('asks for nothing paid at collection, free, or already paid', () => {
    expect(feeDueAtKiosk({ amountVnd: 20_000, paidAt: 'collection' }, unpaid)).toBeUndefined();
    expect(feeDueAtKiosk({ amountVnd: 0, paidAt: 'submission' }, unpaid)).toBeUndefined();
    expect(
      feeDueAtKiosk(
        { amountVnd: 20_000, paidAt: 'submission' },
        { fee: { amountVnd: 20_000, paid: true } },
      ),
    ).toBeUndefined();
  });
});

describe('withFeePaid', () => {
  const receipt = { dossierCode: 'H01-261128-0001' } as ReceiptView;

  it('marks an unpaid fee paid and leaves the rest of the receipt as it was', () => {
    expect(withFeePaid({ ...receipt, ...unpaid })).toEqual({
      ...receipt,
      fee: { amountVnd: 20_000, paid: true },
    });
  });

  it('returns the same receipt when there is no fee to mark', () => {
    const free = { ...receipt, fee: { amountVnd: 0, paid: false } };
    expect(withFeePaid(free)).toBe(free);
    expect(withFeePaid(receipt)).toBe(receipt);
  });
});
