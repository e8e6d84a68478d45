import type { Command } from 'commander';
import type { HealthView } from '@kiosk/protocol';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';
import { openKioskLink, withCredentialOptions, type LinkOptions } from './kiosk-link';

/** Exit code of `kiosk health` when the kiosk is unhealthy or its core is not running. */
export const EXIT_UNHEALTHY = 4;

/** A report from the running core carries `healthy`; the database fallback does not. */
function isHealthView(report: unknown): report is HealthView {
  return typeof report === 'object' && report !== null && 'healthy' in report;
}

function humanLines(health: HealthView): string[] {
  const { outbox, links, printer } = health;
  const link = (name: string, l: HealthView['links']['registry']) =>
    `${name}: last ok ${l.lastOkAt ?? 'never'}, last error ${
      l.lastErrorAt ? `${l.lastErrorAt} (${l.lastError ?? '?'})` : 'none'
    }, ${l.okCount} ok / ${l.errorCount} failed`;
  return [
    `kiosk ${health.kioskId} at ${health.at}: ${health.healthy ? 'healthy' : 'UNHEALTHY'}`,
    ...health.problems.map((p) => `  problem: ${p}`),
    ...health.devices.map((d) => `device ${d.id} (${d.kind}): ${d.status}`),
    `printer: ${printer.status}, paper ${printer.paper}${printer.detail ? ` (${printer.detail})` : ''}`,
    `outbox: ${outbox.queued} queued, ${outbox.sending} sending, ${outbox.sent} sent, ${outbox.failed} failed${
      outbox.oldestQueuedAt ? `, oldest queued ${outbox.oldestQueuedAt}` : ''
    }`,
    link('registry', links.registry),
    link('portal', links.portal),
    `disk free: ${(health.diskFreeBytes / 1024 / 1024).toFixed(0)} MiB`,
    `journey: ${health.journey}`,
    ...health.recentErrors.map((e) => `recent ${e.level}: ${e.at} ${e.event}`),
  ];
}

/**
 * `kiosk health [--json]`: technician; the running core's monitoring report (devices, printer
 * paper, outbox depth, last registry/portal calls, disk, recent errors). Exits
 * {@link EXIT_UNHEALTHY} when the report lists problems or no core is running, so a monitor can
 * use the exit code alone.
 */
export async function showHealth(
  options: LinkOptions & { json?: boolean },
  out: Output = stdoutOutput,
): Promise<void> {
  const link = await openKioskLink('technician', options);
  let report: unknown;
  try {
    report = await link.request({ type: 'health' });
  } finally {
    await link.close();
  }
  const health = isHealthView(report) ? report : undefined;
  if (options.json) out.json({ via: link.via, ...(typeof report === 'object' ? report : {}) });
  else if (health) for (const line of humanLines(health)) out.line(line);
  else out.line('the kiosk core is not running (read from the database)');
  if (!health) throw new CliError('kiosk health: the kiosk core is not running', EXIT_UNHEALTHY);
  if (!health.healthy)
    throw new CliError(`kiosk health: unhealthy (${health.problems.join(', ')})`, EXIT_UNHEALTHY);
}

export function registerHealth(program: Command): void {
  withCredentialOptions(
    program
      .command('health')
      .description(`technician: the monitoring health report (exit ${EXIT_UNHEALTHY}: unhealthy)`),
  )
    .option('--json', 'print one JSON document')
    .action((options: LinkOptions & { json?: boolean }) => showHealth(options));
}
