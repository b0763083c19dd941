// Loader behind /calendar: the read-only calendar for any customer user or staff in an account.
import { localToday } from "#app/domain/orders/time";
import type { AccountContext } from "#app/server/auth/guards.server";
import { readCalendar, readCurrentFiscalYear } from "./api.server";

/** Years the holiday picker accepts; anything else shows this year. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export async function loadCalendarPage(ctx: AccountContext, params: URLSearchParams) {
  const principal = { db: ctx.db, tenant: ctx.tenant };
  const asked = Number(params.get("year"));
  const thisYear = Number(localToday(ctx.tenant.timeZone).slice(0, 4));
  const year = Number.isInteger(asked) && asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : thisYear;
  const calendar = await readCalendar(principal, { from: `${year}-01-01`, to: `${year}-12-31` });
  const fiscalYear = await readCurrentFiscalYear(principal);
  return { calendar, year, fiscalYear, isAdmin: ctx.kind === "customer" && ctx.role === "customer_admin" };
}
