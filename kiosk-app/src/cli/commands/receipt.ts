import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  ReceiptSlipSchema,
  ReceiptTemplateSchema,
  defaultTemplate,
  loadProfile,
  renderReceipt,
  type ReceiptTemplate,
} from '@kiosk/printer';
import { isDeviceError } from '@kiosk/device';
import { CliError } from '../cli-error';
import { registerReceiptPdf } from './receipt-pdf';
import { stdoutOutput, type Output } from '../output';

export interface ReceiptRenderOptions {
  readonly dossier: string;
  readonly profile: string;
  readonly out: string;
  readonly png?: string;
  readonly template?: string;
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${what} ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`${what} ${file} is not valid JSON`);
  }
}

function issues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  return error.issues
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/**
 * `kiosk receipt render --dossier FILE --profile NAME --out FILE.bin [--png FILE.png]
 * [--template FILE]`: the dossier file is a JSON ReceiptSlip; writes the ESC/POS bytes and,
 * if asked, the PNG preview of the same print.
 */
export async function receiptRender(
  opts: ReceiptRenderOptions,
  out: Output = stdoutOutput,
): Promise<void> {
  const slip = ReceiptSlipSchema.safeParse(await readJson(opts.dossier, 'dossier file'));
  if (!slip.success) throw new CliError(`dossier file ${opts.dossier}: ${issues(slip.error)}`);
  let template: ReceiptTemplate = defaultTemplate();
  if (opts.template) {
    const parsed = ReceiptTemplateSchema.safeParse(await readJson(opts.template, 'template file'));
    if (!parsed.success)
      throw new CliError(`template file ${opts.template}: ${issues(parsed.error)}`);
    template = parsed.data;
  }
  try {
    const profile = loadProfile(opts.profile);
    const rendered = renderReceipt(slip.data, profile, template);
    await writeFile(opts.out, rendered.escpos);
    if (opts.png) await writeFile(opts.png, rendered.previewPng);
    out.line(`${opts.out}: ${rendered.escpos.length} bytes for ${profile.name}`);
    if (opts.png) out.line(`${opts.png}: preview`);
    if (rendered.substituted.length > 0) {
      out.line(
        `warning: no code page has ${[...new Set(rendered.substituted)].join(' ')}; printed without tone or as "?"`,
      );
    }
  } catch (error) {
    if (isDeviceError(error)) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  }
}

export function registerReceipt(program: Command): void {
  const receipt = program.command('receipt').description('receipt slips');
  registerReceiptPdf(receipt);
  receipt
    .command('render')
    .description('build the ESC/POS bytes (and a PNG preview) of a receipt slip')
    .requiredOption('--dossier <file>', 'JSON receipt slip')
    .requiredOption('--profile <name>', 'printer profile, e.g. epson-80mm-tcvn3')
    .requiredOption('--out <file>', 'where to write the ESC/POS bytes')
    .option('--png <file>', 'where to write the PNG preview')
    .option('--template <file>', 'JSON centre template (default: official labels, no header lines)')
    .action((opts: ReceiptRenderOptions) => receiptRender(opts));
}
