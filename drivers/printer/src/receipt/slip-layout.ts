import type { ReceiptSlip, SlipDocument } from './receipt-slip';
import type { ReceiptTemplate } from './receipt-template';
import { formatSlipTime, type FormatTime } from './slip-time';

export type TextStyle = 'title' | 'heading' | 'body' | 'strong';
export type Align = 'left' | 'center';

/** The slip as logical content, before it is wrapped for a paper width and a way of printing. */
export type SlipElement =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly style: TextStyle;
      readonly align: Align;
    }
  | { readonly kind: 'rule' }
  | { readonly kind: 'space'; readonly dots: number }
  | { readonly kind: 'qr'; readonly payload: string; readonly caption: string }
  /** The dossier code as a CODE128 barcode, for the counter's scanner. */
  | { readonly kind: 'barcode'; readonly payload: string };

const text = (value: string, style: TextStyle = 'body', align: Align = 'left'): SlipElement => ({
  kind: 'text',
  text: value,
  style,
  align,
});

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** "Tờ khai - 01 bản chính, 01 bản sao", as the form's table reads in one line. */
function documentLine(doc: SlipDocument, l: ReceiptTemplate['labels']): string {
  const counts = [
    doc.originals > 0 ? `${twoDigits(doc.originals)} ${l.originals}` : undefined,
    doc.copies > 0 ? `${twoDigits(doc.copies)} ${l.copies}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return counts.length > 0 ? `${doc.name} - ${counts.join(', ')}` : doc.name;
}

/**
 * Lays the slip out in the order of the official form (Mẫu số 01, TT 01/2018/TT-VPCP): issuing
 * body, national motto, title, copy mark, the dossier and its barcode, the applicant, the
 * papers with their counts and the number of sets, the dates, where to collect, the fee, the
 * register entry, the receiving officer, the status and how to follow it. A phiếu nộp hồ sơ
 * has the same frame, its own title, the queue number and the papers to bring instead.
 */
export function slipToElements(
  slip: ReceiptSlip,
  template: ReceiptTemplate,
  at: FormatTime = (iso) => formatSlipTime(iso, template.timeZone),
): SlipElement[] {
  const l = template.labels;
  const submission = slip.kind === 'submissionSlip';
  const out: SlipElement[] = [];
  for (const line of template.headerLines) out.push(text(line, 'heading', 'center'));
  out.push(text(slip.centreName, 'heading', 'center'));
  for (const line of template.mottoLines) out.push(text(line, 'heading', 'center'));
  out.push({ kind: 'space', dots: 16 });
  out.push(text(submission ? l.submissionTitle : (slip.title ?? l.title), 'title', 'center'));
  if (slip.formReference && !submission) out.push(text(slip.formReference, 'body', 'center'));
  if (slip.copyMark) out.push(text(slip.copyMark, 'body', 'center'));
  if (submission) out.push(text(l.submissionNotice, 'strong', 'center'));
  if (slip.reprint) {
    out.push(text(`*** ${l.reprintMark} ***`, 'strong', 'center'));
    out.push(text(`${l.reprintedAt}: ${at(slip.reprint.reprintedAt)}`, 'body', 'center'));
  }
  out.push({ kind: 'rule' });
  out.push(text(`${l.dossierCode}: ${slip.dossierCode}`, 'strong'));
  if (template.dossierBarcode) out.push({ kind: 'barcode', payload: slip.dossierCode });
  if (slip.queueNumber) out.push(text(`${l.queueNumber}: ${slip.queueNumber}`, 'title'));
  if (slip.queueNumber && slip.queueCounter)
    out.push(text(`${l.queueCounter}: ${slip.queueCounter}`, 'strong'));
  out.push(text(`${l.receivingUnit}: ${slip.receivingUnit}`));
  out.push(text(`${l.applicantName}: ${slip.applicantName}`));
  if (slip.applicantAddress) out.push(text(`${l.applicantAddress}: ${slip.applicantAddress}`));
  if (slip.applicantPhone) out.push(text(`${l.applicantPhone}: ${slip.applicantPhone}`));
  if (slip.applicantEmail) out.push(text(`${l.applicantEmail}: ${slip.applicantEmail}`));
  out.push(text(`${l.procedureName}: ${slip.procedureName}`));
  out.push(text(`${submission ? l.documentsToBring : l.documentsReceived}:`));
  const lines = slip.documents
    ? slip.documents.map((doc) => documentLine(doc, l))
    : slip.documentsReceived;
  lines.forEach((line, i) => out.push(text(`${i + 1}. ${line}`)));
  if (slip.sets !== undefined) out.push(text(`${l.sets}: ${twoDigits(slip.sets)} ${l.setsUnit}`));
  out.push(text(`${l.processingTimeByLaw}: ${slip.processingTimeByLaw}`));
  out.push(text(`${submission ? l.submittedAt : l.receivedAt}: ${at(slip.receivedAt)}`));
  const note = slip.appointmentNote ? ` (${slip.appointmentNote})` : '';
  out.push(text(`${l.appointmentAt}: ${at(slip.appointmentAt)}${note}`, 'strong'));
  out.push(text(`${l.resultCollectionPlace}: ${slip.resultCollectionPlace}`));
  if (slip.fee) {
    const paid = slip.fee.paid === undefined ? '' : ` - ${slip.fee.paid ? l.feePaid : l.feeUnpaid}`;
    out.push(text(`${l.fee}: ${slip.fee.text}${paid}`));
  }
  if (slip.register) {
    out.push(
      text(
        `${l.register}: ${l.registerBook} ${slip.register.book}, ${l.registerEntry} ${slip.register.entry}`,
      ),
    );
  }
  if (slip.receivingOfficer) out.push(text(`${l.receivingOfficer}: ${slip.receivingOfficer}`));
  out.push(text(`${l.status}: ${slip.status}`));
  out.push({ kind: 'rule' });
  out.push({ kind: 'qr', payload: slip.statusLookupUrl, caption: l.scanToTrack });
  out.push(text(`${l.trackingWebsite}: ${slip.trackingWebsite}`));
  if (slip.trackingSms) out.push(text(`${l.trackingSms}: ${slip.trackingSms}`));
  out.push(text(`${l.kioskId}: ${slip.kioskId}`));
  for (const line of template.footerLines) out.push(text(line, 'body', 'center'));
  return out;
}
