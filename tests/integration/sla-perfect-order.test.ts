// Perfect order % from ingested events, over real HTTP on both databases: orders and their
// damage, claim and documentation-error events go in through the ingestion API (a repeated event
// is `unchanged`), and the scorecard of the fiscal period they are promised in counts, by hand,
// which measured orders were perfect (on time, in full, undamaged, documents correct); and the
// recovery time of a period's failed, escalated orders in business time. Whether an order had
// such an event is stored with the order (m_damaged, m_document_error); the stored flags equal
// the answer read from its events after seeding, ingest and the simulator.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { demoIngestSecret } from "#db/seed/seed";
import { PERFECT_ORDER_FAILURES } from "#app/domain/orders/statuses";
import { setDb } from "#app/server/db.server";
import { advanceOpenOrders, demoPrincipals } from "#app/server/ingest/simulator.server";
import type { Scorecard } from "#app/server/sla/scorecard.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb, type TestDb } from "../support/db";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.SIGHTLINE_SIMULATE = "off";
process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";

const acme = DEMO_TENANTS[0];
const KEY = demoIngestSecret(acme.slug);
// Acme's 4-4-5 year FY2025 starts Sunday 29 Dec 2024: P03 is 23 Feb - 29 Mar 2025, before any
// demo order (the demo's orders span the last 18 months).
const PERIOD = "FY2025-P03";

