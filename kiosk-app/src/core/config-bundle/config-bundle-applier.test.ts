import { sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateCentreKeyPair,
  privateKeyFromPem,
  SIGNATURE_CONTEXT,
  signConfigBundle,
  SignedConfigError,
} from '@kiosk/installer/signed-config';
import { parseKioskConfig } from '../config/kiosk-config';
import { dataKeyFromBytes, FieldCipher, PRIVACY_MIGRATIONS } from '../privacy';
import { SettingsService, settingsFromConfig } from '../settings';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase } from '../store/database';
import { SettingsRepository } from '../store/settings-repository';
import { CONFIG_BUNDLE_MIGRATIONS } from './applied-bundle-repository';
import { ConfigBundleApplier, MAX_BUNDLE_BYTES } from './config-bundle-applier';

const centre = generateCentreKeyPair();
const signersDir = join(mkdtempSync(join(tmpdir(), 'kiosk-applier-')), 'config-signers');
mkdirSync(signersDir, { mode: 0o755 });
writeFileSync(join(signersDir, 'centre.pem'), centre.publicKeyPem, { mode: 0o644 });
const NOW = new Date('2026-11-28T09:00:00Z');

function kiosk() {
  const db = openDatabase(':memory:', [
    ...coreMigrations,
    ...PRIVACY_MIGRATIONS,
    ...CONFIG_BUNDLE_MIGRATIONS,
  ]);
  const repo = new SettingsRepository(db);
  const settings = new SettingsService(repo, settingsFromConfig(parseKioskConfig({})), {
    cipher: new FieldCipher(dataKeyFromBytes(Buffer.alloc(32, 9))),
  });
  const applier = new ConfigBundleApplier({
    db,
    settings,
    kioskId: 'KIOSK-01',
    signersDir,
    now: () => NOW,
  });
  const state = () =>
    JSON.stringify([
      db.prepare('SELECT * FROM settings ORDER BY key').all(),
      db.prepare('SELECT * FROM config_bundles').all(),
      settings.current(),
    ]);
  return { applier, settings, state };
}

const signed = (serial: number, settings: Record<string, unknown>) =>
  JSON.stringify(
    signConfigBundle(
      { serial, issuedAt: '2026-11-28T08:00:00.000Z', settings },
      privateKeyFromPem(centre.privateKeyPem),
    ),
  );

describe('ConfigBundleApplier', () => {
  it('records the serial and the bundle hash with the settings, and tells listeners once', () => {
    const { applier, settings } = kiosk();
    const heard: string[][] = [];
    settings.onChange((_s, changed) => heard.push([...changed]));
    const result = applier.apply(signed(4, { inactivitySeconds: 90 }), 'technician:kt1');
    expect(result).toMatchObject({
      serial: 4,
      keyId: centre.keyId,
      changed: ['inactivitySeconds'],
    });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(applier.lastAppliedSerial()).toBe(4);
    expect(heard).toEqual([['inactivitySeconds']]);
  });

  it('records the serial of a bundle that changes nothing, so it cannot be replayed later', () => {
    const { applier } = kiosk();
    expect(applier.apply(signed(2, {}), 'technician:kt1').changed).toEqual([]);
    expect(applier.lastAppliedSerial()).toBe(2);
  });

  it('refuses a bundle larger than the limit before parsing it', () => {
    const { applier } = kiosk();
    expect(() => applier.apply(' '.repeat(MAX_BUNDLE_BYTES + 1), 'technician:kt1')).toThrow(
      expect.objectContaining({ code: 'CONFIG_MALFORMED' }),
    );
  });

  it('only ever refuses arbitrary input with a SignedConfigError and changes nothing (property)', () => {
    const { applier, state } = kiosk();
    applier.apply(signed(5, { centreName: 'Trung tâm năm' }), 'technician:kt1');
    const before = state();
    const envelope = JSON.parse(signed(6, { retentionDays: 40 })) as Record<string, unknown>;
    const input = fc.oneof(
      fc.string(),
      fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      // Envelopes with one field replaced by anything.
      fc
        .tuple(fc.constantFrom('format', 'keyId', 'payload', 'signature'), fc.jsonValue())
        .map(([field, value]) => JSON.stringify({ ...envelope, [field]: value })),
      // Payloads of any shape, correctly signed: the payload parser, not the signature, refuses.
      fc.jsonValue().map((value) => {
        const payload = Buffer.from(JSON.stringify(value));
        const key = privateKeyFromPem(centre.privateKeyPem);
        const signature = sign(null, Buffer.concat([Buffer.from(SIGNATURE_CONTEXT), payload]), key);
        return JSON.stringify({
          ...envelope,
          payload: payload.toString('base64'),
          signature: signature.toString('base64'),
        });
      }),
    );
    fc.assert(
      fc.property(input, (text) => {
        expect(() => applier.apply(text, 'technician:kt1')).toThrow(SignedConfigError);
        expect(state()).toBe(before);
      }),
      { numRuns: 400 },
    );
  });

  it('applies any signed patch as a whole or refuses it with nothing changed (property)', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.webUrl());
    const key = fc.constantFrom(
      'centreName',
      'unitCode',
      'warningSeconds',
      'retentionDays',
      'lookupBaseUrl',
      'printerUri',
      'bogus',
    );
    let serial = 10;
    const { applier, state } = kiosk();
    fc.assert(
      fc.property(fc.dictionary(key, value), (settings) => {
        serial += 1;
        const before = state();
        try {
          applier.apply(signed(serial, settings), 'technician:kt1');
        } catch (error) {
          expect(error).toMatchObject({ code: 'CONFIG_SETTINGS_INVALID' });
          expect(state()).toBe(before);
          return;
        }
        expect(applier.lastAppliedSerial()).toBe(serial);
      }),
      { numRuns: 150 },
    );
  });
});
