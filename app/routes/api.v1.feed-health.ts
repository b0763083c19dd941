// GET /api/v1/feed-health: each source's latest delivery and whether it is delayed (issue 21).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { onlyMethods } from "../server/api/methods.server";
import { requireApiPrincipal } from "../server/api/principal.server";
import { withCors } from "../server/embed/cors.server";
import { apiFeedHealth } from "../server/feed-health/feed-health.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "orders:read");
  if (!auth.ok) return withCors(request, auth.response);
  return withCors(request, await apiFeedHealth(auth.principal));
}

// Preflights (OPTIONS) are answered before Remix (http/app.server.ts); every other method: 405.
export const action = onlyMethods("GET");
