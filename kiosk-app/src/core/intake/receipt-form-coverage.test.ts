/**
 * Issue 15, "Figures": the share of receipts that carry every field of their form, computed from
 * the printed bytes. Each of the seven procedures goes through the kiosk's intake, is accepted
 * by a one-stop twin (counter: an officer; electronic: "Tiếp nhận tự động"), is rendered to
 * ESC/POS on the TCVN-3 profile and decoded by the virtual printer's decoder; the fields are
 * then looked for in the decoded text and barcodes. Want: 100 %.
 *
 * Fields: Mẫu số 01 of Thông tư 01/2018/TT-VPCP (quốc hiệu, tiêu ngữ, title, Liên, mã hồ sơ,
 * người nộp with address, phone and e-mail, nội dung, thành phần hồ sơ with hình thức and số
 * lượng, số bộ, thời hạn, thời gian nhận, thời gian trả, nơi nhận, Sổ theo dõi quyển/số thứ tự,
 * người tiếp nhận) plus what issue 15 adds (fee and paid status, barcode of the code); CT04 of
 * Thông tư 66/2023/TT-BCA for the residence procedures.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue, type CitizenFacts } from '@kiosk/forms';
import { defaultTemplate, loadProfile, renderReceipt } from '@kiosk/printer';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { EscPosDecoder } from '@kiosk/test-fixtures/printer';
import type { FormView, ReceiptView } from '@kiosk/protocol';
import { AppointmentCalculator } from '../appointment';
import { DossierCodeAllocator, blockOfKiosk } from '../dossier-code/dossier-code';
import { receiptToSlip } from '../devices/receipt-slip';
import type { StatusResult } from '../links';
import { createLogger } from '../log/logger';
import { Outbox } from '../outbox/outbox';
import { OUTBOX_MIGRATIONS } from '../outbox/outbox-migrations';
import { ProcedureService } from '../procedures/procedure-service';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase } from '../store/database';
import { ReceiptRepository } from '../store/receipt-repository';
import { DossierAcceptance } from './dossier-acceptance';
import { DossierIntake } from './dossier-intake';

const RECEIVED = new Date('2026-12-07T02:15:00Z');
const OFFICER = 'Cán bộ Mẫu';

function kiosk() {
  const db = openDatabase(':memory:', [...coreMigrations, ...OUTBOX_MIGRATIONS]);
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H01', block: blockOfKiosk(1) }),
    () => RECEIVED.getTime(),
  );
  const receipts = new ReceiptRepository(db);
  const procedures = ProcedureService.fromCatalogue(createLogger(() => undefined));
  const calculator = new AppointmentCalculator();
  const intake = new DossierIntake({
    outbox,
    receipts,
    calculator,
    procedures,
    config: () => ({
      centreName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH ĐỒNG THỬ',
      receivingUnit: 'Bộ phận Một cửa',
      collectAt: 'Quầy trả kết quả số 3',
      lookupBaseUrl: 'https://dichvucong.example.gov.vn/tra-cuu',
      trackingHint: '',
      kioskId: 'KIOSK-01',
    }),
    now: () => RECEIVED,
  });
  const accepted = (code: string, electronic: boolean): StatusResult => ({
    kind: 'found',
    code,
    status: 'received',
    acceptance: {
      officer: electronic ? 'Tiếp nhận tự động' : OFFICER,
      acceptedAt: '2026-12-07T02:40:00Z',
      registerBook: '2026',
      registerEntry: '0007',
    },
  });
  const acceptance = new DossierAcceptance({
    gateway: { status: async () => ({ kind: 'notFound' }) },
    receipts,
    procedures,
    calculator,
  });
  return { intake, acceptance, accepted };
}

function facts(): CitizenFacts {
  return {
    record: syntheticCitizen(5),
    provenance: {},
    mismatches: [],
    assurance: 'chip-verified',
  };
}

function form(procedureCode: string): FormView {
  return {
    procedureCode,
    title: { vi: 'Tờ khai', en: 'Declaration' },
    sections: [],
    values: { phone: '0900000000', email: 'cong.dan@example.vn' },
    provenance: {},
    missing: [],
    issues: [],
    editable: [],
  };
}

/** The printed text (lines joined as the paper reads) and barcodes, decoded from the bytes. */
function printed(receipt: ReceiptView): { text: string; barcodes: string[] } {
  const { escpos } = renderReceipt(
    receiptToSlip(receipt),
    loadProfile('epson-80mm-tcvn3'),
    defaultTemplate(['ỦY BAN NHÂN DÂN TỈNH ĐỒNG THỬ']),
  );
  const decoded = new EscPosDecoder()
    .feed(escpos)
    .flatMap((a) => (a.kind === 'receipt' ? [a.receipt] : []));
  const text = decoded.flatMap((r) => r.lines.map((l) => l.text)).join(' ');
  return { text, barcodes: decoded.flatMap((r) => r.barcodes.map((b) => b.payload)) };
}

