// Demo simulator: every few seconds, advances a few open orders of the demo tenants by one step
// of their lifecycle (and now and then places a new order), through the same service functions
// as the ingestion API, with the tenant's seeded demo key. So the portal is visibly live.
// SIGHTLINE_SIMULATE=off stops it; tenants without a seeded key are left alone.
import { and, eq, isNull, inArray, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { ingestKeys } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { eventInput, orderInput } from "#app/domain/orders/ingest-schema";
import type { OrderStatus } from "#app/domain/orders/statuses";
import { exclusiveService } from "../jobs/exclusive.server";
import type { BackgroundService } from "../jobs/service.server";
import { env } from "../env.server";
import { withTenant } from "../tenant-db.server";
import { ingestEvents, ingestOrders } from "./ingest.server";
import type { IngestPrincipal } from "./keys.server";

const TICK_MS = env().SIGHTLINE_SIMULATE_MS;
const ORDERS_PER_TICK = 3;
const NEW_ORDER_EVERY = 6;

/** The next step of an open order; exceptions and holds resolve, backorders get allocated. */
export const NEXT_STATUS: Partial<Record<OrderStatus, OrderStatus>> = {
  received: "confirmed",
  confirmed: "allocated",
  backordered: "allocated",
  on_hold: "allocated",
  allocated: "picked",
  picked: "packed",
  packed: "shipped",
  shipped: "in_transit",
  in_transit: "out_for_delivery",
  exception: "out_for_delivery",
  out_for_delivery: "delivered",
};

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

export async function demoPrincipals(db: Db): Promise<IngestPrincipal[]> {
  const rows = await db
    .select({ tenantId: ingestKeys.tenantId, keyId: ingestKeys.id, keyName: ingestKeys.name })
    .from(ingestKeys)
    .where(
      and(
        inArray(
          ingestKeys.tenantId,
          DEMO_TENANTS.map((t) => t.id),
        ),
        eq(ingestKeys.createdBy, "seed"),
        isNull(ingestKeys.revokedAt),
      ),
    );
  return rows;
}

/** One simulator step for one tenant: advance up to `count` open orders. Returns events created. */
export async function advanceOpenOrders(principal: IngestPrincipal, count: number): Promise<number> {
  const open = await withTenant({ role: "portal_ingest", tenantId: principal.tenantId, keyId: principal.keyId }, (tx) =>
    tx.execute<{ source: string; external_id: string; status: OrderStatus; carrier: string | null }>(sql`
      select source, external_id, status, carrier from orders
       where tenant_id = ${principal.tenantId} and status not in ('delivered', 'cancelled')
       order by random() limit ${count}`),
  );
  const now = new Date();
  const items = open.rows.flatMap((o, i) => {
    const next = NEXT_STATUS[o.status];
    if (!next) return [];
    const occurredAt = new Date(now.getTime() + i).toISOString().replace(/\.\d{3}Z$/, "Z");
    return [
      {
        source: "simulator",
        eventId: `sim-${o.external_id}-${next}-${now.getTime()}`,
        orderSource: o.source,
        orderExternalId: o.external_id,
        type: next,
        occurredAt,
        location: null,
        detail: (next === "shipped"
          ? { carrier: o.carrier ?? "UPS", trackingNumber: `1ZSIM${String(now.getTime()).slice(-10)}${i}` }
          : {}) as Record<string, string>,
      },
    ];
  });
  if (items.length === 0) return 0;
  // Validated exactly like an API batch.
  const r = await ingestEvents(
    principal,
    items.map((i) => eventInput.parse(i)),
  );
  return r.counts.created;
}

/** Places one new order for a demo tenant (so lists visibly grow). */
async function placeOrder(principal: IngestPrincipal): Promise<void> {
  const profile = DEMO_TENANTS.find((t) => t.id === principal.tenantId);
  if (!profile) return;
  const now = new Date();
  const stamp = now.getTime().toString(36).toUpperCase();
  const day = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString().slice(0, 10);
  const item = pick(profile.catalogue);
  await ingestOrders(principal, [
    orderInput.parse({
      source: "simulator",
      externalId: `SIM-${stamp}`,
      version: 1,
      orderNumber: `SO-SIM-${stamp}`,
      customerPo: `PO-SIM-${stamp.slice(-5)}`,
      siteCode: pick(profile.sites).code,
      status: "received",
      statusAt: now.toISOString(),
      holdReason: null,
      priority: "standard",
      orderedAt: now.toISOString(),
      requestedDate: day(7),
      promisedDate: day(8),
      predictedDate: null,
      currency: profile.currency,
      value: Math.round(item.price * 10 * 100) / 100,
      cost: null,
      margin: null,
      internalNotes: "Placed by the demo simulator",
      lines: [
        {
          lineNo: 1,
          sku: item.sku,
          description: item.description,
          qtyOrdered: 10,
          qtyShipped: 0,
          unitPrice: item.price,
          unitCost: null,
        },
      ],
      shipments: [],
    }),
  ]);
}

let tick = 0;

/** One process at a time across the deployment drives the demo (lease "demo order simulator"). */
const simulator = exclusiveService({
  name: "demo order simulator",
  everyMs: TICK_MS,
  run: async (handle) => {
    const principals = await demoPrincipals(handle.db);
    if (principals.length === 0) return;
    tick++;
    await advanceOpenOrders(pick(principals), ORDERS_PER_TICK);
    if (tick % NEW_ORDER_EVERY === 0) await placeOrder(pick(principals));
  },
});

export const simulatorService: BackgroundService = {
  name: simulator.name,
  start: async (handle) => (env().SIGHTLINE_SIMULATE === "off" ? async () => undefined : simulator.start(handle)),
};
