import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A throw-away PKI and EF.SOD builder driven through the `openssl` CLI, so the attack tests
 * build their forgeries with a tool independent of our own ASN.1/CMS code. Everything lives in
 * one temporary folder; keys are ECDSA P-256 and never leave it.
 */

export function openssl(cwd: string, args: readonly string[]): string {
  return execFileSync('openssl', args, { cwd, encoding: 'latin1', stdio: 'pipe' });
}

/** A certificate made by openssl: `pem` and `key` are file names inside the work folder. */
export interface IssuedCertificate {
  readonly pem: string;
  readonly key: string;
}

export interface IssueOptions {
  /** `/C=VN/O=.../CN=...` */
  readonly subject: string;
  /** openssl ca dates, `YYYYMMDDHHMMSSZ`; default: from yesterday, for `days`. */
  readonly startDate?: string;
  readonly endDate?: string;
  readonly days?: number;
  /** Section of the config with the extensions: `ext_ca`, `ext_ds`, `ext_plain`. */
  readonly extensions?: 'ext_ca' | 'ext_ds' | 'ext_ds_no_key_usage' | 'ext_ds_key_cert_sign';
  /** For a new CA: the first serial number it gives out (hex), `0A` unless told. */
  readonly firstSerial?: string;
}

const EXTENSIONS = `
[ext_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ext_ds]
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ext_ds_no_key_usage]
subjectKeyIdentifier = hash
[ext_ds_key_cert_sign]
keyUsage = critical,keyCertSign
subjectKeyIdentifier = hash
`;

/** One certification authority with its own `openssl ca` database (serials, revocations). */
export class OpensslCa {
  private readonly config: string;

  private constructor(
    private readonly work: string,
    readonly name: string,
    readonly certificate: IssuedCertificate,
  ) {
    this.config = join(name, 'ca.cnf');
  }

  /** A self-signed CA (the genuine CSCA, or an attacker's look-alike with the same name). */
  static create(work: string, name: string, options: IssueOptions): OpensslCa {
    const dir = join(work, name);
    mkdirSync(join(dir, 'new'), { recursive: true });
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), `${options.firstSerial ?? '0A'}\n`);
    writeFileSync(join(dir, 'crlnumber'), '01\n');
    writeFileSync(
      join(dir, 'ca.cnf'),
      `[ca]
default_ca = ca_here
[ca_here]
dir = ${dir}
database = $dir/index.txt
new_certs_dir = $dir/new
serial = $dir/serial
crlnumber = $dir/crlnumber
default_md = sha256
default_crl_days = 30
policy = policy_any
unique_subject = no
copy_extensions = none
[policy_any]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[req]
distinguished_name = dn
[dn]
${EXTENSIONS}`,
    );
    const key = join(name, 'ca.key');
    const csr = join(name, 'ca.csr');
    newKeyAndRequest(work, key, csr, options.subject, join(name, 'ca.cnf'));
    const pem = join(name, 'ca.pem');
    const ca = new OpensslCa(work, name, { pem, key });
    ca.sign(csr, pem, { ...options, extensions: options.extensions ?? 'ext_ca' }, true);
    return ca;
  }

  /** Issues a certificate for a new key under this CA. */
  issue(file: string, options: IssueOptions): IssuedCertificate {
    const key = `${file}.key`;
    const csr = `${file}.csr`;
    newKeyAndRequest(this.work, key, csr, options.subject, this.config);
    const pem = `${file}.pem`;
    this.sign(csr, pem, options, false);
    return { pem, key };
  }

  revoke(certificate: IssuedCertificate): void {
    openssl(this.work, [
      'ca',
      '-batch',
      '-config',
      this.config,
      '-cert',
      this.certificate.pem,
      '-keyfile',
      this.certificate.key,
      '-revoke',
      certificate.pem,
    ]);
  }

  /** A CRL of this CA's revocations, DER, written to `file`. */
  crl(file: string): void {
    const pem = `${file}.pem`;
    openssl(this.work, [
      'ca',
      '-batch',
      '-config',
      this.config,
      '-cert',
      this.certificate.pem,
      '-keyfile',
      this.certificate.key,
      '-gencrl',
      '-out',
      pem,
    ]);
    openssl(this.work, ['crl', '-in', pem, '-outform', 'DER', '-out', file]);
  }

  private sign(csr: string, pem: string, options: IssueOptions, selfSign: boolean): void {
    const dates =
      options.startDate && options.endDate
        ? ['-startdate', options.startDate, '-enddate', options.endDate]
        : ['-startdate', yesterday(), '-days', String(options.days ?? 365)];
    openssl(this.work, [
      'ca',
      '-batch',
      '-notext',
      '-config',
      this.config,
      ...(selfSign ? ['-selfsign'] : ['-cert', this.certificate.pem]),
      '-keyfile',
      this.certificate.key,
      '-in',
      csr,
      '-out',
      pem,
      '-extensions',
      options.extensions ?? 'ext_ds',
      '-subj',
      options.subject,
      ...dates,
    ]);
  }
}

