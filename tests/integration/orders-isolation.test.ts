// Order isolation on both databases: tenant B's list, detail, export and API never show tenant
// A's orders — also with A's ids, sites, POs and cursors put into B's requests — and no customer
// response carries an internal field (cost, margin, internal notes, unit cost). Saved views are
// private to their owner, within a tenant too.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { user } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb } from "../support/db";
import { Browser, startPortal, type TestPortal } from "../support/portal";
import { queryAs } from "../support/roles";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

const [acme, , sakura] = DEMO_TENANTS;
const INTERNAL_NOTE = "INTERNAL-NOTE-MARKER-7731";
const COST = "987654.32";
const MARGIN = "123321.77";
const UNIT_COST = "4455.6677";

await describeEachDb("order isolation", (kind) => {
  let handle: DbHandle;
  let portal: TestPortal;
  let ip = 1;
  let acmeIds: string[] = [];
  let acmeSite: string;
  let acmePo: string;
  let acmeViewer: Browser;
  let sakuraAdmin: Browser;

  async function signedIn(email: string): Promise<Browser> {
    const b = new Browser(portal.url, `192.0.2.${ip++}`);
    expect((await b.signIn(email)).status).toBe(302);
    return b;
  }

  function expectNoInternals(text: string) {
    expect(text).not.toContain(INTERNAL_NOTE);
    expect(text).not.toContain(COST);
    expect(text).not.toContain(MARGIN);
    expect(text).not.toContain(UNIT_COST);
    expect(text).not.toMatch(/"(cost|margin|internalNotes|internal_notes|unitCost|unit_cost)"/);
  }

  function expectNoAcme(text: string) {
    for (const id of acmeIds) expect(text).not.toContain(id);
    expect(text).not.toContain(acmePo);
  }

  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 12 }, kind);
    await handle.db.execute(
      sql`update orders set internal_notes = ${INTERNAL_NOTE}, cost = ${COST}, margin = ${MARGIN}`,
    );
    await handle.db.execute(sql`update order_lines set unit_cost = ${UNIT_COST}`);
    const ids = await handle.db.execute<{ id: string; site_id: string; customer_po: string }>(
      sql`select id::text as id, site_id::text as site_id, customer_po from orders where tenant_id = ${acme.id}::uuid`,
    );
    acmeIds = ids.rows.map((r) => r.id);
    acmeSite = ids.rows[0].site_id;
    acmePo = ids.rows[0].customer_po;
    portal = await startPortal(handle);
    acmeViewer = await signedIn("viewer@acme.example");
    sakuraAdmin = await signedIn("admin@sakura.example");
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
    await handle?.close();
  });

  it("shows each tenant only its own orders in the list page, API and export", async () => {
    const own = await acmeViewer.get("/api/v1/orders?limit=200");
    const ownBody = (await own.json()) as { data: { id: string }[] };
    expect(ownBody.data.map((r) => r.id).sort()).toEqual([...acmeIds].sort());
    for (const path of ["/orders?all=1", "/api/v1/orders?limit=200", "/orders/export.csv"]) {
      const res = await sakuraAdmin.get(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expectNoAcme(text);
      expectNoInternals(text);
    }
  });

  it("answers another tenant's order id exactly like a nonexistent one", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const foreignPage = await sakuraAdmin.get(`/orders/${acmeIds[0]}`);
    const missingPage = await sakuraAdmin.get(`/orders/${missing}`);
    expect(foreignPage.status).toBe(404);
    expect(missingPage.status).toBe(404);
    const foreignApi = await sakuraAdmin.get(`/api/v1/orders/${acmeIds[0]}`);
    const missingApi = await sakuraAdmin.get(`/api/v1/orders/${missing}`);
    expect(foreignApi.status).toBe(404);
    // Identical but for the request id, which names each request (and so differs by design).
    const withoutRequestId = async (r: Response) => {
      const { requestId, ...rest } = (await r.json()) as Record<string, unknown>;
      expect(requestId).toEqual(expect.any(String));
      return rest;
    };
    expect(await withoutRequestId(foreignApi)).toEqual(await withoutRequestId(missingApi));
    expectNoAcme(await foreignPage.text());
  });

  it("finds nothing of another tenant by its PO, site or a cursor taken from its list", async () => {
    const byPo = await sakuraAdmin.get(`/api/v1/orders?q=${encodeURIComponent(acmePo)}`);
    expect(((await byPo.json()) as { data: unknown[] }).data).toHaveLength(0);
    const bySite = await sakuraAdmin.get(`/api/v1/orders?site=${acmeSite}`);
    expect(bySite.status).toBe(200);
    expect(((await bySite.json()) as { data: unknown[] }).data).toHaveLength(0);
    const exportBySite = await sakuraAdmin.get(`/orders/export.csv?site=${acmeSite}`);
    expect((await exportBySite.text()).trim().split("\r\n")).toHaveLength(1);
    const acmePage = (await (await acmeViewer.get("/api/v1/orders?limit=3")).json()) as { page: { next: string } };
    const withCursor = await sakuraAdmin.get(`/api/v1/orders?limit=50&cursor=${acmePage.page.next}`);
    expect(withCursor.status).toBe(200);
    expectNoAcme(await withCursor.text());
  });

  it("never sends internal fields to a customer, in the detail page or the API", async () => {
    const page = await acmeViewer.get(`/orders/${acmeIds[0]}`);
    expect(page.status).toBe(200);
    expectNoInternals(await page.text());
    const api = await acmeViewer.get(`/api/v1/orders/${acmeIds[0]}`);
    expect(api.status).toBe(200);
    expectNoInternals(await api.text());
    const csv = await acmeViewer.get("/orders/export.csv");
    expectNoInternals(await csv.text());
  });

  it("shows staff in a switched-to account its orders without internal fields, and nothing of other accounts", async () => {
    const agent = await signedIn("agent@sightline.example");
    const sw = await agent.post("/staff/accounts", { tenantId: acme.id });
    expect(sw.status).toBe(302);
    const list = await agent.get("/api/v1/orders?limit=200");
    expect(list.status).toBe(200);
    const text = await list.text();
    expectNoInternals(text);
    const body = JSON.parse(text) as { data: { id: string }[] };
    expect(body.data.map((r) => r.id).sort()).toEqual([...acmeIds].sort());
    const detail = await agent.get(`/orders/${acmeIds[0]}`);
    expect(detail.status).toBe(200);
    expectNoInternals(await detail.text());
    expectNoInternals(await (await agent.get("/orders/export.csv")).text());
    const sakuraOrder = (
      await handle.db.execute<{ id: string }>(
        sql`select id::text as id from orders where tenant_id = ${sakura.id}::uuid limit 1`,
      )
    ).rows[0].id;
    expect((await agent.get(`/orders/${sakuraOrder}`)).status).toBe(404);
    expect((await agent.get(`/api/v1/orders/${sakuraOrder}`)).status).toBe(404);
  });

  it("refuses unauthenticated API calls with a problem, not data", async () => {
    const res = await fetch(`${portal.url}/api/v1/orders`);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const exp = await fetch(`${portal.url}/orders/export.csv`, { redirect: "manual" });
    expect(exp.status).toBe(302);
  });

  it("keeps saved views private to their owner, within the same tenant too", async () => {
    const save = await acmeViewer.post("/orders?index", {
      intent: "save",
      name: `Private ${kind}`,
      query: "status=delivered",
    });
    expect(save.status).toBe(302);
    const acmeAdmin = await signedIn("admin@acme.example");
    expect(await (await acmeAdmin.get("/orders?all=1")).text()).not.toContain(`Private ${kind}`);
    expect(await (await acmeViewer.get("/orders?all=1")).text()).toContain(`Private ${kind}`);
    const users = await handle.db.select({ id: user.id, email: user.email }).from(user);
    const adminId = users.find((u) => u.email === "admin@acme.example")!.id;
    const rows = await queryAs(
      handle,
      { role: "portal_customer", tenantId: acme.id, userId: adminId },
      sql`select id from order_views`,
    );
    expect(rows).toHaveLength(0);
    const noUser = await queryAs(
      handle,
      { role: "portal_customer", tenantId: acme.id },
      sql`select id from order_views`,
    );
    expect(noUser).toHaveLength(0);
    const viewId = (await handle.db.execute<{ id: string }>(sql`select id::text as id from order_views limit 1`))
      .rows[0].id;
    // Another person's view id in a change request is "no such view".
    const hijack = await acmeAdmin.post("/orders?index", { intent: "delete", viewId });
    expect(hijack.status).toBe(400);
    expect((await handle.db.execute(sql`select 1 from order_views where id = ${viewId}::uuid`)).rows).toHaveLength(1);
  });
});
