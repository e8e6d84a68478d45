import type { JourneyContext } from './journey-context';
import type {
  PrepareFormInput,
  PrintReceiptInput,
  ReadDocumentInput,
  RequestPaymentInput,
  SubmitDossierInput,
  ValidateFormInput,
} from './journey-services';

/**
 * What each invoked actor is given, from the journey's context. A missing piece is a chart bug
 * (the state cannot be reached without it), so it throws rather than passing an empty value.
 */
interface Args {
  readonly context: JourneyContext;
}

function missing(what: string): never {
  throw new Error(what);
}

export function readDocumentInput({ context }: Args): ReadDocumentInput {
  return { trigger: context.trigger ?? missing('identifying without a trigger') };
}

export function prepareFormInput({ context }: Args): PrepareFormInput {
  if (!context.citizen || !context.procedure) missing('no citizen or procedure');
  return { procedureCode: context.procedure.code, citizen: context.citizen };
}

export function validateFormInput({ context }: Args): ValidateFormInput {
  return { form: context.form ?? missing('no form') };
}

export function submitDossierInput({ context }: Args): SubmitDossierInput {
  if (!context.procedure || !context.citizen || !context.form) missing('incomplete dossier');
  return {
    procedureCode: context.procedure.code,
    citizen: context.citizen,
    form: context.form,
    optionalPapers: context.optionalPapers ?? {},
  };
}

export function printReceiptInput({ context }: Args): PrintReceiptInput {
  return { receipt: context.receipt ?? missing('no receipt') };
}

export function requestPaymentInput({ context }: Args): RequestPaymentInput {
  return { receipt: context.receipt ?? missing('no receipt to pay for') };
}
