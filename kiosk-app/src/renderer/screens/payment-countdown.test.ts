import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCountdown, secondsLeft } from './payment-countdown';

describe('the payment countdown', () => {
  it('counts whole seconds up to the end, then stays at zero', () => {
    const end = '2026-12-07T02:03:00.000Z';
    const endMs = Date.parse(end);
    expect(secondsLeft(end, endMs - 180_000)).toBe(180);
    expect(secondsLeft(end, endMs - 179_500)).toBe(180);
    expect(secondsLeft(end, endMs - 1)).toBe(1);
    expect(secondsLeft(end, endMs)).toBe(0);
    expect(secondsLeft(end, endMs + 5_000)).toBe(0);
    expect(secondsLeft('not a time', endMs)).toBe(0);
  });

  it('shows minutes and two-digit seconds', () => {
    expect(formatCountdown(180)).toBe('3:00');
    expect(formatCountdown(179)).toBe('2:59');
    expect(formatCountdown(5)).toBe('0:05');
    expect(formatCountdown(0)).toBe('0:00');
  });

  it('reads back as the seconds it was given (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3600 }), (s) => {
        const [minutes, seconds] = formatCountdown(s).split(':').map(Number);
        expect((minutes ?? 0) * 60 + (seconds ?? 0)).toBe(s);
      }),
    );
  });
});
