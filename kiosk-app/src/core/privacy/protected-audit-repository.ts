import type { KioskDatabase } from '../store/database';
import { AuditRepository, type AuditEntry } from '../store/audit-repository';
import type { DataKey } from './data-key';
import { BlindIndex } from './blind-index';
import type { DataKeyring, FieldRef } from './field-cipher';

/** Blind-index column of a personal ID named in an audit entry (its own HMAC key). */
export const AUDIT_SUBJECT: FieldRef = { table: 'audit_log', column: 'subject' };

/**
 * A personal ID on its own: 12 digits (CCCD) or 9 (the old CMND). Dossier codes (`-260310-3001`),
 * dates and outbox ids never have 9 digits in a row. Matched first and kept: a token already in
 * the text, so its base64url part is never mistaken for an ID, and a key id or hash in hex (16 or
 * more lowercase hex characters with at least one letter, e.g. a configuration key
 * `4c868179812eabca`), whose digits can run to nine by chance.
 */
const TOKEN_OR_PERSONAL_ID =
  /bi1:[0-9a-f]{8}:[A-Za-z0-9_-]{43}|(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{16,}(?![0-9A-Za-z])|(?<!\d)(?:\d{12}|\d{9})(?!\d)/g;

/** A hex key id or hash, kept as it is (see above). */
const HEX_KEY = /^[0-9a-f]{16,}$/;

/** Rows that may name an ID: a search, or 9 digits in a row anywhere (GLOB has no `{9}`). */
const NINE_DIGITS = `*${'[0-9]'.repeat(9)}*`;

interface StoredRow {
  id: number;
  action: string;
  subject: string | null;
  detail: string | null;
}

/**
 * `AuditRepository` that never stores a citizen's personal ID. The audit log is kept when the
 * purge removes everything else (who reprinted or searched what must stay answerable), so an ID
 * written there would outlive the retention. A staff search by ID (`receipts.find`, subject
 * `code|personalId|from|to`) keeps the search's blind-index token instead: equal IDs give equal
 * tokens, so an investigator with the key can still ask who searched for a citizen. Any other
 * 9- or 12-digit run in a subject or detail is replaced the same way. Opening it rewrites entries
 * an older version stored in clear and checkpoints the WAL, so no copy of them stays on disk.
 */
export class ProtectedAuditRepository extends AuditRepository {
  private readonly index: BlindIndex;

  constructor(
    private readonly database: KioskDatabase,
    keys: DataKey | DataKeyring,
    now: () => Date = () => new Date(),
  ) {
    super(database, now);
    this.index = new BlindIndex(keys);
    this.protectStoredEntries();
  }

  override record(actor: string, action: string, subject?: string, detail?: string): AuditEntry {
    return super.record(
      actor,
      action,
      subject === undefined ? undefined : this.protect(action, subject),
      detail === undefined ? undefined : this.tokenise(detail),
    );
  }

  /** Rewrites entries that still name an ID; returns how many changed. */
  protectStoredEntries(): number {
    const rows = this.database
      .prepare(
        `SELECT id, action, subject, detail FROM audit_log
         WHERE action = 'receipts.find' OR subject GLOB ? OR detail GLOB ?`,
      )
      .all(NINE_DIGITS, NINE_DIGITS) as StoredRow[];
    const update = this.database.prepare(
      'UPDATE audit_log SET subject = ?, detail = ? WHERE id = ?',
    );
    let changed = 0;
    this.database.transaction(() => {
      for (const row of rows) {
        const subject = row.subject === null ? null : this.protect(row.action, row.subject);
        const detail = row.detail === null ? null : this.tokenise(row.detail);
        if (subject === row.subject && detail === row.detail) continue;
        update.run(subject, detail, row.id);
        changed += 1;
      }
    })();
    // The old cells are zeroed (secure_delete); the WAL still holds the old pages until here.
    if (changed > 0) this.database.pragma('wal_checkpoint(TRUNCATE)');
    return changed;
  }

  private protect(action: string, subject: string): string {
    if (action !== 'receipts.find') return this.tokenise(subject);
    const fields = subject.split('|');
    const personalId = fields[1];
    if (personalId && !BlindIndex.isToken(personalId))
      fields[1] = this.index.tokenOf(personalId, AUDIT_SUBJECT);
    return this.tokenise(fields.join('|'));
  }

  private tokenise(text: string): string {
    return text.replace(TOKEN_OR_PERSONAL_ID, (found) =>
      BlindIndex.isToken(found) || HEX_KEY.test(found)
        ? found
        : this.index.tokenOf(found, AUDIT_SUBJECT),
    );
  }
}
