import type { Statement } from 'better-sqlite3';
import { vietnamDayStamp } from '../dossier-code';
import type { KioskDatabase, Migration } from '../store/database';

/** One counter per Vietnamese day and counter group, as the centre's queues restart each day. */
export const QUEUE_MIGRATIONS: readonly Migration[] = [
  {
    version: 400,
    name: 'queue: the kiosk fallback sequence',
    up(db) {
      db.exec(`CREATE TABLE queue_fallback_sequence (
        day TEXT NOT NULL,
        group_code TEXT NOT NULL,
        next_number INTEGER NOT NULL,
        PRIMARY KEY (day, group_code)
      ) STRICT`);
    },
  },
];

/**
 * A kiosk fallback number: `K<kiosk number>-<group><NNN>`, e.g. `K1-HT007`. The queue system's
 * numbers have no `-` (queue-system-reply.ts), and each kiosk has its own number, so no two
 * issuers ever print the same number on a day.
 */
export const FALLBACK_NUMBER_PATTERN = /^K[1-9]-[A-Z]{1,4}\d{3,}$/;

export function formatFallbackNumber(kioskNumber: number, group: string, n: number): string {
  return `K${kioskNumber}-${group}${String(n).padStart(3, '0')}`;
}

/**
 * The kiosk's own queue numbers while the queue system is down. The counter lives in SQLite
 * and moves inside an IMMEDIATE transaction that commits before the number is shown, so a
 * crash or restart never issues a number twice (it does not restart at 1).
 */
export class LocalQueueSequence {
  private readonly select: Statement;
  private readonly upsert: Statement;

  constructor(private readonly db: KioskDatabase) {
    this.select = db.prepare(
      'SELECT next_number FROM queue_fallback_sequence WHERE day = ? AND group_code = ?',
    );
    this.upsert = db.prepare(
      `INSERT INTO queue_fallback_sequence (day, group_code, next_number) VALUES (?, ?, ?)
       ON CONFLICT (day, group_code) DO UPDATE SET next_number = excluded.next_number`,
    );
  }

  next(group: string, kioskNumber: number, now: Date): string {
    const day = vietnamDayStamp(now);
    const take = this.db.transaction((): number => {
      const row = this.select.get(day, group) as { next_number: number } | undefined;
      const n = row?.next_number ?? 1;
      this.upsert.run(day, group, n + 1);
      return n;
    });
    return formatFallbackNumber(kioskNumber, group, take.immediate());
  }
}
