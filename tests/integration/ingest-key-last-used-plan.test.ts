// "Last used" on the ingest-key page reads each key's latest audit entry. A key that was never
// used, or was revoked long ago, has no recent entry: without an index on (tenant, target) the
// lookup walked the account's whole log backwards. EXPLAIN of the page's query shows one probe of
// audit_log_ingest_key_used_idx per key instead, on both databases.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { ingestKeys, tenants } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { lastLoggedUse } from "#app/server/ingest/keys.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb } from "../support/db";

const [acme] = DEMO_TENANTS;

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

await describeEachDb("ingest key last-used plan", (kind) => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 2 }, kind);
    // A busy account: thousands of entries about other things, none about its keys.
    await handle.exec(`insert into audit_log (tenant_id, actor_label, action, target_type, target_id, at)
      select '${acme.id}', 'Plan test', 'escalation.status_changed', 'escalation', 'plan-' || g,
             now() - g * interval '1 minute'
        from generate_series(1, 20000) g`);
    await handle.exec("ANALYZE");
  }, 300_000);

  afterAll(async () => {
    await handle?.close();
  });

  it("finds each key's latest audit entry through the (tenant, target) index, not by walking the log", async () => {
    const r = await handle.db.execute<{ "QUERY PLAN": unknown }>(
      sql`explain (format json) select ${ingestKeys.id}, (${lastLoggedUse}) as last_used
            from ${ingestKeys} join ${tenants} on ${eq(tenants.id, ingestKeys.tenantId)}`,
    );
    const raw = r.rows[0]["QUERY PLAN"];
    const plan = nodes(((typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[])[0].Plan);
    const onLog = plan.filter((n) => n["Relation Name"] === "audit_log" || n["Index Name"]?.startsWith("audit_log"));
    expect(onLog.map((n) => n["Index Name"] ?? n["Node Type"])).toEqual(["audit_log_ingest_key_used_idx"]);
  });
});
