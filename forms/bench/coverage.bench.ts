/**
 * Auto-fill coverage per procedure: of each form's fields, how many the citizen record fills
 * (identity fields from the chip, the rest from the registry) and how many the citizen must
 * still type. Two records per citizen:
 * - `asSimulated`: the synthetic citizens as the registry simulator returns them (no phone,
 *   e-mail or place of birth, related persons without ID numbers);
 * - `complete`: the same citizens with every CitizenRecord field present, i.e. the best a full
 *   registry answer can do; what remains is what no record holds (the new address, the child).
 * Averaged over many citizens because what the registry holds varies (a spouse, an old ID). The
 * time one `fill` takes is reported for scale.
 */

import { personalIdFor, syntheticCitizens } from '@kiosk/test-fixtures';
import type { BenchModule } from '../../scripts/bench';
import { median, percentile, round } from '../../scripts/stats';
import { IDENTITY_FIELDS, factsFromRecord, fill, formFields, loadCatalogue } from '../src/index';
import type { CitizenFacts, CitizenRecord, Procedure } from '../src/index';

const CITIZENS = 200;

function complete(record: CitizenRecord, index: number): CitizenRecord {
  const birthYear = Number(record.dateOfBirth.slice(0, 4));
  return {
    ...record,
    phone: `091${String(1_000_000 + index).slice(-7)}`,
    email: `cong.dan.${index}@example.vn`,
    placeOfBirth: record.placeOfBirth ?? record.placeOfOrigin,
    spouse: record.spouse && {
      ...record.spouse,
      personalId: personalIdFor('001', record.sex === 'M' ? 'F' : 'M', birthYear, index),
      birthYear,
    },
    householdHead: record.householdHead && {
      ...record.householdHead,
      personalId: personalIdFor('001', 'M', birthYear - 25, index + 1),
    },
  };
}

function asFacts(record: CitizenRecord): CitizenFacts {
  return factsFromRecord(record, (field) =>
    IDENTITY_FIELDS.includes(field) ? 'chip' : 'registry',
  );
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
}

function coverage(procedure: Procedure, citizens: readonly CitizenFacts[]) {
  const fields = formFields(procedure);
  const required = fields.filter((field) => field.required).length;
  const filled: number[] = [];
  const fromChip: number[] = [];
  const toType: number[] = [];
  const micros: number[] = [];
  for (const citizen of citizens) {
    const start = process.hrtime.bigint();
    const form = fill(procedure, citizen);
    micros.push(Number(process.hrtime.bigint() - start) / 1000);
    filled.push(Object.keys(form.values).length);
    fromChip.push(Object.values(form.provenance).filter((source) => source === 'chip').length);
    toType.push(form.missing.length);
  }
  return {
    filledMean: round(mean(filled), 2),
    filledFromChipMean: round(mean(fromChip), 2),
    filledShare: round(mean(filled) / fields.length, 3),
    requiredFilledShare: round((required - mean(toType)) / required, 3),
    citizenMustTypeMean: round(mean(toType), 2),
    citizenMustTypeMax: Math.max(...toType),
    fillMicrosMedian: round(median(micros), 1),
    fillMicrosP95: round(percentile(micros, 95), 1),
  };
}

const bench: BenchModule = {
  name: 'forms-autofill-coverage',
  async run() {
    const { procedures, errors } = loadCatalogue();
    const records = syntheticCitizens(CITIZENS);
    const simulated = records.map(asFacts);
    const full = records.map((record, index) => asFacts(complete(record, index)));
    for (const procedure of procedures) coverage(procedure, simulated.slice(0, 20)); // warm-up
    const perProcedure: Record<string, unknown> = {};
    for (const procedure of procedures) {
      const fields = formFields(procedure);
      perProcedure[procedure.code] = {
        name: procedure.name.vi,
        fields: fields.length,
        requiredFields: fields.filter((field) => field.required).length,
        boundFields: fields.filter((field) => field.binding || field.bindingRules).length,
        asSimulated: coverage(procedure, simulated),
        complete: coverage(procedure, full),
      };
    }
    return {
      citizens: CITIZENS,
      note: 'fields = top-level form fields (a repeating group counts once); citizenMustType = required fields still empty after auto-fill, the only ones the kiosk asks for',
      catalogueErrors: errors.length,
      procedures: perProcedure,
    };
  },
};

export default bench;
