/**
 * Issue 14, item 7: the demo printer writes every slip (with the applicant's name) to
 * `<dataDir>/printed/` in clear and never removed them. They now follow the receipts'
 * retention: removed at demo start when older than it, and by the hourly run after that, and
 * the folder is the kiosk user's only.
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { createLogger } from '../../src/core/log/logger';
import type { PurgeClock } from '../../src/core/privacy';
import { PrintedSlipPurge } from '../../src/demo/printed-slip-purge';
import { startDemo, type RunningDemo } from '../../src/demo/start-demo';

const DAY = 86_400_000;

/** Writes a slip file as the virtual printer does, dated `ageDays` before `now`. */
function slip(dir: string, name: string, now: number, ageDays: number): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ text: ['Người nộp: THỬ IN DEMO'] }));
  const at = new Date(now - ageDays * DAY);
  utimesSync(file, at, at);
  return name;
}

class HandClock implements PurgeClock {
  private ticks: (() => void)[] = [];
  constructor(public at: number) {}
  now(): Date {
    return new Date(this.at);
  }
  every(_ms: number, tick: () => void): () => void {
    this.ticks.push(tick);
    return () => (this.ticks = this.ticks.filter((t) => t !== tick));
  }
  hourPasses(): void {
    this.at += 3_600_000;
    for (const tick of this.ticks) tick();
  }
}

let demo: RunningDemo | undefined;
afterEach(async () => {
  await demo?.stop();
  demo = undefined;
});

describe('printed demo slips', () => {
  it('are removed at demo start once older than the retention, and the folder is 0700', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-demo-slips-'));
    const printed = join(dataDir, 'printed');
    mkdirSync(printed, { mode: 0o755 });
    const now = Date.now();
    slip(printed, 'receipt-0001.json', now, 45);
    slip(printed, 'receipt-0001.png', now, 45);
    const fresh = slip(printed, 'receipt-0002.json', now, 2);
    process.env.KIOSK_DEMO_CARD = 'in-process';
    try {
      demo = await startDemo(
        parseKioskConfig({ dataDir, port: 0, retentionDays: 30 }),
        createLogger(() => undefined),
        undefined,
      );
    } finally {
      delete process.env.KIOSK_DEMO_CARD;
    }
    expect(readdirSync(printed)).toEqual([fresh]);
    expect((statSync(printed).mode & 0o777).toString(8)).toBe('700');
  });

  it('follow the retention read at each hourly run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-slips-'));
    const clock = new HandClock(Date.parse('2026-03-10T02:00:00Z'));
    slip(dir, 'a.json', clock.at, 29.9);
    slip(dir, 'b.json', clock.at, 5);
    let retentionDays = 30;
    const purge = new PrintedSlipPurge({ dir, retentionDays: () => retentionDays, clock });
    expect(purge.start()).toEqual({ removed: 0 });
    clock.hourPasses();
    clock.hourPasses();
    clock.hourPasses();
    expect(readdirSync(dir)).toEqual(['b.json']);
    retentionDays = 3;
    clock.hourPasses();
    expect(readdirSync(dir)).toEqual([]);
    purge.stop();
  });
});
