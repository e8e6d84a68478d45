import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import type { FieldValue, Procedure } from './procedure-types';
import { validate } from './validate';

const { procedures } = loadCatalogue();
const TODAY = '2026-11-28';

function procedure(code: string): Procedure {
  const found = procedures.find((entry) => entry.code === code);
  if (!found) throw new Error(`procedure ${code} not in the catalogue`);
  return found;
}

function issuesFor(code: string, values: Record<string, FieldValue>) {
  return validate(procedure(code), values, { today: TODAY }).map((issue) => [
    issue.fieldId,
    issue.code,
  ]);
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('validate', () => {
  it('lists every required field of an empty form as required', () => {
    const issues = validate(procedure('2.000815'), {}, { today: TODAY });
    expect(issues.map((issue) => [issue.fieldId, issue.code])).toEqual([
      ['fullName', 'required'],
      ['personalId', 'required'],
      ['phone', 'required'],
      ['documentsToCertify', 'required'],
    ]);
    expect(issues[0]?.message).toEqual({
      vi: 'Họ và tên: chưa được điền',
      en: 'Full name: is required',
    });
    expect(issues[3]?.message.vi).toBe('Giấy tờ, văn bản cần chứng thực: cần ít nhất 1 dòng');
  });

  it('checks group items field by field and names them groupId[index].fieldId', () => {
    const issues = issuesFor('2.000815', {
      fullName: 'Nguyễn Văn An',
      personalId: '001090123456',
      phone: '0912345678',
      documentsToCertify: [
        { documentName: 'Bằng tốt nghiệp', pages: '2', copies: '3' },
        { documentName: '', pages: '0', copies: 'ba' },
      ],
    });
    expect(issues).toEqual([
      ['documentsToCertify[1].documentName', 'required'],
      ['documentsToCertify[1].pages', 'range'],
      ['documentsToCertify[1].copies', 'format'],
    ]);
  });

  it('rejects birth dates in the future and start dates in the past', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2026-11-29T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (future) => {
          expect(issuesFor('1.001193', { childDateOfBirth: iso(future) })).toContainEqual([
            'childDateOfBirth',
            'range',
          ]);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2026-11-27T00:00:00Z'),
          noInvalidDate: true,
        }),
        (past) => {
          expect(issuesFor('1.001612', { startDate: iso(past) })).toContainEqual([
            'startDate',
            'range',
          ]);
          expect(issuesFor('1.001193', { childDateOfBirth: iso(past) })).not.toContainEqual([
            'childDateOfBirth',
            'range',
          ]);
        },
      ),
    );
    expect(issuesFor('1.001193', { childDateOfBirth: TODAY })).not.toContainEqual([
      'childDateOfBirth',
      'range',
    ]);
  });

  it('rejects impossible calendar dates', () => {
    expect(issuesFor('1.001193', { childDateOfBirth: '2025-02-29' })).toContainEqual([
      'childDateOfBirth',
      'format',
    ]);
  });

  it('keeps an end date from preceding its start date', () => {
    const issues = validate(
      procedure('2.000004'),
      { startDate: '2027-01-10', endDate: '2027-01-05' },
      { today: TODAY },
    );
    const order = issues.find((issue) => issue.fieldId === 'endDate' && issue.code === 'range');
    expect(order?.message.vi).toBe(
      'Thời gian khuyến mại: đến ngày: không được trước “Thời gian khuyến mại: từ ngày”',
    );
  });

  it('checks phone, email, ID numbers, options, ranges, patterns and lengths', () => {
    expect(
      issuesFor('1.001612', {
        businessPhone: '12345',
        businessEmail: 'not-an-address',
        ownerId: '12345678901',
        capital: '-1',
        employees: 'many',
        businessName: 'x'.repeat(201),
        businessLines: [{ lineName: 'Bán lẻ', lineCode: '47a1' }],
      }).filter(([, code]) => code !== 'required'),
    ).toEqual([
      ['ownerId', 'format'],
      ['businessName', 'tooLong'],
      ['businessPhone', 'format'],
      ['businessEmail', 'format'],
      ['businessLines[0].lineCode', 'format'],
      ['capital', 'range'],
      ['employees', 'format'],
    ]);
  });

  it('accepts a 9-digit old ID number where an ID number is asked', () => {
    expect(issuesFor('2.000815', { personalId: '123456789' })).not.toContainEqual([
      'personalId',
      'format',
    ]);
  });

  it('needs province and commune in an address', () => {
    expect(
      issuesFor('1.004222', { newResidence: { province: 'Thành phố Huế', commune: '' } }),
    ).toContainEqual(['newResidence', 'format']);
    expect(issuesFor('1.004222', { newResidence: 'Huế' })).toContainEqual([
      'newResidence',
      'format',
    ]);
  });

  it('refuses a converted address the citizen has not confirmed, until a commune is picked', () => {
    const divided = {
      province: 'Thành phố Hà Nội',
      commune: '',
      district: 'Quận Ba Đình',
      former: 'Phường Điện Biên, Quận Ba Đình, Thành phố Hà Nội',
      confirmation: 'divided' as const,
    };
    const issues = validate(procedure('1.004222'), { newResidence: divided }, { today: TODAY });
    expect(issues.find((i) => i.fieldId === 'newResidence')?.message.vi).toContain(
      'chọn lại xã/phường',
    );
    const { confirmation: _unsure, district: _old, ...rest } = divided;
    const picked = { ...rest, commune: 'Phường Ba Đình', communeCode: '00004' };
    expect(issuesFor('1.004222', { newResidence: picked }).map(([id]) => id)).not.toContain(
      'newResidence',
    );
  });

  it('never throws, whatever the values', () => {
    const value: fc.Arbitrary<FieldValue> = fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.record({ province: fc.string(), commune: fc.string() }),
      fc.array(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.boolean()))),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...procedures),
        fc.dictionary(fc.string(), value),
        (entry, values) => {
          const ids = entry.form.sections.flatMap((section) =>
            section.fields.map((field) => field.id),
          );
          const keyed = Object.fromEntries(
            Object.values(values).map((v, index) => [ids[index % ids.length] ?? 'x', v]),
          );
          expect(() => validate(entry, keyed, { today: TODAY })).not.toThrow();
        },
      ),
    );
  });
});
