import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatUdevRule,
  parseUdevRules,
  UdevRuleSyntaxError,
  valuesOf,
  type UdevToken,
} from './udev-rules';

describe('parseUdevRules', () => {
  it('reads keys, attributes, operators and values, skipping comments and blank lines', () => {
    const rules = parseUdevRules(
      [
        '# comment',
        '',
        'SUBSYSTEM=="tty", ATTRS{idVendor}=="0403", GROUP="kiosk", MODE="0660", SYMLINK+="kiosk/x-%n"',
        'SUBSYSTEM=="usb", \\',
        '  ENV{DEVTYPE}=="usb_device", ATTR{idVendor}!="04b8", TAG-="uaccess"',
      ].join('\n'),
    );
    expect(rules).toHaveLength(2);
    expect(rules[0]?.line).toBe(3);
    expect(rules[0]?.tokens[1]).toEqual({
      key: 'ATTRS',
      attribute: 'idVendor',
      operator: '==',
      value: '0403',
    });
    expect(valuesOf(rules[0]!, 'SYMLINK')).toEqual(['kiosk/x-%n']);
    expect(rules[1]?.line).toBe(4);
    expect(rules[1]?.tokens.map((t) => t.operator)).toEqual(['==', '==', '!=', '-=']);
  });

  it.each([
    ['unknown key', 'VENDOR=="0403"'],
    ['missing quotes', 'SUBSYSTEM==tty'],
    ['match operator on an assign-only key', 'GROUP=="kiosk"'],
    ['assignment to a match-only key', 'SUBSYSTEM="tty"'],
    ['missing attribute', 'ATTRS=="0403"'],
    ['attribute on a plain key', 'GROUP{x}="kiosk"'],
    ['missing comma', 'SUBSYSTEM=="tty" GROUP="kiosk"'],
    ['trailing comma', 'SUBSYSTEM=="tty",'],
    ['unterminated value', 'SUBSYSTEM=="tty'],
  ])('rejects a %s with a typed error', (_name, line) => {
    expect(() => parseUdevRules(line)).toThrow(UdevRuleSyntaxError);
  });

  it('round-trips any well-formed rule (property)', () => {
    const token = fc.oneof(
      fc.record({
        key: fc.constantFrom('SUBSYSTEM', 'KERNEL', 'DRIVERS'),
        operator: fc.constantFrom('==', '!='),
        value: fc.stringMatching(/^[a-z0-9_*?[\]-]{0,12}$/),
      }),
      fc.record({
        key: fc.constantFrom('ATTRS', 'ENV'),
        attribute: fc.stringMatching(/^[A-Za-z_]{1,10}$/),
        operator: fc.constantFrom('==', '!='),
        value: fc.stringMatching(/^[0-9a-f]{0,4}$/),
      }),
      fc.record({
        key: fc.constantFrom('GROUP', 'MODE', 'SYMLINK', 'TAG'),
        operator: fc.constantFrom('=', '+=', ':='),
        value: fc.stringMatching(/^[a-z0-9/%-]{0,12}$/),
      }),
    );
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 8 }), (tokens) => {
        const [rule] = parseUdevRules(formatUdevRule(tokens as UdevToken[]));
        expect(rule?.tokens).toEqual(tokens);
      }),
    );
  });

  it('either parses or throws UdevRuleSyntaxError on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        try {
          parseUdevRules(text);
        } catch (error) {
          expect(error).toBeInstanceOf(UdevRuleSyntaxError);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
