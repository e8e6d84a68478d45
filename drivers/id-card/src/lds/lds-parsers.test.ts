import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDg1, buildDg13, buildSod, testPki } from '@kiosk/test-fixtures/card';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { parseDg1, parseMrzText } from './dg1';
import { parseDg13 } from './dg13';
import { parseDg2 } from './dg2';
import { parseEfSod } from './ef-sod';
import { encodeTlv } from '../tlv/ber-tlv';
import { isIdCardError } from '../errors';
import { fromHex } from '../util/bytes';

/** Parsers of card data must fail only with their typed error, whatever the bytes. */
function onlyTypedErrors(parse: (b: Uint8Array) => unknown, codes: readonly string[]) {
  return (bytes: Uint8Array): void => {
    try {
      parse(bytes);
    } catch (e) {
      if (!isIdCardError(e) || !codes.includes(e.code)) throw e;
    }
  };
}

/** Random mutations of a valid file: flipped bytes, truncation, inserted garbage. */
function mutations(valid: Uint8Array) {
  return fc.oneof(
    fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
      const b = valid.slice();
      b[i] = (b[i] ?? 0) ^ x;
      return b;
    }),
    fc.nat(valid.length).map((n) => valid.slice(0, n)),
    fc
      .tuple(fc.nat(valid.length), fc.uint8Array({ minLength: 1, maxLength: 8 }))
      .map(([i, extra]) => {
        const b = new Uint8Array(valid.length + extra.length);
        b.set(valid.subarray(0, i));
        b.set(extra, i);
        b.set(valid.subarray(i), i + extra.length);
        return b;
      }),
    fc.uint8Array({ maxLength: 400 }),
  );
}

describe('DG1', () => {
  it('parses a CCCD TD1 and a passport TD3 MRZ', () => {
    const c = syntheticCitizen(1);
    const mrz = parseDg1(buildDg1(c));
    expect(mrz).toMatchObject({
      format: 'TD1',
      personalId: c.personalId,
      documentNumber: c.personalId.slice(3),
      checkDigitsValid: true,
    });
    const td3 = parseMrzText(
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    );
    expect(td3).toMatchObject({
      format: 'TD3',
      documentNumber: 'L898902C3',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      dateOfExpiry: '120415',
    });
  });

  it('fails only with LDS_MALFORMED on mutated input (fuzz)', () => {
    const valid = buildDg1(syntheticCitizen(2));
    fc.assert(fc.property(mutations(valid), onlyTypedErrors(parseDg1, ['LDS_MALFORMED'])), {
      numRuns: 1500,
    });
  });
});

describe('DG13', () => {
  it('names the 16 CCCD fields and keeps unknown records', () => {
    const c = syntheticCitizen(4);
    const withExtra = buildDg13(c, 'X1');
    const d = parseDg13(withExtra);
    expect(d).toMatchObject({
      personalId: c.personalId,
      fullName: c.fullName,
      dateOfBirth: c.dateOfBirth,
      fatherName: c.father?.fullName,
    });
    const extra = encodeTlv(
      0x6d,
      encodeTlv(
        0x30,
        encodeTlv(0x02, Uint8Array.of(1)),
        encodeTlv(0x0c, new TextEncoder().encode('001099000001')),
      ),
      encodeTlv(0x30, encodeTlv(0x02, Uint8Array.of(42)), encodeTlv(0x13, fromHex('4142'))),
    );
    const e = parseDg13(extra);
    expect(e.personalId).toBe('001099000001');
    expect(e.records).toContainEqual({ number: 42, values: ['AB'] });
  });

  it('reads "Không thời hạn" as no expiry', () => {
    const c = { ...syntheticCitizen(5), dateOfExpiry: undefined };
    expect(parseDg13(buildDg13(c, 'X')).dateOfExpiry).toBeNull();
  });

  it('fails only with LDS_MALFORMED on mutated input (fuzz)', () => {
    const valid = buildDg13(syntheticCitizen(6), 'VNTEST1');
    fc.assert(fc.property(mutations(valid), onlyTypedErrors(parseDg13, ['LDS_MALFORMED'])), {
      numRuns: 1500,
    });
  });
});

describe('DG2', () => {
  it('fails only with LDS_MALFORMED on random input (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), onlyTypedErrors(parseDg2, ['LDS_MALFORMED'])),
      { numRuns: 1000 },
    );
  });
});

describe('EF.SOD', () => {
  it('parses the LDS security object of a signed SOD', async () => {
    const pki = await testPki();
    const sod = parseEfSod(await buildSod(new Map([[1, Uint8Array.of(1, 2, 3)]]), pki));
    expect(sod.securityObject.hashAlgorithm).toBe('SHA-256');
    expect([...sod.securityObject.dataGroupHashes.keys()]).toEqual([1]);
  });

  it('fails only with SOD_MALFORMED on mutated input (fuzz)', async () => {
    const valid = await buildSod(
      new Map([
        [1, Uint8Array.of(1)],
        [13, Uint8Array.of(2)],
      ]),
      await testPki(),
    );
    fc.assert(fc.property(mutations(valid), onlyTypedErrors(parseEfSod, ['SOD_MALFORMED'])), {
      numRuns: 300,
    });
  }, 60_000);
});
