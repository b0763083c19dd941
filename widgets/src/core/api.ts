// The widgets' API client: openapi-fetch's `Client` type over the paths generated from
// /api/v1/openapi.json (./api-schema.ts, `npm run openapi:types`), so a changed response shape fails
// the widgets' type check. The calls themselves go through the few lines below rather than
// openapi-fetch's runtime (2.2 KB gzip, which the message catalogue needed within the bundle's
// budget): GET and POST, `{name}` path parameters, scalar and array query parameters (repeated:
// `status=a&status=b`, as openapi-fetch sends them), JSON bodies.
// Requests carry the widget's bearer token: never cookies, never a token in a URL.
// One retry with a fresh token after a 401 when the page gave a fetchToken function.
import type { Client } from "openapi-fetch";
import type { paths } from "./api-schema";
import type { TokenController } from "./token";

export type { paths };
export type SightlineClient = Client<paths>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The problem's `detail` (English, for developers; the widgets show it to English readers). */
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    /** The problem's `title`, in the language the request asked for (Accept-Language). */
    readonly title = "",
    /** Failures before any answer, which the widget words itself. */
    readonly kind?: "noToken" | "unreachable",
  ) {
    super(message);
  }
}

/** The API origin: the `api-base` attribute, else the origin this script was loaded from. */
export function defaultApiBase(): string {
  try {
    const origin = new URL(import.meta.url).origin;
    if (origin.startsWith("http")) return origin;
  } catch {
    // fall through
  }
  return typeof location === "undefined" ? "" : location.origin;
}

/** fetch() with the token, its refresh after a 401, and no cookies or HTTP cache. */
export function authorisedFetch(auth: TokenController, locale = "en"): (request: Request) => Promise<Response> {
  return async (request) => {
    // Read once: a retry sends the same body again.
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
    for (let attempt = 0; ; attempt++) {
      const token = await auth.get(attempt > 0).catch(() => null);
      if (!token) throw new ApiError(401, "This widget has no access token.", {}, "", "noToken");
      let res: Response;
      try {
        res = await fetch(request.url, {
          method: request.method,
          headers: {
            ...Object.fromEntries(request.headers),
            Authorization: `Bearer ${token}`,
            Accept: "application/json",
            // Problem titles come back in the widget's language.
            "Accept-Language": locale,
          },
          body,
          credentials: "omit",
          cache: "no-store",
          signal: request.signal,
        });
      } catch (err) {
        if ((err as Error).name === "AbortError") throw err;
        // A CORS refusal looks like a network error; a fresh token may fix an expired one.
        if (attempt === 0) continue;
        throw new ApiError(0, "Sightline cannot be reached from this page.", {}, "", "unreachable");
      }
      if (res.status === 401 && attempt === 0) continue;
      return res;
    }
  };
}

interface CallInit {
  params?: { path?: Record<string, string>; query?: Record<string, unknown> };
  body?: unknown;
  signal?: AbortSignal;
}

export function apiClient(base: string, auth: TokenController, locale = "en"): SightlineClient {
  const send = authorisedFetch(auth, locale);
  const call =
    (method: string) =>
    async (path: string, { params = {}, body, signal }: CallInit = {}) => {
      const url = new URL(
        base.replace(/\/$/, "") +
          path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params.path?.[k] ?? "")),
      );
      for (const [k, v] of Object.entries(params.query ?? {}))
        for (const one of [v].flat()) if (one !== undefined && one !== null) url.searchParams.append(k, String(one));
      const response = await send(
        new Request(url, {
          method,
          signal,
          ...(body === undefined
            ? {}
            : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
        }),
      );
      let parsed: unknown;
      try {
        parsed = JSON.parse(await response.text());
      } catch {
        // No body (204) or not JSON: nothing to hand over.
      }
      return response.ok ? { data: parsed, response } : { error: parsed, response };
    };
  return { GET: call("GET"), POST: call("POST") } as unknown as SightlineClient;
}

/** The answer's body, or an ApiError with the problem's `detail` and field errors. */
export async function dataOf<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined && data !== null) return data;
  const problem = (error ?? {}) as { detail?: string; title?: string; errors?: unknown };
  const fieldErrors =
    problem.errors && typeof problem.errors === "object" && !Array.isArray(problem.errors)
      ? (problem.errors as Record<string, string>)
      : {};
  throw new ApiError(response.status, problem.detail ?? "", fieldErrors, problem.title ?? "");
}
