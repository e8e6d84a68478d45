import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { X509Certificate } from '@kiosk/id-card';
import {
  MasterListError,
  isCertificateAuthority,
  loadTrustStore,
  parseCertificates,
  readMasterList,
} from '@kiosk/id-card';

/** One file handed to `kiosk trust import`: CSCA certificates (PEM/DER) or an ICAO master list. */
export interface TrustSource {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface TrustImportOptions {
  /** The trust store folder: `<configuration root>/csca` on an installed kiosk. */
  readonly dir: string;
  /** The out-of-band anchors a master list's signer must chain to; none: lists are refused. */
  readonly masterListAnchors?: readonly X509Certificate[];
  readonly now?: Date;
}

export interface TrustImportResult {
  /** Certificates written (their file names in the store). */
  readonly added: readonly string[];
  /** Certificates already in the store. */
  readonly unchanged: readonly string[];
  /** What was refused and why, per source file. */
  readonly refused: readonly { readonly source: string; readonly reason: string }[];
}

export interface TrustStoreSummary {
  readonly cscaCount: number;
  /** The earliest notAfter among the trusted CSCAs. */
  readonly firstExpiry?: string;
  readonly expired: number;
}

/** The store's file name for a certificate: its SHA-256 fingerprint, so a re-import is a no-op. */
export function trustFileName(certificate: X509Certificate): string {
  return `${createHash('sha256').update(Buffer.from(certificate.rawData)).digest('hex')}.pem`;
}

/** Written beside, then renamed: a reader never sees half a certificate. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, text, { mode: 0o644 });
  chmodSync(temporary, 0o644);
  renameSync(temporary, path);
}

async function certificatesOf(
  source: TrustSource,
  options: TrustImportOptions,
): Promise<X509Certificate[]> {
  try {
    return parseCertificates(source.bytes);
  } catch {
    // Not a certificate: a master list (CMS SignedData) or nothing we know.
  }
  const anchors = options.masterListAnchors ?? [];
  if (anchors.length === 0)
    throw new Error(
      'not a certificate; a master list needs the anchor its signer chains to (--anchor FILE)',
    );
  const list = await readMasterList(source.bytes, anchors);
  return [...list.certificates];
}

/**
 * Adds CSCA certificates to the trust store, from certificate files or from ICAO master lists
 * verified against out-of-band anchors (Doc 9303 Part 12). Only CA certificates are taken; each
 * is stored once, under its fingerprint, readable by all and writable by the owner (root on an
 * installed kiosk, where the store sits under the root-owned configuration root).
 */
export async function importTrust(
  sources: readonly TrustSource[],
  options: TrustImportOptions,
): Promise<TrustImportResult> {
  mkdirSync(options.dir, { recursive: true, mode: 0o755 });
  const existing = new Set(readdirSync(options.dir));
  const added: string[] = [];
  const unchanged: string[] = [];
  const refused: { source: string; reason: string }[] = [];
  for (const source of sources) {
    let certificates: X509Certificate[];
    try {
      certificates = await certificatesOf(source, options);
    } catch (error) {
      const reason =
        error instanceof MasterListError || error instanceof Error ? error.message : String(error);
      refused.push({ source: source.name, reason });
      continue;
    }
    for (const certificate of certificates) {
      if (!isCertificateAuthority(certificate)) {
        refused.push({ source: source.name, reason: `${certificate.subject} is not a CA` });
        continue;
      }
      const name = trustFileName(certificate);
      if (existing.has(name)) {
        unchanged.push(name);
        continue;
      }
      writeAtomically(join(options.dir, name), certificate.toString('pem'));
      existing.add(name);
      added.push(name);
    }
  }
  return { added, unchanged, refused };
}

/**
 * How many CSCAs the store trusts and when the first of them expires (health report, metrics),
 * read through the same loader passive authentication uses. A store it cannot read trusts
 * nothing, and is reported so.
 */
export async function summarizeTrustStore(
  dir: string,
  now: Date = new Date(),
): Promise<TrustStoreSummary> {
  let cscas: readonly X509Certificate[];
  try {
    ({ cscas } = await loadTrustStore(dir));
  } catch {
    return { cscaCount: 0, expired: 0 };
  }
  const valid = cscas.filter((c) => c.notAfter >= now);
  const first = valid.reduce<Date | undefined>(
    (earliest, c) => (earliest === undefined || c.notAfter < earliest ? c.notAfter : earliest),
    undefined,
  );
  return {
    cscaCount: valid.length,
    expired: cscas.length - valid.length,
    ...(first ? { firstExpiry: first.toISOString() } : {}),
  };
}
