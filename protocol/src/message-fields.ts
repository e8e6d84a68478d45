/**
 * The fields that several messages share, and the device settings a technician assigns. The
 * message registry (message-registry.ts) composes its schemas from these.
 */
import { z } from 'zod';
import { LEGACY_MIN_PIN_DIGITS, MAX_PIN_DIGITS, NEW_PIN_PATTERN, PIN_RULE } from './pin-rule';

export const text = z.string().max(500);
export const fieldValue = z.union([
  z.string().max(2000),
  z.boolean(),
  z.object({ province: text, commune: text, detail: text.optional(), district: text.optional() }),
  z
    .array(z.record(z.string(), z.union([z.string().max(2000), z.boolean()])))
    .max(50)
    .readonly(),
]);

/** Longest base64 JPEG a `camera.frame` / `devices.testCamera` message may carry. */
export const CAMERA_FRAME_MAX = 60_000;
/** Account names: letters, digits, dot, dash, underscore (they appear in the audit log). */
export const accountUser = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'a user name is letters, digits, dot, dash or underscore');
/** New PINs (accounts, first-run setup, a change at sign-in): see pin-rule.ts. */
export const accountPin = z.string().regex(NEW_PIN_PATTERN, PIN_RULE);
/** A PIN at sign-in: an account made before the 6-digit rule signs in once more, with `newPin`. */
export const signInPin = z.string().min(LEGACY_MIN_PIN_DIGITS).max(MAX_PIN_DIGITS);
/** The one-time code `kiosk setup code` printed on the kiosk's console (issue 13). */
export const SETUP_CODE_PATTERN = /^\d{10}$/;
export const setupCode = z.string().regex(SETUP_CODE_PATTERN, 'a setup code is 10 digits');

/** The roles a device can be given on the technician's device screen (`devices.assign`). */
export const DEVICE_ROLES = [
  'cardReader',
  'mrzReader',
  'qrScanner',
  'camera',
  'receiptPrinter',
] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

/** Serial speeds document readers and scanners are set to (bits per second). */
export const SERIAL_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
const baudRate = z
  .number()
  .int()
  .refine((n) => (SERIAL_BAUD_RATES as readonly number[]).includes(n), {
    message: `baud rate must be one of ${SERIAL_BAUD_RATES.join(', ')}`,
  });
const serialPath = z
  .string()
  .max(200)
  .regex(/^(\/dev\/[\w./-]+|COM\d{1,3})$/, 'a serial port is /dev/... or COMn');
const usbId = z.number().int().min(0).max(0xffff);

/** A serial MRZ (document) reader: port, speed and how it frames the MRZ lines. */
export const mrzReaderSettingsSchema = z
  .object({
    path: serialPath,
    baudRate,
    framing: z
      .object({
        kind: z.enum(['lines', 'stx-etx']),
        terminator: z.enum(['CR', 'LF', 'CRLF', 'any']),
      })
      .strict(),
  })
  .strict();
/** A QR scanner over HID (by VID/PID, keyboard wedge or HID POS) or on a serial port. */
export const qrScannerSettingsSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('hid'),
      vendorId: usbId,
      productId: usbId,
      mode: z.enum(['auto', 'keyboard-wedge', 'hid-pos']),
    })
    .strict(),
  z.object({ kind: z.literal('serial'), path: serialPath, baudRate }).strict(),
]);
/** The camera is chosen in the renderer (only it sees `navigator.mediaDevices`). */
export const cameraSettingsSchema = z.object({ deviceLabel: z.string().min(1).max(200) }).strict();

/** One role assignment with its settings, as `devices.assign` carries it. */
export const deviceAssignmentSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('cardReader'), reader: z.string().min(1).max(200) }).strict(),
  z
    .object({
      role: z.literal('receiptPrinter'),
      uri: z.string().min(1).max(210),
      profile: z.string().min(1).max(40),
    })
    .strict(),
  z.object({ role: z.literal('mrzReader'), settings: mrzReaderSettingsSchema }).strict(),
  z.object({ role: z.literal('qrScanner'), settings: qrScannerSettingsSchema }).strict(),
  z.object({ role: z.literal('camera'), settings: cameraSettingsSchema }).strict(),
]);
export type DeviceAssignment = z.infer<typeof deviceAssignmentSchema>;
