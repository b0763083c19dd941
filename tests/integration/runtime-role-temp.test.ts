// Runtime roles cannot create temporary objects (issue 13): TEMP is revoked on the database.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { createTestDb } from "../support/db";
import { errorAs } from "../support/roles";

let handle: DbHandle;
const TENANT = "00000000-0000-4000-8000-0000000000aa";

beforeAll(async () => {
  handle = await createTestDb();
}, 120_000);
afterAll(async () => handle?.close());

describe("temporary objects", () => {
  for (const role of ["portal_customer", "portal_staff", "portal_ingest"] as const) {
    it(`refuses ${role} a temporary table`, async () => {
      const error = await errorAs(handle, { role, tenantId: TENANT }, sql`create temporary table shadow (x int)`);
      expect(error).toMatch(/permission denied/);
    });
  }

  it("leaves no runtime role holding TEMP on the database", async () => {
    const r = await handle.db.execute<{ role: string; temp: boolean }>(sql`
      select r.rolname as role, has_database_privilege(r.rolname, current_database(), 'TEMP') as temp
        from pg_roles r where r.rolname in ('portal_customer', 'portal_staff', 'portal_ingest') order by 1`);
    expect(r.rows).toEqual([
      { role: "portal_customer", temp: false },
      { role: "portal_ingest", temp: false },
      { role: "portal_staff", temp: false },
    ]);
  });
});
