import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCccdTd1 } from '../codec/format-mrz';
import { parseMrz } from '../codec/parse-mrz';
import { MrzFrameVoter } from './frame-voter';

const today = new Date(Date.UTC(2026, 10, 28));
const doc = (id: string) =>
  parseMrz(
    formatCccdTd1({
      personalId: id,
      fullName: 'Trần An',
      dateOfBirth: '1990-01-01',
      sex: 'M',
      dateOfExpiry: '2030-01-01',
    }),
    { today },
  );

describe('MrzFrameVoter', () => {
  it('accepts after N agreeing frames, not before, and ignores frames that read nothing', () => {
    const voter = new MrzFrameVoter({ agreeingFrames: 3 });
    const a = doc('001090012345');
    expect(voter.push(a)).toBeUndefined();
    expect(voter.push(undefined)).toBeUndefined();
    expect(voter.push(a)).toBeUndefined();
    expect(voter.push(a)).toBe(a);
    expect(voter.push(a)).toBeUndefined(); // starts over after an acceptance
  });

  it('a reading that does not reach N within the window never wins (property)', () => {
    const a = doc('001090012345');
    const b = doc('079185006231');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'none'), { maxLength: 40 }), (seq) => {
        const voter = new MrzFrameVoter({ agreeingFrames: 3, windowFrames: 5 });
        const window: string[] = [];
        for (const s of seq) {
          const got = voter.push(s === 'a' ? a : s === 'b' ? b : undefined);
          window.push(s);
          if (window.length > 5) window.shift();
          if (got) {
            const key = got === a ? 'a' : 'b';
            expect(window.filter((w) => w === key).length).toBeGreaterThanOrEqual(3);
            window.length = 0;
          }
        }
      }),
    );
  });
});
