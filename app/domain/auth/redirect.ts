// Where to send a user after sign-in: only a path on the portal's own origin, so a crafted
// link (`/login?redirectTo=...`) cannot bounce a freshly signed-in user to another site.

/**
 * Control characters (the URL parser silently drops tab and newline, so `/\t/evil.example`
 * becomes `//evil.example`) and backslashes (browsers read `/\evil.example` as `//evil.example`)
 * are refused outright rather than cleaned up. Other characters (spaces, non-Latin text) are
 * percent-encoded by the parser, so the `Location` header stays ASCII.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const REFUSED = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * `to` when it is a same-origin path, normalised as the browser will read it; otherwise
 * `fallback`. `origin` is the portal's own origin (PUBLIC_URL). The value is parsed with the
 * WHATWG URL parser against that origin and kept only if the origin did not change, and the
 * result is rebuilt from the parsed path, query and fragment, so what goes into `Location` is
 * exactly what was checked. A path that normalises to `//host` is refused too (the browser would
 * resolve it as another host), as is any other empty path segment.
 */
export function safeRedirect(to: string | null | undefined, fallback: string, origin: string): string {
  if (!to || !to.startsWith("/") || REFUSED.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  const path = url.pathname + url.search + url.hash;
  // `//` anywhere in the path is no portal URL, and at the start it would name another host.
  if (!path.startsWith("/") || url.pathname.includes("//")) return fallback;
  return path;
}
