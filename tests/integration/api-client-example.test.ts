// The README's typed-client example (examples/api-client.ts) works against a real portal: the
// ingest call reports an event for an existing order, and the intranet-server call lists the
// orders late now, exactly those GET /api/v1/orders?late=open gives the same token.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { orders } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { DEMO_EMBED_SECRET, demoIntranetOrigin } from "#db/seed/embed";
import { demoIngestSecret } from "#db/seed/seed";
import { lateOrders, reportInTransit } from "../../examples/api-client";
import { createSeededTestDb } from "../support/seeded-snapshot";
import type { TestDb } from "../support/db";
import { startPortal, type TestPortal } from "../support/portal";

process.env.SIGHTLINE_SIMULATE = "off";
const [acme] = DEMO_TENANTS;
let db: TestDb;
let portal: TestPortal;

beforeAll(async () => {
  db = await createSeededTestDb({ ordersPerTenant: 30 });
  portal = await startPortal(db);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await db?.close();
});

it("reports an in-transit event for an order with the ingest key, once", async () => {
  const [order] = await db.db
    .select({ source: orders.source, externalId: orders.externalId })
    .from(orders)
    .where(and(eq(orders.tenantId, acme.id), eq(orders.source, "erp")))
    .limit(1);
  expect(order).toBeTruthy();
  expect(await reportInTransit(portal.url, demoIngestSecret(acme.slug), order.externalId)).toBe("created");
  expect(await reportInTransit(portal.url, demoIngestSecret(acme.slug), order.externalId)).toBe("unchanged");
});

it("lists the orders late now with a token minted from the embed key", async () => {
  const origin = demoIntranetOrigin(3001);
  const lines = await lateOrders(portal.url, DEMO_EMBED_SECRET, origin);
  const token = (await (
    await fetch(`${portal.url}/api/v1/embed/tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${DEMO_EMBED_SECRET}`, "content-type": "application/json" },
      body: JSON.stringify({ origin }),
    })
  ).json()) as { token: string };
  const direct = (await (
    await fetch(`${portal.url}/api/v1/orders?late=open&limit=20`, {
      headers: { authorization: `Bearer ${token.token}`, origin },
    })
  ).json()) as { data: { orderNumber: string }[] };
  expect(direct.data.length).toBeGreaterThan(0);
  expect(lines.map((l) => l.split(":")[0])).toEqual(direct.data.map((o) => o.orderNumber));
});