await describeEachDb("perfect order and recovery time", (kind) => {
  let handle: TestDb;
  let portal: TestPortal;
  let n = 0;

  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 3 }, kind);
    setDb(handle);
    portal = await startPortal(handle);
  }, 180_000);
  afterAll(async () => {
    await portal?.close();
    await handle?.close();
  });

  async function ingest(path: "orders" | "events", items: unknown[]) {
    const res = await fetch(`${portal.url}/api/v1/ingest/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ items }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { results: { status: string }[] }).results.map((r) => r.status);
  }

  /** An Acme order promised on `promised` (21 Mar 2025), delivered on `deliveredOn` (null: not delivered), in full. */
  function order(externalId: string, deliveredOn: string | null, promised = "2025-03-21") {
    return {
      source: "erp",
      externalId,
      version: 1,
      orderNumber: externalId,
      siteCode: acme.sites[0].code,
      status: deliveredOn ? "delivered" : "shipped",
      orderedAt: `${promised.slice(0, 8)}03T14:00:00Z`,
      statusAt: deliveredOn ? `${deliveredOn}T16:00:00Z` : `${promised.slice(0, 8)}10T16:00:00Z`,
      requestedDate: promised,
      promisedDate: promised,
      lines: [{ lineNo: 1, sku: "BRG-6204-2RS", description: "Bearing", qtyOrdered: 10, qtyShipped: 10, unitPrice: 5 }],
      shipments: [
        {
          externalId: `${externalId}-S1`,
          carrier: "UPS",
          status: deliveredOn ? "delivered" : "in_transit",
          shippedAt: `${promised.slice(0, 8)}10T16:00:00Z`,
          deliveredAt: deliveredOn ? `${deliveredOn}T16:00:00Z` : null,
        },
      ],
    };
  }

  function event(orderExternalId: string, type: string, eventId = `${orderExternalId}-${type}-${++n}`) {
    return {
      source: "wms",
      eventId,
      orderSource: "erp",
      orderExternalId,
      type,
      occurredAt: "2025-03-21T18:00:00Z",
      detail: { reason: "reported at goods receipt" },
    };
  }

  it("counts a measured order as perfect only when it is OTIF with no damage, claim or document error, by hand", async () => {
    const id = (x: string) => `PERFECT-${kind}-${x}`;
    await ingest("orders", [
      order(id("A"), "2025-03-20"), // OTIF, no events: perfect
      order(id("B"), "2025-03-20"), // OTIF, damaged
      order(id("C"), "2025-03-21"), // OTIF, documentation error
      order(id("D"), "2025-03-19"), // OTIF, claim filed (sent twice)
      order(id("E"), "2025-03-25"), // late: not OTIF, so not perfect
      order(id("F"), "2025-03-18"), // OTIF with a note: perfect
      order(id("G"), null), // not delivered (damaged on the way): not measured
    ]);
    const claim = event(id("D"), "claim_filed");
    expect(
      await ingest("events", [
        event(id("B"), "damaged"),
        event(id("C"), "document_error"),
        claim,
        event(id("F"), "note"),
        event(id("G"), "damaged"),
      ]),
    ).toEqual(["created", "created", "created", "created", "created"]);
    // The same event again is idempotent, and does not change the order's status.
    expect(await ingest("events", [claim])).toEqual(["unchanged"]);

    const viewer = new Browser(portal.url, "198.51.100.77");
    expect((await viewer.signIn("viewer@acme.example")).status).toBe(302);
    const res = await viewer.get(`/api/v1/sla/scorecard?period=${PERIOD}`);
    expect(res.status).toBe(200);
    const sc = ((await res.json()) as { data: Scorecard }).data;
    expect(sc.orders.measured).toBe(6);
    expect(sc.kpis.find((k) => k.id === "otif")?.numerator).toBe(5);
    // 2 perfect (A, F) of 6 measured = 33.33%; damaged or claimed: B, D; document errors: C.
    expect(sc.perfectOrder).toMatchObject({ value: 33.33, perfect: 2, measured: 6, damaged: 2, documentErrors: 1 });
    expect(sc.perfectOrder.definition).toContain("on time, in full, undamaged and with correct documents");
    expect(sc.trend.find((p) => p.id === PERIOD)?.perfectOrder).toBe(33.33);

    // The order keeps its status; the event shows on its timeline in the viewer's words.
    const detail = await viewer.get(`/api/v1/orders?q=${id("D")}`);
    expect(((await detail.json()) as { data: { status: string }[] }).data.map((o) => o.status)).toEqual(["delivered"]);
    const page = await (await viewer.get(`/sla?period=${PERIOD}`)).text();
    expect(page).toContain('data-testid="perfect-order"');
    expect(page).toContain("2 of 6 measured orders in");
  });

  /**
   * Orders (every tenant) whose stored perfect-order flags differ from what their events say:
   * damaged = a damaged or claim_filed event, documentError = a document_error event.
   */
  async function flagsDifferingFromEvents() {
    const had = (types: readonly string[]) => sql`exists (select 1 from order_events e
      where e.tenant_id = o.tenant_id and e.order_id = o.id and e.type in (${sql.join(
        types.map((t) => sql`${t}`),
        sql`, `,
      )}))`;
    const r = await handle.db.execute<{ external_id: string; flags: string; events: string }>(sql`
      select external_id, concat_ws(',', m_damaged, m_document_error) as flags, events from (
        select o.external_id, o.m_damaged, o.m_document_error,
          concat_ws(',', ${had(["damaged", "claim_filed"])}, ${had(["document_error"])}) as events
        from orders o) x
      where concat_ws(',', m_damaged, m_document_error) <> events`);
    return r.rows;
  }

  async function flagCounts() {
    const r = await handle.db.execute<{ damaged: number; document_errors: number }>(sql`
      select count(*) filter (where m_damaged)::int as damaged,
             count(*) filter (where m_document_error)::int as document_errors from orders`);
    return r.rows[0];
  }

  it("stores each order's damage and document-error facts as its events say, after seeding, ingest and the simulator", async () => {
    // The three failure types are the ones the stored flags (and the trigger that sets them) know.
    expect([...PERFECT_ORDER_FAILURES].sort()).toEqual(["claim_filed", "damaged", "document_error"]);
    expect(await flagsDifferingFromEvents()).toEqual([]);
    const before = await flagCounts();

    const id = (x: string) => `FLAGS-${kind}-${x}`;
    await ingest("orders", [order(id("P"), "2025-03-20"), order(id("Q"), "2025-03-20"), order(id("R"), "2025-03-20")]);
    expect(
      await ingest("events", [
        event(id("P"), "claim_filed"),
        event(id("P"), "damaged"),
        event(id("Q"), "document_error"),
        event(id("Q"), "note"),
        event(id("R"), "note"),
      ]),
    ).toEqual(["created", "created", "created", "created", "created"]);
    // A later document error on an already damaged order sets the second flag too.
    expect(await ingest("events", [event(id("P"), "document_error")])).toEqual(["created"]);
    for (const principal of await demoPrincipals(handle.db)) await advanceOpenOrders(principal, 5);

    expect(await flagsDifferingFromEvents()).toEqual([]);
    expect(await flagCounts()).toEqual({ damaged: before.damaged + 1, document_errors: before.document_errors + 2 });
    const flags = await handle.db.execute<{ external_id: string; m_damaged: boolean; m_document_error: boolean }>(sql`
      select external_id, m_damaged, m_document_error from orders
       where tenant_id = ${acme.id}::uuid and external_id like ${id("%")} order by external_id`);
    expect(flags.rows).toEqual([
      { external_id: id("P"), m_damaged: true, m_document_error: true },
      { external_id: id("Q"), m_damaged: false, m_document_error: true },
      { external_id: id("R"), m_damaged: false, m_document_error: false },
    ]);
  });

  it("gives the recovery time of a period's failed orders in business time, by hand across a weekend and a holiday", async () => {
    const id = (x: string) => `RECOVERY-${kind}-${x}`;
    // Promised Friday 14 Feb 2025 (Acme FY2025 P02).
    await ingest("orders", [
      order(id("K"), "2025-02-19", "2025-02-14"), // late, escalated and resolved
      order(id("L"), "2025-02-19", "2025-02-14"), // late, escalation still open
      order(id("M"), "2025-02-13", "2025-02-14"), // OTIF: an escalation about it is not a recovery
    ]);
    const orderId = async (x: string) =>
      (
        await handle.db.execute<{ id: string }>(
          sql`select id::text as id from orders where tenant_id = ${acme.id}::uuid and external_id = ${id(x)}`,
        )
      ).rows[0].id;
    const escalate = async (x: string, createdAt: string, resolvedAt: string | null, mergedInto?: string) => {
      const r = await handle.db.execute<{ id: string }>(sql`
        insert into escalations (tenant_id, order_id, category, severity, status, title, description, desired_outcome,
                                 raised_by_name, created_at, updated_at, resolved_at, merged_into_id)
        values (${acme.id}::uuid, ${await orderId(x)}::uuid, 'late_delivery', 'P2',
                ${mergedInto ? "closed" : resolvedAt ? "resolved" : "open"}, 'Late', 'Late order', 'Deliver it',
                'Vera Viewer', ${createdAt}::timestamptz, ${createdAt}::timestamptz, ${resolvedAt}::timestamptz,
                ${mergedInto ?? null}::uuid)
        returning id::text as id`);
      return r.rows[0].id;
    };
    // K: raised Friday 20:00 Chicago, resolved Tuesday 08:30 after the weekend and Presidents' Day
    // (Mon 17 Feb): Fri 20:00-22:00 = 120 min + Tue 06:00-08:30 = 150 min = 270 min = 4.5 h.
    const first = await escalate("K", "2025-02-15T02:00:00Z", "2025-02-18T14:30:00Z");
    // A duplicate raised earlier and merged into it does not move the start.
    await escalate("K", "2025-02-13T15:00:00Z", null, first);
    await escalate("L", "2025-02-17T15:00:00Z", null);
    await escalate("M", "2025-02-12T15:00:00Z", "2025-02-12T18:00:00Z");

    const viewer = new Browser(portal.url, "198.51.100.78");
    expect((await viewer.signIn("viewer@acme.example")).status).toBe(302);
    const res = await viewer.get("/api/v1/sla/scorecard?period=FY2025-P02");
    expect(res.status).toBe(200);
    const sc = ((await res.json()) as { data: Scorecard }).data;
    expect(sc.recoveryTime).toMatchObject({ value: 4.5, recovered: 1, unresolved: 1 });
    expect(sc.recoveryTime.definition).toContain("first escalation");
    expect(sc.trend.find((p) => p.id === "FY2025-P02")?.recoveryTime).toBe(4.5);
    const page = await (await viewer.get("/sla?period=FY2025-P02")).text();
    expect(page).toContain('data-testid="recovery-time"');
    expect(page).toContain("4 h 30 min business time on average, over 1 recovered order; 1 still open.");
  });

  it("refuses an unknown event type with a 4xx that names the accepted ones", async () => {
    const res = await fetch(`${portal.url}/api/v1/ingest/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ items: [event("PERFECT-none", "damage")] }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).toContain("damaged");
  });
});
