import { describe, expect, it } from 'vitest';
import type { DeviceStatusEvent } from '@kiosk/device';
import { loadProfile } from '../profile/load-profile';
import type { PrinterStatus } from '../status/printer-status';
import { encodeAsb, encodeRealtime, type RealtimeKind } from '../status/status-bytes';
import { MemoryTransport } from '../transport/memory-transport';
import { ReceiptPrinter, chunkEnds } from './receipt-printer';

const READY: PrinterStatus = {
  online: true,
  paper: 'ok',
  coverOpen: false,
  cutterError: false,
  otherError: false,
  extra: [],
};

/** A MemoryTransport that answers DLE EOT n like an Epson printer in state `printer.state`. */
function fakePrinter(initial: PrinterStatus = READY) {
  const t = new MemoryTransport('memory:epson');
  const printer = { state: initial };
  t.respond = (bytes) => {
    const reply: number[] = [];
    for (let i = 0; i + 2 < bytes.length; i++) {
      if (bytes[i] === 0x10 && bytes[i + 1] === 0x04) {
        const n = bytes[i + 2];
        if (n === 1 || n === 2 || n === 3 || n === 4)
          reply.push(encodeRealtime(n as RealtimeKind, printer.state));
        if (n === 0x14)
          reply.push(
            0x10,
            0x0f,
            printer.state.paper === 'out' ? 1 : 0,
            printer.state.coverOpen ? 1 : 0,
            0,
            0,
          );
      }
    }
    return Uint8Array.from(reply);
  };
  return { t, printer };
}

const profile = loadProfile('epson-80mm-tcvn3');
const slip = new Uint8Array(5000).fill(0x41);

