// The order search stays on indexes under RLS: EXPLAIN of the list query with a search term, run
// as portal_customer (policies applied), uses the prefix-range indexes on order number, PO,
// tracking number and SKU rather than scanning the tenant's orders or lines.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { parseOrderQuery } from "#app/domain/orders/query";
import { localToday } from "#app/domain/orders/time";
import { batchSql } from "#app/server/orders/list.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb } from "../support/db";
import { asRole } from "../support/roles";

const [acme] = DEMO_TENANTS;

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

await describeEachDb("order search plan", (kind) => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 1500 }, kind);
    await handle.exec("ANALYZE");
  }, 300_000);

  afterAll(async () => {
    await handle?.close();
  });

  async function plan(query: string, settings: string[] = []): Promise<PlanNode[]> {
    const parsed = parseOrderQuery(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const scope = { tenantId: acme.id, timeZone: acme.timeZone, today: localToday(acme.timeZone) };
    const text = await asRole(
      handle,
      { role: "portal_customer", tenantId: acme.id, userId: "plan-test" },
      async (tx) => {
        for (const s of settings) await tx.execute(sql`select set_config(${s}, 'off', true)`);
        const r = await tx.execute<{ "QUERY PLAN": unknown }>(
          sql`explain (format json) ${batchSql(scope, parsed.query, null, 51)}`,
        );
        return r.rows[0]["QUERY PLAN"];
      },
    );
    const json = (typeof text === "string" ? JSON.parse(text) : text) as { Plan: PlanNode }[];
    return nodes(json[0].Plan);
  }

  it("searches order numbers, POs, tracking numbers and SKUs through their indexes as portal_customer", async () => {
    const all = await plan("q=SO-1012");
    const indexes = new Set(all.map((n) => n["Index Name"]).filter(Boolean));
    for (const name of [
      "orders_number_idx",
      "orders_po_idx",
      "orders_tracking_idx",
      "order_lines_sku_idx",
      "shipments_tracking_idx",
    ]) {
      expect(indexes, `${name} in ${[...indexes].join(", ")}`).toContain(name);
    }
    const seqScans = all.filter((n) => n["Node Type"] === "Seq Scan").map((n) => n["Relation Name"]);
    expect(seqScans).not.toContain("order_lines");
    expect(seqScans).not.toContain("shipments");
  });

  it("searches order numbers without their prefix through the digits index as portal_customer", async () => {
    const all = await plan("q=1012");
    const indexes = new Set(all.map((n) => n["Index Name"]).filter(Boolean));
    expect(indexes, [...indexes].join(", ")).toContain("orders_number_digits_idx");
  });

  it.each(["", "dir=asc"])(
    "orders the default list (%s) exactly like orders_ordered_idx, so a page needs no sort",
    async (q) => {
      // With sorting priced out, the planner must read the page in index order: proof that the
      // ORDER BY (ordered_at, id tie-break) matches the index in both directions.
      const all = await plan(q, ["enable_sort", "enable_bitmapscan", "enable_seqscan"]);
      expect(all.some((n) => n["Index Name"] === "orders_ordered_idx")).toBe(true);
      expect(all.filter((n) => n["Node Type"] === "Sort")).toHaveLength(0);
    },
  );
});
