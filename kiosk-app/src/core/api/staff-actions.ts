import type { ClientMessage, OutboxEntryView, Reply } from '@kiosk/protocol';
import type { OutboxEntry } from '../outbox/outbox';
import type { ApiContext } from './api-context';
import { fail } from './api-failure';

/** Staff powers: find, preview and reprint receipts; see the outbox and retry a failed send. */
export class StaffActions {
  constructor(
    private readonly ctx: ApiContext,
    private readonly now: () => number,
  ) {}

  find(query: Extract<ClientMessage, { type: 'receipts.find' }>): Reply['receipts.find'] {
    const dossierCode = query.dossierCode?.trim().toUpperCase() || undefined;
    const personalId = query.personalId?.trim() || undefined;
    for (const [name, value] of [
      ['from', query.from],
      ['to', query.to],
    ] as const) {
      if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value))
        fail('BAD_MESSAGE', `${name} must be a date YYYY-MM-DD`);
    }
    if (personalId && !/^\d{12}$/.test(personalId))
      fail('BAD_MESSAGE', 'a personal ID number is 12 digits');
    return this.ctx.receipts.find({
      dossierCode,
      personalId,
      from: query.from || undefined,
      to: query.to || undefined,
    });
  }

  preview(dossierCode: string): Reply['receipts.preview'] {
    const code = dossierCode.trim().toUpperCase();
    return this.ctx.receipts.get(code) ?? fail('NOT_FOUND', `no receipt ${code}`);
  }

  /** Reprints the stored slip, marked "BẢN IN LẠI" with the reprint time by the printer port. */
  async reprint(dossierCode: string): Promise<Reply['receipts.reprint']> {
    const code = dossierCode.trim().toUpperCase();
    const stored = this.ctx.receipts.get(code) ?? fail('NOT_FOUND', `no receipt ${code}`);
    const reprintAt = new Date(this.now()).toISOString();
    try {
      await this.ctx.printer.print(stored.receipt, { reprintAt });
    } catch (error) {
      fail('DEVICE_ERROR', `printer: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { dossierCode: code, printed: true };
  }

  outboxList(state?: OutboxEntry['state']): Reply['outbox.list'] {
    const outbox = this.ctx.outbox ?? fail('NOT_AVAILABLE', 'the outbox is not wired to the API');
    return { entries: outbox.list({ state }).map(outboxView), counts: outbox.counts() };
  }

  outboxRetry(outboxId: number): Reply['outbox.retry'] {
    const outbox = this.ctx.outbox ?? fail('NOT_AVAILABLE', 'the outbox is not wired to the API');
    if (!outbox.retry(outboxId)) fail('NOT_FOUND', `no failed outbox entry ${outboxId}`);
    return { outboxId, retried: true };
  }
}

function outboxView(entry: OutboxEntry): OutboxEntryView {
  return {
    id: entry.id,
    code: entry.code,
    state: entry.state,
    attempts: entry.attempts,
    createdAt: entry.createdAt,
    sentAt: entry.sentAt,
    lastError: entry.lastError,
  };
}
