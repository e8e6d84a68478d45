import type { DossierStatusView } from '@kiosk/protocol';
import type { DossierGateway, StatusResult } from '../links';
import type { Outbox } from '../outbox';
import type { DossierStatusPort } from '../ports';

/**
 * A dossier's status for the citizen's lookup: the one-stop system's answer when it has the
 * dossier, else this kiosk's outbox (queued, or sent and not yet visible there), else not found.
 * An unreachable system with no local copy is an error the journey shows as "unavailable".
 */
/** What acting on an acceptance found by the lookup gave: the new appointment, the print. */
export type AcceptanceOutcome = Partial<
  Pick<DossierStatusView, 'appointmentAt' | 'receiptPrinted'>
>;

export function dossierStatusPort(
  gateway: DossierGateway,
  outbox: Outbox,
  onFound?: (
    code: string,
    result: Extract<StatusResult, { kind: 'found' }>,
  ) => Promise<AcceptanceOutcome>,
  /** The verdict on the signed receipt the portal keeps, when the kiosk can check one. */
  receiptSignature?: (code: string) => Promise<DossierStatusView['receiptSignature']>,
): DossierStatusPort {
  return {
    async status(code) {
      const result = await gateway.status(code);
      if (result.kind === 'found') {
        // A phiếu accepted since: its receipt is printed now (issue 15).
        const outcome = onFound ? await onFound(code, result) : {};
        const signature = await receiptSignature?.(code);
        return {
          dossierCode: result.code,
          status: result.status,
          appointmentAt: outcome.appointmentAt ?? result.appointmentAt,
          updatedAt: result.updatedAt,
          ...(outcome.receiptPrinted !== undefined
            ? { receiptPrinted: outcome.receiptPrinted }
            : {}),
          ...(result.status === 'refused' && result.acceptance?.reason
            ? { reason: result.acceptance.reason }
            : {}),
          // History, fee and whether the result can be collected (issue 18).
          ...result.details,
          ...(signature ? { receiptSignature: signature } : {}),
        };
      }
      const local = outbox.get(code);
      if (local)
        return {
          dossierCode: code,
          status: local.state === 'sent' ? (local.gatewayStatus ?? 'received') : 'queued',
        };
      if (result.kind === 'notFound') return 'notFound';
      throw new Error(`gateway unavailable: ${result.reason}`);
    },
  };
}
