// Pooled-connection soak: 10,000 mixed-tenant units of work through the real withTenant on a pool
// of 4 PostgreSQL connections (one PGlite connection as well), many of them failing half-way on
// purpose, and not one row of another tenant comes back.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setDb } from "#app/server/db.server";
import { withTenant, type TenantContext } from "#app/server/tenant-db.server";
import { createTestDb, describeEachDb, type TestDb } from "../support/db";
import { createTenantWithOrders } from "../support/factories";

const REQUESTS = Number(process.env.HARDENING_SOAK_REQUESTS ?? 10_000);
const CONCURRENCY = 16;
const TENANTS = 8;

await describeEachDb("pooled-connection soak", (kind) => {
  let handle: TestDb;
  let tenantIds: string[];

  beforeAll(async () => {
    handle = await createTestDb(kind, { poolSize: 4 });
    tenantIds = [];
    for (let i = 0; i < TENANTS; i++) tenantIds.push((await createTenantWithOrders(handle, 3)).tenant.id);
    setDb(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it(`serves ${REQUESTS} mixed-tenant requests through the pool with 0 foreign rows`, async () => {
    let foreign = 0;
    let empty = 0;
    let failedOnPurpose = 0;
    let unsetLeaks = 0;
    let next = 0;
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= REQUESTS) return;
        const tenantId = tenantIds[i % TENANTS];
        const mode = i % 10;
        if (mode === 9) {
          // No tenant at all (e.g. a bug upstream): must see nothing, whatever ran on this connection before.
          const ctx = { role: "portal_customer", tenantId: "", userId: null } as TenantContext;
          const r = await withTenant(ctx, (tx) =>
            tx.execute<{ n: number }>(sql`select count(*)::int as n from orders`),
          );
          if (r.rows[0].n !== 0) unsetLeaks++;
          continue;
        }
        const ctx: TenantContext =
          mode < 6
            ? { role: "portal_customer", tenantId, userId: null }
            : { role: "portal_ingest", tenantId, keyId: "soak" };
        try {
          await withTenant(ctx, async (tx) => {
            const r = await tx.execute<{ tenant_id: string }>(
              sql`select tenant_id::text from orders union all select tenant_id::text from shipments
                  union all select tenant_id::text from order_events`,
            );
            if (r.rows.length === 0) empty++;
            foreign += r.rows.filter((x) => x.tenant_id !== tenantId).length;
            if (mode === 8) {
              // Fail mid-transaction: the rollback must not leave role or tenant on the connection.
              await tx.execute(sql`select 1 / 0`);
            }
          });
        } catch {
          failedOnPurpose++;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.log(`[soak ${kind}] ${REQUESTS} requests, ${failedOnPurpose} failed on purpose, ${empty} empty`);
    expect(foreign).toBe(0);
    expect(unsetLeaks).toBe(0);
    expect(empty).toBe(0);
    expect(failedOnPurpose).toBe(REQUESTS / 10);
    // The owner connection afterwards is the owner again, with no tenant left over.
    const r = await handle.db.execute<{ role: string; tenant: string | null }>(
      sql`select current_user as role, current_setting('app.tenant_id', true) as tenant`,
    );
    expect(r.rows[0].role).not.toMatch(/^portal_/);
    expect(r.rows[0].tenant ?? "").toBe("");
  });
});
