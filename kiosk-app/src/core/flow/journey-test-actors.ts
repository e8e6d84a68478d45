/**
 * In-memory twins of the journey's actors, for unit tests of the chart and of the API layer.
 * Each twin behaves like the real service in shape (same outputs, same failure modes) and is
 * switched between success and failure by the `behaviour` object.
 */
import { fromCallback, fromPromise } from 'xstate';
import type { AssuranceLevel, FieldIssue } from '@kiosk/forms';
import type {
  FormView,
  PaymentQrView,
  ProcedureInfoView,
  ProcedureSummary,
  ReceiptView,
} from '@kiosk/protocol';
import type { DocumentEvent } from './journey-events';
import type {
  IssuedQueueTicket,
  LookupRegistryInput,
  PrintReceiptInput,
  LookupStatusInput,
  PrepareFormInput,
  PreparedForm,
  PrinterCheck,
  ReadDocumentInput,
  RecordRatingInput,
  RegistryOutcome,
  RequestPaymentInput,
  StatusOutcome,
  SubmitDossierInput,
  ValidatedForm,
  ValidateFormInput,
} from './journey-services';

export interface TwinBehaviour {
  card: 'ok' | 'fail' | 'hang';
  registry: 'found' | 'notFound' | 'unavailable';
  printer: 'ready' | 'paperOut';
  submit: 'ok' | 'fail';
  print: 'ok' | 'fail';
  status: 'found' | 'notFound' | 'unavailable';
  /** What passive authentication made of the card (default `chip-verified`). */
  assurance?: AssuranceLevel;
  /** Where the rating twin puts what it is given (issue 18); without it ratings are dropped. */
  ratings?: RecordRatingInput[];
  /** What the submit twin files (default TEST_RECEIPT). */
  receipt?: ReceiptView;
  /** Whether the payment twin opens a VietQR (issue 17; default `ok`). */
  payment?: 'ok' | 'fail';
  /** Where the registry twin puts each lookup it is asked (what would go on the wire). */
  registryAsked?: LookupRegistryInput[];
}

export const TEST_PERSON = {
  personalId: '001099012345',
  fullName: 'Trần Thị Thử Nghiệm',
  dateOfBirth: '1999-05-06',
  sex: 'F' as const,
};

export const TEST_PROCEDURE: ProcedureSummary = {
  code: 'TEST.1',
  name: { vi: 'Thủ tục thử', en: 'Test procedure' },
  sector: { vi: 'Thử', en: 'Test' },
  receivingAgency: { vi: 'UBND xã', en: 'Commune' },
  processingTime: { unit: 'workingHours', amount: 8 },
  feeVnd: 0,
  documents: [],
  rank: 1,
  keywords: [],
};

export function testForm(values: Record<string, string>, issues: FieldIssue[] = []): FormView {
  const missing = ['phone'].filter((id) => !values[id]);
  return {
    procedureCode: TEST_PROCEDURE.code,
    title: { vi: 'Tờ khai', en: 'Form' },
    sections: [
      {
        id: 's',
        title: { vi: 'Người khai', en: 'Applicant' },
        fields: [
          {
            id: 'fullName',
            label: { vi: 'Họ tên', en: 'Name' },
            type: 'text',
            required: true,
            binding: 'citizen.fullName',
          },
          { id: 'phone', label: { vi: 'Điện thoại', en: 'Phone' }, type: 'phone', required: true },
        ],
      },
    ],
    values,
    provenance: { fullName: 'chip' },
    missing,
    issues,
    editable: ['phone'],
  };
}

/** A "Lấy số thứ tự" number as the core's actor returns it, printed. */
export const TEST_QUEUE_TICKET: IssuedQueueTicket = {
  ticket: {
    number: 'HT0001',
    group: 'HT',
    groupName: 'Hộ tịch',
    issuedAt: '2026-11-28T09:00:00+07:00',
    source: 'queue-system',
  },
  printed: true,
};

export const TEST_RECEIPT: ReceiptView = {
  dossierCode: 'H01-261128-0001',
  centreName: 'Trung tâm thử',
  receivingUnit: 'H01',
  applicantName: TEST_PERSON.fullName,
  procedureCode: TEST_PROCEDURE.code,
  procedureName: TEST_PROCEDURE.name.vi,
  documents: [],
  processingTime: '1 ngày làm việc',
  receivedAt: '2026-11-28T09:00:00+07:00',
  appointmentAt: '2026-11-30T09:00:00+07:00',
  collectAt: 'Quầy 1',
  status: 'received',
  lookupUrl: 'https://example.invalid/tra-cuu?ma=H01-261128-0001',
  trackingHint: 'SMS',
  kioskId: 'K1',
};

/** The same receipt with a fee not yet paid (20.000 đ, paid at submission). */
export const TEST_FEE_RECEIPT: ReceiptView = {
  ...TEST_RECEIPT,
  fee: { amountVnd: 20_000, paid: false },
};

