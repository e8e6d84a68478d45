import Database from 'better-sqlite3';

export interface StoredDossier {
  readonly idempotencyKey: string;
  readonly code: string;
  readonly receivedAt: number;
  readonly appointmentAt?: string;
  readonly statusOverride?: string;
  /** `electronic` or `counter` when the kiosk said (HinhThucTiepNhan); absent for older kiosks. */
  readonly intake?: 'electronic' | 'counter';
  readonly acceptance?: Acceptance;
}

/** An acceptance decision: who, when, the register entry, or why refused. */
export type Acceptance =
  | {
      readonly state: 'accepted';
      readonly officer: string;
      readonly at: number;
      readonly registerBook: string;
      readonly registerEntry: string;
    }
  | {
      readonly state: 'refused';
      readonly officer: string;
      readonly at: number;
      readonly reason: string;
    };

/** A dossier waiting for an officer, as the officer's screen lists it (synthetic data only). */
export interface PendingDossier {
  readonly code: string;
  readonly procedureCode: string;
  readonly applicantName: string;
  readonly receivedAt: number;
}

export interface PortalCounts {
  /** Dossiers stored (one per idempotency key). */
  readonly dossiers: number;
  /** Distinct dossier codes; less than `dossiers` means the kiosk re-keyed a dossier. */
  readonly distinctCodes: number;
  /** Submission requests received, duplicates included. */
  readonly submissions: number;
}

/** The simulated one-stop system's dossier table, deduplicated by idempotency key. */
export class PortalStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  constructor(file = ':memory:') {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Durable against a crash of the simulator process, which is all the tests need.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS dossier (
        idempotency_key TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        payload TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        appointment_at TEXT,
        status_override TEXT,
        intake TEXT,
        acceptance_json TEXT
      );
      CREATE INDEX IF NOT EXISTS dossier_code ON dossier (code);
      CREATE TABLE IF NOT EXISTS submission (id INTEGER PRIMARY KEY, idempotency_key TEXT, at INTEGER NOT NULL);`);
  }

  /** The connection, for tables kept beside the dossiers (the SMS queue). */
  connection(): Database.Database {
    return this.db;
  }

  logSubmission(key: string | undefined, at: number): void {
    this.sql('INSERT INTO submission (idempotency_key, at) VALUES (?, ?)').run(key ?? null, at);
  }

  byKey(key: string): StoredDossier | undefined {
    const row = this.sql('SELECT * FROM dossier WHERE idempotency_key = ?').get(key) as
      Row | undefined;
    return row ? stored(row) : undefined;
  }

  byCode(code: string): StoredDossier | undefined {
    const row = this.sql('SELECT * FROM dossier WHERE code = ? ORDER BY received_at LIMIT 1').get(
      code,
    ) as Row | undefined;
    return row ? stored(row) : undefined;
  }

  insert(
    key: string,
    code: string,
    payload: string,
    at: number,
    appointmentAt?: string,
    intake?: 'electronic' | 'counter',
  ): void {
    this.sql(
      'INSERT INTO dossier (idempotency_key, code, payload, received_at, appointment_at, intake) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(key, code, payload, at, appointmentAt ?? null, intake ?? null);
  }

  /** Records the decision once: a dossier already decided keeps its first decision. */
  decide(code: string, acceptance: Acceptance): boolean {
    return (
      this.sql(
        'UPDATE dossier SET acceptance_json = ? WHERE code = ? AND acceptance_json IS NULL',
      ).run(JSON.stringify(acceptance), code).changes > 0
    );
  }

  /** The next entry of the register (Sổ theo dõi hồ sơ): one more than the accepted count. */
  nextRegisterEntry(): number {
    const row = this.sql(
      `SELECT COUNT(*) AS n FROM dossier WHERE acceptance_json LIKE '{"state":"accepted"%'`,
    ).get() as { n: number };
    return row.n + 1;
  }

  pending(): PendingDossier[] {
    const rows = this.sql(
      'SELECT code, payload, received_at FROM dossier WHERE intake IS NOT NULL AND acceptance_json IS NULL ORDER BY received_at',
    ).all() as { code: string; payload: string; received_at: number }[];
    return rows.map((row) => {
      const payload = JSON.parse(row.payload) as {
        MaThuTuc?: unknown;
        ChuHoSo?: { fullName?: unknown };
      };
      return {
        code: row.code,
        procedureCode: typeof payload.MaThuTuc === 'string' ? payload.MaThuTuc : '',
        applicantName:
          typeof payload.ChuHoSo?.fullName === 'string' ? payload.ChuHoSo.fullName : '',
        receivedAt: row.received_at,
      };
    });
  }

  setStatus(code: string, status: string): boolean {
    return (
      this.sql('UPDATE dossier SET status_override = ? WHERE code = ?').run(status, code).changes >
      0
    );
  }

  counts(): PortalCounts {
    const d = this.sql('SELECT COUNT(*) AS n, COUNT(DISTINCT code) AS c FROM dossier').get() as {
      n: number;
      c: number;
    };
    const s = this.sql('SELECT COUNT(*) AS n FROM submission').get() as { n: number };
    return { dossiers: d.n, distinctCodes: d.c, submissions: s.n };
  }

  /** Codes stored more than once (must stay empty: exactly-once delivery). */
  duplicateCodes(): string[] {
    return (
      this.sql('SELECT code FROM dossier GROUP BY code HAVING COUNT(*) > 1').all() as {
        code: string;
      }[]
    ).map((r) => r.code);
  }

  codes(): string[] {
    return (
      this.sql('SELECT DISTINCT code FROM dossier ORDER BY code').all() as { code: string }[]
    ).map((r) => r.code);
  }

  close(): void {
    this.db.close();
  }
}

interface Row {
  idempotency_key: string;
  code: string;
  received_at: number;
  appointment_at: string | null;
  status_override: string | null;
  intake: string | null;
  acceptance_json: string | null;
}

function stored(row: Row): StoredDossier {
  return {
    idempotencyKey: row.idempotency_key,
    code: row.code,
    receivedAt: row.received_at,
    appointmentAt: row.appointment_at ?? undefined,
    statusOverride: row.status_override ?? undefined,
    intake: row.intake === 'electronic' || row.intake === 'counter' ? row.intake : undefined,
    acceptance: row.acceptance_json ? (JSON.parse(row.acceptance_json) as Acceptance) : undefined,
  };
}
