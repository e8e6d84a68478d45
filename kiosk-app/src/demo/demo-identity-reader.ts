import { classifyQr } from '../core/dossier-code';
import { PRINTED_DOCUMENT_ASSURANCE } from '../core/identity';
import { emitMrzIdentity } from '../core/identity';
import { journeyFailureOf } from '../core/devices/card-failures';
import type { DocumentEvent, IdentificationTrigger } from '../core/flow/journey-events';
import { JourneyFailure, type IdentityReader } from '../core/ports';
import { chipPartOf, demoCitizens } from './demo-citizens';

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });

/**
 * The demo's in-process card reader: a card "placed" from the demo panel is one of the synthetic
 * citizens, read with the pauses and progress steps of a real chip read (access control, DG13,
 * face image) so the screens behave as they will with the real driver.
 */
export class DemoIdentityReader implements IdentityReader {
  private card: number | undefined;

  constructor(private readonly stepMs = 150) {}

  place(index: number): void {
    this.card = index;
  }

  remove(): void {
    this.card = undefined;
  }

  async read(
    trigger: IdentificationTrigger,
    emit: (e: DocumentEvent) => void,
    signal: AbortSignal,
  ): Promise<void> {
    if (trigger.method === 'mrz') {
      // An MRZ alone (camera or serial MRZ reader), read as the chip driver's reader reads it.
      try {
        return emitMrzIdentity(trigger.text, new Date(), emit);
      } catch (error) {
        throw journeyFailureOf(error);
      }
    }
    if (trigger.method !== 'chip') {
      const classified = classifyQr(trigger.text);
      if (classified.kind !== 'cccd') throw new JourneyFailure({ code: 'QR_INVALID' });
      const q = classified.cccd;
      emit({
        type: 'document.idKnown',
        personalId: q.personalId,
        fullName: q.fullName,
        dateOfBirth: q.dateOfBirth,
      });
      const record = {
        personalId: q.personalId,
        fullName: q.fullName,
        dateOfBirth: q.dateOfBirth,
        sex: q.sex,
        dateOfIssue: q.dateOfIssue,
        oldIdNumber: q.oldIdNumber,
      };
      emit({
        type: 'document.read',
        method: 'qr',
        record,
        sources: { qr: record },
        assurance: PRINTED_DOCUMENT_ASSURANCE,
      });
      return;
    }
    const citizen = this.card === undefined ? undefined : demoCitizens[this.card];
    if (!citizen) throw new JourneyFailure({ code: 'CARD_REMOVED' });
    emit({ type: 'document.progress', progress: 0.15 });
    await wait(this.stepMs, signal);
    emit({ type: 'document.progress', progress: 0.35 });
    await wait(this.stepMs, signal);
    emit({
      type: 'document.idKnown',
      personalId: citizen.personalId,
      fullName: citizen.fullName,
      dateOfBirth: citizen.dateOfBirth,
    });
    emit({ type: 'document.progress', progress: 0.6 });
    await wait(this.stepMs * 2, signal);
    if (this.card === undefined) throw new JourneyFailure({ code: 'CARD_REMOVED' });
    const chip = chipPartOf(citizen);
    // The stand-in plays a genuine card whose signature the trust store vouches for.
    emit({
      type: 'document.read',
      method: 'chip',
      record: chip,
      sources: { chip },
      assurance: 'chip-verified',
    });
  }
}
