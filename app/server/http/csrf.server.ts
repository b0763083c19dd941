// Form actions accept only same-origin requests. Browsers send Origin on every cross-site
// POST; a missing Origin falls back to Referer, and a request with neither is refused.
import { portalOrigin } from "../env.server";

export function isSameOrigin(request: Request): boolean {
  const expected = new Set([portalOrigin(), new URL(request.url).origin]);
  const origin = request.headers.get("origin");
  if (origin) return expected.has(origin);
  const referer = request.headers.get("referer");
  if (!referer) return false;
  try {
    return expected.has(new URL(referer).origin);
  } catch {
    return false;
  }
}

/** Throws 403 for a cross-origin form post. Call first in every action. */
export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) {
    throw new Response("This form was submitted from another site and was refused. Reload the page and try again.", {
      status: 403,
      statusText: "Cross-origin request refused",
    });
  }
}

/**
 * Express middleware: refuses cross-origin form posts to portal pages with a readable 403
 * before Remix sees them (Remix would otherwise abort the document request with a 500).
 * /api/ routes are excluded: they authenticate with bearer tokens and answer CORS themselves.
 */
export function refuseCrossOriginForms(
  req: { method: string; path: string; headers: Record<string, string | string[] | undefined>; protocol: string },
  res: { status(code: number): { type(t: string): { send(body: string): void } } },
  next: () => void,
): void {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method) || req.path.startsWith("/api/")) return next();
  const headers = new Headers();
  for (const name of ["origin", "referer", "host"]) {
    const v = req.headers[name];
    if (typeof v === "string") headers.set(name, v);
  }
  const request = new Request(`${req.protocol}://${headers.get("host") ?? "localhost"}${req.path}`, { headers });
  if (isSameOrigin(request)) return next();
  res
    .status(403)
    .type("text/plain")
    .send("This form was submitted from another site and was refused. Open Sightline directly and try again.");
}
