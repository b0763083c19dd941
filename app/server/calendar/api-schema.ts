// Response shapes of GET /api/v1/calendar and /api/v1/calendar/periods, written once in zod:
// the service's output is typed by them, the OpenAPI document is generated from them
// (app/server/api/openapi/calendar.ts), and the tests parse real responses with them.
import { z } from "zod";

const date = z.iso.date();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const interval = z
  .object({ start: hhmm, end: hhmm })
  .describe("Local wall-clock times. `end` earlier than `start`: an overnight shift ending the next day.");
const bounds = { start: date, end: date };

export const calendarVersionSchema = z.object({
  version: z.int().min(0).describe("0 = the default calendar of an account that never saved one."),
  label: z.string(),
  createdAt: z.iso.datetime({ offset: true }).nullable(),
  createdBy: z.string().nullable(),
  validFrom: z.iso
    .datetime({ offset: true })
    .nullable()
    .describe("When this version came into force (null: since the account opened)."),
  validTo: z.iso
    .datetime({ offset: true })
    .nullable()
    .describe("When the next version replaced it; null for the version in force."),
  active: z.boolean(),
});

export const calendarSchema = z.object({
  version: z.int().min(0).describe("The version in force; every stored SLA figure is computed with it."),
  label: z.string(),
  timeZone: z.string().describe("IANA time zone the calendar's local times and dates are in."),
  weekStart: z.int().min(1).max(7).describe("ISO weekday weeks start on (1 = Monday)."),
  alwaysOpen: z
    .boolean()
    .describe("24x7: every minute is business time; weekly hours, holidays and closures are ignored."),
  weeklyHours: z
    .array(z.object({ weekday: z.int().min(1).max(7), name: z.string(), intervals: z.array(interval) }))
    .describe("Working intervals per ISO weekday; several intervals are a split shift."),
  holidays: z.object({
    country: z.string().nullable(),
    region: z.string().nullable(),
    from: date,
    to: date,
    dates: z
      .array(z.object({ date, name: z.string() }))
      .describe("Public holidays from `from` to `to`, both inclusive."),
  }),
  closures: z.array(
    z.object({
      date,
      start: hhmm.nullable().describe("Null: closed the whole day."),
      end: hhmm.nullable(),
      label: z.string(),
    }),
  ),
  extraWorkingDays: z
    .array(z.object({ date, intervals: z.array(interval), label: z.string() }))
    .describe("Dates that work these intervals instead of their weekday's hours, even on a holiday."),
  fiscal: z.object({
    kind: z.enum(["calendar", "445", "454", "544"]),
    startMonth: z.int().min(1).max(12).nullable().describe("Month-based years: the first month."),
    yearEnd: z
      .object({ rule: z.enum(["last", "nearest"]), weekday: z.int().min(1).max(7), month: z.int().min(1).max(12) })
      .nullable()
      .describe("Week-based years: the year ends on the last `weekday` of `month`, or the one nearest its end."),
    naming: z.enum(["end", "start"]).describe("A fiscal year is named by the calendar year it ends (or starts) in."),
    description: z.string(),
  }),
  escalationHours: z
    .object({
      tier: z.string(),
      severities: z.array(
        z.object({
          severity: z.enum(["P1", "P2", "P3", "P4"]),
          firstResponseMinutes: z.int(),
          resolutionMinutes: z.int(),
          clock: z
            .enum(["24x7", "business-hours"])
            .describe("business-hours: counted in this calendar's working time."),
        }),
      ),
    })
    .describe("Escalation response and resolution targets of the account's tier, and which clock they run on."),
  versions: z.array(calendarVersionSchema).describe("Every stored version, newest first."),
});

export const fiscalYearSchema = z.object({
  fiscalYear: z.int(),
  ...bounds,
  quarters: z.array(z.object({ quarter: z.int().min(1).max(4), ...bounds })),
  periods: z.array(
    z.object({
      period: z.int().min(1).max(12),
      quarter: z.int().min(1).max(4),
      label: z.string(),
      weeks: z.int(),
      ...bounds,
    }),
  ),
  weeks: z.array(z.object({ week: z.int().min(1).max(54), ...bounds })),
});

export const fiscalYearResponseSchema = fiscalYearSchema.extend({
  version: z.int().min(0).describe("The calendar version the bounds come from (the one in force)."),
});

export const calendarResponseSchema = z.object({ data: calendarSchema });
export const fiscalYearEnvelopeSchema = z.object({ data: fiscalYearResponseSchema });

/** The widest holiday range one request may ask for (about ten years). */
export const MAX_HOLIDAY_DAYS = 3_660;

const dateParam = (name: string) =>
  z.iso.date({ message: `${name} is a date, YYYY-MM-DD.` }).refine((d) => d >= "1900-01-01" && d <= "2200-12-31", {
    message: `${name} lies between 1900-01-01 and 2200-12-31.`,
  });

/** The query string of GET /api/v1/calendar, as the handler parses it. */
export const calendarQuerySchema = z.object({
  from: dateParam("from")
    .describe("First day of the holiday range (default: 1 January of last year, in the calendar's zone).")
    .optional(),
  to: dateParam("to")
    .describe(
      `Last day of the holiday range, inclusive (default: 31 December this year). At most ${MAX_HOLIDAY_DAYS} days after \`from\`; send both or neither.`,
    )
    .optional(),
});

/** The query string of GET /api/v1/calendar/periods, as the handler parses it. */
export const periodsQuerySchema = z.object({
  year: z
    .string({ message: "year is required: a fiscal year such as 2026." })
    .regex(/^\d{4}$/, "year is a four-digit fiscal year, e.g. 2026.")
    .transform(Number)
    .refine((y) => y >= 1900 && y <= 2200, "year lies between 1900 and 2200.")
    .describe("The fiscal year (1900 to 2200), named as the calendar names it (e.g. 2026 for FY2026)."),
});

export type CalendarView = z.infer<typeof calendarSchema>;
export type CalendarVersionView = z.infer<typeof calendarVersionSchema>;
export type FiscalYearView = z.infer<typeof fiscalYearSchema>;
