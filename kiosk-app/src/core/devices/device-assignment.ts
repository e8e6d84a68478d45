import type { DeviceAssignment } from '@kiosk/protocol';

/** The settings patch an assignment stands for (saved through the settings service). */
export function assignmentToSettings(assignment: DeviceAssignment): Record<string, unknown> {
  switch (assignment.role) {
    case 'cardReader':
      return { cardReader: assignment.reader };
    case 'receiptPrinter':
      return { printerUri: assignment.uri, printerProfile: assignment.profile };
    case 'mrzReader':
      return { mrzReader: assignment.settings };
    case 'qrScanner':
      return { qrScanner: assignment.settings };
    case 'camera':
      return { camera: assignment.settings };
  }
}

/** The device an assignment names, for the audit log and messages (an address, never a person). */
export function assignedAddress(assignment: DeviceAssignment): string {
  switch (assignment.role) {
    case 'cardReader':
      return assignment.reader;
    case 'receiptPrinter':
      return `${assignment.uri} (${assignment.profile})`;
    case 'mrzReader':
      return `${assignment.settings.path}@${assignment.settings.baudRate}`;
    case 'qrScanner':
      return assignment.settings.kind === 'hid'
        ? `hid:${hex4(assignment.settings.vendorId)}:${hex4(assignment.settings.productId)}`
        : `${assignment.settings.path}@${assignment.settings.baudRate}`;
    case 'camera':
      return assignment.settings.deviceLabel;
  }
}

/** A USB id as four hex digits, as `lsusb` shows it. */
export function hex4(id: number): string {
  return id.toString(16).padStart(4, '0');
}
