// CORS for widgets on customer intranets. The portal's own trusted origins never change: a
// response gets `Access-Control-Allow-Origin: <origin>` only when the request carried an embed
// token that the resolver accepted for exactly that Origin (and the token's key still allows
// it). Never `Access-Control-Allow-Credentials`: widgets send bearer tokens, not cookies.
import { sql } from "drizzle-orm";
import { getDb } from "../db.server";
import { acceptedOrigins, signedOriginOf } from "./tokens.server";

const ALLOWED_METHODS = "GET, POST";
const ALLOWED_HEADERS = "authorization, content-type, last-event-id";

/**
 * The API paths that serve widgets on other origins (embed tokens), and so answer a preflight.
 * Everything else under /api/ is same-origin or server-to-server and answers no CORS at all:
 * `POST /api/v1/embed/tokens` takes an embed key secret that must never be sent from a browser,
 * ingestion is for backend systems. A new widget endpoint is added here and calls withCors.
 */
const WIDGET_API_PATHS: readonly RegExp[] = [
  /^\/api\/v1\/orders\/?$/,
  /^\/api\/v1\/orders\/[^/]+\/?$/,
  /^\/api\/v1\/sla\/scorecard\/?$/,
  /^\/api\/v1\/escalations\/?$/,
  /^\/api\/v1\/escalations\/[^/]+\/?$/,
  /^\/api\/v1\/escalations\/[^/]+\/replies\/?$/,
  /^\/api\/v1\/stream\/?$/,
];

export function servesWidgets(pathname: string): boolean {
  return WIDGET_API_PATHS.some((re) => re.test(pathname));
}

/** Adds CORS headers to an API response when its request was authorised for its Origin. */
export function withCors(request: Request, response: Response): Response {
  const origin = request.headers.get("origin");
  const headers = new Headers(response.headers);
  headers.append("Vary", "Origin");
  if (origin && acceptedOrigins.get(request) === origin) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Expose-Headers", "X-Request-Id");
    headers.delete("Access-Control-Allow-Credentials");
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * CORS for a 503 answered while the database is away, so the widget can read the problem and
 * retry: for the origin the request was already accepted for, or — when the outage struck before
 * the key could be looked up — the origin the request's embed token was signed for (checked
 * cryptographically, no database needed). The answer carries no data, only "try again".
 */
export async function withCorsDuringOutage(request: Request, response: Response): Promise<Response> {
  if (acceptedOrigins.has(request)) return withCors(request, response);
  const origin = request.headers.get("origin");
  if (origin && servesWidgets(new URL(request.url).pathname) && (await signedOriginOf(request)) === origin)
    acceptedOrigins.set(request, origin);
  return withCors(request, response);
}

/** Whether any active embed key allows the origin (a boolean only; see 0007_embed.sql). */
export async function originAllowedByAnyKey(origin: string): Promise<boolean> {
  const { db } = await getDb();
  const r = await db.execute<{ ok: boolean }>(sql`select embed_origin_allowed(${origin}) as ok`);
  return r.rows[0]?.ok === true;
}

/**
 * Answers an OPTIONS preflight. A preflight carries no Authorization header, so it cannot name
 * a key: it succeeds for an origin that some active key allows, and the real request is then
 * held to its own token's key and origin.
 */
export async function corsPreflight(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  const headers = new Headers({ Vary: "Origin", "Cache-Control": "no-store" });
  if (!servesWidgets(new URL(request.url).pathname)) return new Response(null, { status: 403, headers });
  if (!origin || !(await originAllowedByAnyKey(origin))) return new Response(null, { status: 403, headers });
  headers.set("Access-Control-Allow-Origin", origin);
  headers.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
  headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
  headers.set("Access-Control-Max-Age", "600");
  return new Response(null, { status: 204, headers });
}
