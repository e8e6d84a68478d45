import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../procedure-types';
import { todayInVietnam } from '../vietnam-time';
import type { LegalAct } from './legal-act';
import { actAppliesOn } from './legal-act';
import { actNumbersIn, citationProblems } from './legal-citations';

const act = (number: string, more: Partial<LegalAct> = {}): LegalAct => ({
  number,
  kind: 'Thông tư',
  title: 'Thông tư thử',
  issuer: 'Bộ thử',
  sources: [],
  unconfirmed: 'synthetic',
  ...more,
});

const procedureCiting = (legalBasis: string[], feeSource = 'Thông tư 1/2020/TT-BTC'): Procedure =>
  ({
    code: '9.999999',
    legalBasis,
    fee: { legalSource: feeSource },
  }) as unknown as Procedure;

describe('actNumbersIn', () => {
  it('finds laws, decrees, joint circulars and decisions without a year', () => {
    expect(
      actNumbersIn(
        'Luật số 28/2009/QH12; Thông tư liên tịch 04/2012/TTLT-BTP-TANDTC-VKSNDTC-BCA-BQP; Quyết định công bố 9354/QĐ-BCA-C06, sửa đổi bởi 66/2023/TT-BCA và 53/2025/TT-BCA',
      ),
    ).toEqual([
      '28/2009/QH12',
      '04/2012/TTLT-BTP-TANDTC-VKSNDTC-BCA-BQP',
      '9354/QĐ-BCA-C06',
      '66/2023/TT-BCA',
      '53/2025/TT-BCA',
    ]);
  });

  it('leaves out form numbers', () => {
    expect(
      actNumbersIn('Thông tư 06/2024/TT-BTP: Mẫu số 03/2024/LLTP, mẫu 03/2013/TT-LLTP'),
    ).toEqual(['06/2024/TT-BTP']);
  });

  it('finds a number however the text around it reads', () => {
    const number = fc
      .tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1945, max: 2099 }))
      .map(([n, year]) => `${n}/${year}/NĐ-CP`);
    const prose = fc.string().map((s) => s.replace(/[\d/A-ZĐ-]/gu, ' '));
    fc.assert(
      fc.property(prose, number, prose, (before, cited, after) => {
        expect(actNumbersIn(`${before} Nghị định ${cited} ${after}`)).toEqual([cited]);
      }),
    );
  });
});

describe('actAppliesOn', () => {
  it('applies from its effective date until the day it ended', () => {
    const replaced = act('1/2020/NĐ-CP', { effective: '2021-01-04', ended: { on: '2025-07-01' } });
    expect(actAppliesOn(replaced, '2021-01-03')).toBe(false);
    expect(actAppliesOn(replaced, '2021-01-04')).toBe(true);
    expect(actAppliesOn(replaced, '2025-06-30')).toBe(true);
    expect(actAppliesOn(replaced, '2025-07-01')).toBe(false);
  });

  it('does not apply once replaced, even when the day of the replacement is unknown', () => {
    expect(
      actAppliesOn(act('2/2016/TT-BTC', { ended: { by: '3/2025/TT-BTC' } }), '2000-01-01'),
    ).toBe(false);
  });
});

describe('citationProblems', () => {
  const acts = [
    act('1/2020/TT-BTC'),
    act('1/2021/NĐ-CP', { ended: { on: '2025-07-01', by: '168/2025/NĐ-CP' } }),
  ];
  /** A kiosk clock, as the core has one: the date is the clock's, in Vietnam time. */
  const clockAt = (iso: string) => () => new Date(iso);

  it('refuses an act that stopped applying by the kiosk clock, and not before', () => {
    const procedure = procedureCiting(['Nghị định 1/2021/NĐ-CP, Điều 87']);
    const before = clockAt('2025-06-30T16:59:00Z'); // 23:59 in Vietnam
    const after = clockAt('2025-06-30T17:00:00Z'); // 00:00 on 1 July in Vietnam
    expect(citationProblems(procedure, acts, todayInVietnam(before()))).toEqual([]);
    expect(citationProblems(procedure, acts, todayInVietnam(after()))).toEqual([
      {
        procedureCode: '9.999999',
        path: 'legalBasis[0]',
        code: 'ACT_NOT_APPLYING',
        act: '1/2021/NĐ-CP',
        message: '1/2021/NĐ-CP does not apply on 2025-07-01; replaced by 168/2025/NĐ-CP',
      },
    ]);
  });

  it('refuses an act missing from the list and a citation naming none', () => {
    const procedure = procedureCiting(['Luật Hộ tịch 2014, Điều 11'], 'Thông tư 9/2099/TT-BTC');
    expect(citationProblems(procedure, acts, '2026-01-01').map((p) => [p.path, p.code])).toEqual([
      ['legalBasis[0]', 'NO_ACT_NAMED'],
      ['fee.legalSource', 'UNKNOWN_ACT'],
    ]);
  });
});
