import type { IncomingMessage, ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import { isRecord, parseJson, readBody, sendJson } from '../registry/simulator-http';

/** Where the kiosk posts a citizen's satisfaction rating (đánh giá mức độ hài lòng). */
export const PORTAL_RATING_PATH = '/api/danh-gia';
/** Test hook: every rating stored, oldest first. */
export const PORTAL_RATINGS_PATH = '/test/danh-gia';

/** The levels the simulator accepts, as the kiosk's wire names them. */
export const PORTAL_RATING_LEVELS = ['RAT_HAI_LONG', 'HAI_LONG', 'KHONG_HAI_LONG'] as const;

/** A rating as the simulated one-stop system stored it. */
export interface StoredRating {
  readonly idempotencyKey: string;
  readonly dossierCode: string;
  readonly level: string;
  readonly reasons: readonly string[];
  readonly comment: string;
  readonly receivedAt: number;
}

/**
 * The ratings table, in the portal simulator's SQLite file, deduplicated by idempotency key: a
 * rating the kiosk posts again after a lost acknowledgement counts once.
 */
export class PortalRatingStore {
  private readonly db: Database.Database;

  constructor(file = ':memory:') {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rating (
        idempotency_key TEXT PRIMARY KEY,
        dossier_code TEXT NOT NULL,
        level TEXT NOT NULL,
        reasons_json TEXT NOT NULL,
        comment TEXT NOT NULL,
        received_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS rating_post (id INTEGER PRIMARY KEY, idempotency_key TEXT, at INTEGER NOT NULL);`);
  }

  logPost(key: string | undefined, at: number): void {
    this.db
      .prepare('INSERT INTO rating_post (idempotency_key, at) VALUES (?, ?)')
      .run(key ?? null, at);
  }

  /** Stores the rating once; false when the key was already stored. */
  insert(rating: StoredRating): boolean {
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO rating (idempotency_key, dossier_code, level, reasons_json, comment, received_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          rating.idempotencyKey,
          rating.dossierCode,
          rating.level,
          JSON.stringify(rating.reasons),
          rating.comment,
          rating.receivedAt,
        ).changes > 0
    );
  }

  list(): StoredRating[] {
    const rows = this.db.prepare('SELECT * FROM rating ORDER BY received_at, rowid').all() as {
      idempotency_key: string;
      dossier_code: string;
      level: string;
      reasons_json: string;
      comment: string;
      received_at: number;
    }[];
    return rows.map((row) => ({
      idempotencyKey: row.idempotency_key,
      dossierCode: row.dossier_code,
      level: row.level,
      reasons: JSON.parse(row.reasons_json) as string[],
      comment: row.comment,
      receivedAt: row.received_at,
    }));
  }

  /** Rating requests received, repeats included. */
  posts(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM rating_post').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}

const isLevel = (value: unknown): value is string =>
  typeof value === 'string' && (PORTAL_RATING_LEVELS as readonly string[]).includes(value);

/** Handles `POST /api/danh-gia`; the caller has already checked the method and path. */
export async function handleRatingPost(
  req: IncomingMessage,
  res: ServerResponse,
  store: PortalRatingStore,
  knownDossier: (code: string) => boolean,
  now: () => number,
): Promise<void> {
  const text = await readBody(req, 16 * 1024);
  const header = req.headers['idempotency-key'];
  const key = typeof header === 'string' && header.length > 0 ? header : undefined;
  store.logPost(key, now());
  if (!key) return sendJson(res, 400, { error: 'Idempotency-Key header required' });
  const body = parseJson(text);
  if (
    !isRecord(body) ||
    typeof body.MaHoSo !== 'string' ||
    !isLevel(body.MucDoHaiLong) ||
    (body.LyDo !== undefined &&
      (!Array.isArray(body.LyDo) || !body.LyDo.every((r) => typeof r === 'string'))) ||
    (body.GopY !== undefined && typeof body.GopY !== 'string')
  )
    return sendJson(res, 422, { error: 'MaHoSo and a known MucDoHaiLong are required' });
  if (!knownDossier(body.MaHoSo)) return sendJson(res, 404, { error: 'không tìm thấy hồ sơ' });
  const stored = store.insert({
    idempotencyKey: key,
    dossierCode: body.MaHoSo,
    level: body.MucDoHaiLong,
    reasons: (body.LyDo as string[] | undefined) ?? [],
    comment: typeof body.GopY === 'string' ? body.GopY : '',
    receivedAt: now(),
  });
  sendJson(res, stored ? 201 : 200, { MaHoSo: body.MaHoSo, TrungLap: !stored });
}
