import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, kioskConfigSchema, parseKioskConfig } from './kiosk-config';

const KNOWN = new Set(Object.keys(kioskConfigSchema.shape));

describe('parseKioskConfig', () => {
  it('accepts an empty configuration (every key has a default or is optional)', () => {
    expect(parseKioskConfig({}).kioskId).toBe('KIOSK-01');
  });

  it('refuses a misspelt key, naming it and the file', () => {
    expect(() =>
      parseKioskConfig({ printerURI: 'tcp://10.0.0.5:9100' }, '/etc/k/kiosk.json'),
    ).toThrow(/\/etc\/k\/kiosk\.json is invalid[\s\S]*printerURI/);
    expect(() =>
      parseKioskConfig({ registry: { url: 'https://r.example', clientSecert: 'x' } }),
    ).toThrow(/clientSecert/);
    expect(() => parseKioskConfig({ portal: { url: 'https://p.example', token: 'x' } })).toThrow(
      /token/,
    );
  });

  it('refuses any key the schema does not know, naming it', () => {
    // Names as a technician types them (the message quotes stranger ones in its own way).
    const unknownKey = fc
      .stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,19}$/)
      .filter((name) => !KNOWN.has(name));
    fc.assert(
      fc.property(unknownKey, fc.jsonValue(), (key, value) => {
        let error: unknown;
        try {
          parseKioskConfig({ [key]: value });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).message).toContain(key);
      }),
    );
  });

  it('takes the procedures a centre lists first, and refuses what is not a procedure code', () => {
    expect(parseKioskConfig({}).catalogueFirst).toEqual([]);
    expect(parseKioskConfig({ catalogueFirst: ['1.004222', '2.000815'] }).catalogueFirst).toEqual([
      '1.004222',
      '2.000815',
    ]);
    expect(() => parseKioskConfig({ catalogueFirst: ['thuong tru'] })).toThrow(/catalogueFirst/);
  });

  it('asks the registry only once a procedure is chosen unless prefetch is set', () => {
    const url = 'https://r.example';
    expect(parseKioskConfig({ registry: { url } }).registry?.prefetch).toBe(false);
    expect(parseKioskConfig({ registry: { url, prefetch: true } }).registry?.prefetch).toBe(true);
    expect(() => parseKioskConfig({ registry: { url, prefetch: 'yes' } })).toThrow(/prefetch/);
  });

  it("takes the province's local procedure code suffix for the portal, and refuses a malformed one", () => {
    const url = 'https://p.example';
    expect(parseKioskConfig({ portal: { url } }).portal?.localCodeSuffix).toBeUndefined();
    expect(
      parseKioskConfig({ portal: { url, localCodeSuffix: '000.00.00.H56' } }).portal
        ?.localCodeSuffix,
    ).toBe('000.00.00.H56');
    expect(() => parseKioskConfig({ portal: { url, localCodeSuffix: 'H56' } })).toThrow(
      /localCodeSuffix/,
    );
  });
});
