/**
 * Property tests of `redact`, the log's second line of defence. What it guarantees today is
 * tested as such; the gaps found while writing these tests are pinned with `it.fails` (they pass
 * while the gap exists) so that fixing `redact` turns them red as a reminder to make them `it`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './logger';

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const cccdNumber = digits(12);
const cmndNumber = digits(9);
/** Vietnamese mobile numbers (10 digits from 0, or +84 and 9 digits): 03x, 05x, 07x, 08x, 09x. */
const mobile = fc
  .tuple(fc.constantFrom('0', '+84'), fc.constantFrom('3', '5', '7', '8', '9'), digits(8))
  .map(([prefix, network, rest]) => `${prefix}${network}${rest}`);
/** ICAO 9303 MRZ lines: TD1 (ID cards) has 30 characters, TD3 (passports) 44. */
const mrzLine = fc.oneof(
  fc.stringMatching(/^[A-Z0-9<]{30}$/),
  fc.stringMatching(/^[A-Z0-9<]{44}$/),
  fc
    .tuple(digits(9), digits(12))
    .map(([doc, id]) => `IDVNM${doc}0${id}<<5`.padEnd(30, '<').slice(0, 30)),
);

/** Characters that end a number or an MRZ line: punctuation, space, Vietnamese letters. */
const boundary = fc.constantFrom(
  ' ',
  ':',
  '=',
  '"',
  ',',
  ';',
  '(',
  ')',
  '/',
  '|',
  '-',
  'ố',
  'Đ',
  '\t',
);
/** Arbitrary text around the value, cut off from it by a boundary character. */
function embedded(value: fc.Arbitrary<string>) {
  return fc
    .tuple(fc.string({ maxLength: 40 }), boundary, value, boundary, fc.string({ maxLength: 40 }))
    .map(([before, open, v, close, after]) => ({
      value: v,
      text: `${before}${open}${v}${close}${after}`,
    }));
}

describe('redact masks personal numbers in arbitrary text', () => {
  it('any 12-digit CCCD number', () => {
    fc.assert(
      fc.property(embedded(cccdNumber), ({ value, text }) => {
        expect(redact(text)).not.toContain(value);
      }),
    );
  });

  it('any 9-digit CMND number', () => {
    fc.assert(
      fc.property(embedded(cmndNumber), ({ value, text }) => {
        expect(redact(text)).not.toContain(value);
      }),
    );
  });

  it('any Vietnamese mobile number written without spaces', () => {
    fc.assert(
      fc.property(embedded(mobile), ({ value, text }) => {
        const out = redact(text);
        expect(out).not.toContain(value);
        expect(out).not.toContain(value.slice(-9));
      }),
    );
  });

  it('any MRZ line, however long the text around it', () => {
    const notMrz = fc.constantFrom(' ', '\n', '"', ':', 'a', 'ố', '.');
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        notMrz,
        mrzLine,
        notMrz,
        fc.string({ maxLength: 40 }),
        (before, open, line, close, after) => {
          expect(redact(`${before}${open}${line}${close}${after}`)).not.toContain(line);
        },
      ),
    );
  });

  it('leaves text without personal numbers alone', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/\d{9}|[A-Z0-9<]{30}/.test(s)),
        (text) => {
          expect(redact(text)).toBe(text);
        },
      ),
    );
    const line = '{"event":"dossier.received","dossier":"H01-261128-1001","port":43127}';
    expect(redact(line)).toBe(line);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(embedded(fc.oneof(cccdNumber, cmndNumber, mobile, mrzLine)), ({ text }) => {
        expect(redact(redact(text))).toBe(redact(text));
      }),
    );
  });

  it('reaches every line the logger writes', () => {
    fc.assert(
      fc.property(cccdNumber, mobile, (id, phone) => {
        const lines: string[] = [];
        createLogger((l) => lines.push(l)).warn('x', { note: `id ${id}, phone ${phone}` });
        expect(lines[0]).not.toContain(id);
        expect(lines[0]).not.toContain(phone);
      }),
    );
  });
});

describe('redact masks every personal number of a line, not only the first (issue 23)', () => {
  it('two or more CCCD/CMND numbers in one log line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(cccdNumber, cmndNumber), { minLength: 2, maxLength: 5 }),
        boundary,
        (ids, sep) => {
          const lines: string[] = [];
          createLogger((l) => lines.push(l)).info('lookup', {
            detail: ids.map((id, i) => `id${sep}${i} ${id}`).join(`${sep} `),
          });
          for (const id of ids) expect(lines[0]).not.toContain(id);
        },
      ),
    );
  });

  it("a citizen's and a relative's CCCD numbers side by side", () => {
    expect(redact('cccd 079203001234, cha 001078009876')).toBe('cccd [id], cha [id]');
  });
});

/**
 * Known gaps of `redact` today. `\b` is an ASCII word boundary, so a number glued to an ASCII
 * letter, an underscore, or a JSON escape (`\n` in a logged message) is not a "word" and stays;
 * and phones are only matched as one unbroken run of digits.
 */
describe('redact: known gaps (it.fails: flip to it once logger.ts is fixed)', () => {
  it('a CCCD number glued to ASCII letters ("CCCD079203001234")', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z_]{1,6}$/), cccdNumber, (label, id) => {
        expect(redact(`${label}${id}`)).not.toContain(id);
      }),
    );
  });

  it('a CCCD number after a newline in a logged message (JSON writes "\\n")', () => {
    fc.assert(
      fc.property(cccdNumber, (id) => {
        const lines: string[] = [];
        createLogger((l) => lines.push(l)).error('x', { detail: `lookup failed\n${id}` });
        expect(lines[0]).not.toContain(id);
      }),
    );
  });

  it('a phone number grouped with spaces or dots ("0912 345 678")', () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom(' ', '.', '-'), (phone, sep) => {
        const grouped = `${phone.slice(0, -6)}${sep}${phone.slice(-6, -3)}${sep}${phone.slice(-3)}`;
        expect(redact(`tel ${grouped}`).replace(/\D/g, '')).not.toContain(phone.slice(-9));
      }),
    );
  });

  it('a phone number written 84… without the plus', () => {
    fc.assert(
      fc.property(mobile, (phone) => {
        const national = `84${phone.replace(/^(\+84|0)/, '')}`;
        expect(redact(`tel ${national}`)).not.toContain(national);
      }),
    );
  });
});
