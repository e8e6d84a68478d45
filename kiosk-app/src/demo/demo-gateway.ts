import type { Dossier, DossierGateway, StatusResult, SubmitResult } from '../core/links';

/**
 * The demo's in-process one-stop system: accepts dossiers, deduplicates by idempotency key and
 * answers status lookups. The embedded portal simulator replaces it when available.
 */
export class DemoGateway implements DossierGateway {
  private readonly byKey = new Map<string, string>();
  private readonly dossiers = new Map<string, Dossier>();

  async submit(dossier: Dossier, idempotencyKey: string): Promise<SubmitResult> {
    const known = this.byKey.get(idempotencyKey);
    if (known) return { kind: 'accepted', code: known, status: 'received', duplicate: true };
    this.byKey.set(idempotencyKey, dossier.code);
    this.dossiers.set(dossier.code, dossier);
    return { kind: 'accepted', code: dossier.code, status: 'received', duplicate: false };
  }

  async status(code: string): Promise<StatusResult> {
    const dossier = this.dossiers.get(code);
    return dossier
      ? { kind: 'found', code, status: 'processing', appointmentAt: dossier.appointmentAt }
      : { kind: 'notFound' };
  }
}
