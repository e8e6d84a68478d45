import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOutboxPayloadCodec } from './outbox-payload-codec';
import { FieldCipher } from './field-cipher';
import { testKey } from './test-keys';

const dossier = JSON.stringify({
  code: 'H01-260310-1001',
  applicant: { personalId: '001090012345', fullName: 'Nguyễn Văn An' },
});

describe('outbox payload codec', () => {
  const codec = createOutboxPayloadCodec(testKey(1));

  it('round-trips any JSON text and hides it', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const stored = codec.encode(text);
        expect(FieldCipher.isSealed(stored)).toBe(true);
        expect(codec.decode(stored)).toBe(text);
      }),
    );
    expect(codec.encode(dossier)).not.toContain('001090012345');
  });

  it('reads dossiers queued in plain text before the upgrade, unless told not to', () => {
    expect(codec.decode(dossier)).toBe(dossier);
    const strict = createOutboxPayloadCodec(testKey(1), { acceptPlaintext: false });
    expect(() => strict.decode(dossier)).toThrow(
      expect.objectContaining({ code: 'SEALED_VALUE_MALFORMED' }),
    );
  });

  it('refuses a receipt slip copied into the payload column', () => {
    const slip = new FieldCipher(testKey(1)).seal(dossier, {
      table: 'receipts',
      column: 'slip_json',
    });
    expect(() => codec.decode(slip)).toThrow(
      expect.objectContaining({ code: 'SEALED_VALUE_TAMPERED' }),
    );
  });
});
