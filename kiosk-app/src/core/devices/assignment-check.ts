import { access } from 'node:fs/promises';
import { listProfiles, parsePrinterUri } from '@kiosk/printer';
import type { DeviceAssignment } from '@kiosk/protocol';
import { hex4 } from './device-assignment';
import type { DeviceSources } from './device-inventory';
import { DeviceSetupError } from './device-setup';

export interface AssignmentCheckOptions {
  readonly sources: DeviceSources;
  /** Printer URIs no bus lists but the wiring knows (the demo's virtual printer). */
  readonly knownPrinterUris: () => readonly string[];
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function unknown(message: string): never {
  throw new DeviceSetupError('UNKNOWN_DEVICE', message);
}

/**
 * Whether a technician's assignment names a device that is there: the card reader among pcscd's
 * readers, the printer's profile and port, the serial port or HID device of a scanner or MRZ
 * reader. Throws `DeviceSetupError('UNKNOWN_DEVICE')` naming what is connected instead.
 */
export async function checkAssignment(
  assignment: DeviceAssignment,
  options: AssignmentCheckOptions,
): Promise<void> {
  const { sources } = options;
  switch (assignment.role) {
    case 'cardReader': {
      const readers = sources.readers();
      if (readers === undefined)
        unknown('the smart-card service (pcscd) is not running: no reader can be assigned');
      const names = readers.map((r) => r.name);
      if (!names.includes(assignment.reader))
        unknown(
          `card reader "${assignment.reader}" is not connected; readers: ${names.join(', ') || 'none'}`,
        );
      return;
    }
    case 'receiptPrinter':
      return checkPrinter(assignment.uri, assignment.profile, options);
    case 'mrzReader':
      return checkSerial(assignment.settings.path, sources);
    case 'qrScanner': {
      const scanner = assignment.settings;
      if (scanner.kind === 'serial') return checkSerial(scanner.path, sources);
      const hid = await sources.listHid().catch(() => []);
      if (!hid.some((d) => d.vendorId === scanner.vendorId && d.productId === scanner.productId))
        unknown(
          `no HID device ${hex4(scanner.vendorId)}:${hex4(scanner.productId)} is connected; HID devices: ${
            hid.map((d) => `${hex4(d.vendorId)}:${hex4(d.productId)}`).join(', ') || 'none'
          }`,
        );
      return;
    }
    case 'camera':
      // Only the renderer sees cameras; it offers the ones it found.
      return;
  }
}

async function checkPrinter(
  uri: string,
  profile: string,
  options: AssignmentCheckOptions,
): Promise<void> {
  const profiles = listProfiles();
  if (!profiles.includes(profile))
    unknown(`unknown printer profile "${profile}"; profiles: ${profiles.join(', ')}`);
  if (options.knownPrinterUris().includes(uri)) return;
  let parsed;
  try {
    parsed = parsePrinterUri(uri);
  } catch (error) {
    unknown(error instanceof Error ? error.message : `printer URI "${uri}" is not valid`);
  }
  if ((parsed.kind === 'serial' || parsed.kind === 'file') && !(await exists(parsed.path)))
    unknown(`printer port "${parsed.path}" does not exist`);
}

async function checkSerial(path: string, sources: DeviceSources): Promise<void> {
  const ports = await sources.listSerialPorts().catch(() => []);
  // ptys and some built-in UARTs are not listed by udev, so a path that exists is accepted.
  if (ports.some((p) => p.path === path) || (await exists(path))) return;
  unknown(
    `serial port "${path}" does not exist; ports: ${ports.map((p) => p.path).join(', ') || 'none'}`,
  );
}
