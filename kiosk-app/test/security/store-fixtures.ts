/** Shared pieces of the store/outbox/purge security tests: real SQLite files, synthetic data. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReceiptView } from '@kiosk/protocol';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { openDatabase, type KioskDatabase } from '../../src/core/store/database';
import { databaseFiles } from '../../src/core/store/database-file-mode';

/** A fresh kiosk database file with every migration, in its own temporary folder. */
export function freshDatabase(prefix = 'kiosk-security-'): {
  readonly dir: string;
  readonly file: string;
  readonly db: KioskDatabase;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'kiosk.sqlite');
  return { dir, file, db: openDatabase(file, ALL_MIGRATIONS) };
}

/** A synthetic slip (no real person); `name` doubles as a plaintext marker to look for. */
export function syntheticReceipt(code: string, name: string): ReceiptView {
  return {
    dossierCode: code,
    centreName: 'Trung tâm thử nghiệm',
    receivingUnit: 'Bộ phận Một cửa',
    applicantName: name,
    procedureCode: '1.004222',
    procedureName: 'Đăng ký thường trú',
    documents: ['Tờ khai'],
    processingTime: '7 ngày làm việc',
    receivedAt: '2026-03-10T09:00:00+07:00',
    appointmentAt: '2026-03-19T09:00:00+07:00',
    collectAt: 'Quầy 1',
    status: 'queued',
    lookupUrl: `https://example.invalid/tra-cuu?ma=${code}`,
    trackingHint: '—',
    kioskId: 'KIOSK-T',
  };
}

/** The bytes of the database, its WAL and its shared-memory file, as they are on disk now. */
export function rawDatabaseBytes(file: string): Buffer {
  return Buffer.concat(
    databaseFiles(file)
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path)),
  );
}

/**
 * Whether any recognisable piece of `value` is left in `bytes`: the whole value, or its first or
 * last 32 characters (a partly overwritten cell still gives a sealed value's nonce or tag away).
 */
export function leavesTrace(bytes: Buffer, value: string): boolean {
  const pieces = value.length <= 32 ? [value] : [value.slice(0, 32), value.slice(-32)];
  return pieces.some((piece) => bytes.includes(Buffer.from(piece, 'utf8')));
}
