// GET /api/v1/calendar/periods?year=2026
// Bounds of every fiscal week, period and quarter of one fiscal year of the account's calendar.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { onlyMethods } from "../server/api/methods.server";
import { requireApiPrincipal } from "../server/api/principal.server";
import { apiCalendarPeriods } from "../server/calendar/api.server";
import { withCors } from "../server/embed/cors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "sla:read");
  if (!auth.ok) return withCors(request, auth.response);
  return withCors(request, await apiCalendarPeriods(auth.principal, new URL(request.url).searchParams));
}

// Preflights (OPTIONS) are answered before Remix (http/app.server.ts); every other method: 405.
export const action = onlyMethods("GET");
