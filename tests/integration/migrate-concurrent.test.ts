// Two processes starting at once on one PostgreSQL database (two replicas of a deployment): both
// run every migration (`npm run db:migrate`'s script), the advisory lock serialises them (one
// applies a migration while the other waits, then finds it applied), both finish without an error
// and each migration is applied by exactly one of them, once — on an empty database, and on a
// populated database of the previous release (a rolling upgrade), whose rows come through intact.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "#db/client";
import { migrate, MIGRATIONS_DIR } from "#db/migrate";
import { postgresReachable, reportSkip, TEST_PG_ADMIN_URL } from "../support/db";
import {
  loadReleaseData,
  RELEASE,
  releaseMigrationsDir,
  tableStates,
  type TableState,
} from "../support/previous-release";
import { ROOT } from "../support/server-process";

const WHAT = "two processes migrating one PostgreSQL database at once";
const PG = await postgresReachable();
if (!PG) reportSkip(WHAT);

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Runs `db/migrate-cli.ts` as its own process against the database; resolves with its exit and output. */
function migrateProcess(url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "db/migrate-cli.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.skipIf(!PG)(WHAT, () => {
  const name = `sightline_test_${randomBytes(6).toString("hex")}`;
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
  });

  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it("lets both start: every migration recorded once, each applied by one of the two", async () => {
    const [a, b] = await Promise.all([migrateProcess(url.toString()), migrateProcess(url.toString())]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);

    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const recorded = await client.query<{ name: string }>("select name from schema_migrations order by name");
      expect(recorded.rows.map((r) => r.name)).toEqual(files);
    } finally {
      await client.end();
    }
    // What each process says it applied: together every file, none twice.
    const applied = [a, b].flatMap((r) => /^applied: (.*)$/m.exec(r.output)?.[1].split(", ") ?? []);
    expect(applied.sort()).toEqual(files);
  }, 120_000);

  it("upgrades a populated database of the previous release from both at once: newer migrations once each, rows intact", async () => {
    const upgrade = `${name}_upgrade`;
    const upgradeUrl = new URL(url);
    upgradeUrl.pathname = `/${upgrade}`;
    await admin(`CREATE DATABASE ${upgrade}`);
    try {
      const release = await releaseMigrationsDir();
      const handle = await openDb({ url: upgradeUrl.toString(), poolSize: 2 });
      let before: Record<string, TableState>;
      try {
        await migrate(handle, release.dir);
        await loadReleaseData(handle);
        const { schema_migrations: _, ...data } = await tableStates(handle);
        before = data;
      } finally {
        await release.remove();
        await handle.close();
      }

      const [a, b] = await Promise.all([migrateProcess(upgradeUrl.toString()), migrateProcess(upgradeUrl.toString())]);
      expect(a.code, a.output).toBe(0);
      expect(b.code, b.output).toBe(0);
      const newer = (await readdir(MIGRATIONS_DIR))
        .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f) && f > RELEASE.lastMigration)
        .sort();
      const applied = [a, b].flatMap((r) => /^applied: (.*)$/m.exec(r.output)?.[1].split(", ") ?? []);
      expect(applied.sort()).toEqual(newer);

      const after = await openDb({ url: upgradeUrl.toString(), poolSize: 2 });
      try {
        const states = await tableStates(after, before);
        for (const [table, state] of Object.entries(before)) {
          expect(states[table]?.rows, `rows of ${table}`).toBe(state.rows);
          expect(states[table]?.digest, `content of ${table}`).toBe(state.digest);
        }
      } finally {
        await after.close();
      }
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${upgrade} WITH (FORCE)`);
    }
  }, 120_000);
});
