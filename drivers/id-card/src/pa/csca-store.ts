import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { X509Certificate } from '@peculiar/x509';

/**
 * Country signing CA certificates the kiosk trusts: every `.pem`, `.crt`, `.cer` or `.der`
 * file of a folder (a PEM file may hold several). An ICAO master list would be unpacked into
 * such a folder by the installer.
 */
export async function loadCscaFolder(dir: string): Promise<X509Certificate[]> {
  const out: X509Certificate[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (!/\.(pem|crt|cer|der)$/i.test(name)) continue;
    const raw = await readFile(join(dir, name));
    const text = raw.toString('latin1');
    if (text.includes('-----BEGIN CERTIFICATE-----')) {
      for (const block of text.match(
        /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
      ) ?? []) {
        out.push(new X509Certificate(block));
      }
    } else {
      out.push(new X509Certificate(new Uint8Array(raw)));
    }
  }
  return out;
}
