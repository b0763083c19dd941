// GET /api/v1/orders/{id} — one order with lines, shipments and timeline. Another tenant's id
// answers exactly like a nonexistent one (404).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireApiPrincipal } from "../server/api/principal.server";
import { corsPreflight, withCors } from "../server/embed/cors.server";
import { problems } from "../server/http/problem.server";
import { apiGetOrder } from "../server/orders/api.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "orders:read");
  if (!auth.ok) return withCors(request, auth.response);
  return withCors(request, await apiGetOrder(auth.principal, params.orderId ?? ""));
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method === "OPTIONS") return corsPreflight(request);
  return problems.methodNotAllowed("GET");
}
