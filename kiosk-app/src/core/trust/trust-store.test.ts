import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPki } from '@kiosk/test-fixtures/card';
import { importTrust, summarizeTrustStore } from './trust-store';

const pem = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the trust store', () => {
  it('takes CA certificates once each, readable by all and writable by the owner only', async () => {
    const pki = await testPki();
    const dir = join(mkdtempSync(join(tmpdir(), 'trust-')), 'csca');
    const both = pem(`${pki.csca.toString('pem')}\n${pki.otherCsca.toString('pem')}`);
    const first = await importTrust([{ name: 'both.pem', bytes: both }], { dir });
    expect(first.added).toHaveLength(2);
    const again = await importTrust([{ name: 'der', bytes: new Uint8Array(pki.csca.rawData) }], {
      dir,
    });
    expect(again).toEqual({ added: [], unchanged: [first.added[0]], refused: [] });
    expect(readdirSync(dir).sort()).toEqual([...first.added].sort());
    for (const name of first.added) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o644);
    expect(await summarizeTrustStore(dir)).toMatchObject({ cscaCount: 2, expired: 0 });
    expect((await summarizeTrustStore(dir)).firstExpiry).toBe(
      [pki.csca.notAfter, pki.otherCsca.notAfter].sort((a, b) => +a - +b)[0]?.toISOString(),
    );
  });

  it('refuses a document signer (not a CA), garbage, and a master list without an anchor', async () => {
    const pki = await testPki();
    const dir = mkdtempSync(join(tmpdir(), 'trust-'));
    const result = await importTrust(
      [
        { name: 'ds.pem', bytes: pem(pki.documentSigner.toString('pem')) },
        { name: 'junk.bin', bytes: new Uint8Array([0x30, 0x80, 1, 2]) },
      ],
      { dir },
    );
    expect(result.added).toEqual([]);
    expect(result.refused.map((r) => r.source)).toEqual(['ds.pem', 'junk.bin']);
    expect(result.refused[0]?.reason).toContain('is not a CA');
    expect(result.refused[1]?.reason).toContain('--anchor');
    expect(await summarizeTrustStore(dir)).toEqual({ cscaCount: 0, expired: 0 });
  });

  it('reports an empty or missing store as zero CSCAs', async () => {
    expect(await summarizeTrustStore('/nonexistent/csca')).toEqual({ cscaCount: 0, expired: 0 });
  });
});
