// GET /api/v1/stream: Server-Sent Events of the caller's tenant (order events, escalation
// changes). Portal session or embed token with orders:read; Last-Event-ID header resumes.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiPrincipal } from "../server/api/principal.server";
import { withCors } from "../server/embed/cors.server";
import { openEventStream } from "../server/realtime/sse.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "orders:read");
  if (!auth.ok) return withCors(request, auth.response);
  const response = await openEventStream(request, auth.principal, { backlog: context.responseBacklog });
  return withCors(request, response);
}
