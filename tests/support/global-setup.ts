// Integration tests serve the real widget bundle (public/widgets/, built, not committed):
// build it once when a fresh clone has none, so `npm run test:unit` works on its own.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { migratedSnapshot } from "./pglite-snapshot";
import { dropSeedRun, newSeedRun, postgresAnswers, pruneSeedRuns } from "./seed-runs";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The migrated PGlite database every test database is loaded from, made once before the test
  // processes start (tests/support/pglite-snapshot.ts); a no-op when it is up to date.
  await migratedSnapshot();
  // This run's seeded demo databases (tests/support/seeded-snapshot.ts): made by the first test
  // process that needs each, dropped when the run ends.
  const postgres = await postgresAnswers();
  await pruneSeedRuns(postgres);
  const run = newSeedRun();
  project.provide("sightlineSeedRun", run);
  if (!existsSync("public/widgets/sightline-widgets.js")) {
    console.log("[tests] building the widget bundle (public/widgets is not committed)...");
    // As `npm run build` makes it: Vitest sets NODE_ENV=test, which would build Lit's development
    // flavour (warnings and all, over the bundle budget).
    execSync("npm run build:widgets", { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  }
  return () => dropSeedRun(run, postgres);
}
