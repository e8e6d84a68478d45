import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCrl, pemCrlBlocks } from './crl';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
let der: Uint8Array;

beforeAll(async () => {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const crl = await x509.X509CrlGenerator.create(
    {
      issuer: 'C=VN, O=Kiosk Test, CN=VN TEST CSCA',
      thisUpdate: new Date('2025-01-01T00:00:00Z'),
      nextUpdate: new Date('2025-02-01T00:00:00Z'),
      signingAlgorithm: ALGORITHM,
      signingKey: keys.privateKey,
      entries: [
        { serialNumber: '0a', revocationDate: new Date('2025-01-01T00:00:00Z') },
        { serialNumber: '0b', revocationDate: new Date('2025-01-02T00:00:00Z') },
      ],
    },
    webcrypto as unknown as Crypto,
  );
  der = new Uint8Array(crl.rawData);
});

describe('parseCrl', () => {
  it('reads a CRL, DER and PEM', () => {
    const parsed = parseCrl(der);
    expect(parsed.ok && parsed.crl.entries.map((e) => e.serialNumber)).toEqual(['0a', '0b']);
    const pem = x509.PemConverter.encode(der.slice().buffer, 'X509 CRL');
    expect(parseCrl(pem)).toMatchObject({ ok: true });
  });

  it('returns a typed result for any bytes, never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const parsed = parseCrl(bytes);
        expect(typeof parsed.ok).toBe('boolean');
      }),
    );
  });

  it('returns a typed result for a CRL with bytes changed, never throws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.nat(),
        (changes, cut) => {
          const bytes = der.slice(0, der.length - (cut % 8));
          for (const [at, value] of changes) bytes[at % bytes.length] = value;
          const parsed = parseCrl(bytes);
          if (parsed.ok) expect(Array.isArray(parsed.crl.entries)).toBe(true);
          else expect(parsed.detail).toEqual(expect.any(String));
        },
      ),
    );
  });
});

describe('pemCrlBlocks', () => {
  it('finds each CRL of a PEM file, not the certificates or text around them', () => {
    const crl = x509.PemConverter.encode(der.slice().buffer, 'X509 CRL');
    const other = x509.PemConverter.encode(Uint8Array.of(0x30, 0x00).buffer, 'X509 CRL');
    const certificate = x509.PemConverter.encode(Uint8Array.of(0x30, 0x00).buffer, 'CERTIFICATE');
    const text = ['CSCA and its CRLs', crl, certificate, other, ''].join('\n');
    expect(pemCrlBlocks(text)).toEqual([crl.trim(), other.trim()]);
    expect(pemCrlBlocks(certificate)).toEqual([]);
  });
});
