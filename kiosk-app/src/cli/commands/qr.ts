import type { Command } from 'commander';
import { classifyQr } from '../../core/dossier-code';
import { procedureQrEvent } from '../../core/flow/procedure-qr-event';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';

/**
 * `kiosk qr parse TEXT [--json]`: what a scanned QR is (CCCD, receipt or a posted procedure QR
 * of the national portal) and its fields.
 */
export function qrParse(text: string, json: boolean, out: Output = stdoutOutput): void {
  const procedure = procedureQrEvent(text);
  if (procedure?.type === 'PROCEDURE_QR_INVALID') {
    throw new CliError(`${procedure.reason}: not a procedure page of the national portal`);
  }
  if (procedure?.type === 'PROCEDURE_QR') {
    if (json) out.json({ kind: 'procedure', code: procedure.code });
    else out.line(`procedure QR  ${procedure.code}`);
    return;
  }
  const result = classifyQr(text);
  if (result.kind === 'unknown') {
    throw new CliError(`${result.error.code}: ${result.error.message}`);
  }
  if (json) {
    out.json(result);
    return;
  }
  if (result.kind === 'receipt') {
    const d = result.receipt.dossier;
    out.line(`receipt QR (${result.receipt.form})`);
    out.line(`dossier code  ${d.code}`);
    out.line(`unit          ${d.unitCode}`);
    out.line(`received on   ${d.receivedOn}`);
    return;
  }
  const c = result.cccd;
  out.line(`CCCD QR (${c.generation})`);
  out.line(`personal ID   ${c.personalId}`);
  if (c.oldIdNumber) out.line(`old ID        ${c.oldIdNumber}`);
  out.line(`full name     ${c.fullName}`);
  out.line(`date of birth ${c.dateOfBirth}`);
  out.line(`sex           ${c.sex}`);
  out.line(`address       ${c.address}`);
  out.line(`date of issue ${c.dateOfIssue}`);
  c.extraFields.forEach((f, i) => out.line(`extra ${i + 1}       ${f}`));
}

export function registerQr(program: Command): void {
  program
    .command('qr')
    .description('QR codes: CCCD cards and kiosk receipts')
    .command('parse <text>')
    .description('parse a CCCD QR payload, a receipt QR or a posted procedure QR')
    .option('--json', 'print one JSON document')
    .action((text: string, opts: { json?: boolean }) => qrParse(text, opts.json === true));
}
