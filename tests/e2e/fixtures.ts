// `test` for every e2e spec: whatever a spec asserts, each JSON answer of /api/v1 that a page or a
// widget receives in the browser (any context of the test, also those made with browser.newContext
// by contextAs/signInThroughForm) is checked against the OpenAPI document the server publishes
// (tests/support/openapi-check.ts). A mismatch fails the test, naming the route and the mismatch.
// Specs import `test` and `expect` from here, never from @playwright/test (lint enforces it).
import { test as base, expect } from "@playwright/test";
import { watchApiAnswers } from "./api-answers";

export { expect };

export const test = base.extend<{ apiAnswersMatchDocument: void }>({
  apiAnswersMatchDocument: [
    async ({ browser, context }, use) => {
      const watcher = watchApiAnswers(browser, context);
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
