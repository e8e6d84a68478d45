import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ReceiptSlipSchema } from '@kiosk/printer';
import { z } from 'zod';
import { loadKioskConfig } from '../../core/config/kiosk-config';
import { describeFeeLine, receiptPdfFromSlip } from '../../core/receipt-pdf/receipt-pdf-content';
import { renderReceiptPdf } from '../../core/receipt-pdf/receipt-pdf-document';
import { signReceiptPdf } from '../../core/receipt-pdf/sign-receipt-pdf';
import { DEFAULT_RECEIPT_FONT } from '../../core/receipt-pdf/receipt-pdf-service';
import { readSigningConfig } from '../../core/receipt-pdf/signing-settings';
import { SigningError } from '../../core/receipt-pdf/signing-error';
import type { SigningConfig } from '../../core/receipt-pdf/signing-config';
import { createDemoSigningToken } from '../../demo/demo-signing-token';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';

export interface ReceiptPdfOptions {
  readonly dossier: string;
  readonly out: string;
  readonly demo?: boolean;
  readonly config?: string;
  readonly dataDir?: string;
  readonly font?: string;
}

/** The fee part of a dossier file; absent means nothing to pay. */
const dossierFeeSchema = z
  .object({
    fee: z
      .strictObject({
        amountVnd: z.number().int().nonnegative(),
        status: z.enum(['paid', 'unpaid', 'exempt']),
      })
      .default({ amountVnd: 0, status: 'exempt' }),
  })
  .loose();

async function readDossier(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new CliError(`cannot read dossier file ${file}: ${(error as Error).message}`);
  }
}

/**
 * `kiosk receipt pdf --dossier FILE --out OUT.pdf [--demo]`: the receipt (the slip's dossier file,
 * with an optional `fee`) as a PDF signed by the configured PKCS#11 token, or with `--demo` by a
 * SoftHSM2 token and test CA made under the data folder.
 */
export async function receiptPdf(
  options: ReceiptPdfOptions,
  out: Output = stdoutOutput,
): Promise<void> {
  const json = await readDossier(options.dossier);
  const fee = dossierFeeSchema.safeParse(json);
  if (!fee.success) throw new CliError(`dossier file ${options.dossier}: invalid "fee"`);
  // The file states the fee once, as an amount and a status; the slip carries it as printed text.
  const slipFee = { text: describeFeeLine(fee.data.fee), paid: fee.data.fee.status === 'paid' };
  const slip = ReceiptSlipSchema.safeParse({ ...fee.data, fee: slipFee });
  if (!slip.success) {
    throw new CliError(`dossier file ${options.dossier}: ${slip.error.issues[0]?.message ?? ''}`);
  }
  const config = loadKioskConfig(options.config);
  let signing: SigningConfig;
  if (options.demo) {
    const folder = path.join(options.dataDir ?? config.dataDir, 'signing-demo');
    signing = createDemoSigningToken(folder).config;
    out.line(`demo token and test CA: ${folder}`);
  } else if (config.receiptSigning) {
    signing = await readSigningConfig(config.receiptSigning);
  } else {
    throw new CliError('no "receiptSigning" in the configuration (or use --demo)');
  }
  const now = new Date();
  const pdf = await renderReceiptPdf(receiptPdfFromSlip(slip.data, fee.data.fee), {
    fontBytes: await readFile(options.font ?? DEFAULT_RECEIPT_FONT),
    signerName: signing.signerName,
    location: signing.location,
    createdAt: now,
  });
  try {
    const signed = await signReceiptPdf(pdf, signing, now);
    await writeFile(options.out, signed);
    out.line(`${options.out}: ${signed.length} bytes, signed by token "${signing.tokenLabel}"`);
  } catch (error) {
    if (error instanceof SigningError) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  }
}

export function registerReceiptPdf(receipt: Command): void {
  receipt
    .command('pdf')
    .description('write the receipt as a PDF signed with the PKCS#11 token')
    .requiredOption('--dossier <file>', 'JSON receipt slip, with an optional "fee"')
    .requiredOption('--out <file>', 'where to write the signed PDF')
    .option('--demo', 'sign with a SoftHSM2 token and test CA made under the data folder')
    .option('--config <file>', 'kiosk configuration with "receiptSigning"')
    .option('--data-dir <dir>', 'data folder (for --demo)')
    .option('--font <file>', 'TrueType font with Vietnamese glyphs')
    .action((options: ReceiptPdfOptions) => receiptPdf(options));
}
