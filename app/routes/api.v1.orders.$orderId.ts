// GET /api/v1/orders/{id} — one order with lines, shipments and timeline. Another tenant's id
// answers exactly like a nonexistent one (404).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { onlyMethods } from "../server/api/methods.server";
import { requireApiPrincipal } from "../server/api/principal.server";
import { withCors } from "../server/embed/cors.server";
import { apiGetOrder } from "../server/orders/api.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "orders:read");
  if (!auth.ok) return withCors(request, auth.response);
  return withCors(request, await apiGetOrder(auth.principal, params.orderId ?? ""));
}

// Preflights (OPTIONS) are answered before Remix (http/app.server.ts); every other method: 405.
export const action = onlyMethods("GET");
