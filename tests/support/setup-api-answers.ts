// Vitest setup file: a test fails when an /api/v1 answer it caused does not match the OpenAPI
// document (recorded by tapApiAnswers in tests/support/api-answers.ts).
import { afterAll, afterEach } from "vitest";
// From the import-free module: loading the checker here cost every test file the whole document.
import { pendingMismatches } from "./api-mismatches";

function failOnMismatches(): void {
  const found = pendingMismatches().splice(0);
  if (!found.length) return;
  const lines = [...new Set(found.map((m) => `${m.mismatch}${m.test.includes("outside") ? ` [${m.test}]` : ""}`))];
  throw new Error(
    `${found.length} API answer(s) do not match /api/v1/openapi.json — fix the document (app/server/api/openapi/) or the handler:\n  ` +
      lines.join("\n  "),
  );
}

afterEach(failOnMismatches);
afterAll(failOnMismatches);
