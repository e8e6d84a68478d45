import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCardService, type CardService, type TransportEvent } from '@kiosk/id-card';
import type { VirtualCard, VirtualCardOptions } from '../card';

const PCSCD_SCRIPT = fileURLToPath(new URL('../../../scripts/services/pcscd.sh', import.meta.url));

/** pcscd with vpcd (idempotent: does nothing when it runs); `restart` stops it and starts anew. */
export function ensurePcscd(restart = false): void {
  execFileSync('bash', [PCSCD_SCRIPT, ...(restart ? ['restart'] : [])], { stdio: 'inherit' });
}

/** A card service with the timeouts the integration tests use. */
export function newCardService(): CardService {
  return createCardService({ timeoutMs: 10_000, retryMs: 200 });
}

/** A temporary CSCA folder holding the one test CSCA certificate. */
export function cscaFolder(pem: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-csca-'));
  writeFileSync(join(dir, 'vn-test-csca.pem'), pem);
  return dir;
}

/** The first matching PC/SC event; rejects after `ms` so no test hangs. */
export function nextEvent(
  cards: CardService,
  predicate: (e: TransportEvent) => boolean,
  ms = 15_000,
): Promise<TransportEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching PC/SC event within ${ms} ms`));
    }, ms);
    const off = cards.onEvent((e) => {
      if (predicate(e)) {
        clearTimeout(timer);
        off();
        resolve(e);
      }
    });
  });
}

/** Resolves once pcscd lists `reader` (at once when it already does). */
export async function waitForReader(cards: CardService, reader: string): Promise<void> {
  if (cards.readers().includes(reader)) return;
  await nextEvent(cards, (e) => e.type === 'reader-added' && e.reader === reader, 30_000);
}

/**
 * Places the virtual card (taking off the one on the reader first) and waits until pcscd reports
 * it. vpcd serves one card connection per port: while another test run holds the port the
 * insertion is not seen, so it is retried a few times before giving up.
 */
export async function placeCard(
  cards: CardService,
  card: VirtualCard,
  reader: string,
  citizen: number,
  options: Partial<VirtualCardOptions> = {},
): Promise<void> {
  if (card.isInserted) {
    const gone = nextEvent(cards, (e) => e.type === 'card-removed' && e.reader === reader);
    await card.remove();
    await gone;
  }
  for (let attempt = 1; ; attempt++) {
    const placed = nextEvent(cards, (e) => e.type === 'card-inserted' && e.reader === reader);
    try {
      await card.insert(citizen, options);
      await placed;
      return;
    } catch (error) {
      placed.catch(() => undefined);
      await card.remove();
      if (attempt >= 6) throw error;
    }
  }
}
