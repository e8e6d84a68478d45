import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseHostMessage,
  parseHostRequest,
  type HostMessage,
  type HostRequest,
} from './pcsc-host-messages';

const bytes = fc.uint8Array({ maxLength: 64 });
const id = fc.nat();
const reader = fc.string({ maxLength: 40 });

const request: fc.Arbitrary<HostRequest> = fc.oneof(
  fc.record({ type: fc.constant('ping' as const), id }),
  fc.record({ type: fc.constant('connect' as const), id, reader }),
  fc.record({ type: fc.constant('transmit' as const), id, session: id, apdu: bytes }),
  fc.record({ type: fc.constant('disconnect' as const), id, session: id }),
);

const message: fc.Arbitrary<HostMessage> = fc.oneof(
  fc.record({ type: fc.constant('pong' as const), id }),
  fc.record({
    type: fc.constant('event' as const),
    event: fc.oneof(
      fc.record({ type: fc.constant('reader-added' as const), reader }),
      fc.record({ type: fc.constant('card-inserted' as const), reader, atr: bytes }),
      fc.record({ type: fc.constant('service-lost' as const), detail: reader }),
      fc.record({ type: fc.constant('service-restored' as const) }),
    ),
  }),
  fc.record({
    type: fc.constant('reply' as const),
    id,
    ok: fc.constant(true as const),
    value: fc.oneof(
      fc.record({ kind: fc.constant('connected' as const), session: id, atr: bytes }),
      fc.record({ kind: fc.constant('response' as const), data: bytes }),
      fc.record({ kind: fc.constant('done' as const) }),
    ),
  }),
  fc.record({
    type: fc.constant('reply' as const),
    id,
    ok: fc.constant(false as const),
    error: fc.record({ code: fc.constant('CARD_REMOVED' as const), message: reader }),
  }),
);

describe('PC/SC host messages', () => {
  it('accepts every well-formed message as it was sent (after the IPC clone)', () => {
    // The clone is what the other side receives (and gives plain objects to compare with).
    fc.assert(
      fc.property(request, (r) => {
        const received = structuredClone(r);
        expect(parseHostRequest(received)).toEqual(received);
      }),
    );
    fc.assert(
      fc.property(message, (m) => {
        const received = structuredClone(m);
        expect(parseHostMessage(received)).toEqual(received);
      }),
    );
  });

  it('never throws on anything else, and refuses it', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(() => parseHostMessage(v)).not.toThrow();
        expect(() => parseHostRequest(v)).not.toThrow();
      }),
    );
    expect(parseHostMessage({ type: 'reply', id: -1, ok: true, value: { kind: 'done' } })).toBe(
      undefined,
    );
    expect(parseHostRequest({ type: 'transmit', id: 1, session: 1, apdu: [0, 0xa4] })).toBe(
      undefined,
    );
  });

  it('turns an error code the core does not know into CARD_IO', () => {
    expect(
      parseHostMessage({ type: 'reply', id: 1, ok: false, error: { code: 'EVIL', message: 'x' } }),
    ).toEqual({ type: 'reply', id: 1, ok: false, error: { code: 'CARD_IO', message: 'x' } });
  });
});
