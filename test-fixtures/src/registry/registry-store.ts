import Database from 'better-sqlite3';
import type { CitizenRecord } from '@kiosk/forms';
import type { SimulatedCardStatus } from './registry-wire';

/** The simulator's population database: one SQLite table of synthetic citizens. */
export class RegistryStore {
  private readonly db: Database.Database;

  constructor(file = ':memory:') {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS citizen (
      personal_id TEXT PRIMARY KEY,
      record TEXT NOT NULL
    )`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS card_status (
      personal_id TEXT PRIMARY KEY,
      status TEXT NOT NULL
    )`);
  }

  load(citizens: readonly CitizenRecord[]): void {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO citizen (personal_id, record) VALUES (?, ?)',
    );
    this.db.transaction(() => {
      for (const c of citizens) insert.run(c.personalId, JSON.stringify(c));
    })();
  }

  find(personalId: string): CitizenRecord | undefined {
    const row = this.db
      .prepare('SELECT record FROM citizen WHERE personal_id = ?')
      .get(personalId) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as CitizenRecord) : undefined;
  }

  /** Records the status of a citizen's card; `in-force` is the default and is not stored. */
  setCardStatus(personalId: string, status: SimulatedCardStatus): void {
    if (status === 'in-force') {
      this.db.prepare('DELETE FROM card_status WHERE personal_id = ?').run(personalId);
      return;
    }
    this.db
      .prepare('INSERT OR REPLACE INTO card_status (personal_id, status) VALUES (?, ?)')
      .run(personalId, status);
  }

  cardStatus(personalId: string): SimulatedCardStatus {
    const row = this.db
      .prepare('SELECT status FROM card_status WHERE personal_id = ?')
      .get(personalId) as { status: SimulatedCardStatus } | undefined;
    return row?.status ?? 'in-force';
  }

  /** Any citizen other than `personalId`, for the "another person" failure mode. */
  other(personalId: string): CitizenRecord | undefined {
    const row = this.db
      .prepare('SELECT record FROM citizen WHERE personal_id != ? ORDER BY personal_id LIMIT 1')
      .get(personalId) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as CitizenRecord) : undefined;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM citizen').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
