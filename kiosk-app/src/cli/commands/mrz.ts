import type { Command } from 'commander';
import { correctMrz, isMrzError, parseMrz, type MrzDocument } from '@kiosk/mrz';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';

function describeDocument(doc: MrzDocument, out: Output): void {
  out.line(`format          ${doc.format}`);
  out.line(`document code   ${doc.documentCode}`);
  out.line(`issuing state   ${doc.issuingState}`);
  out.line(`document number ${doc.documentNumber}`);
  if (doc.personalId) out.line(`personal ID     ${doc.personalId}`);
  out.line(`name            ${doc.surname}, ${doc.givenNames}`);
  out.line(`date of birth   ${doc.dateOfBirth}`);
  out.line(`sex             ${doc.sex}`);
  out.line(`date of expiry  ${doc.dateOfExpiry ?? '(none)'}`);
  out.line(`nationality     ${doc.nationality}`);
}

function asCliError(error: unknown): never {
  if (isMrzError(error)) throw new CliError(`${error.code}: ${error.message}`);
  throw error;
}

/** `kiosk mrz parse TEXT [--correct] [--json]`: lines separated by newlines or a typed `\n`. */
export function mrzParse(
  text: string,
  opts: { json?: boolean; correct?: boolean },
  out: Output = stdoutOutput,
): void {
  try {
    if (opts.correct) {
      const { document, corrections } = correctMrz(text);
      if (opts.json) return out.json({ ...document, corrections });
      describeDocument(document, out);
      for (const c of corrections) {
        out.line(`corrected       line ${c.line + 1} col ${c.column + 1}: ${c.from} → ${c.to}`);
      }
      return;
    }
    const document = parseMrz(text);
    if (opts.json) return out.json(document);
    describeDocument(document, out);
  } catch (error) {
    asCliError(error);
  }
}

/** `kiosk mrz ocr IMAGE... [--json]`: camera OCR on still images (one document per image). */
export async function mrzOcr(
  images: readonly string[],
  json: boolean,
  out: Output = stdoutOutput,
): Promise<void> {
  const { readMrzFromImageFiles } = await import('@kiosk/mrz/ocr');
  const results = await readMrzFromImageFiles(images);
  if (json) {
    out.json(results);
  } else {
    for (const r of results) {
      if (r.ok) {
        out.line(
          `${r.image}: ${r.document.lines.join(' / ')} (${r.corrections.length} corrected, ${r.ms} ms)`,
        );
      } else {
        out.line(`${r.image}: ${r.error.code}: ${r.error.message}`);
      }
    }
  }
  if (results.some((r) => !r.ok)) throw new CliError('some images could not be read', 1);
}

export function registerMrz(program: Command): void {
  const mrz = program.command('mrz').description('machine-readable zone');
  mrz
    .command('parse <text>')
    .description('parse and validate an MRZ (TD1, TD2, TD3); lines separated by newlines or \\n')
    .option('--correct', 'fix the usual OCR confusions guided by the check digits')
    .option('--json', 'print one JSON document')
    .action((text: string, opts: { json?: boolean; correct?: boolean }) => mrzParse(text, opts));
  mrz
    .command('ocr <images...>')
    .description('read the MRZ from images (offline OCR)')
    .option('--json', 'print one JSON document')
    .action((images: string[], opts: { json?: boolean }) => mrzOcr(images, opts.json === true));
}
