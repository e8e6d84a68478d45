import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateCentreKeyPair,
  privateKeyFromPem,
  signConfigBundle,
  SignedConfigError,
} from '@kiosk/installer/signed-config';
import { AppointmentCalculator, WorkingCalendar } from '../appointment';
import { parseKioskConfig } from '../config/kiosk-config';
import { dataKeyFromBytes, FieldCipher, PRIVACY_MIGRATIONS } from '../privacy';
import { SettingsService, settingsFromConfig } from '../settings';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase } from '../store/database';
import { SettingsRepository } from '../store/settings-repository';
import { CONFIG_BUNDLE_MIGRATIONS } from './applied-bundle-repository';
import { ConfigBundleApplier } from './config-bundle-applier';

const centre = generateCentreKeyPair();
const signersDir = join(mkdtempSync(join(tmpdir(), 'kiosk-holiday-bundle-')), 'config-signers');
mkdirSync(signersDir, { mode: 0o755 });
writeFileSync(join(signersDir, 'centre.pem'), centre.publicKeyPem, { mode: 0o644 });

function kiosk() {
  const db = openDatabase(':memory:', [
    ...coreMigrations,
    ...PRIVACY_MIGRATIONS,
    ...CONFIG_BUNDLE_MIGRATIONS,
  ]);
  const settings = new SettingsService(
    new SettingsRepository(db),
    settingsFromConfig(parseKioskConfig({})),
    { cipher: new FieldCipher(dataKeyFromBytes(Buffer.alloc(32, 3))) },
  );
  const applier = new ConfigBundleApplier({
    db,
    settings,
    kioskId: 'KIOSK-01',
    signersDir,
    now: () => new Date('2026-12-07T02:00:00Z'),
  });
  // As kiosk-core wires it: the calendar reads the setting at every question.
  const calendar = new WorkingCalendar({
    configuredTables: () => settings.current().holidayTables,
  });
  return { applier, settings, calculator: new AppointmentCalculator({ calendar }) };
}

const bundle = (serial: number, settings: Record<string, unknown>) =>
  JSON.stringify(
    signConfigBundle(
      { serial, issuedAt: '2026-12-07T01:00:00.000Z', settings },
      privateKeyFromPem(centre.privateKeyPem),
    ),
  );

/** A synthetic "published" 2027 decision: Tết from Thu 4 Feb to Sun 14 Feb, swapped Saturdays. */
const DECIDED_2027 = {
  year: 2027,
  complete: true,
  confirmed: true,
  sources: ['Quyết định giả định dùng cho kiểm thử'],
  daysOff: ['04', '05', '08', '09', '10', '11', '12'].map((d) => ({
    date: `2027-02-${d}`,
    reason: 'Tết Nguyên đán',
  })),
  workingDays: [{ date: '2027-01-30', reason: 'Làm bù' }],
};

describe('holiday tables through the signed configuration', () => {
  it('a signed bundle with a newer 2027 table moves the next appointment and confirms it', () => {
    const { applier, calculator } = kiosk();
    const received = new Date('2027-02-03T16:00:00+07:00');
    const before = calculator.calculate(received, { unit: 'workingHours', amount: 8 });
    expect(before.unconfirmedYears).toEqual([2027]);
    expect(before.dueIso).toBe('2027-02-04T16:00:00+07:00');

    const result = applier.apply(bundle(1, { holidayTables: [DECIDED_2027] }), 'technician:kt1');
    expect(result.changed).toEqual(['holidayTables']);

    const after = calculator.calculate(received, { unit: 'workingHours', amount: 8 });
    expect(after.unconfirmedYears).toEqual([]);
    expect(after.dueIso).toBe('2027-02-15T16:00:00+07:00');
  });

  it('a signed bundle with a malformed table is refused and changes nothing', () => {
    const { applier, settings } = kiosk();
    const bad = { ...DECIDED_2027, daysOff: [{ date: '2028-01-01', reason: 'wrong year' }] };
    expect(() => applier.apply(bundle(1, { holidayTables: [bad] }), 'technician:kt1')).toThrow(
      SignedConfigError,
    );
    const twice = [DECIDED_2027, DECIDED_2027];
    expect(() => applier.apply(bundle(2, { holidayTables: twice }), 'technician:kt1')).toThrow(
      /one holiday table per year|CONFIG_SETTINGS_INVALID|refused/,
    );
    expect(settings.current().holidayTables).toEqual([]);
  });
});
