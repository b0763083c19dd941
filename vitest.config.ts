import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { catalogueHashes } from "./widgets/catalogues";

/**
 * Integration files that run the same whatever SIGHTLINE_TEST_DB says (no database, or PGlite by
 * construction), marked with a line `// Same on every database: <why>`. The PostgreSQL run
 * (`npm run test:pg`, SIGHTLINE_TEST_DB=postgres) leaves them out: `npm run test:unit` ran them,
 * and a second identical run only cost CI minutes. It names them, so nothing drops out unseen.
 */
function sameOnEveryDatabase(): string[] {
  if (process.env.SIGHTLINE_TEST_DB !== "postgres") return [];
  const dir = "tests/integration";
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".test.ts"))
    .filter((f) => /^\/\/ Same on every database: /m.test(readFileSync(`${dir}/${f}`, "utf8")))
    .map((f) => `${dir}/${f}`);
  if (files.length > 0)
    console.log(
      `not run again on PostgreSQL (same on every database; npm run test:unit runs them): ${files.join(", ")}`,
    );
  return files;
}

// Unit and integration tests (real PGlite, and PostgreSQL when reachable).
// Browser tests live in tests/e2e and run under Playwright.
export default defineConfig({
  // The widgets check the catalogues they fetch against these (widgets/src/core/i18n.ts).
  define: { __SIGHTLINE_CATALOGUES__: JSON.stringify(catalogueHashes()) },
  test: {
    include: [
      "app/**/*.test.ts",
      "tests/unit/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "widgets/**/*.test.ts",
      "db/**/*.test.ts",
    ],
    exclude: ["node_modules", "build", "tests/e2e/**", "tests/hardening/**", ...sameOnEveryDatabase()],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup-api-answers.ts"],
    // In-process portals and spawned dev servers skip Vite's browser-dependency pre-bundling: no
    // browser opens them, and parallel test processes would race on node_modules/.vite/deps.
    env: { SIGHTLINE_DEV_PREBUNDLE: "off" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
