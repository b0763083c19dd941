// fetch with the widget's bearer token: never cookies, never a token in a URL. One retry with
// a fresh token after a 401 when the page gave a fetchToken function.
import type { TokenController } from "./token";

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

export async function apiFetch<T>(
  base: string,
  auth: TokenController,
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const token = await auth.get(attempt > 0).catch(() => null);
    if (!token) throw new ApiError(401, "This widget has no access token. Ask the page owner to configure it.");
    let res: Response;
    try {
      res = await fetch(base.replace(/\/$/, "") + path, {
        method: init.method ?? "GET",
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: "omit",
        cache: "no-store",
        signal: init.signal,
      });
    } catch (err) {
      if ((err as Error).name === "AbortError") throw err;
      // A CORS refusal looks like a network error; a fresh token may fix an expired one.
      if (attempt === 0) continue;
      throw new ApiError(0, "Sightline cannot be reached from this page.");
    }
    if (res.ok) return (await res.json()) as T;
    if (res.status === 401 && attempt === 0) continue;
    const problem = (await res.json().catch(() => ({}))) as { detail?: string; errors?: Record<string, string> };
    throw new ApiError(res.status, problem.detail ?? `Sightline answered ${res.status}.`, problem.errors ?? {});
  }
}
