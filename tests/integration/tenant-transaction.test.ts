// withTenant inside withTenant for the same caller joins the open transaction (a page reading
// several services in one snapshot); work that outlives the transaction gets its own.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "#app/server/db.server";
import { withTenant, type TenantContext, type Tx } from "#app/server/tenant-db.server";
import { createTestDb, type TestDb } from "../support/db";
import { createTenant } from "../support/factories";

let db: TestDb;
let caller: TenantContext;

beforeAll(async () => {
  db = await createTestDb();
  setDb(db);
  const tenant = await createTenant(db);
  caller = { role: "portal_customer", tenantId: tenant.id, userId: null };
}, 120_000);

afterAll(async () => {
  await db?.close();
});

const txid = async (tx: Tx) => (await tx.execute<{ id: string }>(sql`select txid_current()::text as id`)).rows[0].id;

describe("withTenant", () => {
  it("joins the open transaction when the same caller asks again inside it", async () => {
    const [outer, inner] = await withTenant(caller, async (tx) => [
      await txid(tx),
      await withTenant(caller, (innerTx) => txid(innerTx)),
    ]);
    expect(inner).toBe(outer);
  });

  it("gives work that outlives the transaction a transaction of its own", async () => {
    let later: Promise<string> | undefined;
    const outer = await withTenant(caller, async (tx) => {
      later = new Promise((resolve, reject) =>
        setTimeout(() => withTenant(caller, (laterTx) => txid(laterTx)).then(resolve, reject), 50),
      );
      return txid(tx);
    });
    expect(await later).not.toBe(outer);
  });

  it("keeps the caller's settings in the joined call", async () => {
    const tenantSeen = await withTenant(caller, () =>
      withTenant(caller, async (tx) => {
        const r = await tx.execute<{ t: string }>(sql`select current_setting('app.tenant_id') as t`);
        return r.rows[0].t;
      }),
    );
    expect(tenantSeen).toBe(caller.tenantId);
  });
});
