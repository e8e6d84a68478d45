/**
 * The signingTime signed attribute (RFC 5652 §11.3): one attribute at most, with exactly one
 * value, a UTCTime or GeneralizedTime. The times are DER written here by hand (X.690 §11.7–8,
 * RFC 5280 §4.1.2.5: UTCTime years below 50 are 20YY).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { signingTimeOf } from './signing-time';

const SIGNING_TIME = '1.2.840.113549.1.9.5';
const CONTENT_TYPE = '1.2.840.113549.1.9.3';

/** An ASN.1 value read back from DER bytes built by hand. */
function asn1(tag: number, text: string): asn1js.AsnType {
  const parsed = asn1js.fromBER(
    Uint8Array.from([tag, text.length, ...Buffer.from(text, 'latin1')]),
  );
  if (parsed.offset === -1) throw new Error(parsed.result.error);
  return parsed.result;
}
const utcTime = (text: string) => asn1(0x17, text);
const generalizedTime = (text: string) => asn1(0x18, text);

function signerInfo(...attributes: [string, unknown[]][]): pkijs.SignerInfo {
  return new pkijs.SignerInfo({
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: attributes.map(([type, values]) => new pkijs.Attribute({ type, values })),
    }),
  });
}

describe('the signingTime of a SignerInfo', () => {
  it('is absent when there are no signed attributes, or none is signingTime', () => {
    expect(signingTimeOf(new pkijs.SignerInfo())).toEqual({ ok: true, time: undefined });
    const other = signerInfo([
      CONTENT_TYPE,
      [new asn1js.ObjectIdentifier({ value: '2.23.136.1.1.1' })],
    ]);
    expect(signingTimeOf(other)).toEqual({ ok: true, time: undefined });
  });

  it('reads a UTCTime and a GeneralizedTime', () => {
    expect(signingTimeOf(signerInfo([SIGNING_TIME, [utcTime('250102030405Z')]]))).toEqual({
      ok: true,
      time: new Date('2025-01-02T03:04:05Z'),
    });
    expect(signingTimeOf(signerInfo([SIGNING_TIME, [generalizedTime('20491231235959Z')]]))).toEqual(
      { ok: true, time: new Date('2049-12-31T23:59:59Z') },
    );
  });

  it.each([
    [
      'two attributes',
      [
        [SIGNING_TIME, [utcTime('250102030405Z')]],
        [SIGNING_TIME, [utcTime('250102030405Z')]],
      ],
    ],
    ['two values', [[SIGNING_TIME, [utcTime('250102030405Z'), utcTime('260102030405Z')]]]],
    ['no value', [[SIGNING_TIME, []]]],
  ] as [string, [string, unknown[]][]][])('refuses %s', (_, attributes) => {
    expect(signingTimeOf(signerInfo(...attributes))).toEqual({
      ok: false,
      detail: 'signingTime must appear once, with one value',
    });
  });

  it('refuses a value that is not a time, or a time that is no date', () => {
    const notATime = new asn1js.PrintableString({ value: '250102030405Z' });
    const noDate = new asn1js.UTCTime({ valueDate: new Date(Number.NaN) });
    for (const value of [notATime, noDate])
      expect(signingTimeOf(signerInfo([SIGNING_TIME, [value]]))).toEqual({
        ok: false,
        detail: 'signingTime is not a valid time',
      });
  });
});
