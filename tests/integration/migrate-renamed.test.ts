// A migration renumbered after release (0007_embed_grants.sql → 0015_embed_insert_grant.sql) is
// not run again on a database that applied it under its old name; its record takes the new name.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrate, RENAMED, unappliedMigrations } from "#db/migrate";
import { createTestDb, defaultDbKind, type TestDb } from "../support/db";

let db: TestDb;

beforeAll(async () => {
  db = await createTestDb(defaultDbKind());
});

afterAll(async () => {
  await db?.close();
});

async function recorded(): Promise<string[]> {
  const r = await db.db.execute<{ name: string }>(sql`select name from schema_migrations order by name`);
  return r.rows.map((row) => row.name);
}

it("treats a migration applied under its old name as applied, and records the new name", async () => {
  const [now, before] = Object.entries(RENAMED)[0];
  // A database migrated before the renumbering: the record carries the old file name.
  await db.db.execute(sql`update schema_migrations set name = ${before} where name = ${now}`);
  expect(await recorded()).toContain(before);
  expect(await unappliedMigrations(db)).toEqual([]);

  expect(await migrate(db)).toEqual([]);

  const names = await recorded();
  expect(names).toContain(now);
  expect(names).not.toContain(before);
});
