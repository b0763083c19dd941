// A business calendar in one line, in the reader's language: "Europe/Berlin, Mo.–Fr. 08:00–17:00,
// Feiertage DE-BY; Geschäftsjahr: Kalendermonate, Geschäftsjahr = Kalenderjahr". The stored label of
// a calendar version (app/domain/sla/describe.ts) stays English: it is data the API answers with.
import type { CalendarDefinition, FiscalDefinition } from "#app/domain/calendar/types";
import { holidayRegionCode, weekShape } from "#app/domain/sla/describe";
import type { MessageId } from "#app/i18n/catalogue";
import type { Formatter } from "#app/i18n/format";
import type { MessageValues } from "#app/i18n/translate";

type T = (id: MessageId, values?: MessageValues) => string;

function hoursText(def: CalendarDefinition, t: T, f: Formatter): string {
  const shape = weekShape(def);
  if (shape.kind === "always") return t("sla.calendarText.always");
  if (shape.kind === "none") return t("sla.calendarText.noHours");
  if (shape.kind === "custom") return t("sla.calendarText.custom");
  return shape.from === shape.to
    ? t("sla.calendarText.day", { day: f.weekdayName(shape.from), times: shape.times })
    : t("sla.calendarText.days", { from: f.weekdayName(shape.from), to: f.weekdayName(shape.to), times: shape.times });
}

function holidaysText(def: CalendarDefinition, t: T): string {
  return def.holidays
    ? t("sla.calendarText.holidays", { region: holidayRegionCode(def.holidays) })
    : t("sla.calendarText.noHolidays");
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
