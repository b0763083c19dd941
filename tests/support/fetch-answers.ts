// Checks every /api/v1 answer a test receives through fetch() against the OpenAPI document, for
// servers the in-process tap (./api-answers.ts) cannot reach: the hardening suite's spawned portal
// processes (cluster, drain, faults, pool soak). The setup file tests/support/setup-fetch-answers.ts
// installs it; mismatches join the tap's list and fail the test that received them.
import { expect } from "vitest";
import { pendingMismatches } from "./api-answers";
import { documentMismatch } from "./openapi-check";

const pending = new Set<Promise<void>>();

function methodOf(input: RequestInfo | URL, init?: RequestInit): string {
  return (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
}

/** Wraps globalThis.fetch once; returns the original. */
export function installFetchAnswers(): typeof fetch {
  const original = globalThis.fetch;
  if ((original as { apiAnswers?: boolean }).apiAnswers) return original;
  const checked = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const res = await original(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = methodOf(input, init);
    if (!url.pathname.startsWith("/api/v1/") || method === "OPTIONS" || method === "HEAD") return res;
    const test = expect.getState().currentTestName ?? "(outside a test: beforeAll/afterAll)";
    const contentType = res.headers.get("content-type");
    // A stream never ends in a test's lifetime: its status and route are all there is to check.
    const readable = contentType && /json/i.test(contentType) && res.body;
    const copy = readable ? res.clone() : null;
    const p: Promise<void> = (copy ? copy.text() : Promise.resolve(""))
      .then((body) => {
        const mismatch = documentMismatch({ method, url: url.toString(), status: res.status, contentType, body });
        if (mismatch) pendingMismatches().push({ test, mismatch });
      })
      // The connection broke mid-body (a fault test does that on purpose): nothing whole to check.
      .catch(() => undefined)
      .finally(() => pending.delete(p));
    pending.add(p);
    return res;
  };
  globalThis.fetch = Object.assign(checked, { apiAnswers: true }) as typeof fetch;
  return original;
}

/** Waits for the checks of answers already received (bodies still being read). */
export async function settledFetchAnswers(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
