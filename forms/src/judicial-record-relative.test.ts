/**
 * Issue 16 item 5B: a parent, spouse, child or guardian may ask for the judicial record
 * certificate of the person (Nghị định 216/2026/NĐ-CP, Điều 22 khoản 2). The card at the kiosk is
 * the requester's, so it fills the requester's block only; the person the certificate is about
 * has a block of their own, typed by the citizen, and a self-application never shows it.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import { askedSections } from './form-conditions';
import { fill } from './fill';
import type { FieldValue, Procedure } from './procedure-types';
import { toSubmission } from './submission';
import { syntheticFacts } from '../test/support/synthetic-facts';

const TODAY = '2026-11-28';
const lltp = ((): Procedure => {
  const found = loadCatalogue().procedures.find((p) => p.code === '3.000333');
  if (!found) throw new Error('3.000333 not in the catalogue');
  return found;
})();
// Citizen 0 (synthetic): a married woman, her identity fields from the chip.
const mother = syntheticFacts(0);

const SUBJECT_IDS = [
  'subjectFullName',
  'subjectOtherName',
  'subjectSex',
  'subjectDateOfBirth',
  'subjectPlaceOfBirth',
  'subjectNationality',
  'subjectEthnicity',
  'subjectPermanentResidence',
  'subjectCurrentResidence',
  'subjectPersonalId',
  'subjectIdDateOfIssue',
  'subjectFatherName',
  'subjectMotherName',
  'subjectSpouseName',
];

/** A synthetic son the mother asks for: typed at the kiosk, no real person. */
const SON: Readonly<Record<string, FieldValue>> = {
  subjectFullName: 'TRẦN VĂN THỬ',
  subjectSex: 'M',
  subjectDateOfBirth: '1995-03-14',
  subjectPlaceOfBirth: { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình' },
  subjectNationality: 'Việt Nam',
  subjectPermanentResidence: { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình' },
  subjectPersonalId: '001095012345',
};

const COMMON: Readonly<Record<string, FieldValue>> = {
  phone: '0912345678',
  residenceHistory: [{ fromMonth: '03/2009', place: 'Phường Ba Đình, Thành phố Hà Nội' }],
  certificateType: '1',
  purpose: 'Bổ sung hồ sơ xin việc',
  copies: '1',
};

function shownSectionIds(values: Readonly<Record<string, FieldValue>>): string[] {
  return askedSections(lltp.form.sections, values).map((section) => section.id);
}

describe('LLTP for a relative: the person the certificate is about', () => {
  it('is asked in a block of its own when the requester is a relative, not filled from the card', () => {
    const filled = fill(lltp, mother, { today: TODAY, entered: { requesterRelation: 'family' } });
    expect(shownSectionIds(filled.values)).toEqual([
      'who',
      'requester',
      'subject',
      'contact',
      'history',
      'convictions',
      'request',
    ]);
    for (const id of SUBJECT_IDS) {
      expect(filled.values[id], id).toBeUndefined();
      expect(filled.provenance[id], id).toBeUndefined();
    }
  });

  it('fills the requester block from the card holder', () => {
    const filled = fill(lltp, mother, { today: TODAY, entered: { requesterRelation: 'family' } });
    expect(filled.values).toMatchObject({
      requesterName: mother.record.fullName,
      requesterDateOfBirth: mother.record.dateOfBirth,
      requesterPersonalId: mother.record.personalId,
      requesterResidence: mother.record.permanentResidence,
    });
    expect(filled.provenance).toMatchObject({ requesterName: 'chip', requesterPersonalId: 'chip' });
  });

  it('requires the person’s details and the relationship when the requester is a relative', () => {
    const filled = fill(lltp, mother, { today: TODAY, entered: { requesterRelation: 'family' } });
    expect(filled.missing).toEqual([
      'relationToSubject',
      'subjectFullName',
      'subjectSex',
      'subjectDateOfBirth',
      'subjectPlaceOfBirth',
      'subjectNationality',
      'subjectPermanentResidence',
      'subjectPersonalId',
      'phone',
      'residenceHistory',
      'certificateType',
      'purpose',
      'copies',
    ]);
  });

  it('asks an authorised person for the person’s details but not for a family relationship', () => {
    const filled = fill(lltp, mother, {
      today: TODAY,
      entered: { requesterRelation: 'authorised' },
    });
    expect(filled.missing).toContain('subjectFullName');
    expect(filled.missing).not.toContain('relationToSubject');
  });

  it('submits the typed person and the card holder as requester, never the card as the person', () => {
    const filled = fill(lltp, mother, {
      today: TODAY,
      entered: { requesterRelation: 'family', relationToSubject: 'mother', ...SON, ...COMMON },
    });
    expect(filled.missing).toEqual([]);
    expect(filled.issues).toEqual([]);
    const sent = Object.fromEntries(toSubmission(lltp, filled).fields.map((f) => [f.id, f]));
    expect(sent.subjectFullName?.value).toBe('TRẦN VĂN THỬ');
    expect(sent.subjectFullName?.source).toBe('citizen');
    expect(sent.requesterName?.value).toBe(mother.record.fullName);
    // The card filled the self block too, but it is not asked, so it does not leave.
    expect(filled.values.fullName).toBe(mother.record.fullName);
    expect(sent.fullName).toBeUndefined();
    expect(sent.personalId).toBeUndefined();
  });

  it('does not show or ask the person’s block when the citizen applies for herself', () => {
    const filled = fill(lltp, mother, { today: TODAY, entered: { requesterRelation: 'self' } });
    expect(shownSectionIds(filled.values)).not.toContain('subject');
    expect(shownSectionIds(filled.values)).not.toContain('requester');
    expect(shownSectionIds(filled.values)).toContain('person');
    expect(filled.missing.filter((id) => id.startsWith('subject'))).toEqual([]);
    expect(filled.values.fullName).toBe(mother.record.fullName);
  });

  it('asks nothing about the person until the citizen says who is asking', () => {
    const filled = fill(lltp, mother, { today: TODAY });
    expect(filled.missing[0]).toBe('requesterRelation');
    expect(shownSectionIds(filled.values)).toEqual([
      'who',
      'contact',
      'history',
      'convictions',
      'request',
    ]);
  });
});
