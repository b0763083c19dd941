// Validation of a calendar definition for the settings form and for compileCalendar. Errors are
// keyed by the field's dotted path ("timeZone", "weeklyHours.1.0", "closures.2.date",
// "holidays.region", "fiscal.yearEnd.month", ...) so a form can show each next to its field.
import { holidaySourceProblem } from "./holidays";
import { isKnownTimeZone, parseDate, parseHHMM, weeklyYearEnd } from "./time";
import { WEEKDAY_KEYS, type ValidationResult } from "./types";

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
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
function intervalsOf(value: unknown, path: string, errors: Record<string, string>): [number, number][] | null {
  if (!Array.isArray(value)) {
    errors[path] = "Expected a list of working intervals.";
    return null;
  }
  if (value.length > MAX_INTERVALS_PER_DAY) {
    errors[path] = `At most ${MAX_INTERVALS_PER_DAY} intervals per day.`;
    return null;
  }
  const out: [number, number][] = [];
  let ok = true;
  value.forEach((iv: unknown, i) => {
    const key = `${path}.${i}`;
    if (!isRecord(iv)) {
      errors[key] = "Expected an interval with a start and an end.";
      ok = false;
      return;
    }
    const s = parseHHMM(iv.start);
    const e = parseHHMM(iv.end);
    if (s === null || s === 1440) {
      errors[key] = "Start must be a time HH:MM between 00:00 and 23:59.";
      ok = false;
    } else if (e === null) {
      errors[key] = "End must be a time HH:MM between 00:00 and 24:00.";
      ok = false;
    } else if (s === e) {
      errors[key] = "Interval is empty: start and end are the same (use 00:00-24:00 for a whole day).";
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

function labelProblem(v: unknown): string | null {
  if (typeof v !== "string") return "Give a short label.";
  if (v.length > MAX_LABEL) return `Label is longer than ${MAX_LABEL} characters.`;
  return null;
}

/** Checks a definition (parsed JSON of any shape); `{ ok: true }` means compileCalendar accepts it. */
export function validateCalendar(def: unknown): ValidationResult {
  const errors: Record<string, string> = {};
  if (!isRecord(def)) return { ok: false, errors: { "": "A calendar definition must be an object." } };

  if (typeof def.timeZone !== "string" || !/^[A-Za-z]/.test(def.timeZone) || !isKnownTimeZone(def.timeZone)) {
    errors.timeZone = "Unknown time zone; use an IANA name such as Europe/Berlin or America/Chicago.";
  }
  if (!Number.isInteger(def.weekStart) || (def.weekStart as number) < 1 || (def.weekStart as number) > 7) {
    errors.weekStart = "Week start must be a weekday 1 (Monday) to 7 (Sunday).";
  }
  if (def.always !== undefined && typeof def.always !== "boolean") errors.always = "Must be true or false.";

  let weeklyMinutes = 0;
  if (!isRecord(def.weeklyHours)) {
    errors.weeklyHours = "Weekly hours are required for each weekday 1-7 (an empty list for a day off).";
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
        errors[`weeklyHours.${d + 1}`] = `${DAY_NAMES[d]}: intervals overlap (at ${hhmm(overlap[0])}).`;
      } else if (spill.length && firstOverlap([...ranges, ...spill])) {
        errors[`weeklyHours.${d + 1}`] =
          `${DAY_NAMES[d]}: overlaps ${DAY_NAMES[(d + 6) % 7]}'s overnight shift ending ${hhmm(spill[0][1])}.`;
      }
    });
    if (weeklyMinutes === 0 && def.always !== true && !errors.weeklyHours) {
      errors.weeklyHours = "The week has no working hours; add at least one interval (or choose 24x7).";
    }
  }

  if (def.holidays !== null) {
    if (!isRecord(def.holidays)) {
      errors.holidays = "Choose a holiday country (and region), or none.";
    } else {
      const problem = holidaySourceProblem(def.holidays as { country: string; region?: string });
      if (problem) errors[`holidays.${problem.field}`] = problem.message;
    }
  }

  if (!Array.isArray(def.closures)) {
    errors.closures = "Closures must be a list (possibly empty).";
  } else if (def.closures.length > MAX_DATED_ENTRIES) {
    errors.closures = `At most ${MAX_DATED_ENTRIES} closures.`;
  } else {
    def.closures.forEach((c: unknown, i) => {
      const key = `closures.${i}`;
      if (!isRecord(c)) {
        errors[key] = "Expected a closure with a date.";
        return;
      }
      if (parseDate(c.date) === null) errors[`${key}.date`] = "Date must be a real date YYYY-MM-DD.";
      const hasStart = c.start !== undefined && c.start !== null && c.start !== "";
      const hasEnd = c.end !== undefined && c.end !== null && c.end !== "";
      if (hasStart !== hasEnd) {
        errors[`${key}.${hasStart ? "end" : "start"}`] = "Give both start and end for a part-day closure, or neither.";
      } else if (hasStart) {
        const s = parseHHMM(c.start);
        const e = parseHHMM(c.end);
        if (s === null || s === 1440) errors[`${key}.start`] = "Start must be a time HH:MM.";
        else if (e === null) errors[`${key}.end`] = "End must be a time HH:MM (24:00 allowed).";
        else if (e <= s) errors[`${key}.end`] = "End must be after start (closures do not cross midnight).";
      }
      const lp = labelProblem(c.label);
      if (lp) errors[`${key}.label`] = lp;
    });
  }

  if (!Array.isArray(def.extraWorkingDays)) {
    errors.extraWorkingDays = "Extra working days must be a list (possibly empty).";
  } else if (def.extraWorkingDays.length > MAX_DATED_ENTRIES) {
    errors.extraWorkingDays = `At most ${MAX_DATED_ENTRIES} extra working days.`;
  } else {
    const seen = new Set<string>();
    def.extraWorkingDays.forEach((x: unknown, i) => {
      const key = `extraWorkingDays.${i}`;
      if (!isRecord(x)) {
        errors[key] = "Expected a date with working intervals.";
        return;
      }
      if (parseDate(x.date) === null) errors[`${key}.date`] = "Date must be a real date YYYY-MM-DD.";
      else if (seen.has(x.date as string)) errors[`${key}.date`] = "This date is already an extra working day.";
      else seen.add(x.date as string);
      const ranges = intervalsOf(x.intervals, `${key}.intervals`, errors);
      if (ranges && ranges.length === 0) errors[`${key}.intervals`] = "Add at least one working interval.";
      else if (ranges && firstOverlap(ranges)) errors[`${key}.intervals`] = "Intervals overlap.";
      const lp = labelProblem(x.label);
      if (lp) errors[`${key}.label`] = lp;
    });
  }

  validateFiscal(def.fiscal, errors);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true };
}

