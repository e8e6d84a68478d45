import { describe, expect, it } from 'vitest';
import type { DeviceStatusEvent } from '@kiosk/device';
import { loadProfile } from '../profile/load-profile';
import type { PrinterStatus } from '../status/printer-status';
import { encodeProcessIdResponse, processIdOf } from '../status/process-id';
import { encodeAsb, encodeRealtime, type RealtimeKind } from '../status/status-bytes';
import { MemoryTransport } from '../transport/memory-transport';
import { chunkEnds } from './chunk-ends';
import { ReceiptPrinter } from './receipt-printer';

const READY: PrinterStatus = {
  online: true,
  paper: 'ok',
  coverOpen: false,
  cutterError: false,
  otherError: false,
  extra: [],
};

/**
 * A MemoryTransport that answers DLE EOT n like an Epson printer in state `printer.state`, and
 * `GS ( H` fn 48 with the process ID response while `printer.reportsPrinted`.
 */
function fakePrinter(initial: PrinterStatus = READY) {
  const t = new MemoryTransport('memory:epson');
  const printer = { state: initial, reportsPrinted: true };
  t.respond = (bytes) => {
    const reply: number[] = [];
    const gsH = [0x1d, 0x28, 0x48, 6, 0, 48, 48];
    if (printer.reportsPrinted && gsH.every((b, i) => bytes[i] === b))
      reply.push(...encodeProcessIdResponse(String.fromCharCode(...bytes.slice(7, 11))));
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

  /** Drops the link right after the n-th write of slip bytes (0x41), before any answer. */
  function dropAfterSlipWrite(t: MemoryTransport, n: number): () => void {
    const respond = t.respond;
    t.respond = (bytes) => {
      if (bytes[0] === 0x41 && t.written.filter((w) => w[0] === 0x41).length === n) {
        queueMicrotask(() => t.disconnect());
        return undefined;
      }
      return respond?.(bytes);
    };
    return () => (t.respond = respond);
  }
  const slipWrites = (t: MemoryTransport) => t.written.filter((w) => w[0] === 0x41).length;

  it('a link that drops after every byte was sent: not printed (PRINTER_LINK_LOST), never "printed"', async () => {
    const { t } = fakePrinter();
    const p = new ReceiptPrinter(t, profile, { chunkBytes: 1000 });
    dropAfterSlipWrite(t, 5);
    await expect(p.print(slip, { jobId: 'G01-2' })).rejects.toMatchObject({
      code: 'PRINTER_LINK_LOST',
    });
    expect(p.state).toBe('error');
  });

  it('process ID: the printer reports the lost job printed when the link is back, so the retry sends nothing', async () => {
    const { t, printer } = fakePrinter();
    const p = new ReceiptPrinter(t, profile, { chunkBytes: 1000 });
    // The printer got everything, printed it, and the answer was lost with the link.
    printer.reportsPrinted = false;
    const restore = dropAfterSlipWrite(t, 5);
    const respond = t.respond;
    t.respond = (bytes) => (bytes[0] === 0x1d && bytes[1] === 0x28 ? undefined : respond?.(bytes));
    const lost = p.print(slip, { jobId: 'G01-6' });
    await expect(lost).rejects.toMatchObject({ code: 'PRINTER_LINK_LOST' });
    restore();
    printer.reportsPrinted = true;
    // On the next connection the printer sends the response it could not send.
    const openBefore = t.opens;
    const original = t.open.bind(t);
    t.open = async () => {
      await original();
      if (t.opens === openBefore + 1) t.emitData(encodeProcessIdResponse(processIdOf('G01-6')));
    };
    const retry = await p.print(slip, { jobId: 'G01-6' });
    expect(retry).toMatchObject({ alreadyPrinted: true, confirmedBy: 'process-id' });
    expect(slipWrites(t)).toBe(5);
  });

  it('without a process ID the retry of an unconfirmed job prints it again, after a cut-off', async () => {
    const custom = loadProfile('custom-kiosk-80mm');
    const { t } = fakePrinter();
    const p = new ReceiptPrinter(t, custom, { chunkBytes: 1000 });
    const restore = dropAfterSlipWrite(t, 5);
    await expect(p.print(slip, { jobId: 'G01-7' })).rejects.toMatchObject({
      code: 'PRINTER_LINK_LOST',
    });
    restore();
    const retry = await p.print(slip, { jobId: 'G01-7' });
    expect(retry).toMatchObject({ alreadyPrinted: false, confirmedBy: 'status' });
    expect(slipWrites(t)).toBe(10);
    // ESC @, feed, full cut: whatever came out of the first attempt is separated from the retry
    expect(t.allWritten.join(',')).toContain(
      [0x1b, 0x40, 0x1b, 0x4a, 120, 0x1d, 0x56, 0].join(','),
    );
  });

  it('a link that drops mid-print: PRINTER_LINK_LOST, and the retry sends the whole slip', async () => {
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
      code: 'PRINTER_LINK_LOST',
    });
    t.respond = respond;
    const retry = await p.print(slip, { jobId: 'G01-3' });
    expect(retry.alreadyPrinted).toBe(false);
    expect(t.opens).toBe(2);
  });

  it('a printer that takes the slip but never reports it printed: PRINTER_NOT_CONFIRMED', async () => {
    const { t, printer } = fakePrinter();
    printer.reportsPrinted = false;
    const p = new ReceiptPrinter(t, profile, { confirmTimeoutMs: 20 });
    await expect(p.print(slip, { jobId: 'G01-8' })).rejects.toMatchObject({
      code: 'PRINTER_NOT_CONFIRMED',
    });
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
