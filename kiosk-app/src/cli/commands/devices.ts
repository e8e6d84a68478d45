import type { Command } from 'commander';
import { z } from 'zod';
import {
  deviceAssignmentSchema,
  type CardTestView,
  type DeviceAssignment,
  type QrTestView,
} from '@kiosk/protocol';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';
import { openKioskLink, withCredentialOptions, type LinkOptions } from './kiosk-link';

/** `kiosk devices [--json]`: technician; the devices the running core sees, with status. */
export async function listDevices(
  options: LinkOptions & { json?: boolean },
  out: Output = stdoutOutput,
): Promise<void> {
  const link = await openKioskLink('technician', options);
  try {
    const devices = await link.request({ type: 'devices.list' });
    if (options.json) return out.json({ via: link.via, devices });
    if (link.via === 'database') out.line('(the kiosk core is not running: no live devices)');
    for (const d of devices)
      out.line(
        `${d.id.padEnd(24)} ${d.kind.padEnd(11)} ${d.status}${d.detail ? `  ${d.detail}` : ''}`,
      );
  } finally {
    await link.close();
  }
}

/** The roles as `kiosk devices assign` names them. */
export const ASSIGN_ROLES = ['card-reader', 'printer', 'mrz-reader', 'qr-scanner', 'camera'];

export interface AssignOptions {
  readonly profile?: string;
  readonly baud?: string;
  readonly framing?: string;
  readonly terminator?: string;
  readonly mode?: string;
}

/**
 * `kiosk devices assign ROLE DEVICE [options]` → the API's assignment, checked by the protocol's
 * schema (unknown role, bad number or path: a CliError naming it). A QR scanner is `hid:VID:PID`
 * (hex) or a serial port path.
 */
