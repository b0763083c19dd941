// OpenAPI paths and schemas for /api/v1/calendar and /api/v1/calendar/periods, generated from the
// zod schemas the service parses its queries with and types its answers by
// (app/server/calendar/api-schema.ts).
import {
  calendarQuerySchema,
  calendarResponseSchema,
  calendarSchema,
  fiscalYearEnvelopeSchema,
  fiscalYearResponseSchema,
  periodsQuerySchema,
} from "#app/server/calendar/api-schema";
import { jsonResponse, problem, queryParameters } from "./zod";

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
      parameters: queryParameters(calendarQuerySchema),
      responses: {
        "200": jsonResponse("The calendar.", "CalendarResponse"),
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
      parameters: queryParameters(periodsQuerySchema),
      responses: {
        "200": jsonResponse("The fiscal year's structure.", "FiscalYearResponse"),
        "400": problem("`year` is missing or not a year between 1900 and 2200."),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The embed token does not allow sla:read, or staff have not opened an account."),
      },
    },
  },
};

export const schemas = {
  CalendarResponse: calendarResponseSchema,
  Calendar: calendarSchema,
  FiscalYearResponse: fiscalYearEnvelopeSchema,
  FiscalYear: fiscalYearResponseSchema,
};
