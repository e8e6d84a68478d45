import type { ReceiptView } from '@kiosk/protocol';
import type { KioskDatabase } from '../store/database';
import {
  ReceiptRepository,
  type ReceiptQuery,
  type StoredReceipt,
} from '../store/receipt-repository';
import type { DataKey } from './data-key';
import { BlindIndex } from './blind-index';
import { FieldCipher, type DataKeyring, type FieldRef } from './field-cipher';
import { assertKeyMatchesDatabase } from './key-check';

export const RECEIPT_SLIP: FieldRef = { table: 'receipts', column: 'slip_json' };
export const RECEIPT_PERSON: FieldRef = { table: 'receipts', column: 'personal_id' };
export const RECEIPT_PERSON_SEALED: FieldRef = { table: 'receipts', column: 'personal_id_sealed' };

export interface EncryptedReceiptOptions {
  readonly now?: () => Date;
}

interface ReceiptRow {
  slip_json: string;
  printed: number;
}

interface LegacyRow {
  dossier_code: string;
  personal_id: string;
  personal_id_sealed: string | null;
  slip_json: string;
}

/**
 * `ReceiptRepository` with the personal data sealed: the slip (it names the applicant) is
 * AES-256-GCM encrypted, and the personal ID is stored as a blind-index token (searchable by equal
 * value only) plus a sealed copy for key rotation. Needs `PRIVACY_MIGRATIONS`.
 *
 * It extends `ReceiptRepository` only so it can be passed wherever one is expected; every public
 * method is overridden (a unit test fails if the base class gains one that is not). Opening it
 * checks the key against the database and seals rows written before encryption was switched on.
 */
export class EncryptedReceiptRepository extends ReceiptRepository {
  private readonly cipher: FieldCipher;
  private readonly index: BlindIndex;
  private readonly now: () => Date;

  constructor(
    private readonly database: KioskDatabase,
    keys: DataKey | DataKeyring,
    options: EncryptedReceiptOptions = {},
  ) {
    super(database);
    this.cipher = new FieldCipher(keys);
    this.index = new BlindIndex(keys);
    this.now = options.now ?? (() => new Date());
    assertKeyMatchesDatabase(database, this.cipher, this.now);
    this.resealRows();
  }

  override save(receipt: ReceiptView, personalId: string): void {
    this.database
      .prepare(
        `INSERT INTO receipts (dossier_code, personal_id, personal_id_sealed, procedure_code, received_at, slip_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (dossier_code) DO NOTHING`,
      )
      .run(
        receipt.dossierCode,
        this.index.tokenOf(personalId, RECEIPT_PERSON),
        this.cipher.seal(personalId, RECEIPT_PERSON_SEALED),
        receipt.procedureCode,
        receipt.receivedAt,
        this.cipher.seal(JSON.stringify(receipt), RECEIPT_SLIP),
        this.now().toISOString(),
      );
  }

  override replaceSlip(receipt: ReceiptView): boolean {
    return (
      this.database
        .prepare(
          'UPDATE receipts SET slip_json = ?, printed = 0 WHERE dossier_code = ? AND purged_at IS NULL',
        )
        .run(this.cipher.seal(JSON.stringify(receipt), RECEIPT_SLIP), receipt.dossierCode).changes >
      0
    );
  }

  override markPrinted(dossierCode: string): void {
    this.database
      .prepare('UPDATE receipts SET printed = 1 WHERE dossier_code = ? AND purged_at IS NULL')
      .run(dossierCode);
  }

  override get(dossierCode: string): StoredReceipt | undefined {
    const row = this.database
      .prepare(
        'SELECT slip_json, printed FROM receipts WHERE dossier_code = ? AND purged_at IS NULL',
      )
      .get(dossierCode) as ReceiptRow | undefined;
    return row && this.toStored(row);
  }

  override find(query: ReceiptQuery): StoredReceipt[] {
    const where = ['purged_at IS NULL'];
    const params: (string | number)[] = [];
    if (query.dossierCode) {
      where.push('dossier_code = ?');
      params.push(query.dossierCode);
    }
    if (query.personalId) {
      const tokens = this.index.candidates(query.personalId, RECEIPT_PERSON);
      where.push(`personal_id IN (${tokens.map(() => '?').join(', ')})`);
      params.push(...tokens);
    }
    if (query.from) {
      where.push('received_at >= ?');
      params.push(query.from);
    }
    if (query.to) {
      where.push('received_at < ?');
      params.push(`${query.to}T99`);
    }
    params.push(query.limit ?? 50);
    const rows = this.database
      .prepare(
        `SELECT slip_json, printed FROM receipts WHERE ${where.join(' AND ')}
         ORDER BY received_at DESC LIMIT ?`,
      )
      .all(...params) as ReceiptRow[];
    return rows.map((row) => this.toStored(row));
  }

  /**
   * Seals rows stored in plain text (before encryption was switched on) and re-seals rows made
   * with a previous key, so that key can then be retired. Returns how many rows changed.
   */
  resealRows(): number {
    const rows = this.database
      .prepare(
        `SELECT dossier_code, personal_id, personal_id_sealed, slip_json FROM receipts
         WHERE purged_at IS NULL AND (personal_id_sealed IS NULL OR substr(slip_json, 5, 8) != ?)`,
      )
      .all(this.cipher.currentKeyId) as LegacyRow[];
    const update = this.database.prepare(
      'UPDATE receipts SET personal_id = ?, personal_id_sealed = ?, slip_json = ? WHERE dossier_code = ?',
    );
    this.database.transaction(() => {
      for (const row of rows) {
        const personalId =
          row.personal_id_sealed === null
            ? row.personal_id
            : this.cipher.open(row.personal_id_sealed, RECEIPT_PERSON_SEALED);
        const slip = FieldCipher.isSealed(row.slip_json)
          ? this.cipher.open(row.slip_json, RECEIPT_SLIP)
          : row.slip_json;
        update.run(
          this.index.tokenOf(personalId, RECEIPT_PERSON),
          this.cipher.seal(personalId, RECEIPT_PERSON_SEALED),
          this.cipher.seal(slip, RECEIPT_SLIP),
          row.dossier_code,
        );
      }
    })();
    return rows.length;
  }

  private toStored(row: ReceiptRow): StoredReceipt {
    const slip = this.cipher.open(row.slip_json, RECEIPT_SLIP);
    return { receipt: JSON.parse(slip) as ReceiptView, printed: row.printed === 1 };
  }
}
