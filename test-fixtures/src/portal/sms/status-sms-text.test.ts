import fc from 'fast-check';
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { PORTAL_STATUS, type PortalStatus } from '../portal-statuses';
import { SMS_MAX_SEPTETS, statusSmsText, unaccented } from './status-sms-text';

const STATUSES = Object.keys(PORTAL_STATUS) as PortalStatus[];

/** Any code the kiosk can issue, the longest unit codes included. */
const dossierCode = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...'ABCXYZ0129'), minLength: 1, maxLength: 1 }),
    fc.string({ unit: fc.constantFrom(...'ABCXYZ0129.'), maxLength: 29 }),
    fc.stringMatching(/^\d{6}$/),
    fc.stringMatching(/^\d{4}$/),
  )
  .map(([head, rest, day, n]) => `${head}${rest}-${day}-${n}`);

describe('status SMS text', () => {
  it('is one GSM 7-bit SMS for every status and every code the kiosk can issue', () => {
    fc.assert(
      fc.property(dossierCode, fc.constantFrom(...STATUSES), (code, status) => {
        const text = statusSmsText(code, status);
        // Twilio's segment calculator, not ours, decides the encoding and the count.
        const segmented = new SegmentedMessage(text);
        expect(segmented.encodingName).toBe('GSM-7');
        expect(segmented.segmentsCount).toBe(1);
        expect(text.length).toBeLessThanOrEqual(SMS_MAX_SEPTETS);
        expect(text).toContain(code);
      }),
    );
  });

  it('says the new status in unaccented Vietnamese', () => {
    expect(statusSmsText('H01-261207-0001', 'received')).toBe(
      'Ho so H01-261207-0001 da duoc tiep nhan. Tra cuu bang ma ho so.',
    );
    expect(statusSmsText('H01-261207-0001', 'done')).toContain('da co ket qua');
    expect(unaccented('Đăng ký thường trú')).toBe('Dang ky thuong tru');
  });

  it('refuses what is not a dossier code, so nothing else reaches a phone', () => {
    expect(() => statusSmsText('Nguyen Van A 0912345678', 'received')).toThrow();
  });
});
