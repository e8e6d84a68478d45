import type { KioskDatabase, Migration } from '../store/database';

/** One signed configuration bundle this kiosk applied. */
export interface AppliedBundle {
  readonly serial: number;
  readonly keyId: string;
  /** SHA-256 of the bundle file as received, hex: the audit log names the bundle by it. */
  readonly sha256: string;
  readonly issuedAt: string;
  readonly appliedAt: string;
  /** `technician:<user>` over the API or the offline command. */
  readonly appliedBy: string;
}

export const CONFIG_BUNDLE_MIGRATIONS: readonly Migration[] = [
  {
    version: 300,
    name: 'applied signed configuration bundles (anti-rollback serial)',
    up(db) {
      db.exec(`
        CREATE TABLE config_bundles (
          serial INTEGER PRIMARY KEY,
          key_id TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          issued_at TEXT NOT NULL,
          applied_at TEXT NOT NULL,
          applied_by TEXT NOT NULL
        );
      `);
    },
  },
];

interface AppliedBundleRow {
  serial: number;
  key_id: string;
  sha256: string;
  issued_at: string;
  applied_at: string;
  applied_by: string;
}

/**
 * The bundles applied on this kiosk. The highest serial is `lastAppliedSerial`: a bundle must be
 * newer to be applied, so an old bundle (a weaker setting, a revoked endpoint) cannot be replayed.
 * The serial is the primary key, so even two writers racing cannot record the same one twice.
 */
export class AppliedBundleRepository {
  constructor(private readonly db: KioskDatabase) {}

  lastAppliedSerial(): number | undefined {
    const row = this.db.prepare('SELECT MAX(serial) AS serial FROM config_bundles').get() as {
      serial: number | null;
    };
    return row.serial ?? undefined;
  }

  last(): AppliedBundle | undefined {
    const row = this.db
      .prepare('SELECT * FROM config_bundles ORDER BY serial DESC LIMIT 1')
      .get() as AppliedBundleRow | undefined;
    return row && fromRow(row);
  }

  /** Call inside the transaction that saves the bundle's settings. */
  record(bundle: AppliedBundle): void {
    this.db
      .prepare(
        `INSERT INTO config_bundles (serial, key_id, sha256, issued_at, applied_at, applied_by)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        bundle.serial,
        bundle.keyId,
        bundle.sha256,
        bundle.issuedAt,
        bundle.appliedAt,
        bundle.appliedBy,
      );
  }
}

function fromRow(row: AppliedBundleRow): AppliedBundle {
  return {
    serial: row.serial,
    keyId: row.key_id,
    sha256: row.sha256,
    issuedAt: row.issued_at,
    appliedAt: row.applied_at,
    appliedBy: row.applied_by,
  };
}
