import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { LogExportView } from '@kiosk/protocol';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';
import { openKioskLink, withCredentialOptions, type LinkOptions } from './kiosk-link';

/** Most pages one export asks for (the core keeps about 2000 lines; this is far above). */
const MAX_PAGES = 1000;

/**
 * `kiosk logs export [--out FILE]`: technician; the running core's recent log lines, redacted
 * twice (personal data removed), as JSON Lines to a file (mode 0600) or to standard output.
 * Each page the core hands out is written to its audit log.
 */
export async function exportLogs(
  options: LinkOptions & { out?: string },
  out: Output = stdoutOutput,
): Promise<void> {
  const link = await openKioskLink('technician', options);
  let text = '';
  let lines = 0;
  try {
    if (link.via !== 'api')
      throw new CliError('kiosk logs export needs the running kiosk core (kiosk serve)', 1);
    let from: number | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const reply: LogExportView = await link.request({
        type: 'logs.export',
        ...(from === undefined ? {} : { from }),
      });
      text += reply.text;
      lines += reply.lines;
      if (reply.next === undefined || reply.lines === 0) break;
      from = reply.next;
    }
  } finally {
    await link.close();
  }
  if (options.out) {
    writeFileSync(options.out, text, { mode: 0o600 });
    out.line(`wrote ${lines} log lines to ${options.out}`);
  } else if (text !== '') {
    out.line(text.replace(/\n$/, ''));
  }
}

export function registerLogs(program: Command): void {
  const logs = program.command('logs').description('technician: the kiosk log for support');
  withCredentialOptions(
    logs.command('export').description('export the recent log lines (personal data redacted)'),
  )
    .option('--out <file>', 'write JSON Lines to this file instead of standard output')
    .action((options: LinkOptions & { out?: string }) => exportLogs(options));
}
