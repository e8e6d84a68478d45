import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadProfile } from '../profile/load-profile';
import type { PrinterStatus } from './printer-status';
import { encodeAsb, encodeRealtime, type RealtimeKind } from './status-bytes';
import { StatusReader, type StatusEvent } from './status-reader';

const custom = loadProfile('custom-kiosk-80mm').status.extra;

const statusArb: fc.Arbitrary<PrinterStatus> = fc.record({
  online: fc.boolean(),
  paper: fc.constantFrom('ok' as const, 'near-end' as const, 'out' as const),
  coverOpen: fc.boolean(),
  cutterError: fc.boolean(),
  otherError: fc.boolean(),
  extra: fc.constant([]),
});

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

describe('StatusReader', () => {
  it('matches real-time replies to requests in order', () => {
    const r = new StatusReader({ asb: false });
    r.expectRealtime(1);
    r.expectRealtime(4);
    const events = r.feed([0x12, 0x7e]);
    expect(events).toEqual([
      { kind: 'realtime', n: 1, byte: 0x12, patch: { online: true } },
      { kind: 'realtime', n: 4, byte: 0x7e, patch: { paper: 'out' } },
    ]);
  });

  it('tells an ASB frame apart from a real-time reply arriving around it', () => {
    const r = new StatusReader({ asb: true });
    r.expectRealtime(2);
    const asb = encodeAsb({
      online: false,
      paper: 'out',
      coverOpen: true,
      cutterError: false,
      otherError: false,
      extra: [],
    });
    const events = r.feed([...asb, 0x16]);
    expect(events.map((e) => e.kind)).toEqual(['asb', 'realtime']);
    const first = events[0];
    expect(first?.kind === 'asb' && first.patch).toMatchObject({
      coverOpen: true,
      paper: 'out',
      online: false,
    });
  });

  it('reports garbage as unexpected and keeps going', () => {
    const r = new StatusReader({ asb: true });
    r.expectRealtime(1);
    const events = r.feed([0xff, 0x41, 0x12]);
    expect(events).toEqual([
      { kind: 'unexpected', bytes: [0xff, 0x41] },
      { kind: 'realtime', n: 1, byte: 0x12, patch: { online: true } },
    ]);
  });

  it('reads the Custom full status named by the profile', () => {
    const r = new StatusReader({ asb: true, extra: custom });
    r.expectExtra();
    const events = r.feed([0x10, 0x0f, 0x21, 0x01, 0x00, 0x00]);
    expect(events).toEqual([
      {
        kind: 'extra',
        bytes: [0x10, 0x0f, 0x21, 0x01, 0x00, 0x00],
        conditions: ['paper-out', 'ticket-in-presenter', 'cover-open'],
      },
    ]);
  });

  it('does not mistake an ASB frame for the awaited Custom reply (both start with 0x10)', () => {
    const r = new StatusReader({ asb: true, extra: custom });
    r.expectExtra();
    const events = r.feed([0x10, 0x00, 0x0c, 0x00, 0x10, 0x0f, 0, 0, 0, 0]);
    expect(events.map((e) => e.kind)).toEqual(['asb', 'extra']);
  });

  it('recovers every reply from any chunking of a valid stream (property)', () => {
    const itemArb = fc.oneof(
      fc.record({
        t: fc.constant('rt' as const),
        n: fc.constantFrom<RealtimeKind>(1, 2, 3, 4),
        s: statusArb,
      }),
      fc.record({ t: fc.constant('asb' as const), s: statusArb }),
    );
    fc.assert(
      fc.property(
        fc.array(itemArb, { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (items, cuts) => {
          const r = new StatusReader({ asb: true });
          const bytes: number[] = [];
          for (const item of items) {
            if (item.t === 'rt') {
              r.expectRealtime(item.n);
              bytes.push(encodeRealtime(item.n, item.s));
            } else bytes.push(...encodeAsb(item.s));
          }
          const events: StatusEvent[] = splitInto(bytes, cuts).flatMap((c) => r.feed(c));
          expect(events.map((e) => e.kind)).toEqual(
            items.map((i) => (i.t === 'rt' ? 'realtime' : 'asb')),
          );
        },
      ),
    );
  });

  it('never throws and accounts for every byte of arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }),
        fc.array(fc.constantFrom<RealtimeKind>(1, 2, 3, 4), { maxLength: 5 }),
        fc.boolean(),
        (chunks, requests, withExtra) => {
          const r = new StatusReader({ asb: true, extra: withExtra ? custom : undefined });
          requests.forEach((n) => r.expectRealtime(n));
          if (withExtra) r.expectExtra();
          let seen = 0;
          let total = 0;
          for (const chunk of chunks) {
            total += chunk.length;
            for (const e of r.feed(chunk)) seen += e.kind === 'realtime' ? 1 : e.bytes.length;
          }
          // bytes still held belong to an incomplete frame (at most one frame long)
          expect(total - seen).toBeGreaterThanOrEqual(0);
          expect(total - seen).toBeLessThan(custom?.replyLength ?? 6);
        },
      ),
    );
  });
});
