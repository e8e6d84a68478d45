import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPki } from '@kiosk/test-fixtures/card';
import { loadTrustStore } from './csca-store';

describe('the CSCA folder', () => {
  it('is parsed once while no file changes, and again when one is added, edited or removed', async () => {
    const pki = await testPki();
    const dir = mkdtempSync(join(tmpdir(), 'csca-'));
    writeFileSync(join(dir, 'a.pem'), pki.csca.toString('pem'));
    const first = await loadTrustStore(dir);
    expect(await loadTrustStore(dir)).toBe(first);

    writeFileSync(join(dir, 'b.pem'), pki.otherCsca.toString('pem'));
    const added = await loadTrustStore(dir);
    expect(added).not.toBe(first);
    expect(added.cscas).toHaveLength(2);

    // Rewritten: the modification time tells, whatever the size.
    writeFileSync(join(dir, 'b.pem'), pki.csca.toString('pem'));
    utimesSync(join(dir, 'b.pem'), new Date(), new Date(Date.now() + 5_000));
    expect(await loadTrustStore(dir)).not.toBe(added);

    rmSync(join(dir, 'a.pem'));
    expect((await loadTrustStore(dir)).cscas).toHaveLength(1);
  });
});
