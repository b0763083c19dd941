// GET /api/v1/feed-health: each source's latest delivery and whether it is delayed (issue 21).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireApiPrincipal } from "../server/api/principal.server";
import { corsPreflight, withCors } from "../server/embed/cors.server";
import { apiFeedHealth } from "../server/feed-health/feed-health.server";
import { problems } from "../server/http/problem.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "orders:read");
  if (!auth.ok) return withCors(request, auth.response);
  return withCors(request, await apiFeedHealth(auth.principal));
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method === "OPTIONS") return corsPreflight(request);
  return problems.methodNotAllowed("GET");
}
