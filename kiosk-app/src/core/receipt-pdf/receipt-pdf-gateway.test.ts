import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretReceiptPdf, receiptPdfPath } from './receipt-pdf-gateway';

const CODE = 'H29.12-261207-3001';
const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n% a receipt\n%%EOF\n', 'latin1'));
const wire = (bytes: Uint8Array, code = CODE) => ({
  MaHoSo: code,
  TepPdf: Buffer.from(bytes).toString('base64'),
});

describe("the portal's receipt PDF answer", () => {
  it('gives back the PDF of the dossier asked for', () => {
    expect(interpretReceiptPdf(wire(PDF), CODE)).toEqual(PDF);
  });

  it('refuses another dossier, a body that is no PDF, and base64 that is not', () => {
    expect(interpretReceiptPdf(wire(PDF, 'H29.12-261207-3002'), CODE)).toBeUndefined();
    expect(interpretReceiptPdf(wire(new TextEncoder().encode('<html>502</html>')), CODE)).toBe(
      undefined,
    );
    expect(interpretReceiptPdf({ MaHoSo: CODE, TepPdf: 'JVBER i0x' }, CODE)).toBeUndefined();
    expect(interpretReceiptPdf({ MaHoSo: CODE }, CODE)).toBeUndefined();
  });

  it('never throws, and returns only PDFs of that dossier, whatever the portal sends', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json().map((text) => JSON.parse(text) as unknown),
          fc.record({ MaHoSo: fc.constantFrom(CODE, 'x'), TepPdf: fc.base64String() }),
          fc.uint8Array().map((bytes) => wire(bytes)),
        ),
        (body) => {
          const pdf = interpretReceiptPdf(body, CODE);
          if (pdf) expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
        },
      ),
    );
  });

  it('puts the receipt beside its dossier, with the code escaped', () => {
    expect(receiptPdfPath(CODE)).toBe('api/ho-so/H29.12-261207-3001/bien-nhan');
    expect(receiptPdfPath('a/b')).toBe('api/ho-so/a%2Fb/bien-nhan');
  });
});
