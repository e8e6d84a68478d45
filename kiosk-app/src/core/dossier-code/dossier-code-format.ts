import { QrError } from '@kiosk/id-card/qr';

/**
 * Code of the receiving unit (mã đơn vị tiếp nhận) of the one-stop system: letters, digits and
 * dots, up to 30 characters, e.g. `H29.12` or `000.00.15.H29`. The settings, the start-up
 * configuration and the dossier-code parser all check it with this one pattern, so a unit code
 * the technician may save is always one whose receipts the kiosk can read back.
 */
export const UNIT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9.]{0,29}$/;

/**
 * Dossier codes follow `<receiving unit code>-YYMMDD-NNNN` (DESIGN.md, Data): the unit code, the
 * Vietnamese day the dossier was received and a 4-digit sequence number from the kiosk's own
 * block.
 */
export interface DossierCode {
  readonly code: string;
  readonly unitCode: string;
  /** ISO `YYYY-MM-DD` (20YY). */
  readonly receivedOn: string;
  readonly sequence: number;
}

const DOSSIER_CODE = new RegExp(
  `^(${UNIT_CODE_PATTERN.source.slice(1, -1)})-([0-9]{2})([0-9]{2})([0-9]{2})-([0-9]{4})$`,
);

/** Reads a dossier code as the kiosk writes it (upper case); throws `QR_DOSSIER_CODE`. */
export function parseDossierCode(text: string): DossierCode {
  const code = text.trim();
  const m = DOSSIER_CODE.exec(code);
  if (!m) {
    throw new QrError(
      'QR_DOSSIER_CODE',
      'a dossier code looks like <unit>-YYMMDD-NNNN',
      'dossierCode',
    );
  }
  const [year, month, day] = [2000 + Number(m[2]), Number(m[3]), Number(m[4])];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > lastDay) {
    throw new QrError(
      'QR_DOSSIER_CODE',
      `the dossier code's date ${m[2]}${m[3]}${m[4]} does not exist`,
      'dossierCode',
    );
  }
  return {
    code,
    unitCode: m[1] ?? '',
    receivedOn: `${year}-${m[3]}-${m[4]}`,
    sequence: Number(m[5]),
  };
}

/** Whether `text` is a dossier code as the kiosk writes it, for callers that refuse rather than throw. */
export function isDossierCode(text: string): boolean {
  try {
    parseDossierCode(text);
    return true;
  } catch {
    return false;
  }
}
