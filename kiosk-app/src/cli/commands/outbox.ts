import type { Command } from 'commander';
import type { OutboxStateView } from '@kiosk/protocol';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';
import { openKioskLink, withCredentialOptions, type LinkOptions } from './kiosk-link';

const STATES: readonly OutboxStateView[] = ['queued', 'sending', 'sent', 'failed'];

/** `kiosk outbox [list] [--state S] [--json]`: staff; dossiers waiting for the gateway. */
export async function listOutbox(
  options: LinkOptions & { state?: string; json?: boolean },
  out: Output = stdoutOutput,
): Promise<void> {
  const state = options.state as OutboxStateView | undefined;
  if (state !== undefined && !STATES.includes(state))
    throw new CliError(`--state is one of ${STATES.join(', ')}`, 2);
  const link = await openKioskLink('staff', options);
  try {
    const data = await link.request({ type: 'outbox.list', state });
    if (options.json) return out.json(data);
    out.line(STATES.map((s) => `${s} ${data.counts[s]}`).join('  '));
    for (const e of data.entries)
      out.line(
        `${String(e.id).padStart(6)}  ${e.code}  ${e.state.padEnd(7)}  attempts ${e.attempts}${e.lastError ? `  ${e.lastError}` : ''}`,
      );
  } finally {
    await link.close();
  }
}

/** `kiosk outbox retry <id>`: staff; sends a failed dossier again with its original key. */
export async function retryOutbox(
  id: string,
  options: LinkOptions,
  out: Output = stdoutOutput,
): Promise<void> {
  const outboxId = Number(id);
  if (!Number.isInteger(outboxId) || outboxId <= 0)
    throw new CliError('the id is a positive whole number', 2);
  const link = await openKioskLink('staff', options);
  try {
    await link.request({ type: 'outbox.retry', outboxId });
    out.line(`outbox entry ${outboxId} queued again`);
  } finally {
    await link.close();
  }
}

export function registerOutbox(program: Command): void {
  const outbox = program.command('outbox').description('staff: the dossier outbox');
  withCredentialOptions(outbox.command('list', { isDefault: true }).description('list entries'))
    .option('--state <state>', STATES.join(' | '))
    .option('--json', 'print one JSON document')
    .action((options: LinkOptions & { state?: string; json?: boolean }) => listOutbox(options));
  withCredentialOptions(outbox.command('retry <id>').description('retry a failed send')).action(
    (id: string, options: LinkOptions) => retryOutbox(id, options),
  );
}
