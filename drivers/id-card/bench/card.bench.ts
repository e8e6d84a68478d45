import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// Benchmarks drive the virtual card like tests do (eslint.config.js exempts test/, not bench/).

import { startVirtualCard, ISO14443_424K, type VirtualCard } from '@kiosk/test-fixtures/card';
import type { BenchModule } from '../../../scripts/bench';
import { median, round } from '../../../scripts/stats';
import {
  accessKeyFromMrz,
  createCardService,
  SHORT_READ_SIZE,
  type CardService,
  type ReadResult,
} from '../src/index';

/**
 * Chip reads through the real stack (pcscd + vpcd + the virtual card at ISO 14443 424 kbit/s):
 * APDUs, bytes and time for DG1+DG13+SOD and with the 15 KB face (DG2), BAC and PACE, with
 * our largest-block reads and with JMRTD's default 223-byte reads as the baseline.
 */
const READER = 'Virtual PCD 00 00';
const RUNS = 5;

function ensurePcscd(): void {
  execFileSync(fileURLToPath(new URL('../../../scripts/services/pcscd.sh', import.meta.url)), {
    stdio: 'inherit',
  });
}

function waitFor(
  service: CardService,
  type: 'card-inserted' | 'card-removed' | 'reader-added',
  check: () => boolean,
): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event`)), 15_000);
    const off = service.onEvent((e) => {
      if (e.type === type && 'reader' in e && e.reader === READER) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}

interface Scenario {
  readonly protocol: 'PACE' | 'BAC';
  readonly dataGroups: number[];
  readonly maxReadSize?: number;
}

async function measure(
  service: CardService,
  card: VirtualCard,
  s: Scenario,
): Promise<Record<string, number>> {
  const results: ReadResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    results.push(
      await service.read(READER, {
        keys: [accessKeyFromMrz(card.mrz.join(''))],
        dataGroups: s.dataGroups,
        protocol: s.protocol === 'BAC' ? 'bac' : 'pace',
        maxReadSize: s.maxReadSize,
        verify: { csca: [] },
      }),
    );
  }
  const m = (f: (r: ReadResult) => number): number => round(median(results.map(f)));
  return {
    apdus: m((r) => r.stats.apdus),
    bytes: m((r) => r.stats.bytes),
    ms: m((r) => r.stats.totalMs),
    msAccess: m((r) => r.stats.msByStep.access ?? 0),
    msToIdentity: m((r) => r.stats.msToIdentity ?? Number.NaN),
  };
}

const bench: BenchModule = {
  name: 'id-card',
  async run() {
    ensurePcscd();
    const service = createCardService({ timeoutMs: 10_000 });
    await waitFor(service, 'reader-added', () => service.readers().includes(READER));
    const card = await startVirtualCard({
      port: 35963,
      citizen: 42,
      inserted: false,
      link: ISO14443_424K,
    });
    const report: Record<string, unknown> = {
      setup: `pcscd + vpcd + virtual CCCD, link ${ISO14443_424K.bitsPerSecond / 1000} kbit/s + ${ISO14443_424K.latencyMs} ms/APDU, median of ${RUNS} reads, DG2 = 15 000-byte JPEG`,
    };
    try {
      for (const protocol of ['PACE', 'BAC'] as const) {
        if (card.isInserted) {
          const gone = waitFor(service, 'card-removed', () => false);
          await card.remove();
          await gone;
        }
        const placed = waitFor(service, 'card-inserted', () => false);
        await card.insert(42, { pace: protocol === 'PACE' ? undefined : false });
        await placed;
        // Warm-up read: JIT and curve tables, not part of the figures.
        await service.read(READER, {
          keys: [accessKeyFromMrz(card.mrz.join(''))],
          dataGroups: [1],
          verify: false,
        });
        for (const [label, dataGroups] of [
          ['DG1+DG13+SOD', [1, 13]],
          ['DG1+DG13+SOD+DG2', [1, 13, 2]],
        ] as const) {
          const ours = await measure(service, card, { protocol, dataGroups: [...dataGroups] });
          const baseline = await measure(service, card, {
            protocol,
            dataGroups: [...dataGroups],
            maxReadSize: SHORT_READ_SIZE,
          });
          report[`${protocol} ${label}`] = {
            largestBlock: ours,
            jmrtd223: baseline,
            ratio: {
              apdus: round((baseline.apdus ?? 0) / (ours.apdus ?? 1), 2),
              bytes: round((baseline.bytes ?? 0) / (ours.bytes ?? 1), 2),
              time: round((baseline.ms ?? 0) / (ours.ms ?? 1), 2),
            },
          };
        }
      }
    } finally {
      await card.close();
      await service.close();
    }
    return report;
  },
};

export default bench;
