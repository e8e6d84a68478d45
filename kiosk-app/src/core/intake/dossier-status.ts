import type { DossierGateway } from '../links';
import type { Outbox } from '../outbox';
import type { DossierStatusPort } from '../ports';

/**
 * A dossier's status for the citizen's lookup: the one-stop system's answer when it has the
 * dossier, else this kiosk's outbox (queued, or sent and not yet visible there), else not found.
 * An unreachable system with no local copy is an error the journey shows as "unavailable".
 */
export function dossierStatusPort(gateway: DossierGateway, outbox: Outbox): DossierStatusPort {
  return {
    async status(code) {
      const result = await gateway.status(code);
      if (result.kind === 'found') {
        return {
          dossierCode: result.code,
          status: result.status,
          appointmentAt: result.appointmentAt,
          updatedAt: result.updatedAt,
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
