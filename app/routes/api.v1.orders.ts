// GET /api/v1/orders — the caller's orders with the portal's filters and keyset (cursor) paging.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireApiPrincipal } from "../server/api/principal.server";
import { corsPreflight, withCors } from "../server/embed/cors.server";
import { problems } from "../server/http/problem.server";
import { apiListOrders } from "../server/orders/api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "orders:read");
  if (!auth.ok) return withCors(request, auth.response);
  return withCors(request, await apiListOrders(auth.principal, new URL(request.url).searchParams));
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method === "OPTIONS") return corsPreflight(request);
  return problems.methodNotAllowed("GET");
}
