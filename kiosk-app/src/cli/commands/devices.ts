import type { Command } from 'commander';
import type { DeviceView } from '../../protocol';
import { stdoutOutput, type Output } from '../output';
import { openKioskLink, withCredentialOptions, type LinkOptions } from './kiosk-link';

/** `kiosk devices [--json]`: technician; the devices the running core sees, with status. */
export async function listDevices(
  options: LinkOptions & { json?: boolean },
  out: Output = stdoutOutput,
): Promise<void> {
  const link = await openKioskLink('technician', options);
  try {
    const devices = await link.request<DeviceView[]>({ type: 'devices.list' });
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

export function registerDevices(program: Command): void {
  withCredentialOptions(
    program
      .command('devices')
      .description('technician: readers, serial ports, HID devices and printers with status'),
  )
    .option('--json', 'print one JSON document')
    .action((options: LinkOptions & { json?: boolean }) => listDevices(options));
}
