import type { Command } from 'commander';
import { loadKioskConfig } from '../../core/config/kiosk-config';
import { isDossierCode } from '../../core/dossier-code/dossier-code-format';
import { encodeVietQr, VietQrError } from '../../core/payment/vietqr';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';

export interface PaymentQrOptions {
  readonly dossier: string;
  readonly amount: string;
  readonly json?: boolean;
  readonly config?: string;
  readonly bin?: string;
  readonly account?: string;
}

/**
 * `kiosk payment qr --dossier CODE --amount VND [--json]`: the VietQR payload the kiosk shows for
 * a dossier's fee, to the centre's account of the configuration (or `--bin`/`--account`).
 */
export function paymentQr(options: PaymentQrOptions, out: Output = stdoutOutput): void {
  if (!isDossierCode(options.dossier)) {
    throw new CliError(`"${options.dossier}" is not a dossier code (UNIT-YYMMDD-NNNN)`);
  }
  if (!/^\d+$/u.test(options.amount)) {
    throw new CliError(`--amount "${options.amount}" is not a whole number of đồng`);
  }
  const payment =
    options.bin || options.account ? undefined : loadKioskConfig(options.config).payment;
  const acquirerBin = options.bin ?? payment?.acquirerBin;
  const accountNumber = options.account ?? payment?.accountNumber;
  if (!acquirerBin || !accountNumber) {
    throw new CliError(
      'no payment account: set "payment" in the configuration or pass --bin and --account',
    );
  }
  let payload: string;
  try {
    payload = encodeVietQr({
      acquirerBin,
      accountNumber,
      amountVnd: Number(options.amount),
      purpose: options.dossier,
    });
  } catch (error) {
    if (error instanceof VietQrError) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  }
  if (options.json) {
    out.json({
      payload,
      dossierCode: options.dossier,
      amountVnd: Number(options.amount),
      acquirerBin,
      accountNumber,
      crc: payload.slice(-4),
    });
    return;
  }
  out.line(payload);
}

export function registerPayment(program: Command): void {
  program
    .command('payment')
    .description('fee payment by VietQR')
    .command('qr')
    .description('print the VietQR payload for a dossier fee')
    .requiredOption('--dossier <code>', 'dossier code, e.g. H29.12-261207-3001')
    .requiredOption('--amount <vnd>', 'amount in đồng')
    .option('--json', 'print one JSON document (the payload is "payload")')
    .option('--config <file>', 'kiosk configuration with the "payment" account')
    .option('--bin <bin>', 'NAPAS acquirer BIN (instead of the configuration)')
    .option('--account <number>', 'account number (instead of the configuration)')
    .action((options: PaymentQrOptions) => paymentQr(options));
}
