/**
 * Issue 13, item 5: signed configuration bundles were verified by the centre's tool but never
 * applied, so the kiosk kept no `lastAppliedSerial` and had no rollback protection. These are the
 * attacks a bundle applier must refuse, each leaving the stored settings byte for byte as they
 * were: a replayed older or equal bundle, a key the kiosk does not trust, a bundle for another
 * kiosk, one changed byte, an unknown setting, and a bundle that tries to replace the signer keys.
 * Real SQLite file, real data key, the same SettingsService the core and the CLI use.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  generateCentreKeyPair,
  privateKeyFromPem,
  signConfigBundle,
  SignedConfigError,
  type BundlePayload,
  type SignedConfigErrorCode,
} from '@kiosk/installer/signed-config';
import { ConfigBundleApplier } from '../../src/core/config-bundle';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { dataKeyFromBytes, FieldCipher } from '../../src/core/privacy';
import { SettingsService, settingsFromConfig } from '../../src/core/settings';
import { openDatabase, type KioskDatabase } from '../../src/core/store/database';
import { SettingsRepository } from '../../src/core/store/settings-repository';

const centre = generateCentreKeyPair();
const stranger = generateCentreKeyPair();
const NOW = new Date('2026-11-28T09:00:00Z');
const PORTAL_TOKEN = 'portal-token-from-bundle-5d1c';

function payload(serial: number, settings: Record<string, unknown>): BundlePayload {
  return { serial, issuedAt: '2026-11-28T08:00:00.000Z', settings };
}

function signed(p: BundlePayload, pem = centre.privateKeyPem): string {
  return JSON.stringify(signConfigBundle(p, privateKeyFromPem(pem)));
}

let root: string;
let db: KioskDatabase;
let settings: SettingsService;
let applier: ConfigBundleApplier;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiosk-bundle-attacks-'));
  const signers = join(root, 'etc', 'config-signers');
  mkdirSync(signers, { recursive: true, mode: 0o755 });
  writeFileSync(join(signers, 'centre.pem'), centre.publicKeyPem, { mode: 0o644 });
  const config = parseKioskConfig({ dataDir: join(root, 'data'), kioskId: 'KIOSK-07' });
  db = openDatabase(join(config.dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
  const cipher = new FieldCipher(dataKeyFromBytes(Buffer.alloc(32, 0x3c)));
  settings = new SettingsService(new SettingsRepository(db), settingsFromConfig(config), {
    cipher,
  });
  applier = new ConfigBundleApplier({
    db,
    settings,
    kioskId: config.kioskId,
    signersDir: signers,
    now: () => NOW,
  });
  // A first bundle, so replays have something newer to lose against.
  applier.apply(signed(payload(10, { centreName: 'Trung tâm mười' })), 'technician:kt1');
});
afterEach(() => db.close());

/** Everything the kiosk keeps of its settings and of the bundles it applied, as stored bytes. */
function storedState(): string {
  const rows = db.prepare('SELECT * FROM settings ORDER BY key').all();
  const applied = db.prepare('SELECT * FROM config_bundles ORDER BY serial').all();
  return JSON.stringify({ rows, applied, live: settings.current() });
}

function refusal(text: string): { code: SignedConfigErrorCode; message: string } {
  const before = storedState();
  try {
    applier.apply(text, 'technician:kt1');
  } catch (error) {
    expect(storedState()).toBe(before);
    if (error instanceof SignedConfigError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the bundle was applied');
}

describe('a signed configuration bundle', () => {
  it('is applied as a whole with its serial, and its secrets are sealed at rest', () => {
    const result = applier.apply(
      signed(
        payload(11, {
          retentionDays: 45,
          portal: { url: 'https://portal.example/', token: PORTAL_TOKEN },
        }),
      ),
      'technician:kt1',
    );
    expect(result).toMatchObject({ serial: 11, keyId: centre.keyId });
    expect(result.changed).toEqual(['retentionDays', 'portal']);
    expect(applier.lastAppliedSerial()).toBe(11);
    expect(settings.current()).toMatchObject({
      centreName: 'Trung tâm mười',
      retentionDays: 45,
      portal: { url: 'https://portal.example/', token: PORTAL_TOKEN },
    });
    const atRest = JSON.stringify(db.prepare('SELECT value FROM settings').all());
    expect(atRest).toContain('portal.example');
    expect(atRest).not.toContain(PORTAL_TOKEN);
  });

  it('is refused when replayed after a newer one: equal and lower serial', () => {
    const equal = refusal(signed(payload(10, { centreName: 'Trung tâm cũ' })));
    expect(equal.code).toBe('CONFIG_ROLLBACK');
    expect(equal.message).toMatch(/serial 10.*applied serial 10/);
    expect(refusal(signed(payload(9, { retentionDays: 3650 }))).code).toBe('CONFIG_ROLLBACK');
  });

  it('is refused when signed by a key the kiosk is not configured with', () => {
    const { code, message } = refusal(
      signed(payload(11, { retentionDays: 3650 }), stranger.privateKeyPem),
    );
    expect(code).toBe('CONFIG_UNKNOWN_KEY');
    expect(message).toContain(stranger.keyId);
  });

  it('is refused when addressed to another kiosk or another receiving unit', () => {
    const forOther = { ...payload(11, { retentionDays: 90 }), target: { kioskIds: ['KIOSK-08'] } };
    expect(refusal(signed(forOther)).code).toBe('CONFIG_WRONG_TARGET');
    const otherUnit = { ...payload(11, { retentionDays: 90 }), target: { unitCodes: ['H99'] } };
    expect(refusal(signed(otherUnit)).code).toBe('CONFIG_WRONG_TARGET');
  });

  it('is refused when one byte of its settings was changed after signing', () => {
    const bundle = JSON.parse(signed(payload(11, { retentionDays: 45 }))) as { payload: string };
    const bytes = Buffer.from(bundle.payload, 'base64');
    const at = bytes.indexOf('45');
    bytes[at] = '9'.charCodeAt(0);
    const tampered = JSON.stringify({ ...bundle, payload: bytes.toString('base64') });
    expect(refusal(tampered).code).toBe('CONFIG_BAD_SIGNATURE');
  });

  it('is refused, naming the key, when it sets a setting the kiosk does not have', () => {
    const { code, message } = refusal(signed(payload(11, { retentionDays: 45, colour: 'red' })));
    expect(code).toBe('CONFIG_SETTINGS_INVALID');
    expect(message).toContain('colour');
  });

  it('cannot replace the signer keys, the data key or the trust store', () => {
    for (const key of ['configSigners', 'configSignersDir', 'keyFile', 'trustDir', 'kioskId']) {
      const { code, message } = refusal(signed(payload(11, { [key]: '/tmp/attacker' })));
      expect(code).toBe('CONFIG_SETTINGS_INVALID');
      expect(message).toContain(key);
    }
  });

  it('is refused when its signed settings fail the settings validation', () => {
    const { code, message } = refusal(signed(payload(11, { warningSeconds: 500 })));
    expect(code).toBe('CONFIG_SETTINGS_INVALID');
    expect(message).toContain('warningSeconds');
  });

  it('is refused when expired', () => {
    const expired = { ...payload(11, { retentionDays: 45 }), expiresAt: '2026-11-28T08:30:00Z' };
    expect(refusal(signed(expired)).code).toBe('CONFIG_EXPIRED');
  });
});
