import type { LocalizedText } from '@kiosk/forms/browser';
import type { FeeView } from './fee-view';

/**
 * A published procedure as the citizen reads it before applying (issue 18, item 4): opened by
 * scanning the QR posted in the centre or from the catalogue without a card. Read-only; no
 * personal data.
 */
export interface ProcedureInfoView {
  /** National procedure code (mã thủ tục hành chính), `d.dddddd`. */
  readonly code: string;
  readonly name: LocalizedText;
  readonly sector: LocalizedText;
  readonly agencyLevel: 'province' | 'commune' | 'ministry';
  /** Who decides; where the dossier goes. */
  readonly receivingAgency: LocalizedText;
  /** `electronic`: filed at the kiosk and accepted by the one-stop system; `counter`: an officer checks the papers. */
  readonly intake: 'electronic' | 'counter';
  readonly processingTime: {
    readonly unit: 'workingHours' | 'calendarDays';
    readonly amount: number;
    readonly cutOff?: string;
  };
  readonly fee: FeeView;
  /** The fee's full rule (per page, online discount, exemptions). */
  readonly feeNote?: LocalizedText;
  readonly documents: readonly { name: LocalizedText; copies: number; original: boolean }[];
  readonly resultDelivery: readonly ('counter' | 'post' | 'online')[];
  readonly legalBasis: readonly string[];
  /** The national portal's page of the procedure: the QR the citizen takes to a phone. */
  readonly portalUrl: string;
}

/** Why a scanned QR opened no procedure: not a procedure page, or a code this kiosk lacks. */
export type ProcedurePageProblem = 'notProcedure' | 'unknownProcedure';

/**
 * The procedure page's part of the journey view: `browsing` the catalogue without a card,
 * `describing` (looking the code up), `showing` the page, `problem` (the QR opened nothing),
 * `awaitingCard` after "Nộp hồ sơ" (place the card; the procedure is preselected).
 */
export interface ProcedurePageView {
  readonly phase: 'browsing' | 'describing' | 'showing' | 'problem' | 'awaitingCard';
  readonly code?: string;
  readonly info?: ProcedureInfoView;
  readonly problem?: ProcedurePageProblem;
}
