// The demo data (seedDemo) seeded once per test run and option set, and copied for every test file
// that asks for the same set. Measured on the 2-core machine (load 7–9): seeding 2 orders per
// tenant took 14 s in a fresh process (2 s once warm), loading its 44 MB dump 1–3 s. The larger
// cost of an integration file is elsewhere (the portal's first requests through Vite's dev
// middleware), so this saves a few seconds per file that shares a set with another.
//   PGlite: the first process that needs a set seeds a migrated database, dumps its data directory
//   into the run's directory (node_modules/.cache/sightline-tests/run-<id>/) and goes on with its
//   own database; the others wait for the dump and load it (as pglite-snapshot.ts does for the
//   migrated database).
//   PostgreSQL: the first process seeds a database `sightline_seeded_<run>_<set>` on a direct
//   connection (never through PgBouncer, which would keep server connections to it open) and
//   closes it; every file gets `CREATE DATABASE … TEMPLATE` of it, which needs no session on it.
// The seed is anchored to the time it runs (open orders, SLA periods, due times), so a snapshot
// belongs to one run: global-setup.ts names the run, and its teardown drops the templates and
// the directory (tests/support/seed-runs.ts). Without that run (another Vitest config), each file
// seeds its own database.
import { mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { inject } from "vitest";
import { openDb } from "#db/client";
import { migrate } from "#db/migrate";
import { seedDemo } from "#db/seed/seed";
import { createTestDb, defaultDbKind, type DbKind, type TestDb } from "./db";
import { migratedSnapshot } from "./pglite-snapshot";
import { runDir, TEMPLATE_PREFIX, TEST_PG_ADMIN_URL, withAdmin } from "./seed-runs";
import { processAlive } from "./server-process";

/** What the demo seed is asked for (seedDemo's options without `now` and `progress`). */
export interface DemoSeed {
  ordersPerTenant: number;
  ordersFor?: Readonly<Record<string, number>>;
  historyDays?: number;
}

/** The option set's name: the same options in any order name the same snapshot. */
function setKey(seed: DemoSeed): string {
  const parts = [`o${seed.ordersPerTenant}`];
  if (seed.historyDays !== undefined) parts.push(`d${seed.historyDays}`);
  for (const [slug, n] of Object.entries(seed.ordersFor ?? {}).sort()) parts.push(`${slug.replace(/\W/g, "")}${n}`);
  return parts.join("_").toLowerCase();
}

async function seed(handle: TestDb, set: DemoSeed): Promise<void> {
  await seedDemo(handle, { ...set, progress: () => undefined });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PGlite: the dump of the set, or the seeded database itself for the process that made the dump.
 * A lock file (holding its maker's pid) makes one process seed while the others wait.
 */
async function pgliteSeeded(run: string, set: DemoSeed): Promise<TestDb> {
  const dir = runDir(run);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `seeded-${setKey(set)}.tar`);
  const lock = `${file}.lock`;
  for (;;) {
    const dump = await readFile(file).catch(() => undefined);
    if (dump) return openDb({ pgliteSnapshot: new Blob([dump]) });
    const mine = await open(lock, "wx").catch(() => undefined);
    if (mine) {
      try {
        await mine.write(String(process.pid));
        const handle = await openDb({ pgliteSnapshot: await migratedSnapshot() });
        await seed(handle, set).catch(async (err: unknown) => {
          await handle.close();
          throw err;
        });
        const data = await handle.dumpDataDir!();
        // Written aside and renamed: a waiting process never reads half a file.
        const partial = `${file}.${process.pid}.partial`;
        await writeFile(partial, Buffer.from(await data.arrayBuffer()));
        await rename(partial, file);
        return handle;
      } finally {
        await mine.close().catch(() => undefined);
        await rm(lock, { force: true });
      }
    }
    // Another process is seeding this set: wait for its dump, or take over if it died.
    const owner = Number(await readFile(lock, "utf8").catch(() => ""));
    if (owner && !processAlive(owner)) await rm(lock, { force: true });
    await sleep(250);
  }
}

/**
 * PostgreSQL: the set's template database, seeded by the first process that needs it (the others
 * wait on an advisory lock); seeded under another name and renamed when complete, so a process that
 * died while seeding never leaves a half-seeded template behind that name.
 */
async function pgTemplate(run: string, set: DemoSeed): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${run}_${setKey(set)}`;
  if (name.length > 63) throw new Error(`template name too long: ${name}`);
  await withAdmin(async (admin) => {
    await admin.query("select pg_advisory_lock(hashtext($1))", [name]);
    try {
      const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
      if (exists.rowCount) return;
      const building = `${name.slice(0, 54)}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(TEST_PG_ADMIN_URL);
      url.pathname = `/${building}`;
      const handle = await openDb({ url: url.toString(), poolSize: 4 });
      try {
        await migrate(handle);
        await seed(handle, set);
      } finally {
        await handle.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } finally {
      await admin.query("select pg_advisory_unlock(hashtext($1))", [name]);
    }
  });
  return name;
}

/**
 * A database with the demo data seeded as `seedDemo(handle, set)` would, of the given kind; a copy
 * of the run's snapshot of that set when the run has one (tests/support/global-setup.ts).
 * `close()` drops a PostgreSQL one, as createTestDb's does.
 */
export async function createSeededTestDb(set: DemoSeed, kind: DbKind = defaultDbKind()): Promise<TestDb> {
  const run = inject("sightlineSeedRun");
  if (!run) {
    const handle = await createTestDb(kind);
    await seed(handle, set);
    return handle;
  }
  if (kind === "pglite") return pgliteSeeded(run, set);
  return createTestDb("postgres", { template: await pgTemplate(run, set) });
}
