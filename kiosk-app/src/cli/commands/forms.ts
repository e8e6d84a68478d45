import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  citizenRecordSchema,
  describeFee,
  describeProcessingTime,
  factsFromRecord,
  fill,
  findProcedure,
  formatPath,
  loadCatalogue,
  searchProcedures,
} from '@kiosk/forms';
import type {
  CitizenFacts,
  CitizenField,
  FieldValue,
  FilledForm,
  Procedure,
  Source,
} from '@kiosk/forms';
import { CliError } from '../cli-error';
import { stdoutOutput } from '../output';
import type { Output } from '../output';

/**
 * `kiosk forms list [--json] [--search TEXT]` and `kiosk forms fill CODE --citizen FILE [--json]`.
 * A malformed procedure file is reported on stderr and the others are still listed, as the
 * kiosk itself does.
 */
export function registerForms(
  program: Command,
  output: Output = stdoutOutput,
  proceduresDir?: string,
): void {
  const forms = program.command('forms').description('procedure catalogue and form auto-fill');
  forms
    .command('list')
    .description('list the procedures, most used first')
    .option('--json', 'print one JSON document')
    .option('--search <text>', 'only procedures matching TEXT (accents optional)')
    .action((options: { json?: boolean; search?: string }) => {
      const { procedures, errors } = catalogue(proceduresDir);
      const shown = searchProcedures(procedures, options.search ?? '');
      if (options.json) {
        output.json({ procedures: shown, errors });
        return;
      }
      for (const procedure of shown) {
        output.line(
          [
            procedure.code.padEnd(9),
            procedure.name.vi,
            `— ${procedure.sector.vi}`,
            `— ${describeProcessingTime(procedure.processingTime).vi}`,
            `— ${describeFee(procedure.fee.amountVnd).vi}`,
          ].join(' '),
        );
      }
      if (shown.length === 0) output.line('Không tìm thấy thủ tục nào. / No procedure found.');
    });
  forms
    .command('fill <code>')
    .description('fill a procedure form from a citizen record (JSON) and show what is missing')
    .requiredOption('--citizen <file>', 'a CitizenRecord JSON file, or {"record", "provenance"}')
    .option('--json', 'print one JSON document')
    .action((code: string, options: { citizen: string; json?: boolean }) => {
      const { procedures } = catalogue(proceduresDir);
      const procedure = findProcedure(procedures, code);
      if (!procedure)
        throw new CliError(
          `kiosk forms fill: no procedure with code "${code}" (kiosk forms list shows the codes)`,
        );
      const filled = fill(procedure, readCitizen(options.citizen));
      if (options.json) {
        output.json({ procedure: { code: procedure.code, name: procedure.name }, ...filled });
        return;
      }
      printFilled(output, procedure, filled);
    });
}

function catalogue(dir: string | undefined): ReturnType<typeof loadCatalogue> {
  const loaded = dir === undefined ? loadCatalogue() : loadCatalogue(dir);
  for (const error of loaded.errors) process.stderr.write(`kiosk forms: ${error.message}\n`);
  return loaded;
}

const sourceSchema = z.enum(['chip', 'qr', 'mrz', 'registry', 'citizen']);
const factsFileSchema = z.strictObject({
  record: citizenRecordSchema,
  provenance: z.record(z.string(), sourceSchema).optional(),
});

/** A plain record counts as registry data; `{record, provenance}` says where each field came from. */
function readCitizen(file: string): CitizenFacts {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(
      `kiosk forms fill: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const isFacts = typeof json === 'object' && json !== null && 'record' in json;
  const parsed = isFacts ? factsFileSchema.safeParse(json) : citizenRecordSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${formatPath(issue.path) || '(file)'}: ${issue.message}`)
      .join('; ');
    throw new CliError(`kiosk forms fill: ${file} is not a citizen record: ${problems}`);
  }
  if ('record' in parsed.data) {
    const provenance = (parsed.data.provenance ?? {}) as Partial<Record<CitizenField, Source>>;
    return factsFromRecord(parsed.data.record, (field) => provenance[field] ?? 'registry');
  }
  return factsFromRecord(parsed.data);
}

function printFilled(output: Output, procedure: Procedure, filled: FilledForm): void {
  output.line(`${procedure.code} ${procedure.name.vi} — ${procedure.form.title.vi}`);
  for (const section of procedure.form.sections) {
    output.line('');
    output.line(section.title.vi);
    for (const field of section.fields) {
      const value = filled.values[field.id];
      const option = field.options?.find((entry) => entry.value === value);
      const shown = value === undefined ? '—' : option ? option.label.vi : displayValue(value);
      const source = filled.provenance[field.id];
      const mark = filled.missing.includes(field.id) ? ' (còn thiếu / missing)' : '';
      output.line(`  ${field.label.vi}: ${shown}${source ? ` [${source}]` : ''}${mark}`);
    }
  }
  output.line('');
  output.line(
    filled.missing.length === 0
      ? 'Đã đủ thông tin bắt buộc. / All required fields are filled.'
      : `Công dân cần điền ${filled.missing.length} mục / fields to type: ${filled.missing.join(', ')}`,
  );
  for (const issue of filled.issues) output.line(`  ! ${issue.message.vi}`);
}

function displayValue(value: FieldValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (Array.isArray(value)) return `${value.length} dòng`;
  const address = value as Exclude<FieldValue, string | boolean | readonly unknown[]>;
  return [address.detail, address.commune, address.district, address.province]
    .filter(Boolean)
    .join(', ');
}
