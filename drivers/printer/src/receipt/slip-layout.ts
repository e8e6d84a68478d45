import type { ReceiptSlip } from './receipt-slip';
import type { ReceiptTemplate } from './receipt-template';
import { formatSlipTime } from './slip-time';

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
  | { readonly kind: 'qr'; readonly payload: string; readonly caption: string };

const text = (value: string, style: TextStyle = 'body', align: Align = 'left'): SlipElement => ({
  kind: 'text',
  text: value,
  style,
  align,
});

/**
 * Lays the slip out in the order of the official form: issuing body, title, the dossier, the
 * documents received, the dates, where to collect, the status and how to follow it.
 */
export function slipToElements(slip: ReceiptSlip, template: ReceiptTemplate): SlipElement[] {
  const l = template.labels;
  const at = (iso: string): string => formatSlipTime(iso, template.timeZone);
  const out: SlipElement[] = [];
  for (const line of template.headerLines) out.push(text(line, 'heading', 'center'));
  out.push(text(slip.centreName, 'heading', 'center'));
  out.push({ kind: 'space', dots: 16 });
  out.push(text(l.title, 'title', 'center'));
  if (slip.reprint) {
    out.push(text(`*** ${l.reprintMark} ***`, 'strong', 'center'));
    out.push(text(`${l.reprintedAt}: ${at(slip.reprint.reprintedAt)}`, 'body', 'center'));
  }
  out.push({ kind: 'rule' });
  out.push(text(`${l.dossierCode}: ${slip.dossierCode}`, 'strong'));
  out.push(text(`${l.receivingUnit}: ${slip.receivingUnit}`));
  out.push(text(`${l.applicantName}: ${slip.applicantName}`));
  out.push(text(`${l.procedureName}: ${slip.procedureName}`));
  out.push(text(`${l.documentsReceived}:`));
  slip.documentsReceived.forEach((doc, i) => out.push(text(`${i + 1}. ${doc}`)));
  out.push(text(`${l.processingTimeByLaw}: ${slip.processingTimeByLaw}`));
  out.push(text(`${l.receivedAt}: ${at(slip.receivedAt)}`));
  out.push(text(`${l.appointmentAt}: ${at(slip.appointmentAt)}`, 'strong'));
  out.push(text(`${l.resultCollectionPlace}: ${slip.resultCollectionPlace}`));
  out.push(text(`${l.status}: ${slip.status}`));
  out.push({ kind: 'rule' });
  out.push({ kind: 'qr', payload: slip.statusLookupUrl, caption: l.scanToTrack });
  out.push(text(`${l.trackingWebsite}: ${slip.trackingWebsite}`));
  if (slip.trackingSms) out.push(text(`${l.trackingSms}: ${slip.trackingSms}`));
  out.push(text(`${l.kioskId}: ${slip.kioskId}`));
  for (const line of template.footerLines) out.push(text(line, 'body', 'center'));
  return out;
}
