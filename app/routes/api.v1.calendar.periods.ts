// GET /api/v1/calendar/periods?year=2026
// Bounds of every fiscal week, period and quarter of one fiscal year of the account's calendar.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireApiPrincipal } from "../server/api/principal.server";
import { apiCalendarPeriods } from "../server/calendar/api.server";
import { corsPreflight, withCors } from "../server/embed/cors.server";
import { problems } from "../server/http/problem.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "sla:read");
  if (!auth.ok) return withCors(request, auth.response);
  return withCors(request, await apiCalendarPeriods(auth.principal, new URL(request.url).searchParams));
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method === "OPTIONS") return corsPreflight(request);
  return problems.methodNotAllowed("GET");
}
