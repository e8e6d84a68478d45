import { createCardService, MemoryTransport, type MemoryCard } from '@kiosk/id-card';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardTestGate } from './card-test-gate';
import { PcscDeviceEvents } from './pcsc-device-events';

const READER = 'Memory reader A';
const OTHER = 'Memory reader B';

/** A card that answers nothing useful: only its placing and removal matter here. */
const card: MemoryCard = {
  atr: Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01),
  transmit: async () => Uint8Array.of(0x6d, 0x00),
};

/** The gate between a two-reader driver twin and the journey's device events. */
function setup() {
  const transport = new MemoryTransport();
  transport.addReader(READER);
  transport.addReader(OTHER);
  const gate = new CardTestGate(createCardService({ transport }));
  const events = new PcscDeviceEvents({ cards: gate.gatedCards(), reader: READER });
  const journey: string[] = [];
  events.onCardPresented((reader) => journey.push(`presented ${reader}`));
  events.onCardRemoved(() => journey.push('removed'));
  return { transport, gate, journey };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('CardTestGate', () => {
  it('keeps an armed test card from the journey, placing and removal; after disarm cards pass again', async () => {
    const { transport, gate, journey } = setup();
    const test = gate.arm(READER);
    expect(test.cardAtArming).toBe('none');
    const placed = test.nextCard(new AbortController().signal, 20_000);
    transport.insertCard(READER, card);
    await placed;
    test.disarm();
    // Taken off after the test ended: still the test's card.
    transport.removeCard(READER);
    expect(journey).toEqual([]);
    expect(gate.isArmed(READER)).toBe(false);

    transport.insertCard(READER, card);
    transport.removeCard(READER);
    expect(journey).toEqual([`presented ${READER}`, 'removed']);
  });

  it('holds back the unplugging of a reader with a test card on it', () => {
    const { transport, gate, journey } = setup();
    const test = gate.arm(READER);
    transport.insertCard(READER, card);
    test.disarm();
    transport.removeReader(READER);
    expect(journey).toEqual([]);
  });

  it('lets the journey hear other readers while one is armed', () => {
    const { transport, gate } = setup();
    const heard: string[] = [];
    gate.gatedCards().onEvent((e) => heard.push(`${e.type} ${'reader' in e ? e.reader : ''}`));
    const test = gate.arm(READER);
    transport.insertCard(OTHER, card);
    transport.insertCard(READER, card);
    transport.removeCard(OTHER);
    test.disarm();
    expect(heard).toEqual([`card-inserted ${OTHER}`, `card-removed ${OTHER}`]);
  });

  it('tells whose card is on the reader when armed: the journey heard it, or a test left it', () => {
    const { transport, gate, journey } = setup();
    transport.insertCard(READER, card);
    const first = gate.arm(READER);
    expect(first.cardAtArming).toBe('journey');
    first.disarm();
    transport.removeCard(READER);
    expect(journey).toEqual([`presented ${READER}`, 'removed']);

    const second = gate.arm(READER);
    transport.insertCard(READER, card);
    second.disarm();
    const third = gate.arm(READER);
    expect(third.cardAtArming).toBe('test');
    expect(() => gate.arm(READER)).toThrow(`${READER}: another card test is running`);
    third.disarm();
    transport.removeCard(READER);
    expect(journey).toEqual([`presented ${READER}`, 'removed']);
  });

  it('stops waiting after the time given, on cancel, or when the reader is unplugged', async () => {
    vi.useFakeTimers();
    const { transport, gate, journey } = setup();
    const timedOut = gate.arm(READER);
    const waiting = timedOut.nextCard(new AbortController().signal, 20_000);
    const outcome = expect(waiting).rejects.toThrow(`no card was placed on ${READER} within 20 s`);
    await vi.advanceTimersByTimeAsync(20_000);
    await outcome;
    timedOut.disarm();

    const cancelled = gate.arm(READER);
    const controller = new AbortController();
    const cancelledWait = cancelled.nextCard(controller.signal, 20_000);
    controller.abort('cancelled');
    await expect(cancelledWait).rejects.toThrow(`${READER}: test cancelled`);
    cancelled.disarm();

    const unplugged = gate.arm(READER);
    const unpluggedWait = unplugged.nextCard(new AbortController().signal, 20_000);
    transport.removeReader(READER);
    await expect(unpluggedWait).rejects.toThrow(`${READER}: the reader was unplugged`);
    unplugged.disarm();

    transport.addReader(READER);
    transport.insertCard(READER, card);
    expect(journey).toEqual(['removed', `presented ${READER}`]);
  });
});
