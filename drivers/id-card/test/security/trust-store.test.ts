import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIdCardError, loadTrustStore } from '../../src/index';

/** The CSCA folder is outside input too: whatever a file holds, loading gives a store or TRUST_STORE_INVALID. */
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trust-store-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadTrustStore on arbitrary files', () => {
  it('loads or refuses with TRUST_STORE_INVALID naming the file, never anything else', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('csca.pem', 'csca.der', 'list.crl', 'list.CRL', 'notes.txt'),
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc
            .string({ maxLength: 200 })
            .map((s) => Buffer.from(`-----BEGIN X509 CRL-----\n${s}\n-----END X509 CRL-----\n`)),
          fc
            .string({ maxLength: 200 })
            .map((s) =>
              Buffer.from(`-----BEGIN CERTIFICATE-----\n${s}\n-----END CERTIFICATE-----\n`),
            ),
        ),
        async (name, bytes) => {
          const folder = join(dir, `run-${run++}`);
          rmSync(folder, { recursive: true, force: true });
          mkdirSync(folder);
          writeFileSync(join(folder, name), bytes);
          const outcome = await loadTrustStore(folder).then(
            (store) => store,
            (e: unknown) => e,
          );
          if (isIdCardError(outcome)) {
            expect(outcome.code).toBe('TRUST_STORE_INVALID');
            expect(outcome.message).toContain(name);
          } else {
            expect(outcome).toEqual({ cscas: expect.any(Array), crls: expect.any(Array) });
            // A file that is neither certificate nor CRL by name is not read at all.
            if (name === 'notes.txt') expect(outcome).toEqual({ cscas: [], crls: [] });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