function newKeyAndRequest(
  work: string,
  key: string,
  csr: string,
  subject: string,
  config: string,
): void {
  openssl(work, [
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-config',
    config,
    '-keyout',
    key,
    '-out',
    csr,
    '-subj',
    subject,
  ]);
}

/** `openssl ca` date form, YYYYMMDDHHMMSSZ. */
export function opensslDate(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;
}

function yesterday(): string {
  return opensslDate(new Date(Date.now() - 86_400_000));
}

/** A self-signed certificate made with `openssl req -x509` (no CA database). */
export function selfSigned(work: string, file: string, subject: string): IssuedCertificate {
  const key = `${file}.key`;
  const pem = `${file}.pem`;
  writeFileSync(join(work, `${file}.cnf`), `[req]\ndistinguished_name = dn\n[dn]\n${EXTENSIONS}`);
  openssl(work, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-config',
    `${file}.cnf`,
    '-extensions',
    'ext_ds',
    '-keyout',
    key,
    '-out',
    pem,
    '-subj',
    subject,
    '-days',
    '365',
  ]);
  return { pem, key };
}

/**
 * LDSSecurityObject (ICAO 9303-10 §4.6.2.2), SHA-256, with `hashes` (hex by data group),
 * built by `openssl asn1parse -genconf`; returns the DER file name.
 */
export function ldsSecurityObject(
  work: string,
  file: string,
  hashes: ReadonlyMap<number, string>,
): string {
  const groups = [...hashes.keys()];
  const lines = [
    'asn1=SEQUENCE:lso',
    '[lso]',
    'version=INTEGER:0',
    'algorithm=SEQUENCE:algorithm',
    'hashes=SEQUENCE:hashes',
    '[algorithm]',
    'oid=OID:sha256',
    '[hashes]',
    ...groups.map((dg) => `dg${dg}=SEQUENCE:dg${dg}`),
    ...groups.flatMap((dg) => [
      `[dg${dg}]`,
      `number=INTEGER:${dg}`,
      `hash=FORMAT:HEX,OCTETSTRING:${hashes.get(dg) ?? ''}`,
    ]),
  ];
  writeFileSync(join(work, `${file}.cnf`), `${lines.join('\n')}\n`);
  const der = `${file}.der`;
  openssl(work, ['asn1parse', '-genconf', `${file}.cnf`, '-out', der, '-noout']);
  return der;
}

export interface SignOptions {
  /** The certificate (and key) that signs; the SignerInfo names it. */
  readonly signer: IssuedCertificate;
  /** Certificates placed in SignedData.certificates, in this order of preference. */
  readonly certificates: readonly IssuedCertificate[];
  /** Name the signer by subjectKeyIdentifier instead of issuerAndSerialNumber. */
  readonly bySubjectKeyIdentifier?: boolean;
}

/**
 * EF.SOD: `openssl cms -sign` over the LDSSecurityObject (eContentType id-icao-ldsSecurityObject),
 * with only the listed certificates embedded (`-nocerts` + `-certfile`), wrapped in the ICAO
 * application tag 0x77 (Part 10 §4.6.2).
 */
export function signSod(
  work: string,
  file: string,
  content: string,
  options: SignOptions,
): Uint8Array {
  const bundle = `${file}.certs.pem`;
  writeFileSync(
    join(work, bundle),
    options.certificates.map((c) => readFileSync(join(work, c.pem), 'latin1')).join(''),
  );
  const cms = `${file}.cms`;
  openssl(work, [
    'cms',
    '-sign',
    '-binary',
    '-nodetach',
    '-nosmimecap',
    '-md',
    'sha256',
    '-econtent_type',
    '2.23.136.1.1.1',
    '-in',
    content,
    '-signer',
    options.signer.pem,
    '-inkey',
    options.signer.key,
    '-nocerts',
    ...(options.certificates.length > 0 ? ['-certfile', bundle] : []),
    ...(options.bySubjectKeyIdentifier ? ['-keyid'] : []),
    '-outform',
    'DER',
    '-out',
    cms,
  ]);
  return wrapEfSod(new Uint8Array(readFileSync(join(work, cms))));
}

/** 77 L ContentInfo, with a DER length. */
export function wrapEfSod(contentInfo: Uint8Array): Uint8Array {
  const n = contentInfo.length;
  const length =
    n < 0x80
      ? [n]
      : n < 0x100
        ? [0x81, n]
        : n < 0x10000
          ? [0x82, n >> 8, n & 0xff]
          : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Uint8Array.of(0x77, ...length, ...contentInfo);
}

/** Subject DN of each certificate in SignedData.certificates, in encoded order, via openssl. */
export function embeddedCertificateSubjects(work: string, file: string): string[] {
  const printed = openssl(work, [
    'cms',
    '-cmsout',
    '-print',
    '-inform',
    'DER',
    '-in',
    `${file}.cms`,
  ]);
  const certificates = printed.split('certificates:')[1] ?? '';
  return [...certificates.matchAll(/subject: (.+)/g)].map((m) => (m[1] ?? '').trim());
}
