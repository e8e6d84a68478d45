/**
 * The shape of a sealed value and of a blind-index token, at its edges: the shortest body that
 * can hold a nonce and a tag, key ids that are not 8 lower-case hex digits, tokens one character
 * short or long, and the messages that name the column and the key but never the value.
 */
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../testing/thrown-by';
import { BlindIndex } from './blind-index';
import { FieldCipher } from './field-cipher';
import { createOutboxPayloadCodec } from './outbox-payload-codec';
import { PrivacyError } from './privacy-error';
import { testKey } from './test-keys';

const SLIP = { table: 'receipts', column: 'slip_json' };
const ID = { table: 'receipts', column: 'personal_id' };

describe('a sealed value', () => {
  const cipher = new FieldCipher(testKey(1));
  const id = testKey(1).id;
  const body = (bytes: number) => Buffer.alloc(bytes, 1).toString('base64url');

  it('needs room for a 12-byte nonce and a 16-byte tag', () => {
    const short = thrownBy(PrivacyError, () => cipher.open(`kf1:${id}:${body(27)}`, SLIP));
    expect(short.code).toBe('SEALED_VALUE_MALFORMED');
    expect(short.message).toBe(
      'The value in receipts.slip_json is not a sealed value of format kf1.',
    );
    // 28 bytes is an empty text under a nonce and a tag: well formed, and this one forged.
    expect(thrownBy(PrivacyError, () => cipher.open(`kf1:${id}:${body(28)}`, SLIP)).code).toBe(
      'SEALED_VALUE_TAMPERED',
    );
  });

  it('seals the empty text as 28 bytes, and opens it again', () => {
    const sealed = cipher.seal('', SLIP);
    expect(Buffer.from(sealed.slice(13), 'base64url')).toHaveLength(28);
    expect(cipher.open(sealed, SLIP)).toBe('');
  });

  it('has a key id of exactly 8 lower-case hex digits', () => {
    const sealed = cipher.seal('x', SLIP);
    const rest = sealed.slice(13);
    for (const wrong of ['ABCDEF12', id.slice(1), `${id}0`]) {
      expect(FieldCipher.isSealed(`kf1:${wrong}:${rest}`)).toBe(false);
      expect(FieldCipher.keyIdOf(`kf1:${wrong}:${rest}`)).toBeUndefined();
    }
    expect(FieldCipher.isSealed(`kf2:${id}:${rest}`)).toBe(false);
    expect(FieldCipher.keyIdOf(sealed)).toBe(id);
  });

  it('made with an unknown key names that key and the kiosk’s own', () => {
    const other = testKey(2);
    const sealed = new FieldCipher(other).seal('x', SLIP);
    const error = thrownBy(PrivacyError, () => cipher.open(sealed, SLIP));
    expect(error.code).toBe('KEY_UNKNOWN');
    expect(error.message).toBe(
      `A sealed value was made with data key ${other.id}, which this kiosk does not have ` +
        `(current key ${id}). Restore that key from the centre's backup.`,
    );
    expect(cipher.knowsKey(other.id)).toBe(false);
    expect(cipher.knowsKey(id)).toBe(true);
  });

  it('altered says so and names the column', () => {
    const sealed = cipher.seal('Trần Thị Mẫu', SLIP);
    const error = thrownBy(PrivacyError, () => cipher.open(sealed, ID));
    expect(error.message).toMatch(/^A sealed value in receipts\.personal_id failed authentication/);
  });

  it('is sealed under the current key when a ring repeats it among the previous ones', () => {
    const ring = new FieldCipher({ current: testKey(1), previous: [testKey(2), testKey(1)] });
    expect(ring.currentKeyId).toBe(id);
    expect(cipher.open(ring.seal('x', SLIP), SLIP)).toBe('x');
    expect(ring.open(new FieldCipher(testKey(2)).seal('y', SLIP), SLIP)).toBe('y');
  });
});

describe('a blind-index token', () => {
  const token = new BlindIndex(testKey(1)).tokenOf('079203001234', ID);

  it('is bi1, an 8-digit key id and 43 base64url characters, nothing more or less', () => {
    expect(token).toMatch(/^bi1:[0-9a-f]{8}:[A-Za-z0-9_-]{43}$/);
    expect(BlindIndex.isToken(token.slice(0, -1))).toBe(false);
    const mac = token.slice(13);
    expect(BlindIndex.isToken(`bi1:abcdef12:${mac}`)).toBe(true);
    expect(BlindIndex.isToken(`bi1:ABCDEF12:${mac}`)).toBe(false);
    expect(BlindIndex.isToken(`bi1:abcdef1:${mac}`)).toBe(false);
    expect(BlindIndex.isToken(token.replace(/^bi1/, 'bi2'))).toBe(false);
  });

  it('ignores every kind of white space staff type', () => {
    const index = new BlindIndex(testKey(1));
    expect(index.tokenOf('0792\t0300\n1234', ID)).toBe(token);
    expect(index.tokenOf('079203001234 ', ID)).toBe(token);
  });

  it('is keyed per column even when one index serves two columns in turn', () => {
    const index = new BlindIndex(testKey(1));
    const other = { table: 'audit_log', column: 'subject' };
    const first = index.tokenOf('079203001234', other);
    expect(index.tokenOf('079203001234', ID)).toBe(token);
    expect(index.tokenOf('079203001234', other)).toBe(first);
    expect(first).not.toBe(token);
  });
});

describe('the outbox payload codec', () => {
  it('reads plain text only when it looks like a queued dossier (JSON object)', () => {
    const codec = createOutboxPayloadCodec(testKey(1));
    expect(codec.decode('{"code":"H01-260310-1001"}')).toBe('{"code":"H01-260310-1001"}');
    expect(thrownBy(PrivacyError, () => codec.decode('["not","a","dossier"]')).code).toBe(
      'SEALED_VALUE_MALFORMED',
    );
    const strict = createOutboxPayloadCodec(testKey(1), { acceptPlaintext: false });
    expect(strict.decode(strict.encode('{}'))).toBe('{}');
  });

  it('seals the payload bound to the column outbox_dossier.payload', () => {
    const codec = createOutboxPayloadCodec(testKey(1));
    const column = { table: 'outbox_dossier', column: 'payload' };
    const cipher = new FieldCipher(testKey(1));
    expect(cipher.open(codec.encode('{"a":1}'), column)).toBe('{"a":1}');
    expect(codec.decode(cipher.seal('{"b":2}', column))).toBe('{"b":2}');
  });
});
