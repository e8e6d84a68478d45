import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportPage, redactForExport, REMOVED } from './log-export';

const cccd = fc.stringMatching(/^\d{12}$/);
const nameLike = fc.constantFrom(
  'fullName',
  'name',
  'hoTen',
  'applicantName',
  'address',
  'permanentResidence',
  'dateOfBirth',
  'phone',
  'personalId',
);

describe('redactForExport', () => {
  it('drops the value of any name-like field, at any depth (property)', () => {
    fc.assert(
      fc.property(nameLike, fc.string({ minLength: 3, maxLength: 30 }), (key, value) => {
        const secret = `«${value}»`;
        const line = JSON.stringify({ event: 'x', [key]: secret, nested: { [key]: secret } });
        const out = redactForExport(line);
        expect(out).not.toContain(secret);
        expect(JSON.parse(out)).toMatchObject({ event: 'x', [key]: REMOVED });
      }),
    );
  });

  it('masks ID numbers in any field or in a line that is not JSON (property)', () => {
    fc.assert(
      fc.property(cccd, fc.string({ maxLength: 20 }), (id, text) => {
        expect(
          redactForExport(JSON.stringify({ event: 'x', note: `${text} ${id}` })),
        ).not.toContain(id);
        expect(redactForExport(`plain ${id} ${text}`)).not.toContain(id);
      }),
    );
  });

  it('leaves an ordinary event as it was', () => {
    const line =
      '{"at":"2026-03-10T01:00:00.000Z","level":"info","event":"journey.step","step":"idle"}';
    expect(redactForExport(line)).toBe(line);
  });
});

describe('exportPage', () => {
  it('stays within the byte cap and hands out every line exactly once across pages (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 40 }),
        fc.integer({ min: 64, max: 2000 }),
        (texts, cap) => {
          const lines = texts.map((t, i) => JSON.stringify({ event: `e${i}`, t }));
          let from = 0;
          const out: string[] = [];
          for (let guard = 0; guard <= lines.length; guard += 1) {
            const page = exportPage(from, lines.slice(from), cap);
            expect(Buffer.byteLength(page.text)).toBeLessThanOrEqual(cap);
            out.push(...page.text.split('\n').filter(Boolean));
            if (page.next === undefined) break;
            expect(page.next).toBeGreaterThan(from);
            from = page.next;
          }
          expect(out.length).toBe(lines.length);
        },
      ),
    );
  });
});
