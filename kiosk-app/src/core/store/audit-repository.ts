import type { KioskDatabase } from './database';

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  /** Who: `staff:<name>`, `technician:<name>`, `kiosk`, `cli:<name>`. */
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly detail: string | null;
}

/** Append-only audit log of staff and technician actions (reprints, retries, settings). */
export class AuditRepository {
  constructor(
    private readonly db: KioskDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(actor: string, action: string, subject?: string, detail?: string): AuditEntry {
    const at = this.now().toISOString();
    const info = this.db
      .prepare('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)')
      .run(at, actor, action, subject ?? null, detail ?? null);
    return {
      id: Number(info.lastInsertRowid),
      at,
      actor,
      action,
      subject: subject ?? null,
      detail: detail ?? null,
    };
  }

  recent(limit = 100): AuditEntry[] {
    return this.db
      .prepare(
        'SELECT id, at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?',
      )
      .all(limit) as AuditEntry[];
  }
}
