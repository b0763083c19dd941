// Applies db/migrations/NNNN_name.sql in name order, each in its own transaction, once.
// Each transaction takes an advisory lock, so two processes starting together serialise; the
// loser's attempt fails on the applied objects and is recognised as already applied.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";
import { projectRoot } from "./root";

export const MIGRATIONS_DIR = path.join(projectRoot(), "db/migrations");
const LOCK_KEY = 7_114_042; // arbitrary constant: "sightline migrations"

/**
 * Migrations renumbered after release (new name → the name databases recorded). A database that
 * applied the old file counts as having applied the new one; migrate() renames its record.
 */
export const RENAMED: Readonly<Record<string, string>> = {
  // Shared the number 0007 with 0007_embed.sql.
  "0015_embed_insert_grant.sql": "0007_embed_grants.sql",
};

async function appliedMigrations(handle: DbHandle): Promise<Set<string>> {
  const result = await handle.db.execute<{ name: string }>(sql`SELECT name FROM schema_migrations`);
  const names = new Set(result.rows.map((r) => r.name));
  for (const [now, before] of Object.entries(RENAMED)) if (names.has(before)) names.add(now);
  return names;
}

/**
 * True when the database has recorded every file under its current name: then there is nothing
 * to apply or rename, and a start needs neither the lock nor any DDL (two reads).
 */
async function upToDate(handle: DbHandle, files: string[]): Promise<boolean> {
  const table = await handle.db.execute<{ exists: boolean }>(
    sql`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`,
  );
  if (!table.rows[0]?.exists) return false;
  const result = await handle.db.execute<{ name: string }>(sql`SELECT name FROM schema_migrations`);
  const recorded = new Set(result.rows.map((r) => r.name));
  return files.every((f) => recorded.has(f));
}

export async function migrate(handle: DbHandle, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  if (await upToDate(handle, files)) return [];
  // Under the lock too: two CREATE TABLE IF NOT EXISTS at once can both miss the table and one
  // then fails on PostgreSQL's catalogue (duplicate pg_type entry).
  await handle.exec(`BEGIN;\nSELECT pg_advisory_xact_lock(${LOCK_KEY});
    CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());\nCOMMIT;`);
  for (const [now, before] of Object.entries(RENAMED)) {
    await handle.db.execute(
      sql`UPDATE schema_migrations SET name = ${now} WHERE name = ${before}
          AND NOT EXISTS (SELECT 1 FROM schema_migrations WHERE name = ${now})`,
    );
  }
  const done = await appliedMigrations(handle);
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const script = await readFile(path.join(dir, file), "utf8");
    try {
      await handle.exec(
        `BEGIN;\nSELECT pg_advisory_xact_lock(${LOCK_KEY});\n${script}\n;\n` +
          `INSERT INTO schema_migrations (name) VALUES ('${file}');\nCOMMIT;`,
      );
      applied.push(file);
    } catch (err) {
      await handle.exec("ROLLBACK").catch(() => undefined);
      if ((await appliedMigrations(handle)).has(file)) continue; // another process won the race
      throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err });
    }
  }
  return applied;
}

let migrationFiles: Promise<string[]> | undefined;

/** Migration files on disk that the database has not applied (readiness probes call this often). */
export async function unappliedMigrations(handle: DbHandle): Promise<string[]> {
  migrationFiles ??= readdir(MIGRATIONS_DIR).then((all) => all.filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)));
  const done = await appliedMigrations(handle);
  return (await migrationFiles).filter((f) => !done.has(f));
}
