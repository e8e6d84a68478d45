import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstEventAfter, loggedEvents } from './logged-events';

const line = (at: string, event: string, fields: object = {}): string =>
  JSON.stringify({ at, level: 'info', event, ...fields });

describe('the core log as timed events', () => {
  it('reads the time, the event and the other fields of each JSON line', () => {
    const events = loggedEvents([
      line('2026-12-07T10:00:00.120Z', 'journey.step', { step: 'identifying' }),
      'not json',
      '[1,2]',
      JSON.stringify({ at: 'yesterday', event: 'x' }),
      line('2026-12-07T10:00:00.480Z', 'identity.read', { method: 'chip' }),
    ]);
    expect(events).toEqual([
      {
        at: Date.parse('2026-12-07T10:00:00.120Z'),
        event: 'journey.step',
        fields: { level: 'info', step: 'identifying' },
      },
      {
        at: Date.parse('2026-12-07T10:00:00.480Z'),
        event: 'identity.read',
        fields: { level: 'info', method: 'chip' },
      },
    ]);
  });

  it('finds the first matching event at or after a time, and names what is missing', () => {
    const events = loggedEvents([
      line('2026-12-07T10:00:00.100Z', 'journey.step', { step: 'printing' }),
      line('2026-12-07T10:00:00.200Z', 'journey.step', { step: 'done' }),
      line('2026-12-07T10:00:00.300Z', 'journey.step', { step: 'printing' }),
    ]);
    const since = Date.parse('2026-12-07T10:00:00.150Z');
    expect(firstEventAfter(events, since, 'journey.step', { step: 'printing' }).at).toBe(
      Date.parse('2026-12-07T10:00:00.300Z'),
    );
    expect(firstEventAfter(events, since, 'journey.step').fields.step).toBe('done');
    expect(() => firstEventAfter(events, since, 'printer.printed')).toThrow(/printer\.printed/);
  });

  it('never throws on arbitrary lines', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.json())), (lines) => {
        for (const e of loggedEvents(lines)) expect(Number.isFinite(e.at)).toBe(true);
      }),
    );
  });
});
