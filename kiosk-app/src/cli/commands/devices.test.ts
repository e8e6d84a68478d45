import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error';
import { ASSIGN_ROLES, assignmentFromArgs } from './devices';

describe('kiosk devices assign arguments', () => {
  it('builds each role’s assignment', () => {
    expect(assignmentFromArgs('card-reader', 'Virtual PCD 00 01', {})).toEqual({
      role: 'cardReader',
      reader: 'Virtual PCD 00 01',
    });
    expect(
      assignmentFromArgs('printer', 'tcp://10.0.0.5:9100', { profile: 'epson-80mm-tcvn3' }),
    ).toEqual({ role: 'receiptPrinter', uri: 'tcp://10.0.0.5:9100', profile: 'epson-80mm-tcvn3' });
    expect(
      assignmentFromArgs('mrz-reader', '/dev/ttyUSB0', {
        baud: '115200',
        framing: 'stx-etx',
        terminator: 'CR',
      }),
    ).toEqual({
      role: 'mrzReader',
      settings: {
        path: '/dev/ttyUSB0',
        baudRate: 115200,
        framing: { kind: 'stx-etx', terminator: 'CR' },
      },
    });
    expect(assignmentFromArgs('qr-scanner', 'hid:0C2E:0b61', { mode: 'hid-pos' })).toEqual({
      role: 'qrScanner',
      settings: { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61, mode: 'hid-pos' },
    });
  });

  it('refuses an unknown role, a missing profile and a bad speed with a plain message', () => {
    expect(() => assignmentFromArgs('fax', 'x', {})).toThrow(/unknown role "fax"/);
    expect(() => assignmentFromArgs('printer', 'tcp://h:9100', {})).toThrow(/--profile/);
    expect(() => assignmentFromArgs('mrz-reader', '/dev/ttyS0', { baud: '12345' })).toThrow(
      /baud rate must be one of/,
    );
  });

  it('any arguments give a valid assignment or a CliError, never anything else (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...ASSIGN_ROLES), fc.string({ maxLength: 12 })),
        fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('/dev/ttyS0', 'hid:0c2e:0b61')),
        fc.record(
          {
            profile: fc.string({ maxLength: 10 }),
            baud: fc.oneof(fc.string({ maxLength: 7 }), fc.constantFrom('9600', '115200')),
            framing: fc.constantFrom('lines', 'stx-etx', 'xml'),
            terminator: fc.constantFrom('CR', 'LF', 'CRLF', 'any', 'NUL'),
            mode: fc.constantFrom('auto', 'hid-pos', 'keyboard-wedge', 'turbo'),
          },
          { requiredKeys: [] },
        ),
        (role, device, options) => {
          try {
            const assignment = assignmentFromArgs(role, device, options);
            expect(ASSIGN_ROLES).toContain(role);
            expect(assignment.role).toBeTruthy();
          } catch (error) {
            expect(error).toBeInstanceOf(CliError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
