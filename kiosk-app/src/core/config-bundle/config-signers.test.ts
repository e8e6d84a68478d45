import { chmodSync, chownSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCentreKeyPair, SignedConfigError } from '@kiosk/installer/signed-config';
import { configSignersDirOf, loadConfigSigners } from './config-signers';

const centre = generateCentreKeyPair();
const next = generateCentreKeyPair();

function signerFolder(files: Record<string, string> = { 'centre.pem': centre.publicKeyPem }) {
  const dir = join(mkdtempSync(join(tmpdir(), 'kiosk-signers-')), 'config-signers');
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    chmodSync(join(dir, name), 0o644);
  }
  return dir;
}

function refusal(dir: string | undefined): { code: string; message: string } {
  try {
    loadConfigSigners(dir);
  } catch (error) {
    if (error instanceof SignedConfigError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the signers were accepted');
}

describe('configSignersDirOf', () => {
  it('takes the configured folder, else config-signers in the configuration root', () => {
    expect(configSignersDirOf({ configSignersDir: '/srv/keys' }, '/etc/cccd-kiosk')).toBe(
      '/srv/keys',
    );
    expect(configSignersDirOf({}, '/etc/cccd-kiosk')).toBe('/etc/cccd-kiosk/config-signers');
    expect(configSignersDirOf({}, undefined)).toBeUndefined();
  });
});

describe('loadConfigSigners', () => {
  it('trusts every *.pem of the folder (key rotation), and ignores other files', () => {
    const dir = signerFolder({
      'centre.pem': centre.publicKeyPem,
      'centre-2027.pem': next.publicKeyPem,
      'README.txt': 'not a key',
    });
    expect(
      loadConfigSigners(dir)
        .map((k) => k.id)
        .sort(),
    ).toEqual([centre.keyId, next.keyId].sort());
  });

  it('refuses with the path when nothing is configured, the folder is missing or empty', () => {
    expect(refusal(undefined).code).toBe('CONFIG_NO_SIGNERS');
    expect(refusal(undefined).message).toContain('config-signers');
    expect(refusal('/nonexistent/config-signers')).toMatchObject({
      code: 'CONFIG_NO_SIGNERS',
      message: expect.stringContaining('/nonexistent/config-signers'),
    });
    expect(refusal(signerFolder({})).code).toBe('CONFIG_NO_SIGNERS');
  });

  it('refuses a key file that is not an Ed25519 public key, naming the file', () => {
    const { code, message } = refusal(signerFolder({ 'broken.pem': 'garbage' }));
    expect(code).toBe('CONFIG_KEY_INVALID');
    expect(message).toContain('broken.pem');
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a folder or key file others could rewrite (anyone could then sign)',
    () => {
      const dir = signerFolder();
      chmodSync(dir, 0o777);
      expect(refusal(dir).code).toBe('CONFIG_SIGNER_EXPOSED');
      chmodSync(dir, 0o755);
      chmodSync(join(dir, 'centre.pem'), 0o666);
      expect(refusal(dir)).toMatchObject({
        code: 'CONFIG_SIGNER_EXPOSED',
        message: expect.stringContaining('chmod go-w'),
      });
    },
  );

  it.runIf(process.getuid?.() === 0)(
    'refuses a key file owned by another user than the folder (the kiosk user, say)',
    () => {
      const dir = signerFolder();
      chownSync(join(dir, 'centre.pem'), 4242, 4242);
      expect(refusal(dir)).toMatchObject({
        code: 'CONFIG_SIGNER_EXPOSED',
        message: expect.stringContaining('uid 4242'),
      });
    },
  );
});
