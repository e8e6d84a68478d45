import type { KioskDatabase } from '../store/database';
import { hasValidSignature, paymentNotificationSchema } from './payment-notification';
import type { PaymentNotification } from './payment-notification';

/** Records an event in the audit log (AuditRepository.record in the core). */
export type PaymentAudit = (action: string, subject: string, detail: string) => void;

export type PaymentOutcome =
  /** The dossier's fee is now paid. */
  | { readonly kind: 'paid'; readonly dossierCode: string }
  /** The same notification again: nothing changes (idempotent). */
  | { readonly kind: 'duplicate'; readonly dossierCode: string }
  /** A payment for a dossier this kiosk did not issue: kept for staff. */
  | { readonly kind: 'held'; readonly dossierCode: string }
  | { readonly kind: 'rejected'; readonly code: PaymentRejection };

export type PaymentRejection =
  | 'PAYMENT_SIGNATURE_INVALID'
  | 'PAYMENT_MALFORMED'
  | 'PAYMENT_STALE'
  | 'PAYMENT_AMOUNT_MISMATCH'
  | 'PAYMENT_TRANSACTION_MISMATCH';

/** How old a notification may be (sentAt) before it is treated as a replay. */
export const NOTIFICATION_MAX_AGE_MS = 10 * 60_000;

export type FeePaymentStatus = 'unpaid' | 'paid';

/**
 * The fees the kiosk is owed and the payments it was told of. Keyed by dossier code, not by the
 * citizen's session: a payment that arrives after the QR timed out or the kiosk reset still lands
 * on its dossier, and exactly once (a notification id is accepted once; a dossier is paid once).
 */
export class PaymentLedger {
  constructor(
    private readonly db: KioskDatabase,
    private readonly key: Uint8Array,
    private readonly audit: PaymentAudit,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Tables of their own, created here so the module adds no number to the core's migrations.
    db.exec(`
      CREATE TABLE IF NOT EXISTS payment_expected (
        dossier_code TEXT PRIMARY KEY,
        amount_vnd INTEGER NOT NULL,
        transaction_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('unpaid', 'paid')),
        paid_at TEXT
      );
      CREATE TABLE IF NOT EXISTS payment_notification_seen (
        notification_id TEXT PRIMARY KEY,
        dossier_code TEXT NOT NULL,
        received_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS payment_held_for_staff (
        notification_id TEXT PRIMARY KEY,
        dossier_code TEXT NOT NULL,
        transaction_id TEXT NOT NULL,
        amount_vnd INTEGER NOT NULL,
        paid_at TEXT NOT NULL,
        received_at TEXT NOT NULL
      );
    `);
  }

  /** The fee of a dossier, owed from now on (the QR and the platform transaction are made). */
  expect(dossierCode: string, amountVnd: number, transactionId?: string): void {
    this.db
      .prepare(
        `INSERT INTO payment_expected (dossier_code, amount_vnd, transaction_id, status)
         VALUES (?, ?, ?, 'unpaid')
         ON CONFLICT(dossier_code) DO UPDATE SET transaction_id = excluded.transaction_id
         WHERE status = 'unpaid'`,
      )
      .run(dossierCode, amountVnd, transactionId ?? null);
  }

  statusOf(dossierCode: string): FeePaymentStatus | undefined {
    const row = this.db
      .prepare('SELECT status FROM payment_expected WHERE dossier_code = ?')
      .get(dossierCode) as { status: FeePaymentStatus } | undefined;
    return row?.status;
  }

  heldForStaff(): readonly PaymentNotification[] {
    const rows = this.db
      .prepare(
        `SELECT notification_id, dossier_code, transaction_id, amount_vnd, paid_at, received_at
         FROM payment_held_for_staff ORDER BY received_at`,
      )
      .all() as {
      notification_id: string;
      dossier_code: string;
      transaction_id: string;
      amount_vnd: number;
      paid_at: string;
      received_at: string;
    }[];
    return rows.map((row) => ({
      notificationId: row.notification_id,
      transactionId: row.transaction_id,
      dossierCode: row.dossier_code,
      amountVnd: row.amount_vnd,
      paidAt: row.paid_at,
      sentAt: row.received_at,
    }));
  }

