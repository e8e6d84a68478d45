import { findProcedure, type Procedure } from '@kiosk/forms';
import type { ProcedureInfoView } from '@kiosk/protocol';
import { procedurePortalUrl } from '../procedure-qr';

/** A procedure's published page: what to bring, pay and expect, and where it goes. */
export function procedureInfo(p: Procedure): ProcedureInfoView {
  return {
    code: p.code,
    name: p.name,
    sector: p.sector,
    agencyLevel: p.agencyLevel,
    receivingAgency: p.receivingAgency,
    intake: p.intake,
    processingTime: p.processingTime,
    fee: {
      amountVnd: p.fee.amountVnd,
      kind: p.fee.kind,
      paidAt: p.fee.paidAt,
      legalSource: p.fee.legalSource,
      exemptions: p.fee.exemptions,
    },
    ...(p.fee.note ? { feeNote: p.fee.note } : {}),
    documents: p.documents,
    resultDelivery: p.resultDelivery,
    legalBasis: p.legalBasis,
    portalUrl: procedurePortalUrl(p.code),
  };
}

/** The page of the procedure with this national code, or undefined when the catalogue lacks it. */
export function describeProcedure(
  procedures: readonly Procedure[],
  code: string,
): ProcedureInfoView | undefined {
  const procedure = findProcedure(procedures, code);
  return procedure ? procedureInfo(procedure) : undefined;
}
