import { defineConfig } from "vitest/config";

// The long reliability and security suite (`npm run test:hardening`): real HTTP against the
// portal on a seeded database. Not part of the default `vitest run`.
export default defineConfig({
  test: {
    include: ["tests/hardening/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});