  private reject(code: PaymentRejection, subject: string, detail: string): PaymentOutcome {
    this.audit('payment.rejected', subject, `${code}: ${detail}`);
    return { kind: 'rejected', code };
  }

  /** Checks and applies one notification, given its exact body and signature header. */
  receive(body: string, signature: string | undefined): PaymentOutcome {
    if (!hasValidSignature(body, signature, this.key)) {
      return this.reject(
        'PAYMENT_SIGNATURE_INVALID',
        'unknown',
        'the HMAC does not match the body',
      );
    }
    let parsed: PaymentNotification;
    try {
      const result = paymentNotificationSchema.safeParse(JSON.parse(body));
      if (!result.success) return this.reject('PAYMENT_MALFORMED', 'unknown', 'fields do not fit');
      parsed = result.data;
    } catch {
      return this.reject('PAYMENT_MALFORMED', 'unknown', 'not JSON');
    }
    const receivedAt = this.now();
    return this.db.transaction((): PaymentOutcome => {
      const seen = this.db
        .prepare('SELECT 1 FROM payment_notification_seen WHERE notification_id = ?')
        .get(parsed.notificationId);
      if (seen) {
        this.audit('payment.replayed', parsed.dossierCode, parsed.notificationId);
        return { kind: 'duplicate', dossierCode: parsed.dossierCode };
      }
      const age = receivedAt.getTime() - Date.parse(parsed.sentAt);
      if (age > NOTIFICATION_MAX_AGE_MS || age < -NOTIFICATION_MAX_AGE_MS) {
        return this.reject(
          'PAYMENT_STALE',
          parsed.dossierCode,
          `sent ${Math.round(age / 1000)} s ago`,
        );
      }
      const expected = this.db
        .prepare(
          'SELECT amount_vnd, transaction_id, status FROM payment_expected WHERE dossier_code = ?',
        )
        .get(parsed.dossierCode) as
        { amount_vnd: number; transaction_id: string | null; status: FeePaymentStatus } | undefined;
      this.db
        .prepare(
          'INSERT INTO payment_notification_seen (notification_id, dossier_code, received_at) VALUES (?, ?, ?)',
        )
        .run(parsed.notificationId, parsed.dossierCode, receivedAt.toISOString());
      if (!expected) {
        this.db
          .prepare(
            `INSERT INTO payment_held_for_staff
             (notification_id, dossier_code, transaction_id, amount_vnd, paid_at, received_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(
            parsed.notificationId,
            parsed.dossierCode,
            parsed.transactionId,
            parsed.amountVnd,
            parsed.paidAt,
            receivedAt.toISOString(),
          );
        this.audit('payment.held-for-staff', parsed.dossierCode, `${parsed.amountVnd} VND`);
        return { kind: 'held', dossierCode: parsed.dossierCode };
      }
      if (expected.transaction_id !== null && expected.transaction_id !== parsed.transactionId) {
        return this.reject(
          'PAYMENT_TRANSACTION_MISMATCH',
          parsed.dossierCode,
          parsed.transactionId,
        );
      }
      if (parsed.amountVnd !== expected.amount_vnd) {
        return this.reject(
          'PAYMENT_AMOUNT_MISMATCH',
          parsed.dossierCode,
          `paid ${parsed.amountVnd}, owed ${expected.amount_vnd}`,
        );
      }
      if (expected.status === 'paid') {
        this.audit('payment.replayed', parsed.dossierCode, parsed.notificationId);
        return { kind: 'duplicate', dossierCode: parsed.dossierCode };
      }
      this.db
        .prepare(`UPDATE payment_expected SET status = 'paid', paid_at = ? WHERE dossier_code = ?`)
        .run(parsed.paidAt, parsed.dossierCode);
      this.audit('payment.paid', parsed.dossierCode, `${parsed.amountVnd} VND`);
      return { kind: 'paid', dossierCode: parsed.dossierCode };
    })();
  }
}