/** The payment twin's VietQR (the payload is not a real one: the chart never reads it). */
export const TEST_PAYMENT_QR: PaymentQrView = {
  qrPayload: '00020101021238580010A000000727',
  amountVnd: 0,
  waitSeconds: 180,
  expiresAt: '2026-11-28T09:03:00+07:00',
};

export function journeyTestActors(behaviour: TwinBehaviour) {
  return {
    readDocument: fromCallback<DocumentEvent, ReadDocumentInput>(({ sendBack }) => {
      if (behaviour.card === 'hang') return;
      queueMicrotask(() => {
        if (behaviour.card === 'fail') {
          sendBack({ type: 'document.failed', error: { code: 'CARD_READ_FAILED' } });
          return;
        }
        sendBack({
          type: 'document.idKnown',
          personalId: TEST_PERSON.personalId,
          fullName: TEST_PERSON.fullName,
          dateOfBirth: TEST_PERSON.dateOfBirth,
        });
        sendBack({ type: 'document.progress', progress: 0.5 });
        sendBack({
          type: 'document.read',
          method: 'chip',
          record: TEST_PERSON,
          sources: { chip: TEST_PERSON },
          assurance: behaviour.assurance ?? 'chip-verified',
        });
      });
    }),
    lookupRegistry: fromPromise<RegistryOutcome, LookupRegistryInput>(async ({ input }) => {
      behaviour.registryAsked?.push(input);
      return behaviour.registry === 'found'
        ? { kind: 'found', record: { ...TEST_PERSON, ethnicity: 'Kinh' } }
        : behaviour.registry === 'notFound'
          ? { kind: 'notFound' }
          : { kind: 'unavailable', reason: 'down' };
    }),
    prepareForm: fromPromise<PreparedForm, PrepareFormInput>(async ({ input }) => {
      if (input.procedureCode !== TEST_PROCEDURE.code) throw new Error('unknown procedure');
      return {
        procedure: TEST_PROCEDURE,
        form: testForm({ fullName: input.citizen.record.fullName }),
      };
    }),
    validateForm: fromPromise<ValidatedForm, ValidateFormInput>(async ({ input }) => {
      const values = Object.fromEntries(
        Object.entries(input.form.values).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      );
      const form = testForm(values);
      return { valid: form.missing.length === 0, form };
    }),
    checkPrinter: fromPromise<PrinterCheck, undefined>(async () =>
      behaviour.printer === 'ready'
        ? { ready: true }
        : { ready: false, error: { code: 'PRINTER_PAPER_OUT' } },
    ),
    submitDossier: fromPromise<ReceiptView, SubmitDossierInput>(async () => {
      if (behaviour.submit === 'fail') throw new Error('store unavailable');
      return behaviour.receipt ?? TEST_RECEIPT;
    }),
    printReceipt: fromPromise<undefined, PrintReceiptInput>(async () => {
      if (behaviour.print === 'fail') throw new Error('paper out');
      return undefined;
    }),
    lookupStatus: fromPromise<StatusOutcome, LookupStatusInput>(async ({ input }) =>
      behaviour.status === 'found'
        ? { kind: 'found', status: { dossierCode: input.code, status: 'processing' } }
        : behaviour.status === 'notFound'
          ? { kind: 'notFound' }
          : { kind: 'unavailable' },
    ),
    recordRating: fromPromise<undefined, RecordRatingInput>(async ({ input }) => {
      behaviour.ratings?.push(input);
      return undefined;
    }),
    requestPayment: fromPromise<PaymentQrView, RequestPaymentInput>(async ({ input }) => {
      if (behaviour.payment === 'fail') throw new Error('platform unavailable');
      return { ...TEST_PAYMENT_QR, amountVnd: input.receipt.fee?.amountVnd ?? 0 };
    }),
    describeProcedure: fromPromise<ProcedureInfoView | undefined, { code: string }>(
      async ({ input }) =>
        input.code === TEST_PROCEDURE_INFO.code ? TEST_PROCEDURE_INFO : undefined,
    ),
  };
}

/** The published page of TEST_PROCEDURE, as the procedure-page twin answers it. */
export const TEST_PROCEDURE_INFO: ProcedureInfoView = {
  code: TEST_PROCEDURE.code,
  name: TEST_PROCEDURE.name,
  sector: TEST_PROCEDURE.sector,
  agencyLevel: 'commune',
  receivingAgency: TEST_PROCEDURE.receivingAgency,
  intake: 'counter',
  processingTime: TEST_PROCEDURE.processingTime,
  fee: {
    amountVnd: 0,
    kind: 'none',
    paidAt: 'submission',
    legalSource: 'Luật thử',
    exemptions: [],
  },
  documents: [],
  resultDelivery: ['counter'],
  legalBasis: ['Luật thử'],
  portalUrl:
    'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.000001',
};

export const HAPPY: TwinBehaviour = {
  card: 'ok',
  registry: 'found',
  printer: 'ready',
  submit: 'ok',
  print: 'ok',
  status: 'found',
};
