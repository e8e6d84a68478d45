import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceAssignmentSchema, SERIAL_BAUD_RATES } from '@kiosk/protocol';
import { assignedAddress, assignmentToSettings } from './device-assignment';

describe('device assignments', () => {
  it('maps each role onto its settings keys', () => {
    expect(assignmentToSettings({ role: 'cardReader', reader: 'R' })).toEqual({ cardReader: 'R' });
    expect(
      assignmentToSettings({ role: 'receiptPrinter', uri: 'tcp://h:9100', profile: 'p' }),
    ).toEqual({ printerUri: 'tcp://h:9100', printerProfile: 'p' });
    expect(
      assignedAddress({
        role: 'qrScanner',
        settings: { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61, mode: 'auto' },
      }),
    ).toBe('hid:0c2e:0b61');
  });

  it('the schema takes only known baud rates, device paths and 16-bit USB ids (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10, max: 300_000 }),
        fc.integer({ min: -1, max: 0x1_0000 }),
        fc.string({ maxLength: 30 }),
        (baudRate, usbId, path) => {
          const mrz = deviceAssignmentSchema.safeParse({
            role: 'mrzReader',
            settings: { path, baudRate, framing: { kind: 'lines', terminator: 'CR' } },
          });
          const pathOk = /^(\/dev\/[\w./-]+|COM\d{1,3})$/.test(path);
          const baudOk = (SERIAL_BAUD_RATES as readonly number[]).includes(baudRate);
          expect(mrz.success).toBe(pathOk && baudOk);
          const hid = deviceAssignmentSchema.safeParse({
            role: 'qrScanner',
            settings: { kind: 'hid', vendorId: usbId, productId: 1, mode: 'auto' },
          });
          expect(hid.success).toBe(usbId >= 0 && usbId <= 0xffff);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses unknown keys and roles', () => {
    expect(
      deviceAssignmentSchema.safeParse({ role: 'cardReader', reader: 'R', x: 1 }).success,
    ).toBe(false);
    expect(deviceAssignmentSchema.safeParse({ role: 'fax', reader: 'R' }).success).toBe(false);
  });
});
