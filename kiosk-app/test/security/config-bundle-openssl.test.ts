/**
 * Issue 13, item 5, outside check: the bundle format is plain Ed25519 (RFC 8032) over
 * `"cccd-kiosk-config/1\n" || payload bytes`, so a centre can sign with a standard tool instead
 * of our signer. Here the key, its id and the signature are all made by the `openssl` CLI, and
 * the kiosk applies the bundle; and a bundle from our signer verifies with `openssl pkeyutl`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_FORMAT,
  privateKeyFromPem,
  SIGNATURE_CONTEXT,
  signConfigBundle,
} from '@kiosk/installer/signed-config';
import { ConfigBundleApplier } from '../../src/core/config-bundle';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { SettingsService, settingsFromConfig } from '../../src/core/settings';
import { openDatabase, type KioskDatabase } from '../../src/core/store/database';
import { SettingsRepository } from '../../src/core/store/settings-repository';

const root = mkdtempSync(join(tmpdir(), 'kiosk-bundle-openssl-'));
const signers = join(root, 'etc', 'config-signers');
const keyPem = join(root, 'centre.key.pem');
const pubPem = join(signers, 'centre.pem');

function openssl(args: string[], input?: Buffer): Buffer {
  return execFileSync('openssl', args, { input });
}

let db: KioskDatabase;
let settings: SettingsService;
let applier: ConfigBundleApplier;

beforeAll(() => {
  mkdirSync(signers, { recursive: true, mode: 0o755 });
  openssl(['genpkey', '-algorithm', 'ed25519', '-out', keyPem]);
  openssl(['pkey', '-in', keyPem, '-pubout', '-out', pubPem]);
  const config = parseKioskConfig({ dataDir: join(root, 'data'), kioskId: 'KIOSK-05' });
  db = openDatabase(join(config.dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
  settings = new SettingsService(new SettingsRepository(db), settingsFromConfig(config));
  applier = new ConfigBundleApplier({ db, settings, kioskId: 'KIOSK-05', signersDir: signers });
});
afterAll(() => db.close());

describe('a bundle signed with the openssl CLI', () => {
  it('is applied by the kiosk', () => {
    // The key id: first 8 bytes of SHA-256 over the SPKI DER, in hex.
    const der = openssl(['pkey', '-pubin', '-in', pubPem, '-outform', 'DER']);
    const keyId = openssl(['dgst', '-sha256', '-r'], der).toString('utf8').slice(0, 16);
    const payload = Buffer.from(
      JSON.stringify({
        serial: 3,
        issuedAt: new Date(Date.now() - 60_000).toISOString(),
        target: { kioskIds: ['KIOSK-05'] },
        settings: { centreName: 'Trung tâm ký bằng OpenSSL', retentionDays: 31 },
      }),
    );
    const toSign = join(root, 'to-sign.bin');
    writeFileSync(toSign, Buffer.concat([Buffer.from(SIGNATURE_CONTEXT), payload]));
    // Ed25519 signs the message itself, not a digest: -rawin (OpenSSL 3).
    const signature = openssl(['pkeyutl', '-sign', '-inkey', keyPem, '-rawin', '-in', toSign]);
    expect(signature).toHaveLength(64);
    const bundle = JSON.stringify({
      format: BUNDLE_FORMAT,
      keyId,
      payload: payload.toString('base64'),
      signature: signature.toString('base64'),
    });

    const applied = applier.apply(bundle, 'technician:kt1');
    expect(applied).toMatchObject({ serial: 3, changed: ['centreName', 'retentionDays'] });
    expect(settings.current().centreName).toBe('Trung tâm ký bằng OpenSSL');
  });

  it('and a bundle from our signer verifies with openssl pkeyutl', () => {
    const bundle = signConfigBundle(
      { serial: 4, issuedAt: new Date().toISOString(), settings: { retentionDays: 32 } },
      privateKeyFromPem(readFileSync(keyPem, 'utf8')),
    );
    const signed = join(root, 'signed.bin');
    const signatureFile = join(root, 'signature.bin');
    writeFileSync(
      signed,
      Buffer.concat([Buffer.from(SIGNATURE_CONTEXT), Buffer.from(bundle.payload, 'base64')]),
    );
    writeFileSync(signatureFile, Buffer.from(bundle.signature, 'base64'));
    const verdict = openssl([
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      pubPem,
      '-rawin',
      '-in',
      signed,
      '-sigfile',
      signatureFile,
    ]).toString('utf8');
    expect(verdict).toContain('Signature Verified Successfully');
  });
});
