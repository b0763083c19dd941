// Cross-site request forgery: every state-changing request that a browser could authenticate
// with the session cookie must come from the portal's own origin — form posts to pages and
// JSON writes to /api/ alike. SameSite=Lax is not enough: a sibling origin of the same site
// (another port or subdomain) is "same-site" and gets the cookie on a top-level or fetch POST.
// Calls that authenticate with an Authorization header (embed tokens, embed keys, ingest keys)
// are not cookie-borne: a browser cannot add that header cross-origin without a CORS preflight,
// which only the widget endpoints answer, and only for an embed key's origins.
import { env, portalOrigin } from "../env.server";
import { undocumentedMethod } from "../api/methods.server";
import { problem } from "./problem.server";
import { translator } from "#app/i18n/catalogue";
import { resolveLocale } from "#app/i18n/locales";
import { pageProblem } from "#app/i18n/page-problem";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The origins a same-origin request may name. With PUBLIC_URL set, that origin only (behind a
 * proxy the Host the server sees is not what the browser used). Without it (the local demo), the
 * default http://localhost:PORT and the origin the request was addressed to: a browser always
 * sends the Host it connected to, so a page on another origin cannot borrow it.
 */
function trustedOrigins(request: Request): Set<string> {
  if (env().PUBLIC_URL) return new Set([portalOrigin()]);
  return new Set([portalOrigin(), new URL(request.url).origin]);
}

/**
 * Whether the request provably comes from a portal page: its Origin names the portal; without
 * an Origin, the browser's Sec-Fetch-Site says same-origin; without either, the Referer's origin
 * names the portal. A request with none of the three is refused.
 */
export function isSameOrigin(request: Request): boolean {
  const expected = trustedOrigins(request);
  const origin = request.headers.get("origin");
  if (origin) return expected.has(origin);
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const referer = request.headers.get("referer");
  if (!referer) return false;
  try {
    return expected.has(new URL(referer).origin);
  } catch {
    return false;
  }
}

/** A write that the session cookie would authenticate: it carries cookies and no Authorization header. */
export function isCookieAuthenticatedWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  return !request.headers.get("authorization") && !!request.headers.get("cookie");
}

/** Throws 403 for a cross-origin form post. Call first in every action. */
export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) {
    throw pageProblem(403, "errors.crossSite");
  }
}

/** The API's answer to a cookie-authenticated write from another origin. */
export function crossOriginProblem(): Response {
  return problem({
    status: 403,
    title: "Cross-origin request refused",
    detail:
      "A request authenticated by the Sightline session cookie must come from the portal's own pages. Other sites and servers call the API with an embed token or an ingest key in the Authorization header.",
  });
}

interface ExpressLikeRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  protocol: string;
}

interface ExpressLikeResponse {
  status(code: number): { set(h: Record<string, string>): { send(body: string): void } };
}

/**
 * Express middleware, before Remix: refuses a cross-origin write with 403 — to a page (a readable
 * text; Remix would otherwise abort the document request with a 500), and to /api/ when no
 * Authorization header carries the credentials (problem+json). Route code checks again
 * (assertSameOrigin in actions, requireApiPrincipal for the API), so neither layer relies on the other.
 */
export function refuseCrossOriginWrites(req: ExpressLikeRequest, res: ExpressLikeResponse, next: () => void): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return next();
  const headers = new Headers();
  for (const name of ["origin", "referer", "host", "sec-fetch-site", "authorization", "cookie", "accept-language"]) {
    const v = req.headers[name];
    if (typeof v === "string") headers.set(name, v);
  }
  // POST stands for every unsafe method here (the Request constructor refuses some, e.g. TRACE).
  const request = new Request(`${req.protocol}://${headers.get("host") ?? "localhost"}${req.path}`, {
    method: "POST",
    headers,
  });
  const api = req.path.startsWith("/api/");
  if (api && !isCookieAuthenticatedWrite(request)) return next();
  if (isSameOrigin(request)) return next();
  if (api) {
    // The method first, as the routes answer it: a route that takes no such method is a 405.
    const r = undocumentedMethod(req.method, req.path) ?? crossOriginProblem();
    void r.text().then((body) => res.status(r.status).set(Object.fromEntries(r.headers)).send(body));
    return;
  }
  // No session is read for a refused post: the browser's language words it.
  const locale = resolveLocale({ acceptLanguage: headers.get("accept-language") });
  res
    .status(403)
    .set({ "Content-Type": "text/plain; charset=utf-8", "Content-Language": locale, Vary: "Accept-Language" })
    .send(translator(locale)("errors.crossSite"));
}
