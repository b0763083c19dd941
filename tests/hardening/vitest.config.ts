import { defineConfig } from "vitest/config";

// The long reliability and security suite (`npm run test:hardening`): real HTTP against the
// portal on a seeded database. Not part of the default `vitest run`.
export default defineConfig({
  test: {
    include: ["tests/hardening/**/*.test.ts"],
    // The OpenAPI answer check (tests/support/setup-fetch-answers.ts) is not wired in here yet:
    // switched on, the fuzz's undocumented methods and statuses fail it (405s that are not
    // problem+json on /api/v1/stream, 401 before 405 on the ingest endpoints, undocumented 403,
    // 413 and 415 answers) — to be fixed in the document and handlers first (issue 19). The
    // integration and e2e suites check every answer.
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});
