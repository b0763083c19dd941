// Databases for tests: in-memory PGlite always; a freshly created PostgreSQL database when a
// server is reachable. Each test file gets its own database and drops it afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect } from "vitest";
import { openDb, type DbHandle } from "#db/client";
import { migrate } from "#db/migrate";
import { migratedSnapshot } from "./pglite-snapshot";
import { TEST_PG_ADMIN_URL } from "./seed-runs";

export type DbKind = "pglite" | "postgres";

/** The server that test databases are created on (not the database tests use). */
export { TEST_PG_ADMIN_URL };

let reachable: Promise<boolean> | undefined;

/**
 * SIGHTLINE_TEST_PG=later (`.ci/run` sets it for the first Vitest run when its PostgreSQL step
 * follows): the PostgreSQL cases of tests/integration are left to that step (`npm run test:pg`
 * runs every file there on PostgreSQL), instead of running in both. Files elsewhere keep theirs.
 */
function deferredToPostgresRun(): boolean {
  if (process.env.SIGHTLINE_TEST_PG !== "later" || defaultDbKind() === "postgres") return false;
  const file = expect.getState().testPath ?? "";
  return file.includes("/tests/integration/");
}

/**
 * True when a PostgreSQL server answers (checked once per test process). SIGHTLINE_TEST_PG=off
 * disables; SIGHTLINE_TEST_PG=later defers (see deferredToPostgresRun).
 */
export function postgresReachable(): Promise<boolean> {
  if (process.env.SIGHTLINE_TEST_PG === "off" || deferredToPostgresRun()) return Promise.resolve(false);
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL, connectionTimeoutMillis: 1_500 });
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/**
 * The database kind a suite runs on by default: `SIGHTLINE_TEST_DB=postgres` (set by
 * `npm run test:pg`) selects PostgreSQL, anything else PGlite.
 */
export function defaultDbKind(): DbKind {
  return process.env.SIGHTLINE_TEST_DB === "postgres" ? "postgres" : "pglite";
}

export interface TestDb extends DbHandle {
  /** For PostgreSQL: the URL of the created database (a second process can connect to it). */
  url?: string;
  /** For PostgreSQL behind PgBouncer: the direct URL (LISTEN, migrations); else the same as url. */
  directUrl?: string;
}

/**
 * TEST_PG_POOLER_URL (`.ci/run` sets it when it started PgBouncer in transaction pooling mode):
 * the PostgreSQL run reaches its databases through the pooler, with LISTEN and migrations on the direct URL,
 * exactly as a deployment with DATABASE_URL → PgBouncer and DATABASE_DIRECT_URL does.
 */
function throughPooler(direct: URL): string | undefined {
  const pooler = process.env.TEST_PG_POOLER_URL;
  // Only the PostgreSQL run (`npm run test:pg`); suites that cut connections keep theirs direct.
  if (!pooler || defaultDbKind() !== "postgres") return undefined;
  const url = new URL(pooler);
  url.pathname = direct.pathname;
  return url.toString();
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Creates and migrates a database of the given kind. `close()` also drops a PostgreSQL one.
 * `migrationsDir`: apply the migrations of that directory instead of db/migrations (an older release's).
 * `template` (PostgreSQL): copy that database (`CREATE DATABASE … TEMPLATE`, already migrated; no
 * session may be connected to it) instead of migrating an empty one (tests/support/seeded-snapshot.ts).
 */
export async function createTestDb(
  kind: DbKind = defaultDbKind(),
  options: { poolSize?: number; migrationsDir?: string; label?: string; template?: string } = {},
): Promise<TestDb> {
  // PGlite: loaded from a dump of a migrated database (tests/support/pglite-snapshot.ts).
  if (kind === "pglite") return openDb({ pgliteSnapshot: await migratedSnapshot(options.migrationsDir) });
  // `label` names who made it (a helper's name), so a database left behind can be traced.
  const name = `sightline_test_${options.label ? `${options.label}_` : ""}${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ""}`);
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const pooled = throughPooler(url);
  const handle = await openDb({
    url: pooled ?? url.toString(),
    directUrl: pooled ? url.toString() : undefined,
    poolSize: options.poolSize ?? 8,
  });
  const drop = async () => {
    await handle.close();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    if (!options.template) await migrate(handle, options.migrationsDir);
  } catch (err) {
    await drop();
    throw err;
  }
  return { ...handle, url: pooled ?? url.toString(), directUrl: url.toString(), close: drop };
}

/**
 * Runs a suite once per available database: PGlite always, PostgreSQL when reachable.
 * Use for isolation and other database-semantics suites that must hold on both. In the
 * PostgreSQL run (`npm run test:pg`) only the PostgreSQL case runs: the default run had PGlite.
 */
export async function describeEachDb(name: string, body: (kind: DbKind) => void): Promise<void> {
  if (defaultDbKind() === "postgres") {
    if (await postgresReachable()) describe(`${name} [postgres]`, () => body("postgres"));
    else reportSkip(`${name} [postgres]`);
    return;
  }
  const kinds: DbKind[] = ["pglite"];
  if (await postgresReachable()) kinds.push("postgres");
  else reportSkip(`${name} [postgres]`);
  for (const kind of kinds) describe(`${name} [${kind}]`, () => body(kind));
}

/**
 * The line every PostgreSQL skip prints (and .ci/run collects into its summary), so a run
 * without a server says what did not run and why instead of passing quietly.
 */
export function reportSkip(what: string): void {
  if (deferredToPostgresRun()) {
    console.warn(`deferred to the PostgreSQL run (npm run test:pg) — ${what}`);
    return;
  }
  const why =
    process.env.SIGHTLINE_TEST_PG === "off"
      ? "SIGHTLINE_TEST_PG=off"
      : `no PostgreSQL answers at ${new URL(TEST_PG_ADMIN_URL).host}`;
  console.warn(`skipped: needs PostgreSQL — ${what} did not run (${why})`);
}
