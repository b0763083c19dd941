// The test run that seeded snapshots belong to (tests/support/seeded-snapshot.ts): named by the
// global setup, which hands the name to the test processes (Vitest's provide/inject) and removes
// the run's dumps and template databases at the end. Kept apart from seeded-snapshot.ts: the global
// setup runs outside a test process and must not import the `vitest` runtime.
import { randomBytes } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { projectRoot } from "#db/root";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test run's id (global-setup.ts), naming its seeded snapshots; absent in other configs. */
    sightlineSeedRun?: string;
  }
}

/** The server that test databases are created on (not the database tests use). */
export const TEST_PG_ADMIN_URL =
  process.env.TEST_PG_ADMIN_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const CACHE_DIR = path.join(projectRoot(), "node_modules/.cache/sightline-tests");
export const TEMPLATE_PREFIX = "sightline_seeded_";
/** Runs older than this left their snapshots behind (killed before teardown): removed. */
const STALE_MS = 24 * 3600_000;

/** A new run id: its start in seconds (base 36, for the stale clean-up) and a random part. */
export function newSeedRun(): string {
  return `${Math.floor(Date.now() / 1000).toString(36)}_${randomBytes(3).toString("hex")}`;
}

export const runDir = (run: string) => path.join(CACHE_DIR, `run-${run}`);
const startedMs = (run: string) => parseInt(run.split("_")[0], 36) * 1000;

export async function withAdmin<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/** Global setup: whether the server of the PostgreSQL test databases answers (its templates need clean-up). */
export async function postgresAnswers(): Promise<boolean> {
  if (process.env.SIGHTLINE_TEST_PG === "off") return false;
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Global teardown: this run's templates and dumps. */
export async function dropSeedRun(run: string, postgres: boolean): Promise<void> {
  await rm(runDir(run), { recursive: true, force: true });
  if (!postgres) return;
  await withAdmin(async (admin) => {
    const rows = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [
      `${TEMPLATE_PREFIX}${run}\\_%`,
    ]);
    for (const { datname } of rows.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}

/** Global setup: snapshots of runs that were killed before their teardown, a day or more ago. */
export async function pruneSeedRuns(postgres: boolean): Promise<void> {
  const stale = (run: string) => Date.now() - startedMs(run) > STALE_MS;
  for (const name of await readdir(CACHE_DIR).catch(() => [] as string[])) {
    const run = /^run-(.+)$/.exec(name)?.[1];
    if (run && stale(run)) await rm(runDir(run), { recursive: true, force: true });
  }
  if (!postgres) return;
  await withAdmin(async (admin) => {
    const rows = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [
      `${TEMPLATE_PREFIX}%`,
    ]);
    for (const { datname } of rows.rows) {
      const run = datname.slice(TEMPLATE_PREFIX.length).split("_").slice(0, 2).join("_");
      if (stale(run)) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  });
}
