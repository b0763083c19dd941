// The previous release's database, for upgrade tests: its schema is db/migrations up to and
// including RELEASE.lastMigration (the files, checked unchanged against RELEASE.files), its data
// tests/fixtures/upgrade/<RELEASE.name>.sql, written through that schema's triggers.
import { createHash } from "node:crypto";
import { copyFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import { MIGRATIONS_DIR } from "#db/migrate";
import { ROOT } from "./server-process";

export const RELEASE = {
  name: "release-2026-12-01",
  lastMigration: "0052_escalation_notify_public_changes.sql",
  /** sha256 of each migration file as released: a released migration is never edited. */
  files: {
    "0001_schema.sql": "ae5b2188347e8c86d2881a80877b2c5ecd4491d94b8c795b2cf1702f06d7947e",
    "0002_security.sql": "f55b412e06a3174c8b705aed81df201afc26aa5f230a3bad3059c3b951ba91ac",
    "0003_orders_views.sql": "739bc70285c1ae1f72f7d556b4dcd2aeef53d14591099075ae344a6e4934f19b",
    "0004_sla.sql": "1c8125c152e78bfbb4bf96073c595e3adc374fb8441f81716556d2bb0c1fe6c5",
    "0005_escalations.sql": "b82daa180e53d0dce0ae1b5aa4be83fba4bb7fb534f381dcb3edad466a4b4fc1",
    "0006_ingest.sql": "ad85a4e4d3429556527fccc6fe994f87e900b2d2f2428be8bc8e83cd5c17a15b",
    "0007_embed.sql": "6074e58065cff465f51f0ba0e370344b2c2ebc120031e8c3e3c4f15b885e7c22",
    "0008_sla_jobs.sql": "d37d05b9341ecfbe67f83402a9eba5c282642ac79658cf0f169c178ed1beddc0",
    "0009_audit_staff_only.sql": "053bef7db742842b575ed509848479f9af51fc41416eb0910184df0be8fe45e2",
    "0010_audit_customer_fields.sql": "2f1c53c3b040b852e1b9dc2f262439b51d53b56d9b77e5d6aecc91317f9f50e3",
    "0011_revoke_temp.sql": "c61bd146dbb9a09890dc850c616c08c2e4c119f9cc7a8fc773871f0368ff6447",
    "0015_embed_insert_grant.sql": "50b86efb6e8e57a06dea212490e0b849034b2230a1ac54cf5bff2178566cf088",
    "0020_job_leases.sql": "49b4db735840a3a3222d0d6f1303b733ef63470056317ea1924d358f96bb9e0c",
    "0035_locales.sql": "590238f22452ea5ee740713ec777111f3a916cf5f000a489f6555b2db8ad8111",
    "0040_order_number_digits.sql": "b77e972ef09d7588bc158fdf0749d91cbf36c4aa0a7c8a582ab94572db05459e",
    "0045_sla_order_facts.sql": "af598a74464bbdb29927266797181ec12c072ab0be3d269cb3abda4fb2b54575",
    "0050_escalation_keys.sql": "6b7bd218846cfa3fbee9520321ea37ec4b733802524a8209bd7e9722cfbe9146",
    "0051_escalation_merge.sql": "43f306f91846de75686467489a27faa075e224010e2815425dbc3519cf51f866",
    "0052_escalation_notify_public_changes.sql": "30a0386412808746ae01003bb545ea011000e12b1fb79f223fb61cf2aa5489ed",
  } as Record<string, string>,
};

const MIGRATION_FILE = /^\d{4}_[\w-]+\.sql$/;

/** Every migration file now in db/migrations, in the order migrate() applies them. */
export async function migrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((f) => MIGRATION_FILE.test(f)).sort();
}

/** The released files whose content differs from the release (or that are gone). */
export async function editedReleasedMigrations(): Promise<string[]> {
  const edited: string[] = [];
  for (const [file, sha] of Object.entries(RELEASE.files)) {
    const text = await readFile(path.join(MIGRATIONS_DIR, file)).catch(() => null);
    if (!text || createHash("sha256").update(text).digest("hex") !== sha) edited.push(file);
  }
  return edited;
}

/**
 * A directory holding the release's migrations only (for migrate(handle, dir)); `remove` deletes it.
 */
export async function releaseMigrationsDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "sightline-release-"));
  for (const file of Object.keys(RELEASE.files)) await copyFile(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes the release's rows into a database migrated to the release (owner rights, triggers on). */
export async function loadReleaseData(handle: DbHandle): Promise<void> {
  await handle.exec(await readFile(path.join(ROOT, "tests/fixtures/upgrade", `${RELEASE.name}.sql`), "utf8"));
}

export interface TableState {
  columns: string[];
  rows: number;
  /** md5 over the rows' text (the listed columns only), in a fixed order. */
  digest: string;
}

/** Each table of the public schema: its columns, row count and a digest of its content. */
export async function tableStates(
  handle: DbHandle,
  only?: Record<string, TableState>,
): Promise<Record<string, TableState>> {
  const columns = await handle.db.execute<{ table_name: string; column_name: string }>(
    sql.raw(`select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`),
  );
  const byTable = new Map<string, string[]>();
  for (const r of columns.rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  const states: Record<string, TableState> = {};
  for (const [table, all] of byTable) {
    if (only && !only[table]) continue;
    const cols = only ? only[table].columns.filter((c) => all.includes(c)) : all;
    const list = cols.map((c) => `"${c}"`).join(", ");
    const r = await handle.db.execute<{ rows: number; digest: string }>(
      sql.raw(`select count(*)::int as rows, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest
         from (select ${list} from "${table}") x`),
    );
    states[table] = { columns: cols, rows: Number(r.rows[0].rows), digest: r.rows[0].digest };
  }
  return states;
}
