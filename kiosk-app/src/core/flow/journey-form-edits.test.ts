import { describe, expect, it } from 'vitest';
import type { FormView } from '@kiosk/protocol';
import { keepCitizenEdits, withValue } from './journey-form-edits';

const issue = (fieldId: string): FormView['issues'][number] => ({
  fieldId,
  code: 'required',
  message: { vi: 'Bắt buộc', en: 'Required' },
});

const form = (over: Partial<FormView> = {}): FormView => ({
  procedureCode: 'P',
  title: { vi: 'T', en: 'T' },
  sections: [],
  values: {},
  provenance: {},
  missing: [],
  issues: [],
  editable: ['phone', 'email'],
  ...over,
});

describe('withValue (a citizen edit)', () => {
  it('makes the value the citizen’s, bumps its version and clears its missing mark and issues', () => {
    const before = form({
      missing: ['phone', 'email'],
      issues: [issue('phone'), issue('email')],
      versions: { phone: 2 },
    });
    const after = withValue(before, 'phone', '0912345678');
    expect(after.values.phone).toBe('0912345678');
    expect(after.provenance.phone).toBe('citizen');
    expect(after.versions).toEqual({ phone: 3 });
    expect(after.missing).toEqual(['email']);
    expect(after.issues.map((i) => i.fieldId)).toEqual(['email']);
  });

  it('keeps a field missing when the citizen blanks it, and normalizes Vietnamese text to NFC', () => {
    const blank = withValue(form({ missing: ['phone'] }), 'phone', '   ');
    expect(blank.missing).toEqual(['phone']);
    expect(blank.versions).toEqual({ phone: 1 });
    const decomposed = 'Nguye\u0302\u0303n';
    expect(withValue(form(), 'fullName', decomposed).values.fullName).toBe('Nguyễn');
    expect(withValue(form({ missing: ['agree'] }), 'agree', true).missing).toEqual([]);
  });
});

describe('keepCitizenEdits (a form prepared again)', () => {
  it('keeps what the citizen typed, and versions a field the refill changed', () => {
    const current = form({
      values: { phone: '0912345678', address: 'old', name: 'A' },
      provenance: { phone: 'citizen', address: 'registry', name: 'chip' },
      versions: { phone: 4, address: 1 },
    });
    const fresh = form({
      values: { phone: '', address: 'new', name: 'A' },
      provenance: { phone: 'registry', address: 'registry', name: 'chip' },
      missing: ['phone', 'email'],
      issues: [issue('phone'), issue('email')],
    });
    const kept = keepCitizenEdits(fresh, current);
    expect(kept.values).toEqual({ phone: '0912345678', address: 'new', name: 'A' });
    expect(kept.provenance.phone).toBe('citizen');
    // address changed under the citizen (a stale tab's edit of it is refused); name did not.
    expect(kept.versions).toEqual({ phone: 4, address: 2 });
    expect(kept.missing).toEqual(['email']);
    expect(kept.issues.map((i) => i.fieldId)).toEqual(['email']);
  });
});
