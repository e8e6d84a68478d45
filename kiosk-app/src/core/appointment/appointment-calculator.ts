import type { ProcessingTime } from '@kiosk/forms';
import {
  DEFAULT_OFFICE_HOURS,
  parseClock,
  workingMinutesPerDay,
  type OfficePeriod,
} from './office-hours';
import {
  addDays,
  formatVietnamIso,
  fromLocalMinutes,
  localDateOf,
  minuteOfDay,
  startOfLocalDay,
  VIETNAM_UTC_OFFSET_MINUTES,
  type LocalMinutes,
} from '@kiosk/forms';
import { WorkingCalendar } from './working-calendar';

/** 8 working hours = 1 working day (the unit procedures are published in). */
export const WORKING_HOURS_PER_DAY = 8;

/** A search horizon: no real calendar has a year without a working day. */
const MAX_DAYS_SEARCHED = 366;

export interface Appointment {
  /** When the result is due (ngày hẹn trả). */
  readonly due: Date;
  /** `due` as ISO 8601 with +07:00. */
  readonly dueIso: string;
  /** The working moment the clock started from (after cut-off and office hours). */
  readonly countedFrom: Date;
  readonly cutOffApplied: boolean;
  /**
   * A same-day procedure (0 working hours): the result is due by the end of the working day
   * the dossier counts from, printed as "Trong ngày".
   */
  readonly sameDay: boolean;
  /**
   * Years between receipt and due date whose holiday table is not a published decision: the
   * appointment is then an expected date ("dự kiến") and the kiosk logs it for the technician.
   */
  readonly unconfirmedYears: readonly number[];
}

/** True when the appointment rests on a holiday table nobody has confirmed yet. */
export function isProvisional(appointment: Pick<Appointment, 'unconfirmedYears'>): boolean {
  return appointment.unconfirmedYears.length > 0;
}

export class AppointmentError extends Error {
  override readonly name = 'AppointmentError';

  constructor(
    readonly code:
      'APPOINTMENT_INVALID_DURATION' | 'APPOINTMENT_INVALID_CUTOFF' | 'APPOINTMENT_NO_WORKING_DAY',
    message: string,
  ) {
    super(message);
  }
}

export interface AppointmentCalculatorOptions {
  readonly calendar?: WorkingCalendar;
  readonly officeHours?: readonly OfficePeriod[];
}

/**
 * Computes the appointment time for a dossier. The one-stop rules are those of Nghị định
 * 118/2025/NĐ-CP (in force since 1/7/2025, replacing Nghị định 61/2018 and 107/2021): the time
 * limit runs in working days from receipt of a complete dossier. The cut-off is per procedure
 * (`processingTime.cutOff`, each with its source in the procedure file, e.g. Nghị định 23/2015,
 * Điều 7 for certified copies: after 15:00 → the next working day). A dossier received outside
 * office hours counts from the next opening. All arithmetic is in Vietnamese wall-clock minutes.
 *
 * @example
 * const calc = new AppointmentCalculator();
 * calc.calculate(new Date('2026-02-13T16:00:00+07:00'), { unit: 'workingHours', amount: 8 });
 * // due 2026-02-23T16:00+07:00: the Tết break 14–22 Feb is skipped
 */
export class AppointmentCalculator {
  readonly calendar: WorkingCalendar;
  readonly officeHours: readonly OfficePeriod[];

  constructor(options: AppointmentCalculatorOptions = {}) {
    this.calendar = options.calendar ?? new WorkingCalendar();
    this.officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
  }

  calculate(received: Date, time: ProcessingTime): Appointment {
    if (!Number.isFinite(time.amount) || time.amount < 0) {
      throw new AppointmentError(
        'APPOINTMENT_INVALID_DURATION',
        `processing time ${time.amount} is not a non-negative number`,
      );
    }
    const receivedLocal = Math.ceil(received.getTime() / 60_000) + VIETNAM_UTC_OFFSET_MINUTES;
    const cutOff = this.cutOffMinute(time.cutOff);
    const cutOffApplied =
      cutOff !== undefined &&
      this.calendar.isWorkingDay(localDateOf(receivedLocal)) &&
      minuteOfDay(receivedLocal) > cutOff;
    const from = cutOffApplied
      ? this.nextWorkingTime(startOfLocalDay(addDays(localDateOf(receivedLocal), 1)))
      : this.nextWorkingTime(receivedLocal);
    const sameDay = time.unit === 'workingHours' && time.amount === 0;
    const dueLocal = sameDay
      ? this.endOfWorkingDay(from)
      : time.unit === 'workingHours'
        ? this.addWorkingMinutes(from, Math.round(time.amount * 60))
        : this.landOnWorkingTime(from + Math.round(time.amount * 24 * 60));
    const due = fromLocalMinutes(dueLocal);
    return {
      due,
      dueIso: formatVietnamIso(due),
      countedFrom: fromLocalMinutes(from),
      cutOffApplied,
      sameDay,
      unconfirmedYears: this.unconfirmedYearsBetween(receivedLocal, dueLocal),
    };
  }

