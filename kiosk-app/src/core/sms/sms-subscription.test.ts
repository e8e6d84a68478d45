import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogue, type FieldValue } from '@kiosk/forms';
import { SMS_CONSENT_FIELD, smsSubscriptionOf } from './sms-subscription';

const catalogue = loadCatalogue();
const procedure = (code: string) => {
  const found = catalogue.procedures.find((p) => p.code === code);
  if (!found) throw new Error(`no procedure ${code}`);
  return found;
};

describe('SMS subscription from the form', () => {
  it('every procedure offers the consent box right after a phone number', () => {
    for (const p of catalogue.procedures) {
      const values: Record<string, FieldValue> = { [SMS_CONSENT_FIELD]: true };
      for (const f of p.form.sections.flatMap((s) => s.fields))
        if (f.type === 'phone') values[f.id] = '0912 345 678';
      expect(smsSubscriptionOf(p, values), p.code).toEqual({ phone: '84912345678' });
    }
  });

  it('is none without the ticked box', () => {
    const p = procedure('1.004222');
    expect(smsSubscriptionOf(p, { phone: '0912345678' })).toBeUndefined();
    expect(smsSubscriptionOf(p, { phone: '0912345678', smsConsent: false })).toBeUndefined();
    expect(smsSubscriptionOf(p, { phone: '0912345678', smsConsent: 'true' })).toBeUndefined();
  });

  it('takes the phone the box follows, not another one of the form', () => {
    // Đăng ký hộ kinh doanh: the business's phone and the owner's; the box follows the owner's.
    const p = procedure('1.001612');
    expect(
      smsSubscriptionOf(p, {
        businessPhone: '0987654321',
        ownerPhone: '+84 912 345 678',
        smsConsent: true,
      }),
    ).toEqual({ phone: '84912345678' });
  });

  it('is none for a landline or anything that is not a Vietnamese mobile', () => {
    const p = procedure('1.004222');
    expect(smsSubscriptionOf(p, { phone: '02439999999', smsConsent: true })).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const s = smsSubscriptionOf(p, { phone: typed, smsConsent: true });
        if (s) expect(s.phone).toMatch(/^84[35789]\d{8}$/);
      }),
    );
  });
});
