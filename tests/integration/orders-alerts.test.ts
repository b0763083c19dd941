// Delay alerts on saved views: a subscribed view's owner is notified in-app when one of its
// orders changes status, becomes at risk or becomes late — once, never for other tenants' orders
// or orders outside the view, and never for history from before the subscription.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { user } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { setDb } from "#app/server/db.server";
import { localToday } from "#app/domain/orders/time";
import { runDelayAlerts } from "#app/server/orders/alerts.server";
import { saveView, type ViewOwner } from "#app/server/orders/views.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { startSmtp } from "../support/escalations";

process.env.SIGHTLINE_SIMULATE = "off";

const [acme, nordwind] = DEMO_TENANTS;
let handle: DbHandle;
let viewer: ViewOwner;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let seqCounter = 0;

async function notifications(userId: string): Promise<{ title: string; link: string }[]> {
  const r = await handle.db.execute<{ title: string; link: string }>(
    sql`select title, link from escalation_notifications where recipient_user_id = ${userId} order by created_at, title`,
  );
  return r.rows;
}

/** What ingest does for a status change: the order's new state and its event. */
async function changeStatus(tenantId: string, orderId: string, status: string): Promise<void> {
  await handle.db.execute(
    sql`update orders set status = ${status}, status_at = now() where tenant_id = ${tenantId}::uuid and id = ${orderId}::uuid`,
  );
  await handle.db.execute(sql`insert into order_events (tenant_id, order_id, source, event_id, type, occurred_at)
    values (${tenantId}::uuid, ${orderId}::uuid, 'test', ${`t-${Date.now()}-${seqCounter++}`}, ${status}, now())`);
}

/** An order made open (allocated, not delivered) without an event, as the starting point of a test. */
async function openOrder(tenantId: string, offset = 0): Promise<{ id: string; number: string }> {
  const r = await handle.db.execute<{ id: string; order_number: string }>(
    sql`select id::text as id, order_number from orders where tenant_id = ${tenantId}::uuid
        order by order_number desc limit 1 offset ${offset}`,
  );
  const { id, order_number } = r.rows[0];
  await handle.db.execute(sql`update orders set status = 'allocated', delivered_at = null, shipped_at = null
    where tenant_id = ${tenantId}::uuid and id = ${id}::uuid`);
  return { id, number: order_number };
}

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  handle = await createSeededTestDb({ ordersPerTenant: 40 });
  setDb(handle);
  const users = await handle.db.select({ id: user.id, email: user.email }).from(user);
  const viewerId = users.find((u) => u.email === "viewer@acme.example")!.id;
  viewer = {
    db: { role: "portal_customer", tenantId: acme.id, userId: viewerId },
    tenantId: acme.id,
    userId: viewerId,
    kind: "customer",
  };
}, 120_000);

afterAll(async () => {
  await smtp?.close();
  await handle?.close();
});

describe("delay alerts", () => {
  beforeEach(async () => {
    await handle.db.execute(sql`delete from escalation_notifications`);
    await handle.db.execute(sql`delete from order_views`);
    await handle.db.execute(sql`delete from order_alert_cursors`);
  });

  it("starts from now: subscribing sends nothing about past events", async () => {
    const r = await saveView(viewer, { name: "Everything", query: "", isDefault: false, alerts: true });
    expect(r.ok).toBe(true);
    const report = await runDelayAlerts(handle);
    expect(report.tenants).toBe(1);
    expect(await notifications(viewer.userId)).toEqual([]);
  });

  it("notifies once when an order of the view changes status, never for other tenants", async () => {
    await saveView(viewer, { name: "Everything", query: "", isDefault: false, alerts: true });
    await runDelayAlerts(handle);
    const order = await openOrder(acme.id);
    const foreign = await openOrder(nordwind.id);
    await changeStatus(acme.id, order.id, "packed");
    await changeStatus(nordwind.id, foreign.id, "packed");
    await runDelayAlerts(handle);
    await runDelayAlerts(handle);
    const got = await notifications(viewer.userId);
    expect(got).toHaveLength(1);
    expect(got[0].title).toContain(`Order ${order.number} is packed`);
    expect(got[0].link).toBe(`/orders/${order.id}`);
    // With SMTP_URL set, the same alert is mailed to the view's owner, once.
    const mails = smtp.mails.filter((m) => m.decoded.includes(order.number));
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(["viewer@acme.example"]);
    expect(mails[0].decoded).toContain(`/orders/${order.id}`);
  });

  it("ignores orders outside the view's filter and views without alerts", async () => {
    await saveView(viewer, { name: "Delivered only", query: "status=delivered", isDefault: false, alerts: true });
    await saveView(viewer, { name: "Quiet", query: "", isDefault: false, alerts: false });
    await runDelayAlerts(handle);
    const order = await openOrder(acme.id, 1);
    await changeStatus(acme.id, order.id, "on_hold");
    await runDelayAlerts(handle);
    expect(await notifications(viewer.userId)).toEqual([]);
    await changeStatus(acme.id, order.id, "delivered");
    await runDelayAlerts(handle);
    const got = await notifications(viewer.userId);
    expect(got).toHaveLength(1);
    expect(got[0].title).toContain("is delivered");
  });

  it("notifies when a new estimate puts an order at risk", async () => {
    await saveView(viewer, { name: "Everything", query: "", isDefault: false, alerts: true });
    await runDelayAlerts(handle);
    const order = await openOrder(acme.id, 2);
    const today = localToday(acme.timeZone);
    await handle.db
      .execute(sql`update orders set promised_date = ${today}::date + 3, predicted_date = ${today}::date + 6
      where id = ${order.id}::uuid`);
    await handle.db
      .execute(sql`insert into order_events (tenant_id, order_id, source, event_id, type, occurred_at, detail)
      values (${acme.id}::uuid, ${order.id}::uuid, 'test', ${`eta-${Date.now()}`}, 'eta_changed', now(), '{}'::jsonb)`);
    await runDelayAlerts(handle);
    const got = await notifications(viewer.userId);
    expect(got.map((n) => n.title)).toContain(`Order ${order.number} is at risk`);
  });

  it("notifies once when an open order's promised date passes after the subscription", async () => {
    await saveView(viewer, { name: "Everything", query: "", isDefault: false, alerts: true });
    // Subscribed three days ago; the promise passed yesterday.
    await handle.db.execute(sql`update order_views set updated_at = now() - interval '3 days'`);
    await runDelayAlerts(handle);
    await handle.db.execute(sql`delete from escalation_notifications`);
    const order = await openOrder(acme.id, 3);
    const today = localToday(acme.timeZone);
    await handle.db.execute(sql`update orders set promised_date = ${today}::date - 1 where id = ${order.id}::uuid`);
    await runDelayAlerts(handle);
    await runDelayAlerts(handle);
    const got = (await notifications(viewer.userId)).filter((n) => n.title === `Order ${order.number} is late`);
    expect(got).toHaveLength(1);
  });
});
