// End-to-end tests in Debian's Chromium against the built portal (`npm start` path) on a fresh
// database with demo data: the embedded one, or with E2E_DATABASE_URL a PostgreSQL database that
// the caller created empty for this run (.ci/run creates and drops one). Playwright cannot
// download browsers here, so it launches the system one (CHROMIUM_PATH overrides /usr/bin/chromium).
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const INTRANET_PORT = PORT + 1;
export const PORTAL_URL = `http://localhost:${PORT}`;
export const INTRANET_URL = `http://127.0.0.1:${INTRANET_PORT}`;
const DATABASE_URL = process.env.E2E_DATABASE_URL;

/** The page walks: every page as every role, read-only, each test on its own. */
const WALKS = /\/(a11y|layout)\.spec\.ts$/;
/**
 * E2E_WALKS_FIRST=1 (`npm run test:e2e`, the whole suite): the walks first, spread over
 * E2E_WORKERS workers (default 2), then the journeys. Unset (a spec or two named on the command
 * line): one worker and no walks run ahead of what was named, as Playwright would run every
 * project a named one depends on, whatever the filter.
 */
const WALKS_FIRST = process.env.E2E_WALKS_FIRST === "1";
/**
 * E2E_LAYOUT_WALKS=off (.ci/run's PostgreSQL run): the layout walks measure each page's boxes at
 * three widths, which depend on the markup, the styles and the demo data — the same on either
 * database — so the PostgreSQL run leaves them to the embedded run and walks every page as every
 * role once, with axe (a11y.spec.ts), which is where a page failing on PostgreSQL would show.
 */
const LAYOUT_WALKS = process.env.E2E_LAYOUT_WALKS !== "off";

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.ts$/,
  // One portal and one database for the run. The page walks (axe and layout on every page) only
  // read, so their tests may be spread over workers. The journeys change shared data (a lead's
  // language, Acme's fiscal calendar, planted XSS texts in Acme's orders), so they run after the
  // walks, one spec after another in one worker, in file order.
  workers: WALKS_FIRST ? Number(process.env.E2E_WORKERS ?? 2) : 1,
  projects: [
    { name: "walks", testMatch: WALKS, testIgnore: LAYOUT_WALKS ? [] : /\/layout\.spec\.ts$/, fullyParallel: true },
    { name: "journeys", testIgnore: WALKS, dependencies: WALKS_FIRST ? ["walks"] : [], workers: 1 },
  ],
  // CI (CI=true, set by .ci/run): a committed test.only fails the run instead of skipping the rest.
  forbidOnly: Boolean(process.env.CI),
  // A test's time budget, not an assertion: CI shares two cores among the server, the database and
  // two browsers, where single-page tests have run past a minute; specs that need more set their own.
  timeout: process.env.CI ? 120_000 : 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: `../../.data/e2e-results-${PORT}`,
  use: {
    baseURL: PORTAL_URL,
    timezoneId: "Europe/London",
    locale: "en-GB",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  webServer: {
    // E2E_DEV=1 serves through Vite (no build; lets several people run specs side by side on
    // different E2E_PORTs); the default is the production build, as `npm start` runs it.
    // On PostgreSQL the launcher runs its default cluster (one worker per core), as deployed.
    command:
      `rm -rf .data/e2e-db-${PORT} && cross-env PORT=${PORT} INTRANET_PORT=${INTRANET_PORT} ` +
      `PUBLIC_URL=${PORTAL_URL} ` +
      (DATABASE_URL ? `DATABASE_URL=${DATABASE_URL} ` : `PGLITE_DIR=.data/e2e-db-${PORT} `) +
      `SIGHTLINE_SIMULATE=off ` +
      `SESSION_SECRET=e2e-only-session-secret-not-for-production ` +
      (process.env.E2E_DEV ? "node server.mjs --dev" : "NODE_ENV=production node server.mjs"),
    cwd: "../..",
    url: `${PORTAL_URL}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
