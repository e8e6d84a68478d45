/**
 * The CSCA master-list reader against things we did not write: the real ICAO master list as
 * published, and lists signed by OpenSSL (`openssl cms -sign`), including an attacker's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { X509Certificate } from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { MasterListError, readMasterList } from '../src/pa/master-list';

const data = (name: string): string =>
  fileURLToPath(new URL(`./data/icao/${name}`, import.meta.url));
const ICAO_LIST = data('icao-master-list-2025-07-23.ml');
const UN_CSCA = new X509Certificate(readFileSync(data('un-csca-2022.pem'), 'utf8'));

const openssl = (dir: string, ...args: string[]): string =>
  execFileSync('openssl', args, {
    cwd: dir,
    encoding: 'latin1',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });

/** DER length octets, written by hand (X.690 §8.1.3), so the test does not use our codecs. */
function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}
const tlv = (tag: number, body: Uint8Array): Uint8Array =>
  new Uint8Array([tag, ...derLength(body.length), ...body]);

function cscaMasterList(certificatesDer: readonly Uint8Array[]): Uint8Array {
  const set = tlv(0x31, Buffer.concat(certificatesDer.map((c) => Buffer.from(c))));
  return tlv(0x30, Buffer.concat([Buffer.from([0x02, 0x01, 0x00]), Buffer.from(set)]));
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MasterListError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('the ICAO master list as published', () => {
  it('verifies under the United Nations CSCA and yields every certificate of its certList', async () => {
    const der = new Uint8Array(readFileSync(ICAO_LIST));
    const list = await readMasterList(der, [UN_CSCA]);
    // Counted independently: OpenSSL extracts the content, asn1parse lists certList's entries.
    const dir = mkdtempSync(join(tmpdir(), 'ml-'));
    openssl(
      dir,
      'cms',
      '-verify',
      '-noverify',
      '-inform',
      'DER',
      '-in',
      ICAO_LIST,
      '-out',
      'c.der',
    );
    const entries = openssl(dir, 'asn1parse', '-inform', 'DER', '-in', 'c.der')
      .split('\n')
      .filter((line) => /d=2 .*cons: SEQUENCE/.test(line)).length;
    expect(entries).toBeGreaterThan(100);
    expect(list.certificates).toHaveLength(entries);
    expect(list.signer.subject).toContain('ICAO Master List Signer');
    expect(list.signedAt?.toISOString()).toBe('2025-07-23T14:13:21.000Z');
  });

  it('is refused without its anchor, or with one byte of the content changed', async () => {
    const der = new Uint8Array(readFileSync(ICAO_LIST));
    expect(await refusal(readMasterList(der, []))).toBe('MASTER_LIST_UNTRUSTED_SIGNER');
    const tampered = der.slice();
    tampered[5000] = (tampered[5000] ?? 0) ^ 0x01;
    expect(await refusal(readMasterList(tampered, [UN_CSCA]))).toMatch(
      /MASTER_LIST_(SIGNATURE|MALFORMED)/,
    );
  });

  it('refuses garbage with a typed error', async () => {
    for (const bytes of [
      new Uint8Array(),
      new Uint8Array([0x30, 0x03, 1, 2, 3]),
      new Uint8Array(64),
    ])
      expect(await refusal(readMasterList(bytes, [UN_CSCA]))).toBe('MASTER_LIST_MALFORMED');
  });
});

describe('master lists signed by OpenSSL', () => {
  let dir: string;
  const cert = (name: string): X509Certificate =>
    new X509Certificate(readFileSync(join(dir, `${name}.pem`), 'utf8'));
  const der = (name: string): Uint8Array => new Uint8Array(cert(name).rawData);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ml-openssl-'));
    const ext = join(dir, 'ext.cnf');
    writeFileSync(
      ext,
      [
        '[ca]',
        'basicConstraints=critical,CA:TRUE',
        'keyUsage=critical,keyCertSign,cRLSign',
        '[signer]',
        'keyUsage=critical,digitalSignature',
      ].join('\n'),
    );
    const ca = (name: string, cn: string) => {
      openssl(
        dir,
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.pem`,
        '-subj',
        `/C=VN/O=Test/CN=${cn}`,
        '-days',
        '3650',
        '-extensions',
        'ca',
        '-config',
        ext,
      );
    };
    const signer = (name: string, issuer: string, cn: string) => {
      openssl(
        dir,
        'req',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
        '-subj',
        `/C=VN/O=Test/CN=${cn}`,
      );
      openssl(
        dir,
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        `${issuer}.pem`,
        '-CAkey',
        `${issuer}.key`,
        '-CAcreateserial',
        '-out',
        `${name}.pem`,
        '-days',
        '365',
        '-extfile',
        ext,
        '-extensions',
        'signer',
      );
    };
    ca('state-csca', 'Test State CSCA');
    ca('member-csca-a', 'Member CSCA A');
    ca('member-csca-b', 'Member CSCA B');
    signer('ml-signer', 'state-csca', 'Test Master List Signer');
    ca('attacker-ca', 'Test State CSCA');
    signer('attacker-signer', 'attacker-ca', 'Test Master List Signer');
    writeFileSync(
      join(dir, 'list.der'),
      cscaMasterList([der('member-csca-a'), der('member-csca-b')]),
    );
    const sign = (out: string, signerName: string, extra: string[] = []) =>
      openssl(
        dir,
        'cms',
        '-sign',
        '-binary',
        '-nodetach',
        '-outform',
        'DER',
        '-econtent_type',
        '2.23.136.1.1.2',
        '-in',
        'list.der',
        '-signer',
        `${signerName}.pem`,
        '-inkey',
        `${signerName}.key`,
        '-out',
        out,
        ...extra,
      );
    sign('good.ml', 'ml-signer');
    // The attack: the genuine signer certificate first in the bag, the attacker's signing.
    sign('forged.ml', 'attacker-signer', ['-certfile', 'ml-signer.pem']);
  });

  it('accepts a list from the configured state, with its two CSCAs', async () => {
    const list = await readMasterList(new Uint8Array(readFileSync(join(dir, 'good.ml'))), [
      cert('state-csca'),
    ]);
    expect(list.certificates.map((c) => c.subject)).toEqual([
      cert('member-csca-a').subject,
      cert('member-csca-b').subject,
    ]);
  });

  it('refuses the attacker’s list that carries the genuine signer certificate beside its own', async () => {
    const forged = new Uint8Array(readFileSync(join(dir, 'forged.ml')));
    expect(await refusal(readMasterList(forged, [cert('state-csca')]))).toBe(
      'MASTER_LIST_UNTRUSTED_SIGNER',
    );
  });
});
