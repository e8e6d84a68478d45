import type { ReceiptView } from '@kiosk/protocol';

/**
 * The slip a technician's test print produces: the layout of a real receipt, filled with
 * obviously fake values (no citizen's data), so paper, cutter and Vietnamese glyphs are all checked.
 */
export function testSlip(kioskId: string, centreName: string, at: Date): ReceiptView {
  const iso = at.toISOString();
  return {
    dossierCode: 'IN-THU',
    centreName,
    receivingUnit: 'BẢN IN THỬ — TEST PRINT',
    applicantName: 'KHÔNG PHẢI GIẤY HẸN (not a receipt)',
    procedureCode: 'TEST',
    procedureName: 'Kiểm tra máy in: ă â đ ê ô ơ ư — ÁÀẢÃẠ',
    documents: ['Dòng thử 1', 'Dòng thử 2'],
    processingTime: '—',
    receivedAt: iso,
    appointmentAt: iso,
    collectAt: '—',
    status: 'received',
    lookupUrl: 'https://example.invalid/test-print',
    trackingHint: 'Bản in thử của kỹ thuật viên',
    kioskId,
  };
}
