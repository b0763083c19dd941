// Plain-language names for a business calendar ("the calendar in use" on the SLA page and the
// label stored with each calendar version).
import type { CalendarDefinition, FiscalDefinition, HolidaySource, IsoWeekday, TimeInterval } from "../calendar/types";

export const WEEKDAY_NAMES: Record<IsoWeekday, string> = {
  1: "Monday",
  2: "Tuesday",
  3: "Wednesday",
  4: "Thursday",
  5: "Friday",
  6: "Saturday",
  7: "Sunday",
};

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export function describeFiscal(f: FiscalDefinition): string {
  if (f.kind === "calendar") {
    const naming = f.naming === "start" ? "named by the year it starts" : "named by the year it ends";
    return f.startMonth === 1
      ? "calendar months, fiscal year = calendar year"
      : `calendar months, fiscal year starts in ${MONTH_NAMES[f.startMonth - 1]} (${naming})`;
  }
  const pattern = `${f.kind[0]}-${f.kind[1]}-${f.kind[2]}`;
  const rule =
    f.yearEnd.rule === "last"
      ? `last ${WEEKDAY_NAMES[f.yearEnd.weekday]} of ${MONTH_NAMES[f.yearEnd.month - 1]}`
      : `${WEEKDAY_NAMES[f.yearEnd.weekday]} nearest the end of ${MONTH_NAMES[f.yearEnd.month - 1]}`;
  return `${pattern} weeks, year ends on the ${rule}`;
}

function sameHours(a: TimeInterval[], b: TimeInterval[]): boolean {
  return a.length === b.length && a.every((x, i) => x.start === b[i].start && x.end === b[i].end);
}

/**
 * How a calendar's week reads in one phrase: around the clock, no hours, one run of weekdays that
 * share their hours ("Mon–Fri 08:00–17:00"), or custom. Shared by the stored English label and
 * the reader's-language line (app/components/sla/calendar-summary.ts).
 */
export type WeekShape =
  | { kind: "always" }
  | { kind: "none" }
  | { kind: "run"; from: IsoWeekday; to: IsoWeekday; times: string }
  | { kind: "custom" };

export function weekShape(def: CalendarDefinition): WeekShape {
  if (def.always) return { kind: "always" };
  const days = ([1, 2, 3, 4, 5, 6, 7] as const).filter((d) => def.weeklyHours[String(d) as "1"].length > 0);
  if (days.length === 0) return { kind: "none" };
  const first = def.weeklyHours[String(days[0]) as "1"];
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1] + 1);
  if (!contiguous || !days.every((d) => sameHours(def.weeklyHours[String(d) as "1"], first))) return { kind: "custom" };
  const times = first.map((i) => `${i.start}–${i.end}`).join(", ");
  return { kind: "run", from: days[0], to: days[days.length - 1], times };
}

/** The holiday region as written in labels: "DE-BY", or the country alone ("US"). */
export function holidayRegionCode(h: HolidaySource): string {
  return h.region ? `${h.country}-${h.region.replace(/^.*-/, "")}` : h.country;
}

/** "Mon–Fri 08:00–17:00" when the working weekdays share hours, else "custom weekly hours". */
export function describeHours(def: CalendarDefinition): string {
  const shape = weekShape(def);
  if (shape.kind === "always") return "24x7";
  if (shape.kind === "none") return "no working hours";
  if (shape.kind === "custom") return "custom weekly hours";
  const short = (d: IsoWeekday) => WEEKDAY_NAMES[d].slice(0, 3);
  const range = shape.from === shape.to ? short(shape.from) : `${short(shape.from)}–${short(shape.to)}`;
  return `${range} ${shape.times}`;
}

export function describeCalendar(def: CalendarDefinition): string {
  const holidays = def.holidays ? `${holidayRegionCode(def.holidays)} public holidays` : "no public holidays";
  return `${def.timeZone}, ${describeHours(def)}, ${holidays}; fiscal: ${describeFiscal(def.fiscal)}`;
}
