// Validation of a calendar definition for the settings form and for compileCalendar. Errors are
// keyed by the field's dotted path ("timeZone", "weeklyHours.1.0", "closures.2.date",
// "holidays.region", "fiscal.yearEnd.month", ...) so a form can show each next to its field. Each
// is a catalogue message (`calendar.validation.*`) with its values, worded in the reader's language
// where it is shown; `calendarErrorText` gives the English for logs and errors.
import { localized, type Localized } from "#app/i18n/localized";
import { translator } from "#app/i18n/catalogue";
import { holidaySourceProblem } from "./holidays";
import { isKnownTimeZone, parseDate, parseHHMM, weeklyYearEnd } from "./time";
import { WEEKDAY_KEYS, type ValidationResult } from "./types";

const MAX_INTERVALS_PER_DAY = 12;
const MAX_DATED_ENTRIES = 2000;
const MAX_LABEL = 200;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Parses a list of intervals into minute ranges [start, end) (end > 1440 crosses midnight),
 * recording errors under `path.i`. Returns null when any interval is malformed.
 */
function intervalsOf(value: unknown, path: string, errors: Errors): [number, number][] | null {
  if (!Array.isArray(value)) {
    errors[path] = localized("calendar.validation.intervalsNotList");
    return null;
  }
  if (value.length > MAX_INTERVALS_PER_DAY) {
    errors[path] = localized("calendar.validation.tooManyIntervals", { max: MAX_INTERVALS_PER_DAY });
    return null;
  }
  const out: [number, number][] = [];
  let ok = true;
  value.forEach((iv: unknown, i) => {
    const key = `${path}.${i}`;
    if (!isRecord(iv)) {
      errors[key] = localized("calendar.validation.intervalShape");
      ok = false;
      return;
    }
    const s = parseHHMM(iv.start);
    const e = parseHHMM(iv.end);
    if (s === null || s === 1440) {
      errors[key] = localized("calendar.validation.intervalStart");
      ok = false;
    } else if (e === null) {
      errors[key] = localized("calendar.validation.intervalEnd");
      ok = false;
    } else if (s === e) {
      errors[key] = localized("calendar.validation.intervalEmpty");
      ok = false;
    } else out.push([s, e > s ? e : e + 1440]);
  });
  return ok ? out : null;
}

function firstOverlap(ranges: [number, number][]): [number, number] | null {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) if (sorted[i][0] < sorted[i - 1][1]) return sorted[i];
  return null;
}

function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

function labelProblem(v: unknown): Localized | null {
  if (typeof v !== "string") return localized("calendar.validation.labelMissing");
  if (v.length > MAX_LABEL) return localized("calendar.validation.labelTooLong", { max: MAX_LABEL });
  return null;
}

type Errors = Record<string, Localized>;

/** The errors in English, one line: for logs and InvalidCalendarError's message. */
export function calendarErrorText(errors: Errors): string {
  const t = translator("en");
  return Object.entries(errors)
    .map(([k, v]) => `${k}: ${t(v.id, v.values)}`)
    .join("; ");
}

