import { defineConfig } from "vitest/config";

// The long reliability and security suite (`npm run test:hardening`): real HTTP against the
// portal on a seeded database. Not part of the default `vitest run`.
export default defineConfig({
  test: {
    include: ["tests/hardening/**/*.test.ts"],
    // Every /api/v1 answer a test receives (in-process portal or spawned server) is checked
    // against the OpenAPI document; a mismatch fails the test, naming the route.
    setupFiles: ["tests/support/setup-fetch-answers.ts"],
    // In-process portals and spawned dev servers skip Vite's browser-dependency pre-bundling: no
    // browser opens them, and parallel test processes would race on node_modules/.vite/deps.
    env: { SIGHTLINE_DEV_PREBUNDLE: "off" },
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});
