import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { X509Certificate, type X509Crl } from '@peculiar/x509';
import { IdCardError } from '../errors';
import { parseCrl, pemCrlBlocks } from './crl';

/** What passive authentication trusts: CSCA certificates and the CRLs their CSCAs signed. */
export interface TrustStore {
  readonly cscas: readonly X509Certificate[];
  readonly crls: readonly X509Crl[];
}

const CERTIFICATE_FILE = /\.(pem|crt|cer|der)$/i;
const CRL_FILE = /\.crl$/i;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function unreadable(name: string, detail: string, cause?: unknown): IdCardError {
  return new IdCardError('TRUST_STORE_INVALID', `CSCA folder: ${name}: ${detail}`, { cause });
}

function certificate(name: string, raw: string | Uint8Array): X509Certificate {
  try {
    return new X509Certificate(typeof raw === 'string' ? raw : new Uint8Array(raw));
  } catch (e) {
    throw unreadable(name, 'not an X.509 certificate', e);
  }
}

function crl(name: string, raw: string | Uint8Array): X509Crl {
  const parsed = parseCrl(raw);
  if (!parsed.ok) throw unreadable(name, `not a CRL (${parsed.detail})`);
  return parsed.crl;
}

/**
 * The CSCA folder: every `.pem`, `.crt`, `.cer` or `.der` file holds certificates (a PEM file
 * may hold several, and CRLs too); every `.crl` file is a CRL, DER or PEM (ICAO 9303-12 §7.1).
 * A missing folder is an empty store. A file that does not parse is `TRUST_STORE_INVALID`:
 * silently skipping it could drop a revocation.
 */
export async function loadTrustStore(dir: string): Promise<TrustStore> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => CERTIFICATE_FILE.test(n) || CRL_FILE.test(n));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { cscas: [], crls: [] };
    throw unreadable(dir, 'the folder cannot be read', e);
  }
  names.sort();
  // A chip read, a health report and a metrics sample each ask; the ICAO master list alone is
  // 500+ certificates, so the folder is parsed again only when one of its files changed.
  const fingerprint = await folderFingerprint(dir, names);
  const cached = parsedFolders.get(dir);
  if (cached?.fingerprint === fingerprint) return cached.store;
  const store = await parseTrustFiles(dir, names);
  parsedFolders.set(dir, { fingerprint, store });
  return store;
}

const parsedFolders = new Map<string, { fingerprint: string; store: TrustStore }>();

/** Names, sizes and modification times: what changes when a file is added, removed or edited. */
async function folderFingerprint(dir: string, names: readonly string[]): Promise<string> {
  const parts = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(dir, name)).catch((e: unknown) => {
        throw unreadable(name, 'the file cannot be read', e);
      });
      return `${name}:${info.size}:${info.mtimeMs}`;
    }),
  );
  return parts.join('|');
}

async function parseTrustFiles(dir: string, names: readonly string[]): Promise<TrustStore> {
  const cscas: X509Certificate[] = [];
  const crls: X509Crl[] = [];
  for (const name of names) {
    const raw = await readFile(join(dir, name));
    const text = raw.toString('latin1');
    const pem = text.includes('-----BEGIN ');
    if (CRL_FILE.test(name)) {
      const blocks = pem ? pemCrlBlocks(text) : [new Uint8Array(raw)];
      // A CRL file that yields no CRL would revoke nothing without a word.
      if (blocks.length === 0) throw unreadable(name, 'not a CRL (no X509 CRL PEM block)');
      for (const block of blocks) crls.push(crl(name, block));
      continue;
    }
    if (!pem) {
      cscas.push(certificate(name, new Uint8Array(raw)));
      continue;
    }
    for (const block of text.match(PEM_CERTIFICATE) ?? []) cscas.push(certificate(name, block));
    for (const block of pemCrlBlocks(text)) crls.push(crl(name, block));
  }
  return { cscas, crls };
}

/** Country signing CA certificates of a folder (see `loadTrustStore`). */
export async function loadCscaFolder(dir: string): Promise<X509Certificate[]> {
  return [...(await loadTrustStore(dir)).cscas];
}
