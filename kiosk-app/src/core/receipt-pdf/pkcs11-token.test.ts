import pkcs11js from 'pkcs11js';
import { describe, expect, it } from 'vitest';
import { tokenError } from './pkcs11-token';

/** pkcs11js throws its Pkcs11Error with the CK_RV as `code`; SoftHSM2 never locks a PIN. */
function pkcs11Failure(code: number): Error & { code: number } {
  return Object.assign(new Error(`CKR:${code}`), { code });
}

describe('tokenError', () => {
  it('tells the technician the PIN is locked, the token absent, or the PIN wrong', () => {
    expect(tokenError(pkcs11Failure(pkcs11js.CKR_PIN_LOCKED), 'C_Login').code).toBe('TOKEN_LOCKED');
    expect(tokenError(pkcs11Failure(pkcs11js.CKR_TOKEN_NOT_PRESENT), 'C_OpenSession').code).toBe(
      'TOKEN_ABSENT',
    );
    expect(tokenError(pkcs11Failure(pkcs11js.CKR_DEVICE_REMOVED), 'C_Sign').code).toBe(
      'TOKEN_ABSENT',
    );
    expect(tokenError(pkcs11Failure(pkcs11js.CKR_PIN_INCORRECT), 'C_Login').code).toBe(
      'TOKEN_PIN_INCORRECT',
    );
  });

  it('reports any other failure with the step and the code, not the native message', () => {
    const failure = tokenError(pkcs11Failure(pkcs11js.CKR_GENERAL_ERROR), 'C_Sign');
    expect(failure.code).toBe('TOKEN_FAILED');
    expect(failure.message).toBe('C_Sign failed with PKCS#11 code 0x5');
    expect(
      tokenError(new Error('PIN 123456 in a native message'), 'C_Login').message,
    ).not.toContain('123456');
  });
});
