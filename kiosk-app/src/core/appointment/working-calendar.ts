import { BUNDLED_HOLIDAY_TABLES, type HolidayTable } from './holiday-table';
import {
  assertWeekendDays,
  libraryPublicHolidays,
  statutoryDaysOff,
  type DayOff,
} from './statutory-holidays';
import { weekdayOf, type LocalDate } from '@kiosk/forms';

export interface WorkingCalendarOptions {
  /** Yearly tables; a table given here replaces a bundled one of the same year. */
  readonly tables?: readonly HolidayTable[];
  /**
   * Tables loaded by technicians through the signed configuration (setting `holidayTables`),
   * read at every question like `extraDaysOff`; they replace bundled and `tables` ones.
   */
  readonly configuredTables?: () => readonly HolidayTable[];
  /** Weekly days off, 0 = Sunday … 6 = Saturday. Default Saturday and Sunday. */
  readonly weekendDays?: readonly number[];
  /**
   * The centre's own days off (setting `holidays`), read at every question so a change applies
   * to the next appointment without a restart. They outrank everything else.
   */
  readonly extraDaysOff?: () => readonly LocalDate[];
}

const NO_DAYS: readonly LocalDate[] = [];
const NO_TABLES: readonly HolidayTable[] = [];

/** The reason a day from the centre's own list shows. */
export const CENTRE_DAY_OFF = 'Ngày nghỉ do trung tâm cài đặt';

export type DayKind =
  | { readonly working: true; readonly reason?: string }
  | { readonly working: false; readonly reason: string };

/**
 * Which days a service centre works. Precedence, strongest first: the centre's own days off (the
 * `holidays` setting); a swapped working day in the year's table; a day off in the table (or, for
 * a year without a complete table, the statutory rules); the weekly days off.
 */
export class WorkingCalendar {
  private readonly baseTables = new Map<number, HolidayTable>();
  private readonly configuredTables: (() => readonly HolidayTable[]) | undefined;
  /** The configured list the cached years were computed from. */
  private configuredSeen: readonly HolidayTable[] = NO_TABLES;
  private tables = new Map<number, HolidayTable>();
  private readonly weekendDays: readonly number[];
  private readonly extraDaysOff: (() => readonly LocalDate[]) | undefined;
  /** The last list seen and its set: settings hand out the same array until they change. */
  private extra: { list: readonly LocalDate[]; set: ReadonlySet<LocalDate> } | undefined;
  private readonly years = new Map<
    number,
    { off: Map<LocalDate, string>; on: Map<LocalDate, string> }
  >();

  constructor(options: WorkingCalendarOptions = {}) {
    for (const t of [...BUNDLED_HOLIDAY_TABLES, ...(options.tables ?? [])])
      this.baseTables.set(t.year, t);
    this.tables = new Map(this.baseTables);
    this.configuredTables = options.configuredTables;
    this.weekendDays = options.weekendDays ?? [0, 6];
    assertWeekendDays(this.weekendDays);
    this.extraDaysOff = options.extraDaysOff;
  }

  private centreDaysOff(): ReadonlySet<LocalDate> {
    const list = this.extraDaysOff?.() ?? NO_DAYS;
    if (this.extra?.list !== list) this.extra = { list, set: new Set(list) };
    return this.extra.set;
  }

  dayKind(date: LocalDate): DayKind {
    if (this.centreDaysOff().has(date)) return { working: false, reason: CENTRE_DAY_OFF };
    const year = this.year(Number(date.slice(0, 4)));
    const swapped = year.on.get(date);
    if (swapped !== undefined) return { working: true, reason: swapped };
    const off = year.off.get(date);
    if (off !== undefined) return { working: false, reason: off };
    if (this.weekendDays.includes(weekdayOf(date)))
      return { working: false, reason: 'Nghỉ hằng tuần' };
    return { working: true };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.dayKind(date).working;
  }

  /**
   * True when `year` has a table that follows a published decision. Appointments falling in a
   * year that is not are expected dates ("dự kiến"): the Government may still move the days.
   */
  isYearConfirmed(year: number): boolean {
    this.refreshConfigured();
    return this.tables.get(year)?.confirmed === true;
  }

  /** The table in force for `year`, if any (for the technician's view and logs). */
  tableOf(year: number): HolidayTable | undefined {
    this.refreshConfigured();
    return this.tables.get(year);
  }

  /** Rebuilds the tables and drops cached years when the configured list changed. */
  private refreshConfigured(): void {
    const list = this.configuredTables?.() ?? NO_TABLES;
    if (list === this.configuredSeen) return;
    this.configuredSeen = list;
    this.tables = new Map(this.baseTables);
    for (const t of list) this.tables.set(t.year, t);
    this.years.clear();
  }

  private year(year: number): { off: Map<LocalDate, string>; on: Map<LocalDate, string> } {
    this.refreshConfigured();
    const cached = this.years.get(year);
    if (cached) return cached;
    const table = this.tables.get(year);
    const off = new Map<LocalDate, string>();
    const add = (days: readonly DayOff[]): void => {
      for (const d of days) if (!off.has(d.date)) off.set(d.date, d.reason);
    };
    if (table?.complete) {
      add(table.daysOff);
      // A safety net for a lunar day the table forgot; the library has no opinion on swaps.
      add(libraryPublicHolidays(year));
    } else {
      add(table?.daysOff ?? []);
      add(statutoryDaysOff(year, this.weekendDays));
    }
    const on = new Map((table?.workingDays ?? []).map((d) => [d.date, d.reason] as const));
    const entry = { off, on };
    this.years.set(year, entry);
    return entry;
  }
}
