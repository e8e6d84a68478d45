import type { Command } from 'commander';
import { stdoutOutput, type Output } from '../output';
import { openKioskLink, withCredentialOptions, type LinkOptions } from './kiosk-link';

interface ListOptions extends LinkOptions {
  code?: string;
  personalId?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

/** `kiosk receipts list`: staff; by dossier code, personal ID or date range (YYYY-MM-DD). */
export async function listReceipts(
  options: ListOptions,
  out: Output = stdoutOutput,
): Promise<void> {
  const link = await openKioskLink('staff', options);
  try {
    const found = await link.request({
      type: 'receipts.find',
      dossierCode: options.code,
      personalId: options.personalId,
      from: options.from,
      to: options.to,
    });
    if (options.json) return out.json(found);
    if (found.length === 0) out.line('no matching receipts');
    for (const { receipt, printed } of found)
      out.line(
        `${receipt.dossierCode}  ${receipt.receivedAt}  ${printed ? 'printed' : 'NOT PRINTED'}  ${receipt.procedureName}`,
      );
  } finally {
    await link.close();
  }
}

/** `kiosk receipts reprint <code>`: staff; prints the stored slip marked "BẢN IN LẠI". */
export async function reprintReceipt(
  code: string,
  options: LinkOptions,
  out: Output = stdoutOutput,
): Promise<void> {
  const link = await openKioskLink('staff', options);
  try {
    const result = await link.request({
      type: 'receipts.reprint',
      dossierCode: code,
    });
    out.line(`reprinted ${result.dossierCode} (BẢN IN LẠI)`);
  } finally {
    await link.close();
  }
}

export function registerReceipts(program: Command): void {
  const receipts = program.command('receipts').description('staff: stored receipts');
  withCredentialOptions(receipts.command('list').description('find stored receipts'))
    .option('--code <dossierCode>', 'one dossier code')
    .option('--personal-id <number>', "the applicant's 12-digit personal ID number")
    .option('--from <date>', 'received on or after (YYYY-MM-DD)')
    .option('--to <date>', 'received on or before (YYYY-MM-DD)')
    .option('--json', 'print one JSON document')
    .action((options: ListOptions) => listReceipts(options));
  withCredentialOptions(
    receipts.command('reprint <code>').description('reprint a receipt, marked BẢN IN LẠI'),
  ).action((code: string, options: LinkOptions) => reprintReceipt(code, options));
}
