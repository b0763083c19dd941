// GET /api/v1/stream answered by Express before Remix (http/app.server.ts reaches this through
// the server build's entry, so it runs in the same module graph as the routes: one hub, one
// drain list, one embed-token resolver). Through Remix an open stream kept, for its whole life,
// a Fetch Request with its Headers, URL and AbortController, the adapter's suspended frames and
// a WHATWG ReadableStream with its reader (issue 17: RSS per open connection). Here it keeps
// Node's own request and response and the subscription. Same contract as the Remix route
// (routes/api.v1.stream.ts, which still answers other methods and is the fallback): the same
// authorisation and scope, CORS for an accepted embed origin, Last-Event-ID replay, the re-check
// on each heartbeat, closing with `retry:` on drain, 503 when the database is away.
import type { IncomingMessage, ServerResponse } from "node:http";
import { requireApiPrincipal } from "../api/principal.server";
import { withCors, withCorsDuringOutage } from "../embed/cors.server";
import { isDatabaseUnavailable, problems } from "../http/problem.server";
import { logger, noteRoute } from "../log.server";
import { credentialKey, sharedReauthorize } from "./reauthorize.server";
import { feedFor, hubOrProblem, parseLastEventId } from "./sse.server";
import { sseToNode } from "./sse-writer.server";

const ROUTE_ID = "routes/api.v1.stream";
const log = logger("db");

/** A Fetch Request with the Node request's URL and headers, for the guards (not kept). */
function fetchRequestOf(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { headers });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = await response.text();
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.end(body);
}

/** Express handler; calls `next` for what the Remix route should answer (not a GET, a bad URL). */
export function streamEvents(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void): void {
  let request: Request;
  try {
    if (req.method !== "GET") return next();
    request = fetchRequestOf(req);
  } catch {
    return next(); // a Host header that makes no URL: Remix answers it as before
  }
  noteRoute(ROUTE_ID, 1); // the access log names the request by its route, as for Remix routes
  open(req, res, request).catch(next);
}

async function open(req: IncomingMessage, res: ServerResponse, request: Request): Promise<void> {
  const auth = await requireApiPrincipal(request, "orders:read").catch(async (err: unknown) => {
    if (!isDatabaseUnavailable(err)) throw err;
    log.error({ method: "GET", route: ROUTE_ID }, `database unavailable during GET ${ROUTE_ID}`);
    return { ok: false as const, response: await withCorsDuringOutage(request, problems.unavailable()) };
  });
  if (!auth.ok) return send(res, withCors(request, auth.response));
  const hub = await hubOrProblem();
  if ("problem" in hub) return send(res, withCors(request, hub.problem));
  const cors = Object.fromEntries(withCors(request, new Response(null)).headers);
  const key = credentialKey(request, "orders:read");
  const feed = feedFor(hub.hub, auth.principal, parseLastEventId(request.headers.get("last-event-id")));
  await sseToNode(res, feed, { headers: cors, reauthorize: reauthorizer(key, req) });
}

/**
 * The same check again on every heartbeat, from Node's request: a closure of its own, so the
 * stream does not keep `open`'s Fetch Request alive through a shared closure context. Streams
 * with the same credentials share one check per SHARE_MS (reauthorize.server.ts).
 */
function reauthorizer(key: string, req: IncomingMessage): () => Promise<boolean> {
  return () => sharedReauthorize(key, async () => (await requireApiPrincipal(fetchRequestOf(req), "orders:read")).ok);
}
