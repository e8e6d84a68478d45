import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from './field-cipher';
import { isPrivacyError, type PrivacyErrorCode } from './privacy-error';
import { testKey } from './test-keys';

const SLIP = { table: 'receipts', column: 'slip_json' };
const PAYLOAD = { table: 'outbox_dossier', column: 'payload' };

function codeOf(fn: () => unknown): PrivacyErrorCode | string | undefined {
  try {
    fn();
  } catch (error) {
    return isPrivacyError(error) ? error.code : `untyped: ${String(error)}`;
  }
  return undefined;
}

describe('FieldCipher', () => {
  const cipher = new FieldCipher(testKey(1));

  it('round-trips any text, and never stores it readable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const sealed = cipher.seal(text, SLIP);
        expect(sealed.startsWith(`kf1:${cipher.currentKeyId}:`)).toBe(true);
        if (text.length >= 4) expect(sealed).not.toContain(text);
        expect(cipher.open(sealed, SLIP)).toBe(text);
      }),
    );
  });

  it('uses a fresh nonce each time', () => {
    const a = cipher.seal('Nguyễn Văn An', SLIP);
    const b = cipher.seal('Nguyễn Văn An', SLIP);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(13), 'base64url').subarray(0, 12)).not.toEqual(
      Buffer.from(b.slice(13), 'base64url').subarray(0, 12),
    );
  });

  it('detects any flipped byte as tampering', () => {
    const sealed = cipher.seal('{"applicantName":"Trần Thị Bình"}', SLIP);
    const prefix = sealed.slice(0, 13);
    const body = Buffer.from(sealed.slice(13), 'base64url');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: body.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, mask) => {
          const flipped = Buffer.from(body);
          flipped[at] = (flipped[at] ?? 0) ^ mask;
          const altered = prefix + flipped.toString('base64url');
          expect(codeOf(() => cipher.open(altered, SLIP))).toBe('SEALED_VALUE_TAMPERED');
        },
      ),
    );
  });

  it('refuses a value moved to another column', () => {
    const sealed = cipher.seal('{"code":"H01-261128-1001"}', PAYLOAD);
    expect(codeOf(() => cipher.open(sealed, SLIP))).toBe('SEALED_VALUE_TAMPERED');
    expect(codeOf(() => cipher.open(sealed, { table: 'outbox_dossier', column: 'other' }))).toBe(
      'SEALED_VALUE_TAMPERED',
    );
  });

  it('refuses a wrong key: unknown id, or a key forged under the right id', () => {
    const sealed = cipher.seal('079203001234', SLIP);
    const other = new FieldCipher(testKey(2));
    expect(codeOf(() => other.open(sealed, SLIP))).toBe('KEY_UNKNOWN');
    const relabelled = sealed.replace(cipher.currentKeyId, other.currentKeyId);
    expect(codeOf(() => other.open(relabelled, SLIP))).toBe('SEALED_VALUE_TAMPERED');
  });

  it('after a rotation seals with the new key and still opens the old values', () => {
    const old = cipher.seal('old slip', SLIP);
    const rotated = new FieldCipher({ current: testKey(3), previous: [testKey(1)] });
    expect(rotated.open(old, SLIP)).toBe('old slip');
    expect(FieldCipher.keyIdOf(rotated.seal('new slip', SLIP))).toBe(testKey(3).id);
    expect(FieldCipher.keyIdOf(old)).toBe(testKey(1).id);
  });

  it('throws only typed errors for any stored text (the column is outside input)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `kf1:${cipher.currentKeyId}:${s}`),
          fc
            .uint8Array({ maxLength: 64 })
            .map((b) => `kf1:${cipher.currentKeyId}:${Buffer.from(b).toString('base64url')}`),
        ),
        (text) => {
          const code = codeOf(() => cipher.open(text, SLIP));
          expect(['SEALED_VALUE_MALFORMED', 'SEALED_VALUE_TAMPERED', 'KEY_UNKNOWN']).toContain(
            code,
          );
        },
      ),
    );
  });

  it('names the column in its error message but never the value', () => {
    const sealed = cipher.seal('079203001234', SLIP);
    try {
      cipher.open(sealed, PAYLOAD);
    } catch (error) {
      expect(String(error)).toContain('outbox_dossier.payload');
      expect(String(error)).not.toContain('079203001234');
      return;
    }
    throw new Error('expected a failure');
  });
});
