// The Drizzle schema (db/schema/*.ts) and the hand-written migrations describe the same database:
// every table Drizzle knows has exactly the migrated columns, with the same types and
// nullability. drizzle-kit's own snapshot of the schema (what
// `drizzle-kit generate` would diff against) is compared with the migrated catalog.
import { generateDrizzleJson } from "drizzle-kit/api";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema/index";
import { createTestDb, defaultDbKind, type TestDb } from "../support/db";

type Columns = Record<string, string>;

/** Drizzle's type names and PostgreSQL's format_type() spell some types differently. */
function normalizeType(t: string): string {
  const s = t
    .toLowerCase()
    .replace(/"/g, "")
    .replace(/^public\./, "")
    .replace(/,\s+/g, ",")
    .trim();
  const aliases: [RegExp, string][] = [
    [/^varchar/, "character varying"],
    [/^char\(/, "character("],
    [/^smallserial$/, "smallint"],
    [/^bigserial$/, "bigint"],
    [/^serial$/, "integer"],
    [/^timestamp(\(\d\))?$/, "timestamp$1 without time zone"],
    [/^timestamptz$/, "timestamp with time zone"],
    [/^time(\(\d\))?$/, "time$1 without time zone"],
    [/^int4$/, "integer"],
    [/^int8$/, "bigint"],
    [/^bool$/, "boolean"],
  ];
  return aliases.reduce((acc, [re, to]) => acc.replace(re, to), s);
}

let db: TestDb;
let catalog: Map<string, Columns>;

beforeAll(async () => {
  db = await createTestDb(defaultDbKind());
  const rows = await db.db.execute<{ table: string; column: string; type: string; not_null: boolean }>(sql`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
           a.attnotnull as not_null
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0
      and not a.attisdropped`);
  catalog = new Map();
  for (const r of rows.rows) {
    const cols = catalog.get(r.table) ?? {};
    cols[r.column] = `${normalizeType(r.type)}${r.not_null ? " not null" : ""}`;
    catalog.set(r.table, cols);
  }
});

afterAll(async () => {
  await db?.close();
});

/** The parts of drizzle-kit's snapshot this test reads. */
interface SnapshotTable {
  name: string;
  columns: Record<string, { name: string; type: string; notNull: boolean; primaryKey: boolean }>;
  compositePrimaryKeys: Record<string, unknown>;
}
const snapshot = generateDrizzleJson(schema as Record<string, unknown>);

describe("db/schema/*.ts matches the migrated database", () => {
  const tables = Object.values(snapshot.tables) as SnapshotTable[];

  it("knows tables that the migrations create", () => {
    expect(tables.length).toBeGreaterThan(10);
    const missing = tables.map((t) => t.name).filter((name) => !catalog.has(name));
    expect(missing, "tables in db/schema but not in the migrated database").toEqual([]);
  });

  for (const table of tables) {
    it(`${table.name}: same columns, types and nullability`, () => {
      const declared: Columns = {};
      for (const c of Object.values(table.columns)) {
        // A primary-key column is NOT NULL in the catalog whether or not Drizzle says so.
        const notNull = c.notNull || c.primaryKey || isInCompositeKey(table, c.name);
        declared[c.name] = `${normalizeType(c.type)}${notNull ? " not null" : ""}`;
      }
      expect(declared).toEqual(catalog.get(table.name));
    });
  }
});

function isInCompositeKey(table: SnapshotTable, column: string): boolean {
  return Object.values(table.compositePrimaryKeys).some((pk) =>
    // drizzle-kit stores a composite key as "name;col1,col2" or as an object with columns.
    typeof pk === "string"
      ? (pk as string).split(";")[1]?.split(",").includes(column)
      : (pk as { columns: string[] }).columns.includes(column),
  );
}
