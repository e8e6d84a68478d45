import {
  editableFieldIds,
  fill,
  findProcedure,
  loadCatalogue,
  missingFields,
  validate,
  type CitizenFacts,
  type FieldValue,
  type Procedure,
  type Source,
} from '@kiosk/forms';
import type { FormView, ProcedureSummary } from '@kiosk/protocol';
import type { Logger } from '../log/logger';

export class UnknownProcedureError extends Error {
  override readonly name = 'UnknownProcedureError';
}

export function procedureSummary(p: Procedure): ProcedureSummary {
  return {
    code: p.code,
    name: p.name,
    sector: p.sector,
    receivingAgency: p.receivingAgency,
    processingTime: { unit: p.processingTime.unit, amount: p.processingTime.amount },
    feeVnd: p.fee.amountVnd,
    fee: {
      amountVnd: p.fee.amountVnd,
      kind: p.fee.kind,
      paidAt: p.fee.paidAt,
      legalSource: p.fee.legalSource,
      exemptions: p.fee.exemptions,
    },
    documents: p.documents,
    rank: p.rank,
    keywords: p.keywords ?? [],
    intake: p.intake,
  };
}

/**
 * The procedure catalogue as the core uses it: summaries for the catalogue screen, and the form
 * of one procedure filled from the citizen (prepare) or re-checked after edits (validate).
 */
export class ProcedureService {
  readonly procedures: readonly Procedure[];

  constructor(procedures: readonly Procedure[]) {
    this.procedures = procedures;
  }

  static fromCatalogue(logger: Logger, dir?: string): ProcedureService {
    const catalogue = loadCatalogue(dir);
    for (const error of catalogue.errors) {
      logger.error('catalogue.invalid-file', { file: error.file, problem: error.message });
    }
    logger.info('catalogue.loaded', { procedures: catalogue.procedures.length });
    return new ProcedureService(catalogue.procedures);
  }

  summaries(): ProcedureSummary[] {
    return this.procedures.map(procedureSummary);
  }

  get(code: string): Procedure {
    const procedure = findProcedure(this.procedures, code);
    if (!procedure) throw new UnknownProcedureError(`no procedure with code ${code}`);
    return procedure;
  }

  prepare(code: string, citizen: CitizenFacts): { procedure: ProcedureSummary; form: FormView } {
    const procedure = this.get(code);
    const filled = fill(procedure, citizen);
    return {
      procedure: procedureSummary(procedure),
      form: {
        procedureCode: procedure.code,
        title: procedure.form.title,
        sections: procedure.form.sections,
        values: filled.values,
        provenance: filled.provenance,
        missing: filled.missing,
        issues: filled.issues,
        editable: editableFieldIds(procedure, filled),
      },
    };
  }

  /** Re-checks the whole form after the citizen's edits; valid when nothing is missing or wrong. */
  validate(
    code: string,
    values: Readonly<Record<string, FieldValue>>,
    previous: FormView,
  ): { valid: boolean; form: FormView } {
    const procedure = this.get(code);
    // Fields asked only for some answers (askedWhen) count only while those answers stand.
    const missing = missingFields(procedure, values);
    const issues = validate(procedure, values).filter(
      (issue) => !(issue.code === 'required' && missing.includes(issue.fieldId)),
    );
    const form: FormView = { ...previous, values, missing, issues };
    return { valid: missing.length === 0 && issues.length === 0, form };
  }

  sourcesOf(form: FormView): Readonly<Record<string, Source>> {
    return form.provenance;
  }
}
