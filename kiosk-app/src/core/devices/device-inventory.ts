import { readdir } from 'node:fs/promises';
import { nodeSerialPorts, type SerialPortInfo } from '@kiosk/device';
import type { HidDeviceInfo } from '@kiosk/scanner';
import type { DeviceRole, DeviceView } from '@kiosk/protocol';
import type { KioskSettings } from '../settings/settings-schema';
import { hex4 } from './device-assignment';

export type { SerialPortInfo };

/** A printer the wiring knows by address although no bus lists it (the demo's virtual one). */
export interface KnownPrinter {
  readonly uri: string;
  readonly label: string;
}

/** One look at everything attached, taken by `collectDevices`. */
export interface DeviceSnapshot {
  /** `undefined`: the smart-card service (pcscd) is not reachable. */
  readonly readers?: readonly { readonly name: string; readonly cardPresent: boolean }[];
  readonly serialPorts: readonly SerialPortInfo[];
  readonly hid: readonly HidDeviceInfo[];
  /** Character-device printers (`/dev/usb/lp0`). */
  readonly linePrinters: readonly string[];
}

/** What is in use now: the reader watched and the printer's own view. */
export interface ActiveDevices {
  readonly reader?: string;
  readonly printer: DeviceView;
  readonly printerUri: string;
  readonly knownPrinters: readonly KnownPrinter[];
  /** Printer profiles the driver has (`listProfiles()`). */
  readonly profiles: readonly string[];
}

/** Where the inventory looks; each source is replaceable in tests. */
export interface DeviceSources {
  readers(): DeviceSnapshot['readers'];
  listSerialPorts(): Promise<SerialPortInfo[]>;
  listHid(): Promise<HidDeviceInfo[]>;
  listLinePrinters(): Promise<string[]>;
}

/** node-serialport's port list (udev on Linux); an empty list where it cannot enumerate. */
export async function listSystemSerialPorts(): Promise<SerialPortInfo[]> {
  try {
    return await nodeSerialPorts.list();
  } catch {
    return [];
  }
}

/** USB printer-class character devices (usblp). */
export async function listLinePrinters(dir = '/dev/usb'): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => /^lp\d+$/.test(f)).map((f) => `${dir}/${f}`);
  } catch {
    return [];
  }
}

/** Gathers a snapshot from all sources; one failing source gives an empty list, not an error. */
export async function collectDevices(sources: DeviceSources): Promise<DeviceSnapshot> {
  const [serialPorts, hid, linePrinters] = await Promise.all([
    sources.listSerialPorts().catch(() => []),
    sources.listHid().catch(() => []),
    sources.listLinePrinters().catch(() => []),
  ]);
  return { readers: sources.readers(), serialPorts, hid, linePrinters };
}

function serialPathOfUri(uri: string | undefined): string | undefined {
  if (!uri?.startsWith('serial:')) return undefined;
  return uri.slice('serial:'.length).split('?', 1)[0];
}

function roles(entries: readonly [DeviceRole, boolean][]): DeviceRole[] {
  return entries.filter(([, on]) => on).map(([role]) => role);
}

/**
 * The technician's device list: every PC/SC reader, serial port (with VID/PID), HID device and
 * printer address, each with the roles it could fill and the roles it has now. Pure: the
 * snapshot and the settings in, the rows out.
 */
export function inventoryRows(
  snapshot: DeviceSnapshot,
  settings: Pick<KioskSettings, 'printerUri' | 'mrzReader' | 'qrScanner' | 'camera'>,
  active: ActiveDevices,
): DeviceView[] {
  const rows: DeviceView[] = [];
  if (snapshot.readers === undefined) {
    rows.push({
      id: 'pcsc',
      role: 'cardReader',
      kind: 'cardReader',
      status: 'offline',
      detail: 'smart-card service (pcscd) not running',
    });
  }
  for (const reader of snapshot.readers ?? []) {
    const assigned = reader.name === active.reader;
    rows.push({
      id: `pcsc:${reader.name}`,
      role: assigned ? 'cardReader' : 'candidate',
      kind: 'cardReader',
      status: reader.cardPresent ? 'card-present' : 'online',
      detail: reader.name,
      address: reader.name,
      usableFor: ['cardReader'],
      assignedTo: assigned ? ['cardReader'] : [],
    });
  }
  if (active.reader && !(snapshot.readers ?? []).some((r) => r.name === active.reader)) {
    rows.push({
      id: `pcsc:${active.reader}`,
      role: 'cardReader',
      kind: 'cardReader',
      status: 'offline',
      detail: `${active.reader} (assigned, not connected)`,
      address: active.reader,
      usableFor: ['cardReader'],
      assignedTo: ['cardReader'],
    });
  }
  const printerSerialPath = serialPathOfUri(settings.printerUri ?? active.printerUri);
  for (const port of snapshot.serialPorts) {
    const assignedTo = roles([
      ['mrzReader', settings.mrzReader?.path === port.path],
      ['qrScanner', settings.qrScanner?.kind === 'serial' && settings.qrScanner.path === port.path],
      ['receiptPrinter', printerSerialPath === port.path],
    ]);
    rows.push({
      id: `serial:${port.path}`,
      role: assignedTo[0] ?? 'candidate',
      kind: 'serialPort',
      status: 'present',
      detail: port.manufacturer,
      address: port.path,
      usableFor: ['mrzReader', 'qrScanner', 'receiptPrinter'],
      assignedTo,
      vendorId: port.vendorId,
      productId: port.productId,
    });
  }
  for (const device of snapshot.hid) {
    const scanner = settings.qrScanner;
    const assigned =
      scanner?.kind === 'hid' &&
      scanner.vendorId === device.vendorId &&
      scanner.productId === device.productId;
    rows.push({
      id: `hid:${device.path}`,
      role: assigned ? 'qrScanner' : 'candidate',
      kind: 'hidDevice',
      status: 'present',
      detail: device.product,
      address: device.path,
      usableFor: ['qrScanner'],
      assignedTo: assigned ? ['qrScanner'] : [],
      vendorId: hex4(device.vendorId),
      productId: hex4(device.productId),
    });
  }
  const printerUris = new Map<string, string | undefined>();
  for (const known of active.knownPrinters) printerUris.set(known.uri, known.label);
  for (const path of snapshot.linePrinters) printerUris.set(`file:${path}`, 'USB line printer');
  if (!printerUris.has(active.printerUri)) printerUris.set(active.printerUri, undefined);
  for (const [uri, label] of printerUris) {
    const assigned = uri === active.printerUri;
    rows.push({
      id: `printer:${uri}`,
      role: assigned ? 'receiptPrinter' : 'candidate',
      kind: 'printer',
      status: assigned ? active.printer.status : 'present',
      detail: [label, assigned ? active.printer.detail : undefined].filter(Boolean).join(' · '),
      address: uri,
      usableFor: ['receiptPrinter'],
      assignedTo: assigned ? ['receiptPrinter'] : [],
      profiles: active.profiles,
    });
  }
  if (settings.camera) {
    rows.push({
      id: `camera:${settings.camera.deviceLabel}`,
      role: 'camera',
      kind: 'camera',
      status: 'assigned',
      detail: 'chosen on the kiosk screen',
      address: settings.camera.deviceLabel,
      usableFor: ['camera'],
      assignedTo: ['camera'],
    });
  }
  return rows;
}