/** Checks a definition (parsed JSON of any shape); `{ ok: true }` means compileCalendar accepts it. */
export function validateCalendar(def: unknown): ValidationResult {
  const errors: Errors = {};
  if (!isRecord(def)) return { ok: false, errors: { "": localized("calendar.validation.notObject") } };

  if (typeof def.timeZone !== "string" || !/^[A-Za-z]/.test(def.timeZone) || !isKnownTimeZone(def.timeZone)) {
    errors.timeZone = localized("calendar.validation.timeZone");
  }
  if (!Number.isInteger(def.weekStart) || (def.weekStart as number) < 1 || (def.weekStart as number) > 7) {
    errors.weekStart = localized("calendar.validation.weekStart");
  }
  if (def.always !== undefined && typeof def.always !== "boolean")
    errors.always = localized("calendar.validation.always");

  let weeklyMinutes = 0;
  if (!isRecord(def.weeklyHours)) {
    errors.weeklyHours = localized("calendar.validation.weeklyHoursMissing");
  } else {
    const perDay: ([number, number][] | null)[] = WEEKDAY_KEYS.map((k) =>
      intervalsOf((def.weeklyHours as Record<string, unknown>)[k] ?? null, `weeklyHours.${k}`, errors),
    );
    perDay.forEach((ranges, d) => {
      if (!ranges) return;
      for (const [s, e] of ranges) weeklyMinutes += e - s;
      const prev = perDay[(d + 6) % 7];
      const spill: [number, number][] = (prev ?? []).filter(([, e]) => e > 1440).map(([, e]) => [0, e - 1440]);
      const overlap = firstOverlap(ranges);
      if (overlap) {
        errors[`weeklyHours.${d + 1}`] = localized("calendar.validation.dayOverlap", {
          day: d + 1,
          time: hhmm(overlap[0]),
        });
      } else if (spill.length && firstOverlap([...ranges, ...spill])) {
        errors[`weeklyHours.${d + 1}`] = localized("calendar.validation.overnightOverlap", {
          day: d + 1,
          previous: ((d + 6) % 7) + 1,
          time: hhmm(spill[0][1]),
        });
      }
    });
    if (weeklyMinutes === 0 && def.always !== true && !errors.weeklyHours) {
      errors.weeklyHours = localized("calendar.validation.noWorkingHours");
    }
  }

  if (def.holidays !== null) {
    if (!isRecord(def.holidays)) {
      errors.holidays = localized("calendar.validation.holidaysChoose");
    } else {
      const problem = holidaySourceProblem(def.holidays as { country: string; region?: string });
      if (problem) errors[`holidays.${problem.field}`] = problem.message;
    }
  }

  if (!Array.isArray(def.closures)) {
    errors.closures = localized("calendar.validation.closuresNotList");
  } else if (def.closures.length > MAX_DATED_ENTRIES) {
    errors.closures = localized("calendar.validation.tooManyClosures", { max: MAX_DATED_ENTRIES });
  } else {
    def.closures.forEach((c: unknown, i) => {
      const key = `closures.${i}`;
      if (!isRecord(c)) {
        errors[key] = localized("calendar.validation.closureShape");
        return;
      }
      if (parseDate(c.date) === null) errors[`${key}.date`] = localized("calendar.validation.date");
      const hasStart = c.start !== undefined && c.start !== null && c.start !== "";
      const hasEnd = c.end !== undefined && c.end !== null && c.end !== "";
      if (hasStart !== hasEnd) {
        errors[`${key}.${hasStart ? "end" : "start"}`] = localized("calendar.validation.partDayBoth");
      } else if (hasStart) {
        const s = parseHHMM(c.start);
        const e = parseHHMM(c.end);
        if (s === null || s === 1440) errors[`${key}.start`] = localized("calendar.validation.closureStart");
        else if (e === null) errors[`${key}.end`] = localized("calendar.validation.closureEnd");
        else if (e <= s) errors[`${key}.end`] = localized("calendar.validation.closureEndAfterStart");
      }
      const lp = labelProblem(c.label);
      if (lp) errors[`${key}.label`] = lp;
    });
  }

  if (!Array.isArray(def.extraWorkingDays)) {
    errors.extraWorkingDays = localized("calendar.validation.extraNotList");
  } else if (def.extraWorkingDays.length > MAX_DATED_ENTRIES) {
    errors.extraWorkingDays = localized("calendar.validation.tooManyExtra", { max: MAX_DATED_ENTRIES });
  } else {
    const seen = new Set<string>();
    def.extraWorkingDays.forEach((x: unknown, i) => {
      const key = `extraWorkingDays.${i}`;
      if (!isRecord(x)) {
        errors[key] = localized("calendar.validation.extraShape");
        return;
      }
      if (parseDate(x.date) === null) errors[`${key}.date`] = localized("calendar.validation.date");
      else if (seen.has(x.date as string)) errors[`${key}.date`] = localized("calendar.validation.extraDuplicate");
      else seen.add(x.date as string);
      const ranges = intervalsOf(x.intervals, `${key}.intervals`, errors);
      if (ranges && ranges.length === 0) errors[`${key}.intervals`] = localized("calendar.validation.extraNoIntervals");
      else if (ranges && firstOverlap(ranges))
        errors[`${key}.intervals`] = localized("calendar.validation.extraOverlap");
      const lp = labelProblem(x.label);
      if (lp) errors[`${key}.label`] = lp;
    });
  }

  validateFiscal(def.fiscal, errors);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true };
}

function validateFiscal(fiscal: unknown, errors: Errors): void {
  if (!isRecord(fiscal)) {
    errors.fiscal = localized("calendar.validation.fiscalChoose");
    return;
  }
  if (fiscal.naming !== undefined && fiscal.naming !== "end" && fiscal.naming !== "start") {
    errors["fiscal.naming"] = localized("calendar.validation.fiscalNaming");
  }
  if (fiscal.kind === "calendar") {
    if (
      !Number.isInteger(fiscal.startMonth) ||
      (fiscal.startMonth as number) < 1 ||
      (fiscal.startMonth as number) > 12
    ) {
      errors["fiscal.startMonth"] = localized("calendar.validation.fiscalStartMonth");
    }
    return;
  }
  if (fiscal.kind !== "445" && fiscal.kind !== "454" && fiscal.kind !== "544") {
    errors["fiscal.kind"] = localized("calendar.validation.fiscalKind");
    return;
  }
  const ye = fiscal.yearEnd;
  if (!isRecord(ye)) {
    errors["fiscal.yearEnd"] = localized("calendar.validation.yearEndMissing");
    return;
  }
  let ok = true;
  if (ye.rule !== "last" && ye.rule !== "nearest") {
    errors["fiscal.yearEnd.rule"] = localized("calendar.validation.yearEndRule");
    ok = false;
  }
  if (!Number.isInteger(ye.weekday) || (ye.weekday as number) < 1 || (ye.weekday as number) > 7) {
    errors["fiscal.yearEnd.weekday"] = localized("calendar.validation.yearEndWeekday");
    ok = false;
  }
  if (!Number.isInteger(ye.month) || (ye.month as number) < 1 || (ye.month as number) > 12) {
    errors["fiscal.yearEnd.month"] = localized("calendar.validation.yearEndMonth");
    ok = false;
  }
  if (!ok) return;
  // Every year must resolve to 52 or 53 whole weeks; anything else means the rule is unusable.
  const rule = ye as { rule: "last" | "nearest"; weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7; month: number };
  for (let y = 1971; y <= 2200; y++) {
    const days = weeklyYearEnd(rule, y) - weeklyYearEnd(rule, y - 1);
    if (days !== 364 && days !== 371) {
      // The year goes in as text: "2,042" is no year.
      errors["fiscal.yearEnd"] = localized("calendar.validation.yearEndWeeks", { year: String(y) });
      return;
    }
  }
}
