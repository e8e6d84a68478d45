import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pkcs11js from 'pkcs11js';
import * as pkijs from 'pkijs';
import { signingConfigSchema } from '../core/receipt-pdf/signing-config';
import type { SigningConfig } from '../core/receipt-pdf/signing-config';

/** Debian's SoftHSM2 PKCS#11 module (package softhsm2). */
export const SOFTHSM2_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

export interface DemoSigningToken {
  readonly config: SigningConfig;
  /** The test CA's certificate (PEM), to trust the receipt signatures it issued. */
  readonly caCertificatePath: string;
  readonly signerCertificatePath: string;
}

export interface DemoSigningTokenOptions {
  readonly tokenLabel?: string;
  readonly keyLabel?: string;
  /** Fixed in tests; a random six-digit PIN otherwise. */
  readonly pin?: string;
  readonly soPin?: string;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): void {
  execFileSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** The DER subject name of a certificate (SoftHSM2 requires CKA_SUBJECT on a certificate). */
function subjectOf(der: Buffer): Buffer {
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(der).buffer);
  return Buffer.from(certificate.subject.toSchema().toBER());
}

/** Stores the certificate next to its key, as a CA's USB token carries it. */
function storeCertificate(config: SigningConfig, der: Buffer, id: Buffer): void {
  process.env.SOFTHSM2_CONF = config.moduleEnvironment?.SOFTHSM2_CONF;
  const module = new pkcs11js.PKCS11();
  module.load(config.modulePath);
  module.C_Initialize();
  try {
    const slot = module
      .C_GetSlotList(true)
      .find((candidate) => module.C_GetTokenInfo(candidate).label.trim() === config.tokenLabel);
    if (!slot) throw new Error(`token ${config.tokenLabel} did not appear`);
    const session = module.C_OpenSession(
      slot,
      pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION,
    );
    module.C_Login(session, pkcs11js.CKU_USER, config.pin);
    module.C_CreateObject(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
      { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
      { type: pkcs11js.CKA_TOKEN, value: true },
      { type: pkcs11js.CKA_LABEL, value: config.keyLabel },
      { type: pkcs11js.CKA_ID, value: id },
      { type: pkcs11js.CKA_VALUE, value: der },
      { type: pkcs11js.CKA_SUBJECT, value: subjectOf(der) },
    ]);
    module.C_Logout(session);
    module.C_CloseSession(session);
  } finally {
    module.C_Finalize();
    module.close();
  }
}

/**
 * A SoftHSM2 token and a test CA under `folder` for the demo and the tests: the CA and the
 * receipt signer's certificate are made with the openssl CLI, the signer's private key is
 * imported into the token and its file deleted, and the certificate is stored on the token.
 * A folder that already holds a token is reused.
 */
export function createDemoSigningToken(
  folder: string,
  options: DemoSigningTokenOptions = {},
): DemoSigningToken {
  const configPath = path.join(folder, 'signing.json');
  const caCertificatePath = path.join(folder, 'test-ca.pem');
  const signerCertificatePath = path.join(folder, 'receipt-signer.pem');
  if (existsSync(configPath)) {
    const config = signingConfigSchema.parse(JSON.parse(readFileSync(configPath, 'utf8')));
    return { config, caCertificatePath, signerCertificatePath };
  }
  const tokens = path.join(folder, 'tokens');
  mkdirSync(tokens, { recursive: true });
  const softhsmConf = path.join(folder, 'softhsm2.conf');
  writeFileSync(
    softhsmConf,
    `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  const env = { ...process.env, SOFTHSM2_CONF: softhsmConf };
  const config: SigningConfig = {
    modulePath: SOFTHSM2_MODULE,
    tokenLabel: options.tokenLabel ?? 'kiosk-receipts',
    keyLabel: options.keyLabel ?? 'receipt-signer',
    pin: options.pin ?? String(randomInt(100000, 1000000)),
    moduleEnvironment: { SOFTHSM2_CONF: softhsmConf },
    signerName: 'Trung tâm Phục vụ hành chính công (thử nghiệm)',
    location: 'Việt Nam',
  };
  const caKey = path.join(folder, 'test-ca.key');
  const signerKey = path.join(folder, 'receipt-signer.key');
  const signerPkcs8 = path.join(folder, 'receipt-signer.p8');
  const signerCsr = path.join(folder, 'receipt-signer.csr');
  const extensions = path.join(folder, 'receipt-signer.ext');
  const days = ['-days', '3650'];
  run(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      caKey,
      '-out',
      caCertificatePath,
      '-subj',
      '/CN=Kiosk Test CA/O=cccd-kiosk test',
      ...days,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    env,
  );
  run(
    'openssl',
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      signerKey,
      '-out',
      signerCsr,
      '-subj',
      '/CN=Kiosk receipt signer (test)/O=cccd-kiosk test',
    ],
    env,
  );
  writeFileSync(
    extensions,
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
  );
  run(
    'openssl',
    [
      'x509',
      '-req',
      '-in',
      signerCsr,
      '-CA',
      caCertificatePath,
      '-CAkey',
      caKey,
      '-CAcreateserial',
      '-out',
      signerCertificatePath,
      ...days,
      '-sha256',
      '-extfile',
      extensions,
    ],
    env,
  );
  run('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', signerKey, '-out', signerPkcs8], env);
  run(
    'softhsm2-util',
    [
      '--init-token',
      '--free',
      '--label',
      config.tokenLabel,
      '--pin',
      config.pin,
      '--so-pin',
      options.soPin ?? config.pin + '0',
    ],
    env,
  );
  run(
    'softhsm2-util',
    [
      '--import',
      signerPkcs8,
      '--token',
      config.tokenLabel,
      '--label',
      config.keyLabel,
      '--id',
      '01',
      '--pin',
      config.pin,
    ],
    env,
  );
  const der = Buffer.from(
    readFileSync(signerCertificatePath, 'utf8').replace(/-----[A-Z ]+-----|\s/gu, ''),
    'base64',
  );
  storeCertificate(config, der, Buffer.from([1]));
  // The signer's key now lives only in the token, and the test CA issues nothing more.
  for (const file of [signerKey, signerPkcs8, signerCsr, extensions, caKey])
    rmSync(file, { force: true });
  writeFileSync(configPath, JSON.stringify(config, null, 2), { mode: 0o600 });
  return { config, caCertificatePath, signerCertificatePath };
}
