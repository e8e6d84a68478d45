/**
 * The files of a CSCA folder (ICAO 9303-12 §7.1): `.pem`, `.crt`, `.cer` and `.der` hold
 * certificates (PEM, several to a file and CRLs beside them, or one DER certificate), `.crl`
 * holds CRLs (DER, or PEM blocks), whatever the case of the extension; other files are not read.
 * A file that does not parse makes the folder unreadable. Certificates and CRLs are made here.
 */
import { webcrypto } from 'node:crypto';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { IdCardError } from '../errors';
import { datedCsca, type IssuedCertificate } from '../testing/dated-certificates';
import { loadCscaFolder, loadTrustStore } from './csca-store';

const VALIDITY = {
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2035-01-01T00:00:00Z'),
};
const names = ['A', 'B', 'C', 'D'];
let cscas: IssuedCertificate[];

async function crlOf(csca: IssuedCertificate, serial: string): Promise<x509.X509Crl> {
  return x509.X509CrlGenerator.create(
    {
      issuer: csca.certificate.subject,
      thisUpdate: new Date('2026-01-01T00:00:00Z'),
      nextUpdate: new Date('2026-02-01T00:00:00Z'),
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      signingKey: csca.keys.privateKey,
      entries: [{ serialNumber: serial, revocationDate: new Date('2026-01-01T00:00:00Z') }],
    },
    webcrypto as unknown as Crypto,
  );
}

beforeAll(async () => {
  cscas = await Promise.all(
    names.map((n) => datedCsca(`C=VN, O=Kiosk Test, CN=VN FOLDER CSCA ${n}`, VALIDITY)),
  );
});

const folder = () => mkdtempSync(join(tmpdir(), 'csca-files-'));
const pem = (i: number) => cscas[i]?.certificate.toString('pem') ?? '';
const derOf = (i: number) => new Uint8Array(cscas[i]?.certificate.rawData ?? new ArrayBuffer(0));
/** PEM with the label RFC 7468 §5 gives CRLs (@peculiar/x509 writes the historical "CRL"). */
const crlPem = (crl: x509.X509Crl) => x509.PemConverter.encode(crl.rawData, 'X509 CRL');
const cn = (certificate: x509.X509Certificate) => certificate.subject.split('CN=')[1];

async function refusal(dir: string): Promise<string> {
  try {
    await loadTrustStore(dir);
  } catch (error) {
    if (error instanceof IdCardError && error.code === 'TRUST_STORE_INVALID') return error.message;
    throw error;
  }
  return 'loaded';
}

describe('the files of a CSCA folder', () => {
  it('reads certificates and CRLs from each kind of file, in the order of their names', async () => {
    const dir = folder();
    const [a, b, c, d] = cscas;
    if (!a || !b || !c || !d) throw new Error('no CSCAs');
    const crlA = await crlOf(a, '0a');
    const crlB = await crlOf(b, '0b');
    const crlC = await crlOf(c, '0c');
    writeFileSync(join(dir, 'd.CER'), pem(3));
    writeFileSync(join(dir, 'c.der'), derOf(2));
    writeFileSync(join(dir, 'b.crt'), `${pem(1)}\n${crlPem(crlA)}\n`);
    writeFileSync(join(dir, 'a.pem'), `${pem(0)}\n`);
    writeFileSync(join(dir, 'e.crl'), new Uint8Array(crlB.rawData));
    writeFileSync(join(dir, 'f.Crl'), `${crlPem(crlC)}\n${crlPem(crlA)}\n`);
    writeFileSync(join(dir, 'notes.txt'), 'not a certificate');
    writeFileSync(join(dir, 'a.pem.bak'), 'not a certificate either');
    writeFileSync(join(dir, 'e.crl.old'), 'not a CRL');
    const store = await loadTrustStore(dir);
    expect(store.cscas.map(cn)).toEqual(names.map((n) => `VN FOLDER CSCA ${n}`));
    expect(store.crls.map((crl) => crl.entries[0]?.serialNumber)).toEqual(['0a', '0b', '0c', '0a']);
    expect((await loadCscaFolder(dir)).map(cn)).toEqual(store.cscas.map(cn));
  });

  it('is an empty store when the folder does not exist', async () => {
    expect(await loadTrustStore(join(folder(), 'missing'))).toEqual({ cscas: [], crls: [] });
  });

  it('is unreadable when the path is no folder, naming it', async () => {
    const file = join(folder(), 'file');
    writeFileSync(file, 'x');
    expect(await refusal(file)).toBe(`CSCA folder: ${file}: the folder cannot be read`);
  });

  it.each([
    [
      'bad.pem',
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      'not an X.509 certificate',
    ],
    ['bad.der', 'garbage', 'not an X.509 certificate'],
    ['bad.crl', 'garbage', 'not a CRL ('],
    ['bad.crl', '-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n', 'not a CRL ('],
    ['bad.pem', `-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n`, 'not a CRL ('],
  ])('is unreadable with %s holding %j', async (name, content, reason) => {
    const dir = folder();
    writeFileSync(join(dir, name), content);
    expect(await refusal(dir)).toContain(`CSCA folder: ${name}: ${reason}`);
  });

  it('keeps the parser’s reason when a certificate does not parse', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'bad.der'), 'garbage');
    await expect(loadTrustStore(dir)).rejects.toMatchObject({ cause: expect.any(Error) });
  });

  it('is unreadable when a file cannot be read, naming the file', async () => {
    const dir = folder();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'gone.pem'));
    expect(await refusal(dir)).toBe('CSCA folder: gone.pem: the file cannot be read');
  });

  it('is unreadable when a .crl file holds PEM but no X509 CRL block, rather than revoking nothing', async () => {
    const dir = folder();
    const [a] = cscas;
    if (!a) throw new Error('no CSCA');
    // @peculiar/x509 writes the label "CRL", which RFC 7468 §5 tells parsers not to accept.
    writeFileSync(join(dir, 'revoked.crl'), (await crlOf(a, '0a')).toString('pem'));
    expect(await refusal(dir)).toBe('CSCA folder: revoked.crl: not a CRL (no X509 CRL PEM block)');
  });
});
