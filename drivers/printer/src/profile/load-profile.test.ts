import { describe, expect, it } from 'vitest';
import { listProfiles, loadProfile, parseProfile } from './load-profile';

describe('printer profiles', () => {
  it('bundles an 80 mm TCVN-3 Epson, a 58 mm raster-only and a Custom kiosk profile, all valid', () => {
    expect(listProfiles()).toEqual([
      'custom-kiosk-80mm',
      'epson-80mm-tcvn3',
      'generic-58mm-raster',
    ]);
    for (const name of listProfiles()) expect(loadProfile(name).id).toBe(name);
    expect(loadProfile('epson-80mm-tcvn3')).toMatchObject({
      vietnamese: 'tcvn3',
      codePages: { tcvn3: 30, tcvn3capitals: 31 },
    });
    expect(loadProfile('generic-58mm-raster')).toMatchObject({
      vietnamese: 'raster',
      dotsPerLine: 384,
    });
    expect(loadProfile('custom-kiosk-80mm').status.extra?.request).toEqual([0x10, 0x04, 0x14]);
  });

  it('names the reason a profile is invalid', () => {
    expect(() => parseProfile('{"id":"x"}', 'x.json')).toThrow(
      expect.objectContaining({ code: 'PRINTER_PROFILE_INVALID' }),
    );
    expect(() => parseProfile('not json')).toThrow(
      expect.objectContaining({ code: 'PRINTER_PROFILE_INVALID' }),
    );
  });

  it('refuses unknown names and paths', () => {
    expect(() => loadProfile('../../etc/passwd')).toThrow(
      expect.objectContaining({ code: 'PRINTER_PROFILE_UNKNOWN' }),
    );
  });
});
