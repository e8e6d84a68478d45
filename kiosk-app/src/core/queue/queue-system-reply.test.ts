import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FALLBACK_NUMBER_PATTERN, formatFallbackNumber } from './local-queue-sequence';
import { QueueSystemError } from './queue-system-error';
import { parseQueueSystemReply, SYSTEM_NUMBER_PATTERN } from './queue-system-reply';

const group = fc.stringMatching(/^[A-Z]{1,4}$/);
const digits = fc.stringMatching(/^\d{1,5}$/);

/** Any reply, refused or not, ends in a ticket or a QueueSystemError, never another throw. */
function outcome(body: unknown, asked: string): 'ticket' | 'refused' {
  try {
    parseQueueSystemReply(body, asked);
    return 'ticket';
  } catch (error) {
    expect(error).toBeInstanceOf(QueueSystemError);
    expect((error as QueueSystemError).code).toBe('QUEUE_SYSTEM_REPLY_INVALID');
    return 'refused';
  }
}

describe('parseQueueSystemReply', () => {
  it('takes a well-formed ticket of the group asked, as sent', () => {
    fc.assert(
      fc.property(group, digits, fc.option(fc.nat(1000), { nil: undefined }), (g, d, waiting) => {
        const body = {
          number: `${g}${d}`,
          group: g,
          issuedAt: '2026-12-07T09:00:00+07:00',
          waiting,
        };
        expect(parseQueueSystemReply(body, g)).toEqual(
          waiting === undefined
            ? { number: `${g}${d}`, group: g }
            : { number: `${g}${d}`, group: g, waiting },
        );
      }),
    );
  });

  it('never throws anything but a typed refusal, whatever JSON arrives', () => {
    fc.assert(
      fc.property(fc.jsonValue(), group, (body, g) => {
        outcome(body, g);
      }),
    );
  });

  it('refuses a ticket of another group (the citizen would go to the wrong counters)', () => {
    fc.assert(
      fc.property(group, group, digits, (asked, other, d) => {
        fc.pre(asked !== other);
        expect(outcome({ number: `${other}${d}`, group: other }, asked)).toBe('refused');
        // A number of the group asked, labelled as another's: which counters? Refused.
        expect(outcome({ number: `${asked}${d}`, group: other }, asked)).toBe('refused');
        // Same group field, number from another range (HT asked, HTX0001 answered).
        fc.pre(!other.startsWith(asked) || /\d/.test(other.charAt(asked.length)) === false);
        expect(outcome({ number: `${other}${d}`, group: asked }, asked)).toBe('refused');
      }),
    );
  });

  it('accepts only numbers that can never equal a kiosk fallback number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), group, (number, g) => {
        if (outcome({ number, group: g }, g) === 'ticket') {
          expect(number).toMatch(SYSTEM_NUMBER_PATTERN);
          expect(number).not.toMatch(FALLBACK_NUMBER_PATTERN);
        }
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        group,
        fc.integer({ min: 1, max: 99_999 }),
        (k, g, n) => {
          const fallback = formatFallbackNumber(k, g, n);
          expect(fallback).toMatch(FALLBACK_NUMBER_PATTERN);
          expect(outcome({ number: fallback, group: g }, g)).toBe('refused');
        },
      ),
    );
  });

  it('refuses truncated and mistyped replies', () => {
    expect(outcome({ number: 'HT0001' }, 'HT')).toBe('refused');
    expect(outcome({ number: 12, group: 'HT' }, 'HT')).toBe('refused');
    expect(outcome({ number: 'HT', group: 'HT' }, 'HT')).toBe('refused');
    expect(outcome({ number: 'HT0001', group: 'HT', waiting: -1 }, 'HT')).toBe('refused');
    expect(outcome(null, 'HT')).toBe('refused');
  });
});
