// GET /api/v1/stream: Server-Sent Events of the caller's tenant (order events, escalation
// changes). Portal session or embed token with orders:read; Last-Event-ID header resumes. The
// stream ends within one heartbeat once the token expires, its key is revoked or the session ends.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { onlyMethods } from "../server/api/methods.server";
import { requireApiPrincipal } from "../server/api/principal.server";
import { withCors } from "../server/embed/cors.server";
import { credentialKey, sharedReauthorize } from "../server/realtime/reauthorize.server";
import { openEventStream } from "../server/realtime/sse.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireApiPrincipal(request, "orders:read");
  if (!auth.ok) return withCors(request, auth.response);
  const key = credentialKey(request, "orders:read");
  const response = await openEventStream(request, auth.principal, {
    backlog: context.responseBacklog,
    // The same check again on every heartbeat: an expired token or revoked key ends the stream.
    // Streams with the same credentials share one check per SHARE_MS (reauthorize.server.ts).
    reauthorize: () => sharedReauthorize(key, async () => (await requireApiPrincipal(request, "orders:read")).ok),
  });
  return withCors(request, response);
}

// Preflights (OPTIONS) are answered before Remix (http/app.server.ts); every other method: 405.
export const action = onlyMethods("GET");
