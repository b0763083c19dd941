// OpenAPI paths and schemas for /api/v1/calendar and /api/v1/calendar/periods, generated from the
// zod schemas the service is typed by (app/server/calendar/api-schema.ts).
import { MAX_HOLIDAY_DAYS } from "#app/server/calendar/api.server";
import { componentSchema } from "./zod";
import { calendarSchema, fiscalYearResponseSchema } from "#app/server/calendar/api-schema";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const ok = (description: string, schema: string) => ({
  description,
  content: {
    "application/json": { schema: { type: "object", required: ["data"], properties: { data: ref(schema) } } },
  },
});
const security = [{ session: [] }, { embedToken: ["sla:read"] }];

export const paths = {
  "/api/v1/calendar": {
    get: {
      operationId: "getCalendar",
      tags: ["SLA"],
      summary: "The account's business calendar in force, its holidays for a date range, and every version",
      description:
        "Everything SLA figures are computed with: the time zone, weekly working hours (split and overnight shifts), public holidays of the configured country/region for `from`..`to` (past years included), custom closures, extra working days, the fiscal calendar rule and the escalation hours of the account's tier. `versions` lists every stored calendar version with the time it was in force; stored SLA figures always use the version in force (saving a new one recomputes them).",
      security,
      parameters: [
        {
          name: "from",
          in: "query",
          description: "First day of the holiday range (default: 1 January of last year, in the calendar's zone).",
          schema: { type: "string", format: "date" },
        },
        {
          name: "to",
          in: "query",
          description: `Last day of the holiday range, inclusive (default: 31 December this year). At most ${MAX_HOLIDAY_DAYS} days after \`from\`; send both or neither.`,
          schema: { type: "string", format: "date" },
        },
      ],
      responses: {
        "200": ok("The calendar.", "Calendar"),
        "400": problem("`from`/`to` are not dates, only one was sent, or the range is reversed or too long."),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The embed token does not allow sla:read, or staff have not opened an account."),
      },
    },
  },
  "/api/v1/calendar/periods": {
    get: {
      operationId: "getFiscalPeriods",
      tags: ["SLA"],
      summary: "Bounds of every fiscal week, period and quarter of one fiscal year",
      description:
        "Local dates, both ends inclusive, in the calendar in force. In month-based fiscal years the first and last week may be partial (weeks start on the calendar's `weekStart`).",
      security,
      parameters: [
        {
          name: "year",
          in: "query",
          required: true,
          description: "The fiscal year, named as the calendar names it (e.g. 2026 for FY2026).",
          schema: { type: "integer", minimum: 1900, maximum: 2200 },
        },
      ],
      responses: {
        "200": ok("The fiscal year's structure.", "FiscalYear"),
        "400": problem("`year` is missing or not a year between 1900 and 2200."),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The embed token does not allow sla:read, or staff have not opened an account."),
      },
    },
  },
};

export const schemas = {
  Calendar: componentSchema(calendarSchema),
  FiscalYear: componentSchema(fiscalYearResponseSchema),
};
