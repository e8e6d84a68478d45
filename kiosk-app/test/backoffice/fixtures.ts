import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import type { DossierDraft } from '../../src/core/outbox';

/** A synthetic dossier draft for citizen `i`. */
export function draftFor(i: number): DossierDraft {
  return {
    procedureCode: '1.004222',
    receivedAt: '2026-03-10T09:00:00+07:00',
    appointmentAt: '2026-03-12T09:00:00+07:00',
    applicant: syntheticCitizen(i),
    form: { lyDo: 'Đăng ký thường trú', soBanSao: '1' },
  };
}

export function tempDir(prefix: string): {
  dir: string;
  file: (name: string) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