/** Every field of the form, as a check on the decoded slip. */
function missingFields(receipt: ReceiptView): string[] {
  const { text, barcodes } = printed(receipt);
  const ct04 = receipt.receiptForm === 'residence-ct04';
  const checks: [string, boolean][] = [
    ['quốc hiệu', text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')],
    ['tiêu ngữ', text.includes('Độc lập - Tự do - Hạnh phúc')],
    [
      'title',
      text.includes(
        ct04
          ? 'PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'
          : 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      ),
    ],
    ['form', text.includes(ct04 ? 'Mẫu CT04' : 'Mẫu số 01')],
    ['liên', /Liên \d/.test(text)],
    ['mã hồ sơ', text.includes(`Mã hồ sơ: ${receipt.dossierCode}`)],
    ['barcode', barcodes.includes(receipt.dossierCode)],
    ['người nộp', text.includes(`Người nộp: ${receipt.applicantName}`)],
    ['địa chỉ', /Địa chỉ: \S/.test(text)],
    ['điện thoại', text.includes('Số điện thoại: 0900000000')],
    ['email', text.includes('Email: cong.dan@example.vn')],
    ['thủ tục', text.includes(`Thủ tục: ${receipt.procedureName}`)],
    ['thành phần', /Thành phần hồ sơ đã nhận: 1\. .+ - \d{2} bản (chính|sao)/.test(text)],
    ['số bộ', text.includes('Số lượng hồ sơ: 01 bộ')],
    ['thời hạn', text.includes('Thời hạn giải quyết theo quy định: ')],
    ['thời gian nhận', /Thời gian tiếp nhận: \d{2} giờ \d{2}/.test(text)],
    ['hẹn trả', /Thời gian hẹn trả kết quả: \d{2} giờ \d{2}/.test(text)],
    ['nơi nhận', text.includes('Nơi nhận kết quả: Quầy trả kết quả số 3')],
    ['phí', /Phí, lệ phí: (Không|[\d.]+ đ - (Đã|Chưa) thanh toán)/.test(text)],
    ['sổ theo dõi', text.includes('Vào Sổ theo dõi hồ sơ: Quyển số 2026, Số thứ tự 0007')],
    ['người tiếp nhận', /Người tiếp nhận: (Tiếp nhận tự động|Cán bộ Mẫu)/.test(text)],
    ['not a phiếu', !text.includes('PHIẾU NỘP HỒ SƠ')],
  ];
  return checks.filter(([, ok]) => !ok).map(([name]) => name);
}

describe('receipt form coverage across the catalogue (decoded from printed bytes)', () => {
  it('every receipt of the seven procedures carries every field of its form', () => {
    const { intake, acceptance, accepted } = kiosk();
    const procedures = loadCatalogue().procedures;
    expect(procedures).toHaveLength(7);
    const results = procedures.map((procedure) => {
      const slip = intake.submit({
        procedureCode: procedure.code,
        citizen: facts(),
        form: form(procedure.code),
      });
      const receipt = acceptance.apply(
        slip.dossierCode,
        accepted(slip.dossierCode, slip.intake === 'electronic'),
      );
      if (!receipt) throw new Error(`${procedure.code} was not turned into a receipt`);
      return { code: procedure.code, missing: missingFields(receipt) };
    });
    const complete = results.filter((r) => r.missing.length === 0).length;
    const share = complete / results.length;
    // The figure of issue 15, printed for the report.
    console.info(`receipts carrying every field of their form: ${(share * 100).toFixed(0)} %`);
    expect(results.filter((r) => r.missing.length > 0)).toEqual([]);
    expect(share).toBe(1);
  });

  it('a phiếu nộp hồ sơ is never counted as a receipt: it lacks the officer and the register', () => {
    const { intake } = kiosk();
    const slip = intake.submit({
      procedureCode: '1.004222',
      citizen: facts(),
      form: form('1.004222'),
    });
    expect(missingFields(slip)).toEqual(
      expect.arrayContaining(['title', 'sổ theo dõi', 'người tiếp nhận', 'not a phiếu']),
    );
  });
});
