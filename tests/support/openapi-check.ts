// Checks a live API answer against the OpenAPI document the server publishes (built in-process
// from openApiDocument(); the check itself is ./openapi-checker.ts): the operation and status must
// be documented, and a JSON body must match the documented schema. Returns a line naming the route
// and the mismatch, or null.
import { openApiDocument } from "#app/server/api/openapi.server";
import { documentChecker, type Answer } from "./openapi-checker";

export type { Answer };

export const documentMismatch = documentChecker(openApiDocument());

/** Fetches and checks in one step; the Response is returned for the test's own assertions. */
export async function fetchChecked(
  url: string,
  init: RequestInit = {},
  mismatches: string[],
): Promise<{ res: Response; body: string }> {
  const res = await fetch(url, init);
  const body = await res.text();
  const mismatch = documentMismatch({
    method: init.method ?? "GET",
    url,
    status: res.status,
    contentType: res.headers.get("content-type"),
    body,
  });
  if (mismatch) mismatches.push(mismatch);
  return { res, body };
}
