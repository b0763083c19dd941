import { defineConfig } from "vitest/config";
import { catalogueHashes } from "./widgets/catalogues";

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
    exclude: ["node_modules", "build", "tests/e2e/**", "tests/hardening/**"],
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
