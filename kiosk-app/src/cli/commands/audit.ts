import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';
import { openKioskLink, withCredentialOptions, type LinkOptions } from './kiosk-link';

interface AuditOptions extends LinkOptions {
  role?: string;
  limit?: string;
  json?: boolean;
}

/** `kiosk audit [--role technician|staff] [--limit N] [--json]`: the latest audit entries. */
export async function showAudit(options: AuditOptions, out: Output = stdoutOutput): Promise<void> {
  const role = options.role ?? 'technician';
  if (role !== 'staff' && role !== 'technician')
    throw new CliError('--role is staff or technician', 2);
  const limit = options.limit === undefined ? 50 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new CliError('--limit is 1–500', 2);
  const link = await openKioskLink(role, options);
  try {
    const entries = await link.request({ type: 'audit.recent', limit });
    if (options.json) return out.json(entries);
    for (const e of entries)
      out.line([e.at, e.actor, e.action, e.subject ?? '', e.detail ?? ''].join('  ').trimEnd());
  } finally {
    await link.close();
  }
}

export function registerAudit(program: Command): void {
  withCredentialOptions(
    program.command('audit').description('staff or technician: who did what, when'),
  )
    .option('--role <role>', 'sign in as staff or technician (default technician)')
    .option('--limit <n>', 'how many entries (default 50)')
    .option('--json', 'print one JSON document')
    .action((options: AuditOptions) => showAudit(options));
}