export function assignmentFromArgs(
  role: string,
  device: string,
  options: AssignOptions,
): DeviceAssignment {
  const baudRate = options.baud === undefined ? 9600 : Number(options.baud);
  const hid = /^hid:([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(device);
  const candidates: Record<string, () => unknown> = {
    'card-reader': () => ({ role: 'cardReader', reader: device }),
    printer: () => {
      if (!options.profile) throw new CliError('printer: --profile NAME is required');
      return { role: 'receiptPrinter', uri: device, profile: options.profile };
    },
    'mrz-reader': () => ({
      role: 'mrzReader',
      settings: {
        path: device,
        baudRate,
        framing: { kind: options.framing ?? 'lines', terminator: options.terminator ?? 'any' },
      },
    }),
    'qr-scanner': () => ({
      role: 'qrScanner',
      settings:
        hid?.[1] && hid[2]
          ? {
              kind: 'hid',
              vendorId: parseInt(hid[1], 16),
              productId: parseInt(hid[2], 16),
              mode: options.mode ?? 'auto',
            }
          : { kind: 'serial', path: device, baudRate },
    }),
    camera: () => ({ role: 'camera', settings: { deviceLabel: device } }),
  };
  const candidate = Object.hasOwn(candidates, role) ? candidates[role] : undefined;
  if (!candidate) throw new CliError(`unknown role "${role}"; roles: ${ASSIGN_ROLES.join(', ')}`);
  const parsed = deviceAssignmentSchema.safeParse(candidate());
  if (!parsed.success)
    throw new CliError(`${role}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  return parsed.data;
}

/** `kiosk devices assign ROLE DEVICE`: technician; checked against the attached devices. */
export async function assignDevice(
  assignment: DeviceAssignment,
  options: LinkOptions & { json?: boolean },
  out: Output = stdoutOutput,
): Promise<void> {
  const link = await openKioskLink('technician', options);
  try {
    const reply = await link.request({
      type: 'devices.assign',
      assignment,
    });
    if (options.json) return out.json(reply);
    const device = reply.devices.find((d) => d.assignedTo?.includes(reply.role));
    out.line(`${reply.role}: ${device?.address ?? '(assigned)'} — in effect now`);
  } finally {
    await link.close();
  }
}

function cardTestLines(r: CardTestView): string[] {
  const f = r.fields;
  return [
    `reader: ${r.reader} (${r.protocol}, ${r.totalMs} ms, keys from ${r.keySource})`,
    `passive authentication: ${r.passiveAuthentication.status}${
      r.passiveAuthentication.detail ? ` (${r.passiveAuthentication.detail})` : ''
    }`,
    `name: ${f.fullName ?? ''}`,
    `personal ID: ${f.personalId ?? ''}`,
    `born: ${f.dateOfBirth ?? ''}  sex: ${f.sex ?? ''}  valid until: ${f.dateOfExpiry ?? 'no expiry'}`,
    `photo: ${f.hasPhoto ? 'yes' : 'no'}`,
  ];
}

function qrTestLines(r: QrTestView): string[] {
  if (r.outcome !== 'scanned') return [r.outcome === 'timeout' ? 'no scan (timed out)' : r.outcome];
  return [`${r.kind}: ${r.text}`, ...Object.entries(r.fields).map(([k, v]) => `  ${k}: ${v}`)];
}

/** `kiosk devices test card|print|qr`: technician; needs the running core (live devices). */
export async function testDevice(
  device: string,
  options: LinkOptions & { json?: boolean; can?: string; mrz?: string; timeout?: string },
  out: Output = stdoutOutput,
): Promise<void> {
  const link = await openKioskLink('technician', options);
  try {
    let lines: string[];
    let reply: unknown;
    // The core waits for the card or the scan: say so on stderr (stdout stays the result).
    const hint = (text: string) => process.stderr.write(`${text}\n`);
    if (device === 'card') {
      hint('Place the card on the assigned reader now (the test waits up to 20 s)…');
      const r = await link.request({
        type: 'devices.testCardRead',
        ...(options.can ? { can: options.can } : {}),
        ...(options.mrz ? { mrz: options.mrz } : {}),
      });
      [reply, lines] = [r, cardTestLines(r)];
    } else if (device === 'print') {
      const r = await link.request({ type: 'devices.testPrint' });
      const s = r.status;
      const status = s
        ? `${s.online ? 'online' : 'offline'}, paper ${s.paper}${s.coverOpen ? ', cover open' : ''}`
        : 'status unknown';
      [reply, lines] = [r, [`test slip printed at ${r.at}; printer ${status}`]];
    } else if (device === 'qr') {
      const timeoutSeconds = options.timeout === undefined ? undefined : Number(options.timeout);
      hint('Scan a QR code with the assigned scanner now…');
      const r = await link.request({ type: 'devices.testQr', timeoutSeconds });
      [reply, lines] = [r, qrTestLines(r)];
    } else {
      throw new CliError(`unknown test "${device}"; tests: card, print, qr`);
    }
    if (options.json) return out.json(reply);
    for (const line of lines) out.line(line);
  } finally {
    await link.close();
  }
}

export function registerDevices(program: Command): void {
  const devices = withCredentialOptions(
    program
      .command('devices')
      .description('technician: readers, serial ports, HID devices and printers with status'),
  )
    .option('--json', 'print one JSON document')
    .action((options: LinkOptions & { json?: boolean }) => listDevices(options));
  withCredentialOptions(
    devices
      .command('assign <role> <device>')
      .description(
        `technician: give a role (${ASSIGN_ROLES.join(', ')}) to a device: reader name, port, printer URI, hid:VID:PID or camera label`,
      ),
  )
    .option('--profile <name>', 'printer profile (printer)')
    .option('--baud <n>', 'serial speed (mrz-reader, serial qr-scanner)', '9600')
    .option('--framing <kind>', 'lines or stx-etx (mrz-reader)')
    .option('--terminator <t>', 'CR, LF, CRLF or any (mrz-reader)')
    .option('--mode <mode>', 'auto, hid-pos or keyboard-wedge (HID qr-scanner)')
    .option('--json', 'print one JSON document')
    .action(
      (role: string, device: string, options: LinkOptions & AssignOptions & { json?: boolean }) =>
        assignDevice(assignmentFromArgs(role, device, options), options),
    );
  withCredentialOptions(
    devices
      .command('test <device>')
      .description('technician: test the card reader (card), printer (print) or scanner (qr)'),
  )
    .option('--can <digits>', 'card: the 6-digit CAN printed on the card')
    .option('--mrz <text>', 'card: the MRZ lines (newline-separated)')
    .option('--timeout <seconds>', 'qr: how long to wait for a scan (at most 20)')
    .option('--json', 'print one JSON document')
    .action(
      (
        device: string,
        options: LinkOptions & { json?: boolean; can?: string; mrz?: string; timeout?: string },
      ) => testDevice(device, options),
    );
}
