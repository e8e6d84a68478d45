export {
  AppointmentCalculator,
  AppointmentError,
  WORKING_HOURS_PER_DAY,
  isProvisional,
  type Appointment,
  type AppointmentCalculatorOptions,
} from './appointment-calculator';
export {
  CENTRE_DAY_OFF,
  WorkingCalendar,
  type DayKind,
  type WorkingCalendarOptions,
} from './working-calendar';
export { holidayDatesSchema, isIsoCalendarDate } from './holiday-dates';
export {
  BUNDLED_HOLIDAY_TABLES,
  HolidayTableError,
  holidayTableSchema,
  parseHolidayTable,
  type HolidayTable,
} from './holiday-table';
export { statutoryDaysOff, type DayOff } from './statutory-holidays';
export {
  DEFAULT_OFFICE_HOURS,
  OfficeHoursError,
  officeHours,
  parseClock,
  formatClock,
  type OfficePeriod,
} from './office-hours';
export { formatVietnamIso, parseKioskDateTime, VIETNAM_UTC_OFFSET_MINUTES } from '@kiosk/forms';
