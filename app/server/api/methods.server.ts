// The one answer of /api/v1 for a method a route does not take: 405 problem+json whose `Allow`
// header names the methods it does take. Asked before anything else (body size, credentials, the
// cross-origin write guard), so every caller, signed in or not, learns the same thing. Every API
// route module uses it: a route without an action answers other methods through `onlyMethods`,
// an action that does its work starts with `refusedMethod`.
import { problems } from "../http/problem.server";
import { openApiDocument } from "./openapi.server";

/** What an /api/v1 route takes; HEAD goes with GET. */
export type ApiMethods = "GET" | "POST" | "GET, POST";

function takes(method: string, allow: ApiMethods): boolean {
  const taken = allow.split(", ");
  const m = method.toUpperCase();
  return taken.includes(m) || (m === "HEAD" && taken.includes("GET"));
}

/** The 405 for a request whose method the route does not take, or null when it takes it. */
export function refusedMethod(request: Request, allow: ApiMethods): Response | null {
  return takes(request.method, allow) ? null : problems.methodNotAllowed(allow);
}

/**
 * A loader or action that only refuses: the `action` of a GET-only route, the `loader` of a
 * POST-only one. (Without it Remix answers a plain-text 405 of its own, or a 400 for HEAD.)
 */
export function onlyMethods(allow: ApiMethods): () => Response {
  return () => problems.methodNotAllowed(allow);
}

let templates: { pattern: RegExp; allow: ApiMethods }[] | null = null;

/**
 * The methods the OpenAPI document lists for an /api/v1 path, as an `Allow` value, or null for a
 * path it does not describe. (The routes answer the same: the integration suite compares every
 * route's 405 with the document.)
 */
export function documentedMethods(pathname: string): ApiMethods | null {
  templates ??= Object.entries(openApiDocument().paths).map(([template, item]) => ({
    pattern: new RegExp(`^${template.replaceAll(".", "\\.").replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
    allow: (["GET", "POST"] as const).filter((m) => m.toLowerCase() in (item as object)).join(", ") as ApiMethods,
  }));
  return templates.find((t) => t.pattern.test(pathname))?.allow ?? null;
}

/**
 * The 405 for a documented /api/v1 path asked with a method it does not take, or null: for
 * middleware that refuses before the route runs (the cross-origin write guard), so that the
 * method is answered first there too.
 */
export function undocumentedMethod(method: string, pathname: string): Response | null {
  const allow = documentedMethods(pathname);
  return allow && !takes(method, allow) ? problems.methodNotAllowed(allow) : null;
}
