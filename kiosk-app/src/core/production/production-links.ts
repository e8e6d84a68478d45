import { createLinkClients, type LinkEndpoints, type LiveLinkClients } from '../links/link-clients';
import type { Logger } from '../log/logger';

/**
 * The registry and portal clients of a real kiosk, which must start even when an endpoint is not
 * configured yet: a lookup or a submission then answers `unavailable` with the reason
 * `not-configured` (the citizen sees the registry-unavailable or queued-dossier message, the
 * health report counts the failure), and a warning `links.notConfigured` names the link at start
 * so it shows in the health report's recent errors. A technician's settings change connects it.
 */
export function createProductionLinks(endpoints: LinkEndpoints, logger: Logger): LiveLinkClients {
  for (const link of ['registry', 'portal'] as const)
    if (!endpoints[link]) logger.warn('links.notConfigured', { link });
  return createLinkClients(endpoints);
}
