// `test` for every e2e spec: whatever a spec asserts, each JSON answer of /api/v1 that a page or a
// widget receives in the browser (any context of the test, also those made with browser.newContext
// by contextAs/signInThroughForm) is checked against the OpenAPI document the server publishes
// (tests/support/openapi-checker.ts, with the document read from the portal under test). A mismatch fails the test, naming the route and the mismatch.
// Specs import `test` and `expect` from here, never from @playwright/test (lint enforces it).
import { test as base, expect } from "@playwright/test";
import { documentChecker, type DocumentMismatch } from "../support/openapi-checker";
import { watchApiAnswers } from "./api-answers";
import { PORTAL_URL } from "./playwright.config";

export { expect };

// The document the portal under test publishes, read once per worker.
let checker: Promise<DocumentMismatch> | null = null;
function publishedDocument(): Promise<DocumentMismatch> {
  checker ??= fetch(`${PORTAL_URL}/api/v1/openapi.json`).then(async (res) => {
    if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
    return documentChecker((await res.json()) as { paths: Record<string, unknown> });
  });
  return checker;
}

export const test = base.extend<{ apiAnswersMatchDocument: void }>({
  apiAnswersMatchDocument: [
    async ({ browser, context }, use) => {
      const watcher = watchApiAnswers(browser, context, await publishedDocument());
      await use();
      const found = await watcher.finish();
      expect(
        found,
        "API answers the browser received do not match /api/v1/openapi.json — fix the document's zod schemas (app/server/*/api-schema.ts) or the handler",
      ).toEqual([]);
    },
    { auto: true },
  ],
});
