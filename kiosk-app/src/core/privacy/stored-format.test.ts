/**
 * The formats personal data is stored in must not drift: a kiosk's database written by one
 * release is read by the next. Each value here is re-made with Node's crypto from the documented
 * construction (HKDF-SHA256 subkeys, HMAC-SHA256 key ids and blind indexes, AES-256-GCM with the
 * table and column as associated data), not with the classes under test, and a value sealed by
 * this release is kept as a vector. Mutation testing (issue 23) showed that changing a purpose
 * string, which would make every stored value unreadable, failed no test.
 */
import { createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlindIndex } from './blind-index';
import { FieldCipher } from './field-cipher';
import { testKey } from './test-keys';

const MATERIAL = Buffer.alloc(32, 7);
const NAME = { table: 'receipts', column: 'applicant_name' };
const ID = { table: 'receipts', column: 'personal_id' };
/** Sealed by FieldCipher on 2026-12-07 with the test key of 32 bytes of 7. */
const SEALED_NAME = 'kf1:e2f3488a:OYS0wJRD2QAUd3o3B9AtV290EJmA9WBJDPf4de2yDDnKEyudT_sh3NTeu3R35Q';

const keyId = createHmac('sha256', MATERIAL)
  .update('cccd-kiosk key id v1')
  .digest('hex')
  .slice(0, 8);
const subkey = (purpose: string) =>
  Buffer.from(hkdfSync('sha256', MATERIAL, Buffer.alloc(0), `cccd-kiosk ${purpose}`, 32));

describe('the stored formats of personal data', () => {
  it('names a key by the first 8 hex digits of its HMAC', () => {
    expect(testKey(7).id).toBe(keyId);
    expect(keyId).toBe('e2f3488a');
  });

  it('makes the blind index of an ID as documented, spaces removed', () => {
    const mac = createHmac('sha256', subkey('blind-index v1 receipts.personal_id'))
      .update('001099012345', 'utf8')
      .digest('base64url');
    const index = new BlindIndex(testKey(7));
    expect(index.tokenOf('001 099 012 345', ID)).toBe(`bi1:${keyId}:${mac}`);
    expect(index.tokenOf('001099012345', ID)).toBe(`bi1:${keyId}:${mac}`);
    // Another column is another purpose: the same ID gives another token.
    expect(index.tokenOf('001099012345', { table: 'receipts', column: 'other' })).not.toBe(
      `bi1:${keyId}:${mac}`,
    );
  });

  it('opens a value sealed by this release, and the construction opens it too', () => {
    expect(new FieldCipher(testKey(7)).open(SEALED_NAME, NAME)).toBe('Trần Thị Mẫu');
    const body = Buffer.from(SEALED_NAME.split(':')[2] ?? '', 'base64url');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      subkey('field-cipher v1'),
      body.subarray(0, 12),
      { authTagLength: 16 },
    );
    decipher.setAAD(Buffer.from(`kf1:${keyId}:receipts.applicant_name`, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    const plain = Buffer.concat([
      decipher.update(body.subarray(12, body.length - 16)),
      decipher.final(),
    ]);
    expect(plain.toString('utf8')).toBe('Trần Thị Mẫu');
  });

  it('knows its formats only whole: nothing before or after them', () => {
    expect(FieldCipher.isSealed(SEALED_NAME)).toBe(true);
    expect(FieldCipher.isSealed(`x${SEALED_NAME}`)).toBe(false);
    expect(FieldCipher.isSealed(`${SEALED_NAME}!`)).toBe(false);
    const token = new BlindIndex(testKey(7)).tokenOf('001099012345', ID);
    expect(BlindIndex.isToken(token)).toBe(true);
    expect(BlindIndex.isToken(`x${token}`)).toBe(false);
    expect(BlindIndex.isToken(`${token}A`)).toBe(false);
  });
});
