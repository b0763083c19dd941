// Integration tests serve the real widget bundle (public/widgets/, built, not committed):
// build it once when a fresh clone has none, so `npm run test:unit` works on its own.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { migratedSnapshot } from "./pglite-snapshot";

export default async function setup(): Promise<void> {
  // The migrated PGlite database every test database is loaded from, made once before the test
  // processes start (tests/support/pglite-snapshot.ts); a no-op when it is up to date.
  await migratedSnapshot();
  if (existsSync("public/widgets/sightline-widgets.js")) return;
  console.log("[tests] building the widget bundle (public/widgets is not committed)...");
  // As `npm run build` makes it: Vitest sets NODE_ENV=test, which would build Lit's development
  // flavour (warnings and all, over the bundle budget).
  execSync("npm run build:widgets", { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
}
