// GET /api/v1/sla/scorecard?period=this-period|last-quarter|FY2026-P03|...&site=<site id>
// The SLA scorecard of the caller's account in its own fiscal calendar: the same figures, targets,
// breakdown, trend and drill-down links as the SLA page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { onlyMethods } from "../server/api/methods.server";
import { requireApiPrincipal } from "../server/api/principal.server";
import { withCors } from "../server/embed/cors.server";
import { apiScorecard } from "../server/sla/api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "sla:read");
  if (!auth.ok) return withCors(request, auth.response);
  return withCors(request, await apiScorecard(auth.principal, new URL(request.url).searchParams));
}

// Preflights (OPTIONS) are answered before Remix (http/app.server.ts); every other method: 405.
export const action = onlyMethods("GET");
