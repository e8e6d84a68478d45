import { describe, expect, it } from 'vitest';
import { loadCatalogue, type Procedure } from '@kiosk/forms';
import { AppointmentCalculator } from '../appointment';
import { confirmationCommitment } from './confirmation-commitment';

const calculator = new AppointmentCalculator();
const procedures = loadCatalogue().procedures;

function procedure(code: string): Procedure {
  const found = procedures.find((p) => p.code === code);
  if (!found) throw new Error(`no procedure ${code}`);
  return found;
}

describe('confirmationCommitment', () => {
  it('expects the appointment the intake would give if the dossier were received now', () => {
    const now = new Date('2026-03-02T09:00:00+07:00');
    const p = procedure('1.004222');
    expect(confirmationCommitment(p, calculator, now).expectedAppointmentIso).toBe(
      calculator.calculate(now, p.processingTime).dueIso,
    );
  });

  it('counts from the next working day when the cut-off has passed (Friday 16:00 → Monday 8 h)', () => {
    const p: Procedure = {
      ...procedure('1.004222'),
      processingTime: { unit: 'workingHours', amount: 8, cutOff: '15:00' },
    };
    const friday = new Date('2026-03-06T16:00:00+07:00');
    expect(confirmationCommitment(p, calculator, friday).expectedAppointmentIso).toBe(
      '2026-03-09T17:00:00+07:00',
    );
  });

  it('leaves the appointment out rather than guess when the calendar cannot place it', () => {
    const p: Procedure = {
      ...procedure('1.004222'),
      processingTime: { unit: 'workingHours', amount: -1 },
    };
    expect(
      confirmationCommitment(p, calculator, new Date()).expectedAppointmentIso,
    ).toBeUndefined();
  });

  it('lists the required papers and only the optional ones the citizen has, with their counts', () => {
    const p = procedure('1.004222');
    const now = new Date('2026-03-02T09:00:00+07:00');
    const names = (counts: Record<number, number>) =>
      confirmationCommitment(p, calculator, now, counts).papers?.map((d) => d.name.vi);
    expect(names({})).toEqual([p.documents[0]?.name.vi]);
    expect(names({ 2: 1, 3: 0 })).toEqual([p.documents[0]?.name.vi, p.documents[2]?.name.vi]);
  });
});