  private unconfirmedYearsBetween(from: LocalMinutes, to: LocalMinutes): number[] {
    const years: number[] = [];
    const last = Number(localDateOf(to).slice(0, 4));
    for (let y = Number(localDateOf(from).slice(0, 4)); y <= last; y += 1) {
      if (!this.calendar.isYearConfirmed(y)) years.push(y);
    }
    return years;
  }

  /** The close of the last office period of the working day `local` falls on. */
  private endOfWorkingDay(local: LocalMinutes): LocalMinutes {
    const last = this.officeHours[this.officeHours.length - 1];
    if (!last) throw new AppointmentError('APPOINTMENT_NO_WORKING_DAY', 'no office hours');
    return startOfLocalDay(localDateOf(local)) + last.end;
  }

  /** Working days → working hours, for procedures published in days. */
  static workingDays(days: number): number {
    return days * WORKING_HOURS_PER_DAY;
  }

  /** True when `instant` is within office hours (ends inclusive) of a working day. */
  isWorkingTime(instant: Date): boolean {
    const local = Math.floor(instant.getTime() / 60_000) + VIETNAM_UTC_OFFSET_MINUTES;
    if (!this.calendar.isWorkingDay(localDateOf(local))) return false;
    const m = minuteOfDay(local);
    return this.officeHours.some((p) => m >= p.start && m <= p.end);
  }

  get minutesPerDay(): number {
    return workingMinutesPerDay(this.officeHours);
  }

  /** The earliest moment ≥ `local` at which the office is open and work can still be done. */
  private nextWorkingTime(local: LocalMinutes): LocalMinutes {
    return this.scan(local, (m, p) => m < p.end);
  }

  /** Like nextWorkingTime, but a result at the very end of a period stays there. */
  private landOnWorkingTime(local: LocalMinutes): LocalMinutes {
    return this.scan(local, (m, p) => m <= p.end);
  }

  private scan(
    local: LocalMinutes,
    open: (minute: number, p: OfficePeriod) => boolean,
  ): LocalMinutes {
    let date = localDateOf(local);
    for (let i = 0; i < MAX_DAYS_SEARCHED; i += 1) {
      if (this.calendar.isWorkingDay(date)) {
        const dayStart = startOfLocalDay(date);
        const minute = local - dayStart; // negative or past midnight on later days
        for (const p of this.officeHours) {
          if (open(minute, p)) return dayStart + Math.max(minute, p.start);
        }
      }
      date = addDays(date, 1);
      local = startOfLocalDay(date);
    }
    throw new AppointmentError(
      'APPOINTMENT_NO_WORKING_DAY',
      'no working day within a year; check the holiday tables',
    );
  }

  private addWorkingMinutes(from: LocalMinutes, minutes: number): LocalMinutes {
    let cursor = this.nextWorkingTime(from);
    let remaining = minutes;
    for (;;) {
      const dayStart = startOfLocalDay(localDateOf(cursor));
      const period = this.officeHours.find((p) => cursor - dayStart < p.end);
      if (!period)
        throw new AppointmentError('APPOINTMENT_NO_WORKING_DAY', 'cursor left office hours');
      const available = dayStart + period.end - cursor;
      if (remaining <= available) return cursor + remaining;
      remaining -= available;
      cursor = this.nextWorkingTime(dayStart + period.end);
    }
  }

  private cutOffMinute(cutOff: string | undefined): number | undefined {
    if (cutOff === undefined) return undefined;
    const minute = parseClock(cutOff);
    if (minute === undefined) {
      throw new AppointmentError('APPOINTMENT_INVALID_CUTOFF', `cut-off "${cutOff}" is not HH:MM`);
    }
    return minute;
  }
}
