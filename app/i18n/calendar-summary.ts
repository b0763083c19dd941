// A business calendar in one line, in the reader's language: "Europe/Berlin, Mo.–Fr. 08:00–17:00,
// Feiertage DE-BY; Geschäftsjahr: Kalendermonate, Geschäftsjahr = Kalenderjahr". The stored label of
// a calendar version (app/domain/sla/describe.ts) stays English: it is data the API answers with.
import type { CalendarDefinition, FiscalDefinition, TimeInterval } from "#app/domain/calendar/types";
import type { MessageId } from "./catalogue";
import type { Formatter } from "./format";
import type { MessageValues } from "./translate";

type T = (id: MessageId, values?: MessageValues) => string;

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const sameHours = (a: TimeInterval[], b: TimeInterval[]) =>
  a.length === b.length && a.every((x, i) => x.start === b[i].start && x.end === b[i].end);

function hoursText(def: CalendarDefinition, t: T, f: Formatter): string {
  if (def.always) return t("sla.calendarText.always");
  const days = DAYS.filter((d) => def.weeklyHours[String(d) as "1"].length > 0);
  if (days.length === 0) return t("sla.calendarText.noHours");
  const first = def.weeklyHours[String(days[0]) as "1"];
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1] + 1);
  if (!contiguous || !days.every((d) => sameHours(def.weeklyHours[String(d) as "1"], first)))
    return t("sla.calendarText.custom");
  const times = first.map((i) => `${i.start}–${i.end}`).join(", ");
  return days.length === 1
    ? t("sla.calendarText.day", { day: f.weekdayName(days[0]), times })
    : t("sla.calendarText.days", { from: f.weekdayName(days[0]), to: f.weekdayName(days[days.length - 1]), times });
}

function holidaysText(def: CalendarDefinition, t: T): string {
  const h = def.holidays;
  if (!h) return t("sla.calendarText.noHolidays");
  const region = h.region ? `${h.country}-${h.region.replace(/^.*-/, "")}` : h.country;
  return t("sla.calendarText.holidays", { region });
}

function fiscalText(fiscal: FiscalDefinition, t: T, f: Formatter): string {
  if (fiscal.kind === "calendar")
    return fiscal.startMonth === 1
      ? t("sla.calendarText.fiscalCalendarYear")
      : t("sla.calendarText.fiscalMonths", {
          month: f.monthName(fiscal.startMonth, "long"),
          naming: fiscal.naming === "start" ? "start" : "end",
        });
  return t("sla.calendarText.fiscalWeeks", {
    pattern: `${fiscal.kind[0]}-${fiscal.kind[1]}-${fiscal.kind[2]}`,
    rule: fiscal.yearEnd.rule,
    weekday: f.weekdayName(fiscal.yearEnd.weekday, "long"),
    month: f.monthName(fiscal.yearEnd.month, "long"),
  });
}

export function calendarSummary(def: CalendarDefinition, t: T, f: Formatter): string {
  return t("sla.calendarText", {
    zone: def.timeZone,
    hours: hoursText(def, t, f),
    holidays: holidaysText(def, t),
    fiscal: fiscalText(def.fiscal, t, f),
  });
}
