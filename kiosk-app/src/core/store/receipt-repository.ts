import type { ReceiptView } from '@kiosk/protocol';
import type { KioskDatabase } from './database';

export interface StoredReceipt {
  readonly receipt: ReceiptView;
  readonly printed: boolean;
}

interface ReceiptRow {
  slip_json: string;
  printed: number;
}

export interface ReceiptQuery {
  readonly dossierCode?: string;
  readonly personalId?: string;
  /** Inclusive ISO dates (YYYY-MM-DD) on the received time. */
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

/** Receipts kept for staff reprints: the slip exactly as printed, and whether it was printed. */
export class ReceiptRepository {
  constructor(private readonly db: KioskDatabase) {}

  save(receipt: ReceiptView, personalId: string): void {
    this.db
      .prepare(
        `INSERT INTO receipts (dossier_code, personal_id, procedure_code, received_at, slip_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (dossier_code) DO NOTHING`,
      )
      .run(
        receipt.dossierCode,
        personalId,
        receipt.procedureCode,
        receipt.receivedAt,
        JSON.stringify(receipt),
        new Date().toISOString(),
      );
  }

  /**
   * Replaces the stored slip of a dossier, e.g. a phiếu nộp hồ sơ by the official receipt once
   * the dossier is accepted; the new slip counts as not printed yet. False when none is stored.
   */
  replaceSlip(receipt: ReceiptView): boolean {
    return (
      this.db
        .prepare('UPDATE receipts SET slip_json = ?, printed = 0 WHERE dossier_code = ?')
        .run(JSON.stringify(receipt), receipt.dossierCode).changes > 0
    );
  }

  markPrinted(dossierCode: string): void {
    this.db.prepare('UPDATE receipts SET printed = 1 WHERE dossier_code = ?').run(dossierCode);
  }

  get(dossierCode: string): StoredReceipt | undefined {
    const row = this.db
      .prepare('SELECT slip_json, printed FROM receipts WHERE dossier_code = ?')
      .get(dossierCode) as ReceiptRow | undefined;
    return row && toStored(row);
  }

  find(query: ReceiptQuery): StoredReceipt[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.dossierCode) {
      where.push('dossier_code = ?');
      params.push(query.dossierCode);
    }
    if (query.personalId) {
      where.push('personal_id = ?');
      params.push(query.personalId);
    }
    if (query.from) {
      where.push('received_at >= ?');
      params.push(query.from);
    }
    if (query.to) {
      where.push('received_at < ?');
      params.push(`${query.to}T99`);
    }
    const sql = `SELECT slip_json, printed FROM receipts ${
      where.length ? `WHERE ${where.join(' AND ')}` : ''
    } ORDER BY received_at DESC LIMIT ?`;
    params.push(query.limit ?? 50);
    return (this.db.prepare(sql).all(...params) as ReceiptRow[]).map(toStored);
  }
}

function toStored(row: ReceiptRow): StoredReceipt {
  return { receipt: JSON.parse(row.slip_json) as ReceiptView, printed: row.printed === 1 };
}
