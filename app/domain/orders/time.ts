// Local dates of a tenant's zone <-> instants, for date-range filters and "today" in late checks.
import { Temporal } from "temporal-polyfill";

/** The instant a local day starts in a zone (DST-safe: the first instant of that day). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const zdt = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone });
  return new Date(zdt.epochMilliseconds);
}

/** The instant the day after `date` starts: the exclusive end of an inclusive local date range. */
export function endOfLocalDayExclusive(date: string, timeZone: string): Date {
  const next = Temporal.PlainDate.from(date).add({ days: 1 });
  return new Date(next.toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function localToday(timeZone: string, now: Date = new Date()): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** An instant as "YYYY-MM-DD HH:MM" wall-clock time in a zone (CSV and e-mail). */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${z.year}-${pad(z.month)}-${pad(z.day)} ${pad(z.hour)}:${pad(z.minute)}`;
}