function validateFiscal(fiscal: unknown, errors: Record<string, string>): void {
  if (!isRecord(fiscal)) {
    errors.fiscal = "Choose a fiscal calendar.";
    return;
  }
  if (fiscal.naming !== undefined && fiscal.naming !== "end" && fiscal.naming !== "start") {
    errors["fiscal.naming"] = 'Fiscal year naming must be "end" or "start".';
  }
  if (fiscal.kind === "calendar") {
    if (
      !Number.isInteger(fiscal.startMonth) ||
      (fiscal.startMonth as number) < 1 ||
      (fiscal.startMonth as number) > 12
    ) {
      errors["fiscal.startMonth"] = "Start month must be 1 (January) to 12 (December).";
    }
    return;
  }
  if (fiscal.kind !== "445" && fiscal.kind !== "454" && fiscal.kind !== "544") {
    errors["fiscal.kind"] = "Fiscal calendar must be calendar months, 4-4-5, 4-5-4 or 5-4-4.";
    return;
  }
  const ye = fiscal.yearEnd;
  if (!isRecord(ye)) {
    errors["fiscal.yearEnd"] = "A weekly fiscal calendar needs a year-end rule.";
    return;
  }
  let ok = true;
  if (ye.rule !== "last" && ye.rule !== "nearest") {
    errors["fiscal.yearEnd.rule"] = 'Year-end rule must be "last" or "nearest".';
    ok = false;
  }
  if (!Number.isInteger(ye.weekday) || (ye.weekday as number) < 1 || (ye.weekday as number) > 7) {
    errors["fiscal.yearEnd.weekday"] = "Year-end weekday must be 1 (Monday) to 7 (Sunday).";
    ok = false;
  }
  if (!Number.isInteger(ye.month) || (ye.month as number) < 1 || (ye.month as number) > 12) {
    errors["fiscal.yearEnd.month"] = "Year-end month must be 1 (January) to 12 (December).";
    ok = false;
  }
  if (!ok) return;
  // Every year must resolve to 52 or 53 whole weeks; anything else means the rule is unusable.
  const rule = ye as { rule: "last" | "nearest"; weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7; month: number };
  for (let y = 1971; y <= 2200; y++) {
    const days = weeklyYearEnd(rule, y) - weeklyYearEnd(rule, y - 1);
    if (days !== 364 && days !== 371) {
      errors["fiscal.yearEnd"] = `The year-end rule does not resolve to whole 52/53-week years (fiscal year ${y}).`;
      return;
    }
  }
}
