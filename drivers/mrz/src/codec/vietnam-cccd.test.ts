import { describe, expect, it } from 'vitest';
import { mrzCheckDigit } from './check-digit';
import {
  cccdDocumentNumber,
  cccdOptionalData,
  isCccdTd1,
  readCccdOptionalData,
} from './vietnam-cccd';

describe('the Vietnamese CCCD profile', () => {
  const line1 = `IDVNM090012345${mrzCheckDigit('090012345')}001090012345<<${mrzCheckDigit('001090012345')}`;

  it('is a TD1 (three lines) whose first line starts IDVNM', () => {
    expect(isCccdTd1([line1, '9003071F3003079VNM<<<<<<<<<<<0', 'NGUYEN<<THI<DAO'])).toBe(true);
    // A Vietnamese TD2 or TD3 starts the same way but is not a CCCD.
    expect(isCccdTd1(['IDVNMNGUYEN<<THI<DAO<<<<<<<<<<<<<<<<', '090012345'])).toBe(false);
    expect(isCccdTd1([line1])).toBe(false);
    expect(isCccdTd1(['I<VNM090012345', 'x', 'y'])).toBe(false);
    expect(isCccdTd1([])).toBe(false);
  });

  it('holds the 12-digit personal ID, fillers, then its check digit in the optional data', () => {
    expect(cccdOptionalData('001090012345')).toBe('001090012345<<1');
    expect(readCccdOptionalData(line1)).toEqual({
      personalId: '001090012345',
      personalIdCheck: '1',
    });
  });

  it('takes the document number from the last nine digits of the personal ID', () => {
    expect(cccdDocumentNumber('001090012345')).toBe('090012345');
  });
});
