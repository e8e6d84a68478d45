import { describe, expect, it } from 'vitest';
import { decodeVietQr } from '../../core/payment/vietqr';
import { CliError } from '../cli-error';
import type { Output } from '../output';
import { paymentQr } from './payment';

function capture(): Output & { documents: unknown[]; lines: string[] } {
  const documents: unknown[] = [];
  const lines: string[] = [];
  return {
    documents,
    lines,
    json: (value) => documents.push(value),
    line: (text) => lines.push(text),
  };
}

describe('kiosk payment qr', () => {
  it('prints the VietQR payload for the dossier fee, in JSON as "payload"', () => {
    const out = capture();
    paymentQr(
      {
        dossier: 'H29.12-261207-3001',
        amount: '20000',
        json: true,
        bin: '970415',
        account: '113366668888',
      },
      out,
    );
    const document = out.documents[0] as { payload: string; crc: string };
    expect(decodeVietQr(document.payload)).toEqual({
      acquirerBin: '970415',
      accountNumber: '113366668888',
      amountVnd: 20000,
      purpose: 'H29.12-261207-3001',
      dynamic: true,
      serviceCode: 'QRIBFTTA',
    });
    expect(document.payload.endsWith(document.crc)).toBe(true);
  });

  it('refuses what is not a dossier code or a whole amount', () => {
    const base = { bin: '970415', account: '1', amount: '20000', dossier: 'H29.12-261207-3001' };
    expect(() => paymentQr({ ...base, dossier: 'hello' }, capture())).toThrow(CliError);
    expect(() => paymentQr({ ...base, amount: '20.5' }, capture())).toThrow(CliError);
    expect(() => paymentQr({ ...base, bin: '97' }, capture())).toThrow(/VIETQR_VALUE_INVALID/u);
  });
});
