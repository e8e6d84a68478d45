import type { Command } from 'commander';
import { stdoutOutput, type Output } from '../output';
import { openKioskLink, withCredentialOptions, type LinkOptions } from './kiosk-link';

/** `kiosk health [--json]`: technician; devices, outbox depth, disk, from the running core. */
export async function showHealth(
  options: LinkOptions & { json?: boolean },
  out: Output = stdoutOutput,
): Promise<void> {
  const link = await openKioskLink('technician', options);
  try {
    const health = await link.request<Record<string, unknown>>({ type: 'health' });
    const report = { via: link.via, ...health };
    if (options.json) return out.json(report);
    for (const [key, value] of Object.entries(report))
      out.line(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  } finally {
    await link.close();
  }
}

export function registerHealth(program: Command): void {
  withCredentialOptions(
    program.command('health').description('technician: the monitoring health report'),
  )
    .option('--json', 'print one JSON document')
    .action((options: LinkOptions & { json?: boolean }) => showHealth(options));
}
