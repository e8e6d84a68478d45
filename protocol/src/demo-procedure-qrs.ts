/**
 * QR texts the demo panel can "scan" as if posted in the centre: the national portal's page of
 * a procedure in the catalogue (permanent residence, 1.004222), of a code no kiosk offers, and a
 * portal page that is not a procedure (the dossier lookup). URL shapes: see the core's
 * `procedure-qr.ts`.
 */
export const DEMO_PROCEDURE_QRS = {
  known: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004222',
  unknown:
    'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=9.999901',
  notProcedure: 'https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html',
} as const;
