// The widgets' API client: openapi-fetch typed by the paths generated from /api/v1/openapi.json
// (./api-schema.ts, `npm run openapi:types`), so a changed response shape fails the widgets'
// type check. Requests carry the widget's bearer token: never cookies, never a token in a URL.
// One retry with a fresh token after a 401 when the page gave a fetchToken function.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./api-schema";
import type { TokenController } from "./token";

export type { paths };
export type SightlineClient = Client<paths>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
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
export function authorisedFetch(auth: TokenController): (request: Request) => Promise<Response> {
  return async (request) => {
    // Read once: a retry sends the same body again.
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
    for (let attempt = 0; ; attempt++) {
      const token = await auth.get(attempt > 0).catch(() => null);
      if (!token) throw new ApiError(401, "This widget has no access token. Ask the page owner to configure it.");
      let res: Response;
      try {
        res = await fetch(request.url, {
          method: request.method,
          headers: {
            ...Object.fromEntries(request.headers),
            Authorization: `Bearer ${token}`,
            Accept: "application/json",
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
        throw new ApiError(0, "Sightline cannot be reached from this page.");
      }
      if (res.status === 401 && attempt === 0) continue;
      return res;
    }
  };
}

export function apiClient(base: string, auth: TokenController): SightlineClient {
  return createClient<paths>({ baseUrl: base.replace(/\/$/, ""), fetch: authorisedFetch(auth) });
}

/** The answer's body, or an ApiError with the problem's `detail` and field errors. */
export async function dataOf<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined && data !== null) return data;
  const problem = (error ?? {}) as { detail?: string; errors?: unknown };
  const fieldErrors =
    problem.errors && typeof problem.errors === "object" && !Array.isArray(problem.errors)
      ? (problem.errors as Record<string, string>)
      : {};
  throw new ApiError(response.status, problem.detail ?? `Sightline answered ${response.status}.`, fieldErrors);
}
