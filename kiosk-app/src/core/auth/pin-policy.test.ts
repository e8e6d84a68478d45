import { describe, expect, it } from 'vitest';
import { assertAcceptablePin, isAcceptablePin, PinPolicyError, PIN_RULE } from './pin-policy';

describe('the PIN rule for new accounts and PIN changes', () => {
  it('takes 6 to 12 digits and nothing else', () => {
    expect(['123456', '987654321012'].map(isAcceptablePin)).toEqual([true, true]);
    expect(['12345', '1234567890123', '12345a', ' 123456', ''].map(isAcceptablePin)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('refuses a short PIN with a typed error that states the rule', () => {
    expect(() => assertAcceptablePin('482913')).not.toThrow();
    let thrown: unknown;
    try {
      assertAcceptablePin('4829');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PinPolicyError);
    expect(thrown).toMatchObject({
      name: 'PinPolicyError',
      code: 'PIN_TOO_SHORT',
      message: PIN_RULE,
    });
  });
});
