import type { KioskDatabase } from './database';

/** Key/value settings stored as JSON; validation happens in `config/` before anything is saved. */
export class SettingsRepository {
  constructor(private readonly db: KioskDatabase) {}

  get(key: string): unknown {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
  }

  all(): Record<string, unknown> {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as {
      key: string;
      value: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  }

  /**
   * Saves several keys atomically: either all of them change or none does. `alongside` runs in
   * the same transaction (a signed bundle's serial is recorded with its settings); if it throws,
   * nothing is saved.
   */
  setMany(values: Record<string, unknown>, alongside?: () => void): void {
    const upsert = this.db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values))
        upsert.run(key, JSON.stringify(value), now);
      alongside?.();
    })();
  }
}
