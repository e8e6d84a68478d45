import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BundlePayload } from './envelope';
import { SignedConfigError, type SignedConfigErrorCode } from './errors';
import { generateCentreKeyPair, privateKeyFromPem, publicKeyFromPem } from './keys';
import { signConfigBundle } from './sign';
import { verifyConfigBundle, type VerifyOptions } from './verify';

const centre = generateCentreKeyPair();
const other = generateCentreKeyPair();
const privateKey = privateKeyFromPem(centre.privateKeyPem);
const trusted = publicKeyFromPem(centre.publicKeyPem);

const Settings = z.object({ gatewayUrl: z.url(), retentionDays: z.number().int().min(1) }).strict();
const now = new Date('2026-11-28T21:00:00Z');
const payload: BundlePayload = {
  serial: 12,
  issuedAt: '2026-11-28T20:00:00.000Z',
  expiresAt: '2026-12-31T00:00:00.000Z',
  settings: { gatewayUrl: 'https://motcua.example.invalid/api', retentionDays: 30 },
};
const options: VerifyOptions<z.infer<typeof Settings>> = {
  trustedKeys: [trusted],
  settingsSchema: Settings,
  lastAppliedSerial: 11,
  kioskId: 'KIOSK-01',
  unitCode: '000.00.01.H01',
  now,
};

const signed = (p: BundlePayload = payload, key = privateKey): string =>
  JSON.stringify(signConfigBundle(p, key));

function refusal(text: string, opts = options): SignedConfigErrorCode {
  try {
    verifyConfigBundle(text, opts);
  } catch (error) {
    if (error instanceof SignedConfigError) return error.code;
    throw error;
  }
  throw new Error('the bundle was accepted');
}

describe('verifyConfigBundle', () => {
  it('accepts a bundle signed by the centre and returns its typed settings', () => {
    const result = verifyConfigBundle(signed(), options);
    expect(result).toEqual({
      serial: 12,
      keyId: centre.keyId,
      issuedAt: payload.issuedAt,
      settings: { gatewayUrl: 'https://motcua.example.invalid/api', retentionDays: 30 },
    });
  });

  it('rejects an unsigned bundle', () => {
    const bundle = JSON.parse(signed()) as Record<string, unknown>;
    delete bundle.signature;
    expect(refusal(JSON.stringify(bundle))).toBe('CONFIG_UNSIGNED');
    expect(refusal(JSON.stringify({ ...bundle, signature: '' }))).toBe('CONFIG_UNSIGNED');
    expect(refusal(JSON.stringify(payload))).toBe('CONFIG_UNSIGNED');
  });

  it('rejects a bundle whose settings were changed after signing', () => {
    const bundle = JSON.parse(signed()) as { payload: string };
    const tampered = Buffer.from(bundle.payload, 'base64')
      .toString('utf8')
      .replace('"retentionDays":30', '"retentionDays":3650');
    bundle.payload = Buffer.from(tampered).toString('base64');
    expect(refusal(JSON.stringify(bundle))).toBe('CONFIG_BAD_SIGNATURE');
  });

  it('rejects any single-bit change of the payload or the signature (property)', () => {
    const bundle = JSON.parse(signed()) as { payload: string; signature: string };
    const payloadBytes = Buffer.from(bundle.payload, 'base64');
    const signatureBytes = Buffer.from(bundle.signature, 'base64');
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (inPayload, index, bit) => {
          const bytes = Buffer.from(inPayload ? payloadBytes : signatureBytes);
          const at = index % bytes.length;
          bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
          const changed = inPayload
            ? { ...bundle, payload: bytes.toString('base64') }
            : { ...bundle, signature: bytes.toString('base64') };
          expect(refusal(JSON.stringify(changed))).toBe('CONFIG_BAD_SIGNATURE');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects a bundle signed with a key the kiosk does not trust', () => {
    expect(refusal(signed(payload, privateKeyFromPem(other.privateKeyPem)))).toBe(
      'CONFIG_UNKNOWN_KEY',
    );
    const forged = JSON.parse(signed(payload, privateKeyFromPem(other.privateKeyPem))) as Record<
      string,
      unknown
    >;
    forged.keyId = centre.keyId;
    expect(refusal(JSON.stringify(forged))).toBe('CONFIG_BAD_SIGNATURE');
  });

  it('rejects replays of older bundles, expired ones and ones from the future', () => {
    expect(refusal(signed({ ...payload, serial: 11 }))).toBe('CONFIG_ROLLBACK');
    expect(refusal(signed({ ...payload, expiresAt: '2026-11-28T20:59:59.000Z' }))).toBe(
      'CONFIG_EXPIRED',
    );
    expect(refusal(signed({ ...payload, issuedAt: '2026-11-29T00:00:00.000Z' }))).toBe(
      'CONFIG_NOT_YET_VALID',
    );
  });

  it('applies a targeted bundle only on the named kiosks and units', () => {
    expect(
      verifyConfigBundle(signed({ ...payload, target: { kioskIds: ['KIOSK-01'] } }), options)
        .serial,
    ).toBe(12);
    expect(refusal(signed({ ...payload, target: { kioskIds: ['KIOSK-02'] } }))).toBe(
      'CONFIG_WRONG_TARGET',
    );
    expect(refusal(signed({ ...payload, target: { unitCodes: ['000.00.02.H02'] } }))).toBe(
      'CONFIG_WRONG_TARGET',
    );
    expect(
      refusal(signed({ ...payload, target: { kioskIds: ['KIOSK-01'] } }), {
        ...options,
        kioskId: undefined,
      }),
    ).toBe('CONFIG_WRONG_TARGET');
  });

  it('rejects signed settings that this kiosk version cannot use', () => {
    expect(
      refusal(signed({ ...payload, settings: { gatewayUrl: 'not a url', retentionDays: 30 } })),
    ).toBe('CONFIG_SETTINGS_INVALID');
  });

  it('only ever fails with a SignedConfigError on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          expect(() => verifyConfigBundle(text, options)).toThrow(SignedConfigError);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('keys', () => {
  it('refuses keys that are not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() =>
      publicKeyFromPem(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    ).toThrow(expect.objectContaining({ code: 'CONFIG_KEY_INVALID' }));
    expect(() => privateKeyFromPem('garbage')).toThrow(
      expect.objectContaining({ code: 'CONFIG_KEY_INVALID' }),
    );
  });

  it('gives each key a stable 16-hex-digit id', () => {
    expect(publicKeyFromPem(centre.publicKeyPem).id).toBe(centre.keyId);
    expect(centre.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(other.keyId).not.toBe(centre.keyId);
  });
});
