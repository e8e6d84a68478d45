import { z } from 'zod';
import type { ReceiptTemplate } from './receipt-template';
import type { SlipElement } from './slip-layout';
import { formatSlipTime, type FormatTime } from './slip-time';

/**
 * The small ticket of "Lấy số thứ tự": a number for a counter group, without a dossier. Centres'
 * queue kiosks print the number, the field and its counters and the time (see kiosk-app's
 * core/queue/README.md); no personal data is on it.
 */
export const QueueTicketSlipSchema = z.object({
  centreName: z.string().min(1),
  number: z.string().regex(/^[A-Z0-9-]{1,16}$/, 'capital letters, digits and "-"'),
  groupName: z.string().min(1),
  counters: z.string().min(1).optional(),
  issuedAt: z.iso.datetime({ offset: true }),
  waiting: z.number().int().min(0).optional(),
  kioskId: z.string().min(1),
});
export type QueueTicketSlip = z.infer<typeof QueueTicketSlipSchema>;

const text = (
  value: string,
  style: 'title' | 'heading' | 'body' | 'strong' = 'body',
): SlipElement => ({ kind: 'text', text: value, style, align: 'center' });

/** Centre, title, the number large, the field and counters, the time, the kiosk. */
export function queueTicketToElements(
  ticket: QueueTicketSlip,
  template: ReceiptTemplate,
  at: FormatTime = (iso) => formatSlipTime(iso, template.timeZone),
): SlipElement[] {
  const l = template.labels;
  const out: SlipElement[] = [
    text(ticket.centreName, 'heading'),
    { kind: 'space', dots: 16 },
    text(l.ticketTitle, 'heading'),
    text(ticket.number, 'title'),
    text(ticket.groupName, 'strong'),
  ];
  if (ticket.counters) out.push(text(`${l.queueCounter}: ${ticket.counters}`, 'strong'));
  if (ticket.waiting !== undefined) out.push(text(`${l.ticketWaiting}: ${ticket.waiting}`));
  out.push(text(`${l.ticketIssuedAt}: ${at(ticket.issuedAt)}`));
  out.push({ kind: 'rule' });
  out.push(text(l.ticketNotice));
  out.push(text(`${l.kioskId}: ${ticket.kioskId}`));
  return out;
}
