import type { KioskDatabase } from './database';
import { isDiskFull } from './disk-full';

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  /** Who: `staff:<name>`, `technician:<name>`, `kiosk`, `cli:<name>`. */
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly detail: string | null;
}

/** Entries held while the disk is full; past this the oldest go, and their number is recorded. */
export const MAX_HELD_AUDIT_ENTRIES = 1_000;

type NewEntry = Omit<AuditEntry, 'id'>;

/**
 * Append-only audit log of staff and technician actions (reprints, retries, settings).
 *
 * A full disk must not stop the action being audited (a technician signing in to see why the
 * kiosk is unhealthy, issue 24): an entry SQLite refuses for lack of space is held in memory, in
 * order, and written before the next entry once a write succeeds again. If more than
 * `MAX_HELD_AUDIT_ENTRIES` pile up, the oldest are dropped and an `audit.dropped` entry says how
 * many. Inside a caller's transaction nothing is held: the caller's whole write failed and it
 * must see that.
 */
export class AuditRepository {
  private readonly held: NewEntry[] = [];
  private dropped = 0;

  constructor(
    private readonly db: KioskDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(actor: string, action: string, subject?: string, detail?: string): AuditEntry {
    const entry: NewEntry = {
      at: this.now().toISOString(),
      actor,
      action,
      subject: subject ?? null,
      detail: detail ?? null,
    };
    const ownTransaction = !this.db.inTransaction;
    try {
      const id = this.db.transaction(() => {
        this.writeHeld();
        return this.insert(entry);
      })();
      this.held.length = 0;
      this.dropped = 0;
      return { id, ...entry };
    } catch (error) {
      if (!ownTransaction || !isDiskFull(error)) throw error;
      this.hold(entry);
      return { id: 0, ...entry };
    }
  }

  /** Entries waiting for disk space (0 once they are written). */
  heldCount(): number {
    return this.held.length;
  }

  private writeHeld(): void {
    for (const entry of this.held) this.insert(entry);
    if (this.dropped > 0)
      this.insert({
        at: this.now().toISOString(),
        actor: 'kiosk',
        action: 'audit.dropped',
        subject: null,
        detail: `${this.dropped} entries lost while the disk was full`,
      });
  }

  private hold(entry: NewEntry): void {
    this.held.push(entry);
    if (this.held.length <= MAX_HELD_AUDIT_ENTRIES) return;
    this.held.shift();
    this.dropped += 1;
  }

  private insert(entry: NewEntry): number {
    const info = this.db
      .prepare('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.action, entry.subject, entry.detail);
    return Number(info.lastInsertRowid);
  }

  recent(limit = 100): AuditEntry[] {
    return this.db
      .prepare(
        'SELECT id, at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?',
      )
      .all(limit) as AuditEntry[];
  }
}
