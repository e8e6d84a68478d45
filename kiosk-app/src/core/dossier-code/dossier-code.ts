import { z } from 'zod';
import { todayInVietnam } from '@kiosk/forms';
import type { Statement } from 'better-sqlite3';
import type { KioskDatabase } from '../store/database';
import { UNIT_CODE_PATTERN } from './dossier-code-format';

/**
 * Dossier codes `<receiving unit code>-YYMMDD-NNNN`. Each kiosk draws from its own block of
 * numbers per day (kiosk 3 owns 3000–3999), so a code issued while offline is still unique across
 * the centre. The counter lives in SQLite and moves inside an IMMEDIATE transaction, so
 * restarts and concurrent submissions (even from two processes) never reuse a number.
 */
export interface SequenceBlock {
  readonly first: number;
  readonly last: number;
}

export const dossierCodeConfigSchema = z
  .object({
    /** Code of the receiving unit (mã đơn vị tiếp nhận), e.g. `H29.12`. */
    unitCode: z.string().regex(UNIT_CODE_PATTERN, 'letters, digits and dots'),
    block: z.object({ first: z.number().int().min(0), last: z.number().int().max(9999) }),
  })
  .refine((c) => c.block.first <= c.block.last, 'block.first must not exceed block.last');

export type DossierCodeConfig = z.infer<typeof dossierCodeConfigSchema>;

/** The conventional block of kiosk `n` (1–9): n000–n999. */
export function blockOfKiosk(kioskNumber: number): SequenceBlock {
  if (!Number.isInteger(kioskNumber) || kioskNumber < 1 || kioskNumber > 9) {
    throw new DossierCodeError('DOSSIER_CODE_CONFIG', `kiosk number ${kioskNumber} must be 1–9`);
  }
  return { first: kioskNumber * 1000, last: kioskNumber * 1000 + 999 };
}

export class DossierCodeError extends Error {
  override readonly name = 'DossierCodeError';

  constructor(
    readonly code: 'DOSSIER_CODE_BLOCK_EXHAUSTED' | 'DOSSIER_CODE_CONFIG',
    message: string,
  ) {
    super(message);
  }
}

/** YYMMDD of the Vietnamese calendar day of `instant`. */
export function vietnamDayStamp(instant: Date): string {
  const day = todayInVietnam(instant);
  return `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
}

function validConfig(config: DossierCodeConfig): DossierCodeConfig {
  const parsed = dossierCodeConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new DossierCodeError(
      'DOSSIER_CODE_CONFIG',
      `dossier code settings are invalid: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

/**
 * Hands out dossier codes. The unit code and block are either fixed, or read from a function at
 * every allocation (the kiosk's live settings), so a technician's change of the kiosk number or
 * unit code applies to the next dossier without a restart.
 */
export class DossierCodeAllocator {
  private readonly config: () => DossierCodeConfig;
  private readonly select: Statement;
  private readonly upsert: Statement;

  constructor(
    private readonly db: KioskDatabase,
    config: DossierCodeConfig | (() => DossierCodeConfig),
  ) {
    if (typeof config === 'function') {
      this.config = () => validConfig(config());
      this.config(); // a wrong start-up setting stops the start, not the first citizen
    } else {
      const fixed = validConfig(config);
      this.config = () => fixed;
    }
    this.select = db.prepare(
      'SELECT next_number FROM dossier_sequence WHERE unit_code = ? AND day = ?',
    );
    this.upsert = db.prepare(
      `INSERT INTO dossier_sequence (unit_code, day, next_number) VALUES (?, ?, ?)
       ON CONFLICT (unit_code, day) DO UPDATE SET next_number = excluded.next_number`,
    );
  }

  /**
   * Takes the next number of today's block. Outside a transaction the step commits on its own
   * (the outbox reserves codes this way, so a dossier whose COMMIT fails spends its code and the
   * next dossier never gets it); inside one it rolls back with it.
   */
  allocate(now: Date = new Date()): string {
    const day = vietnamDayStamp(now);
    const { unitCode, block } = this.config();
    const take = this.db.transaction((): number => {
      const row = this.select.get(unitCode, day) as { next_number: number } | undefined;
      const number = Math.max(row?.next_number ?? block.first, block.first);
      if (number > block.last) {
        throw new DossierCodeError(
          'DOSSIER_CODE_BLOCK_EXHAUSTED',
          `all dossier numbers ${block.first}–${block.last} of ${day} are used; ask staff to widen this kiosk's block`,
        );
      }
      this.upsert.run(unitCode, day, number + 1);
      return number;
    });
    const number = this.db.inTransaction ? take() : take.immediate();
    return `${unitCode}-${day}-${String(number).padStart(4, '0')}`;
  }
}
