import { describe, expect, it } from 'vitest';
import { isMrzError, MrzError } from './mrz-error';

describe('isMrzError', () => {
  const error = new MrzError('MRZ_DATE', 'date of birth 740230 does not exist', {
    field: 'dateOfBirth',
  });

  it('recognises an MrzError, of any code or of the code asked for', () => {
    expect(isMrzError(error)).toBe(true);
    expect(isMrzError(error, 'MRZ_DATE')).toBe(true);
    expect(isMrzError(error, 'MRZ_CHECK_DIGIT')).toBe(false);
  });

  it('refuses anything else, even with the same code', () => {
    const lookalike = Object.assign(new Error('date'), { code: 'MRZ_DATE' });
    expect(isMrzError(lookalike)).toBe(false);
    expect(isMrzError(lookalike, 'MRZ_DATE')).toBe(false);
    expect(isMrzError(undefined)).toBe(false);
    expect(isMrzError('MRZ_DATE', 'MRZ_DATE')).toBe(false);
  });

  it('keeps the code, message and the place it names', () => {
    expect(error.code).toBe('MRZ_DATE');
    expect(error.message).toBe('date of birth 740230 does not exist');
    expect(error.detail).toEqual({ field: 'dateOfBirth' });
  });
});
