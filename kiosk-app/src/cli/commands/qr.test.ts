import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error';
import type { Output } from '../output';
import { qrParse } from './qr';

function captured() {
  const lines: string[] = [];
  const documents: unknown[] = [];
  const out: Output = { json: (v) => documents.push(v), line: (l) => lines.push(l) };
  return { out, lines, documents };
}

describe('kiosk qr parse, posted procedure QRs', () => {
  const posted =
    'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=2.000815.000.00.00.H55';

  it('prints the national procedure code', () => {
    const text = captured();
    qrParse(posted, false, text.out);
    expect(text.lines).toEqual(['procedure QR  2.000815']);
    const json = captured();
    qrParse(posted, true, json.out);
    expect(json.documents).toEqual([{ kind: 'procedure', code: '2.000815' }]);
  });

  it('names why a web address is no procedure QR', () => {
    expect(() => qrParse('https://example.vn/thu-tuc', false, captured().out)).toThrow(
      new CliError('PROCEDURE_QR_NOT_PORTAL: not a procedure page of the national portal'),
    );
  });
});