describe('ReceiptPrinter', () => {
  it('reads status and reports it as device events', async () => {
    const { t, printer } = fakePrinter({ ...READY, paper: 'near-end' });
    const p = new ReceiptPrinter(t, profile);
    const events: DeviceStatusEvent[] = [];
    p.onStatus((e) => events.push(e));
    expect(await p.status()).toMatchObject({ online: true, paper: 'near-end' });
    printer.state = { ...READY, coverOpen: true };
    expect(await p.status()).toMatchObject({ coverOpen: true });
    expect(events.map((e) => e.status)).toEqual(['online', 'paper-low', 'cover-open']);
  });

  it('refuses to print when paper is out or the cover is open, sending nothing', async () => {
    for (const [state, code] of [
      [{ ...READY, paper: 'out' as const }, 'PRINTER_PAPER_OUT'],
      [{ ...READY, coverOpen: true }, 'PRINTER_COVER_OPEN'],
      [{ ...READY, online: false }, 'PRINTER_OFFLINE'],
    ] as const) {
      const { t } = fakePrinter(state);
      const p = new ReceiptPrinter(t, profile);
      await expect(p.print(slip)).rejects.toMatchObject({ code });
      expect(t.written.some((w) => w.length > 100)).toBe(false);
    }
  });

  it('prints and confirms; a retry with the same job id is not printed twice', async () => {
    const { t } = fakePrinter();
    const p = new ReceiptPrinter(t, profile);
    const first = await p.print(slip, { jobId: 'G01-1' });
    expect(first.alreadyPrinted).toBe(false);
    const sent = t.written.reduce((n, w) => n + (w[0] === 0x41 ? w.length : 0), 0);
    expect(sent).toBe(slip.length);
    const again = await p.print(slip, { jobId: 'G01-1' });
    expect(again.alreadyPrinted).toBe(true);
    expect(t.written.reduce((n, w) => n + (w[0] === 0x41 ? w.length : 0), 0)).toBe(slip.length);
  });

  it('a link that drops after every byte was sent: the retry does not print the slip again', async () => {
    const { t } = fakePrinter();
    const p = new ReceiptPrinter(t, profile, { statusTimeoutMs: 50, chunkBytes: 1000 });
    await p.status();
    const respond = t.respond;
    t.respond = (bytes) => {
      if (bytes[0] === 0x41 && t.written.filter((w) => w[0] === 0x41).length === 5) {
        queueMicrotask(() => t.disconnect());
        return undefined;
      }
      return respond?.(bytes);
    };
    const first = await p.print(slip, { jobId: 'G01-2' }).catch((e: unknown) => e);
    expect(first).toMatchObject({ jobId: 'G01-2' });
    t.respond = respond;
    const retry = await p.print(slip, { jobId: 'G01-2' });
    expect(retry.alreadyPrinted).toBe(true);
    expect(t.written.filter((w) => w[0] === 0x41)).toHaveLength(5);
  });

  it('a link that drops mid-print: PRINTER_OFFLINE, and the retry sends the whole slip', async () => {
    const { t } = fakePrinter();
    const p = new ReceiptPrinter(t, profile, { chunkBytes: 1000 });
    const respond = t.respond;
    t.respond = (bytes) => {
      if (bytes[0] === 0x41 && t.written.filter((w) => w[0] === 0x41).length === 2) {
        t.disconnect();
        return undefined;
      }
      return respond?.(bytes);
    };
    await expect(p.print(slip, { jobId: 'G01-3' })).rejects.toMatchObject({
      code: 'PRINTER_OFFLINE',
    });
    t.respond = respond;
    const retry = await p.print(slip, { jobId: 'G01-3' });
    expect(retry.alreadyPrinted).toBe(false);
    expect(t.opens).toBe(2);
  });

  it('stops sending when ASB reports the cover opened mid-print', async () => {
    const { t, printer } = fakePrinter();
    const p = new ReceiptPrinter(t, profile, { chunkBytes: 1000 });
    let chunks = 0;
    const respond = t.respond;
    t.respond = (bytes) => {
      if (bytes[0] === 0x41 && ++chunks === 2) {
        printer.state = { ...READY, coverOpen: true, online: false };
        return Uint8Array.from(encodeAsb(printer.state));
      }
      return respond?.(bytes);
    };
    await expect(p.print(slip, { jobId: 'x' })).rejects.toMatchObject({
      code: 'PRINTER_COVER_OPEN',
    });
    expect(chunks).toBeLessThan(5);
    printer.state = READY;
    expect((await p.print(slip, { jobId: 'x' })).alreadyPrinted).toBe(false);
  });

  it('times out on a printer that does not answer and reports offline only after repeated misses', async () => {
    const t = new MemoryTransport();
    const p = new ReceiptPrinter(t, profile, { statusTimeoutMs: 20, missesBeforeOffline: 2 });
    const events: string[] = [];
    p.onStatus((e) => events.push(e.status));
    await expect(p.status()).rejects.toMatchObject({ code: 'PRINTER_TIMEOUT' });
    expect(events).toEqual(['offline']); // never seen online: offline at once
  });

  it('debounces a flapping link: one miss after being online is not an offline event', async () => {
    const { t, printer } = fakePrinter();
    const p = new ReceiptPrinter(t, profile, { statusTimeoutMs: 20, missesBeforeOffline: 2 });
    const events: string[] = [];
    p.onStatus((e) => events.push(e.status));
    await p.status();
    const respond = t.respond;
    t.respond = undefined;
    await expect(p.status()).rejects.toMatchObject({ code: 'PRINTER_TIMEOUT' });
    expect(events).toEqual(['online']);
    await expect(p.status()).rejects.toMatchObject({ code: 'PRINTER_TIMEOUT' });
    expect(events).toEqual(['online', 'offline']);
    t.respond = respond;
    printer.state = READY;
    await p.status();
    expect(events).toEqual(['online', 'offline', 'online']);
    expect(t.opens).toBeGreaterThan(1); // reconnected
  });

  it('reports connection refused as PRINTER_OFFLINE', async () => {
    const t = new MemoryTransport();
    const { DeviceError } = await import('@kiosk/device');
    t.openError = new DeviceError('PRINTER_OFFLINE', 'connection refused');
    const p = new ReceiptPrinter(t, profile);
    await expect(p.print(slip)).rejects.toMatchObject({ code: 'PRINTER_OFFLINE' });
  });

  it('ignores garbage on the status line', async () => {
    const { t } = fakePrinter();
    const p = new ReceiptPrinter(t, profile);
    const respond = t.respond;
    t.respond = (bytes) => {
      const reply = respond?.(bytes) ?? new Uint8Array();
      return Uint8Array.from([
        0xff,
        0x00,
        0x7f,
        ...reply.slice(0, 2),
        0x13,
        0x41,
        ...reply.slice(2),
      ]);
    };
    expect(await p.status()).toMatchObject({ online: true, paper: 'ok', coverOpen: false });
    expect(p.unexpectedBytes).toBeGreaterThan(0);
  });

  it('watch() polls and reports a paper change between prints, then stops', async () => {
    const { t, printer } = fakePrinter();
    const p = new ReceiptPrinter(t, profile);
    await p.status();
    const paperOut = new Promise<string>((resolve) => p.onStatus((e) => resolve(e.status)));
    printer.state = { ...READY, paper: 'out' };
    const stop = p.watch(5);
    expect(await paperOut).toBe('paper-out');
    stop();
    const polls = t.written.length;
    await p.status();
    expect(t.written.length).toBe(polls + 1);
  });

  it('reads the Custom extra status named by the profile', async () => {
    const { t } = fakePrinter({ ...READY, paper: 'out' });
    const p = new ReceiptPrinter(t, loadProfile('custom-kiosk-80mm'));
    expect(await p.status()).toMatchObject({ paper: 'out' });
    expect(t.allWritten.join(',')).toContain([0x10, 0x04, 0x14].join(','));
  });
});

describe('chunkEnds', () => {
  it('splits at fixed sizes without boundaries', () => {
    expect(chunkEnds(10, 4)).toEqual([4, 8, 10]);
    expect(chunkEnds(0, 4)).toEqual([]);
  });

  it('splits only at command boundaries, keeping oversized commands whole', () => {
    expect(chunkEnds(20, 6, [3, 5, 12, 14, 20])).toEqual([5, 12, 14, 20]);
  });

  it('always ends at the job length and only at boundaries (property)', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 499 }), { minLength: 1 }),
        fc.integer({ min: 1, max: 100 }),
        (bs, size) => {
          const boundaries = [...bs].sort((a, b) => a - b);
          const ends = chunkEnds(500, size, boundaries);
          expect(ends.at(-1)).toBe(500);
          for (const e of ends) expect(e === 500 || boundaries.includes(e)).toBe(true);
          expect([...ends].sort((a, b) => a - b)).toEqual(ends);
        },
      ),
    );
  });
});
