import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PrinterStatus } from './printer-status';
import {
  encodeProcessIdResponse,
  isProcessIdByte,
  processIdOf,
  processIdRequest,
} from './process-id';
import { encodeAsb, encodeRealtime, type RealtimeKind } from './status-bytes';
import { StatusReader, type StatusEvent } from './status-reader';

const statusArb: fc.Arbitrary<PrinterStatus> = fc.record({
  online: fc.boolean(),
  paper: fc.constantFrom('ok' as const, 'near-end' as const, 'out' as const),
  coverOpen: fc.boolean(),
  cutterError: fc.boolean(),
  otherError: fc.boolean(),
  extra: fc.constant([]),
});
const idArb = fc
  .array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: 4, maxLength: 4 })
  .map((codes) => String.fromCharCode(...codes));

function splitInto(bytes: number[], cuts: number[]): number[][] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: number[][] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.slice(from, p));
    from = p;
  }
  out.push(bytes.slice(from));
  return out;
}

describe('process ID (GS ( H fn 48)', () => {
  it('builds the request and the response of the Epson reference', () => {
    expect([...processIdRequest('0001')]).toEqual([
      0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, 0x30, 0x30, 0x30, 0x31,
    ]);
    expect([...encodeProcessIdResponse('0001')]).toEqual([
      0x37, 0x22, 0x30, 0x30, 0x30, 0x31, 0x00,
    ]);
    expect(() => processIdRequest('12345')).toThrow(RangeError);
    expect(() => processIdRequest('ab\u0001c')).toThrow(RangeError);
  });

  it('gives every job id a stable 4-character printable process id (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (jobId) => {
        const id = processIdOf(jobId);
        expect(id).toHaveLength(4);
        expect([...id].every((c) => isProcessIdByte(c.charCodeAt(0)))).toBe(true);
        expect(processIdOf(jobId)).toBe(id);
      }),
    );
    expect(processIdOf('G01.99-261128-0007')).not.toBe(processIdOf('G01.99-261128-0008'));
  });

  it('reads a process ID response whose id bytes look like real-time replies', () => {
    const r = new StatusReader({ asb: true, processId: true });
    r.expectRealtime(1);
    // '2' is 0x32, which has the fixed bits of a DLE EOT reply.
    const events = r.feed([...encodeProcessIdResponse('2222'), 0x12]);
    expect(events).toEqual([
      { kind: 'process-id', id: '2222', bytes: [...encodeProcessIdResponse('2222')] },
      { kind: 'realtime', n: 1, byte: 0x12, patch: { online: true } },
    ]);
  });

  it('re-reads a lone header byte as what it is', () => {
    const r = new StatusReader({ asb: true, processId: true });
    r.expectRealtime(1);
    expect(r.feed([0x37, 0x12])).toEqual([
      { kind: 'unexpected', bytes: [0x37] },
      { kind: 'realtime', n: 1, byte: 0x12, patch: { online: true } },
    ]);
  });

  it('ignores process ID responses when the profile has none', () => {
    const r = new StatusReader({ asb: false });
    expect(r.feed(encodeProcessIdResponse('ABCD')).map((e) => e.kind)).toEqual(['unexpected']);
  });

  it('recovers every process ID, ASB frame and real-time reply from any chunking (property)', () => {
    const itemArb = fc.oneof(
      fc.record({
        t: fc.constant('realtime' as const),
        n: fc.constantFrom<RealtimeKind>(1, 2, 3, 4),
        s: statusArb,
      }),
      fc.record({ t: fc.constant('asb' as const), s: statusArb }),
      fc.record({ t: fc.constant('process-id' as const), id: idArb }),
    );
    fc.assert(
      fc.property(
        fc.array(itemArb, { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (items, cuts) => {
          const r = new StatusReader({ asb: true, processId: true });
          const bytes: number[] = [];
          for (const item of items) {
            if (item.t === 'realtime') {
              r.expectRealtime(item.n);
              bytes.push(encodeRealtime(item.n, item.s));
            } else if (item.t === 'asb') bytes.push(...encodeAsb(item.s));
            else bytes.push(...encodeProcessIdResponse(item.id));
          }
          const events: StatusEvent[] = splitInto(bytes, cuts).flatMap((c) => r.feed(c));
          expect(events.map((e) => e.kind)).toEqual(items.map((i) => i.t));
          expect(events.flatMap((e) => (e.kind === 'process-id' ? [e.id] : []))).toEqual(
            items.flatMap((i) => (i.t === 'process-id' ? [i.id] : [])),
          );
        },
      ),
    );
  });

  it('never throws and accounts for every byte of arbitrary input with process IDs on (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }),
        fc.array(fc.constantFrom<RealtimeKind>(1, 2, 3, 4), { maxLength: 5 }),
        (chunks, requests) => {
          const r = new StatusReader({ asb: true, processId: true });
          requests.forEach((n) => r.expectRealtime(n));
          let seen = 0;
          let total = 0;
          for (const chunk of chunks) {
            total += chunk.length;
            for (const e of r.feed(chunk)) seen += e.kind === 'realtime' ? 1 : e.bytes.length;
          }
          expect(total - seen).toBeGreaterThanOrEqual(0);
          expect(total - seen).toBeLessThan(7);
        },
      ),
    );
  });
});
