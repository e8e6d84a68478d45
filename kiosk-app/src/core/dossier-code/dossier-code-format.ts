import { QrError } from '@kiosk/id-card/qr';

/**
 * Dossier codes follow `<receiving unit code>-YYMMDD-NNNN` (DESIGN.md, Data): the unit code of
 * the one-stop system (letters, digits and dots, e.g. `000.00.15.H29` or `H29.22`), the day the
 * dossier was received and a 4-digit sequence number from the kiosk's own block.
 */
export interface DossierCode {
  readonly code: string;
  readonly unitCode: string;
  /** ISO `YYYY-MM-DD` (20YY). */
  readonly receivedOn: string;
  readonly sequence: number;
}

const DOSSIER_CODE =
  /^([A-Z0-9][A-Z0-9.]{0,30}[A-Z0-9]|[A-Z0-9])-([0-9]{2})([0-9]{2})([0-9]{2})-([0-9]{4})$/;

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
