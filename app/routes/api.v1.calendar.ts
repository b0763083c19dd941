// GET /api/v1/calendar?from=YYYY-MM-DD&to=YYYY-MM-DD
// The account's business calendar in force (hours, holidays in the range, closures, extra working
// days, fiscal rule, escalation hours) and every stored version with when it was in force.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { onlyMethods } from "../server/api/methods.server";
import { requireApiPrincipal } from "../server/api/principal.server";
import { apiCalendar } from "../server/calendar/api.server";
import { withCors } from "../server/embed/cors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "sla:read");
  if (!auth.ok) return withCors(request, auth.response);
  return withCors(request, await apiCalendar(auth.principal, new URL(request.url).searchParams));
}

// Preflights (OPTIONS) are answered before Remix (http/app.server.ts); every other method: 405.
export const action = onlyMethods("GET");
