// Business calendar engine: the one entry point other areas import (`~/domain/calendar`).
// Pure TypeScript, no I/O. Instants are epoch milliseconds, local dates "YYYY-MM-DD".
// See ./README.md for the semantics (DST, overnight shifts, holidays, fiscal years).
export type {
  CalendarDefinition,
  Closure,
  CompileOptions,
  CompiledCalendar,
  DateSpan,
  ExtraWorkingDay,
  FiscalDefinition,
  FiscalNaming,
  FiscalPeriodInfo,
  FiscalPosition,
  FiscalYearEndRule,
  Holiday,
  HolidaySource,
  IsoWeekday,
  TenantCalendarSeed,
  TimeInterval,
  ValidationResult,
  WeekdayKey,
} from "./types";
export { WEEKDAY_KEYS } from "./types";
export {
  InvalidCalendarError,
  addBusinessMinutes,
  businessMinutesBetween,
  compileCalendar,
  holidaysBetween,
  isBusinessTime,
  localDate,
  startOfLocalDate,
  workingIntervalsBetween,
} from "./compile";
export { fiscalPeriodOf, fiscalPeriodOfDate, fiscalPeriodsOfYear, fiscalYearSpan } from "./fiscal";
export { validateCalendar } from "./validate";
export { holidayCountries, holidayRegions } from "./holidays";
export { defaultCalendarFor } from "./defaults";
export { fiscalYearStructure } from "./fiscal-year";
export type { DateBounds, FiscalYearStructure } from "./fiscal-year";
