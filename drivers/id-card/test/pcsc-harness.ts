import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCardService, type CardService, type TransportEvent } from '../src/index';

const PCSCD_SCRIPT = fileURLToPath(new URL('../../../scripts/services/pcscd.sh', import.meta.url));

/** Makes sure pcscd runs with vpcd (idempotent); `restart` stops it and starts a fresh one. */
export function ensurePcscd(restart = false): void {
  execFileSync(PCSCD_SCRIPT, restart ? ['restart'] : [], { stdio: 'inherit' });
}

export function cscaFolder(pem: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-csca-'));
  writeFileSync(join(dir, 'vn-test-csca.pem'), pem);
  return dir;
}

/** Resolves with the first event matching `predicate` (rejects after `ms`, so no test hangs). */
export function nextEvent(
  service: CardService,
  predicate: (e: TransportEvent) => boolean,
  ms = 15_000,
): Promise<TransportEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching PC/SC event within ${ms} ms`));
    }, ms);
    const off = service.onEvent((e) => {
      if (predicate(e)) {
        clearTimeout(timer);
        off();
        resolve(e);
      }
    });
  });
}

export async function waitForReader(service: CardService, reader: string): Promise<void> {
  if (service.readers().includes(reader)) return;
  await nextEvent(service, (e) => e.type === 'reader-added' && e.reader === reader);
}

export function newService(): CardService {
  return createCardService({ timeoutMs: 10_000, retryMs: 200 });
}
