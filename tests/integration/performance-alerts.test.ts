// Proactive performance alerts, on both databases: the job opens one alert per account, KPI and
// fiscal period from the stored order metrics against the protocol's review thresholds (running
// it twice opens nothing new), with the evidence and an audit entry, and tells the account's
// leads and the provider's account executive; staff acknowledge and publish a recovery plan;
// the account's customers read the notice only once it is published, and customers of other
// accounts never; an agent not assigned to the account neither sees nor moves its alerts.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { auditLog, escalationNotifications, orders, performanceAlerts } from "#db/schema/index";
import type { StaffContext } from "#app/server/auth/guards.server";
import { setDb } from "#app/server/db.server";
import { listPerformanceAlerts, missedHref, moveAlert } from "#app/server/joint/performance-alerts-staff.server";
import { runPerformanceAlerts } from "#app/server/joint/performance-alerts.server";
import { listRecoveryPlans } from "#app/server/joint/recovery-plans.server";
import { createTestDb, describeEachDb } from "../support/db";
import { createOrder, createSite, createStaff, createTenant, staffCtx } from "../support/factories";
import { acceptProtocolWithExecutive, userEmail } from "../support/protocol";
import { asRole, errorAs, queryAs } from "../support/roles";

// Berlin, calendar months (the default calendar): the closed periods end with FY2026-P03 (March).
const now = new Date("2026-04-15T10:00:00Z");

await describeEachDb("performance alerts", (kind) => {
  let handle: DbHandle;
  let t: { id: string; name: string };
  let other: { id: string };
  let leadId: string;
  let execId: string;
  let agent: StaffContext;
  let stranger: StaffContext;
  const missedIds: string[] = [];

  /** `n` measured orders promised in 2026 period `period`; the first `missed` not OTIF, `short` shipped short. */
  async function periodOrders(
    tenantId: string,
    siteId: string,
    period: number,
    n: number,
    missed: number,
    short = 0,
  ): Promise<void> {
    for (let i = 0; i < n; i++) {
      const o = await createOrder(handle, tenantId, siteId, { lines: 1, events: 0 });
      const isMissed = i < missed;
      const isShort = i < short;
      await handle.db
        .update(orders)
        .set({
          promisedDate: `2026-${String(period).padStart(2, "0")}-10`,
          status: "delivered",
          deliveredAt: new Date(`2026-${String(period).padStart(2, "0")}-09T10:00:00Z`),
          measurable: true,
          onTime: !isMissed,
          inFull: !isShort,
          otif: !isMissed,
          unitsOrdered: "10",
          unitsShipped: isShort ? "5" : "10",
          linesOrdered: 1,
          linesFilled: isShort ? 0 : 1,
          fiscalYear: 2026,
          fiscalQuarter: 1,
          fiscalPeriod: period,
          fiscalWeek: period * 4,
        })
        .where(and(eq(orders.tenantId, tenantId), eq(orders.id, o.id)));
      if (isMissed && period >= 2 && tenantId === t.id) missedIds.push(o.id);
    }
  }

  beforeAll(async () => {
    handle = await createTestDb(kind);
    setDb(handle);
    t = await createTenant(handle, { tier: "strategic", timeZone: "Europe/Berlin" });
    other = await createTenant(handle, { tier: "strategic", timeZone: "Europe/Berlin" });
    const site = await createSite(handle, t.id);
    const otherSite = await createSite(handle, other.id);
    // January fine; February 8/10 OTIF (80 %) and 75 % fill; March 9/10 (90 %): OTIF under 92 % in
    // two consecutive periods (alert for P03), fill rate under 95 % in February (alert for P02).
    await periodOrders(t.id, site, 1, 10, 0);
    await periodOrders(t.id, site, 2, 10, 2, 5);
    await periodOrders(t.id, site, 3, 10, 1);
    // The other account meets every floor.
    await periodOrders(other.id, otherSite, 2, 5, 0);
    await periodOrders(other.id, otherSite, 3, 5, 0);
    leadId = await createStaff(handle, "support_lead");
    execId = await createStaff(handle, "support_agent", [t.id]);
    agent = staffCtx(await createStaff(handle, "support_agent", [t.id]), "support_agent");
    stranger = staffCtx(await createStaff(handle, "support_agent", [other.id]), "support_agent");
    // The protocol names the account executive (by e-mail) on the provider side.
    await acceptProtocolWithExecutive(handle, t.id, await userEmail(handle, execId));
  }, 180_000);

  afterAll(async () => {
    await handle?.close();
  });

  const alertsOf = (tenantId: string) =>
    handle.db
      .select()
      .from(performanceAlerts)
      .where(eq(performanceAlerts.tenantId, tenantId))
      .orderBy(performanceAlerts.kpi);

  it("opens one alert per account, KPI and period, with the evidence, however often it runs", async () => {
    const first = await runPerformanceAlerts(handle, now, [t.id, other.id]);
    expect(first).toEqual({ accounts: 2, opened: 2 });
    const second = await runPerformanceAlerts(handle, now, [t.id, other.id]);
    expect(second.opened).toBe(0);
    // A later run (a month on) still opens nothing for the same run of periods.
    expect((await runPerformanceAlerts(handle, new Date("2026-05-15T10:00:00Z"), [t.id])).opened).toBe(0);
    expect(await alertsOf(other.id)).toEqual([]);
    const rows = await alertsOf(t.id);
    expect(rows.map((r) => [r.kpi, r.periodKey, Number(r.floorPct), Number(r.valuePct), r.status])).toEqual([
      ["fill_rate", "FY2026-P02", 95, 75, "open"],
      ["otif", "FY2026-P03", 92, 90, "open"],
    ]);
    const otif = rows.find((r) => r.kpi === "otif")!;
    expect(otif.evidence.periods.map((p) => [p.id, p.value, p.measured, p.missed])).toEqual([
      ["FY2026-P02", 80, 10, 2],
      ["FY2026-P03", 90, 10, 1],
    ]);
    expect(otif.evidence.missedTotal).toBe(3);
    expect(otif.evidence.missedOrders.map((o) => o.id).sort()).toEqual([...missedIds].sort());
    const fill = rows.find((r) => r.kpi === "fill_rate")!;
    expect(fill.evidence.periods).toEqual([
      { id: "FY2026-P02", label: "FY2026 P02 (Feb)", value: 75, measured: 10, missed: 5 },
    ]);
    expect(fill.evidence.missedOrders).toHaveLength(5);
    // The staff link lists the orders that missed (the order list's drill-down parameters).
    expect(missedHref("otif", "FY2026-P03")).toBe("/orders?fiscal=FY2026-P03&measured=1&otif=missed");
    expect(missedHref("fill_rate", "FY2026-P02")).toBe("/orders?fiscal=FY2026-P02&measured=1&fill=short");
    // One audit entry per alert opened, staff-only.
    const audits = await handle.db
      .select({ action: auditLog.action, targetId: auditLog.targetId, staffOnly: auditLog.staffOnly })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t.id), eq(auditLog.action, "performance_alert.opened")));
    expect(audits.map((a) => a.targetId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(audits.every((a) => a.staffOnly)).toBe(true);
  });

  it("tells the leads and the protocol's account executive, once per alert", async () => {
    const notes = await handle.db
      .select({ to: escalationNotifications.recipientUserId, title: escalationNotifications.title })
      .from(escalationNotifications)
      .where(eq(escalationNotifications.tenantId, t.id));
    const to = (id: string) => notes.filter((n) => n.to === id).map((n) => n.title);
    expect(to(leadId)).toHaveLength(2);
    expect(to(execId)).toHaveLength(2);
    expect(to(agent.user.id)).toEqual([]);
    expect(to(leadId)).toContain(`Performance alert: ${t.name}, OTIF (FY2026 P03 (Mar))`);
  });

  it("shows staff the alerts of their accounts only; an unassigned agent cannot move them", async () => {
    const mine = await listPerformanceAlerts(agent, "active");
    expect(mine.alerts.map((a) => a.tenantId)).toEqual([t.id, t.id]);
    expect(mine.canPublish).toBe(false);
    expect((await listPerformanceAlerts(stranger, "all")).alerts).toEqual([]);
    const id = mine.alerts[0].id;
    await expect(moveAlert(stranger, null, id, { intent: "acknowledge" })).rejects.toMatchObject({ status: 404 });
    await expect(moveAlert(agent, null, id, { intent: "publish", plan: "x" })).rejects.toMatchObject({ status: 403 });
  });

  it("shows the customer a notice only once published, and other accounts' customers never", async () => {
    const customer = { role: "portal_customer" as const, tenantId: t.id, userId: "customer-of-t" };
    const foreign = { role: "portal_customer" as const, tenantId: other.id, userId: "customer-of-other" };
    const plans = (ctx: typeof customer, tenantId = t.id) =>
      asRole(handle, ctx, (tx) => listRecoveryPlans(tx, { id: tenantId }));
    const count = async (ctx: typeof customer) =>
      (await queryAs<{ n: number }>(handle, ctx, sql`select count(*)::int as n from performance_alerts`))[0].n;
    expect(await plans(customer)).toEqual([]);
    expect(await count(customer)).toBe(0);

    const lead = staffCtx(leadId, "support_lead");
    const [otif] = (await alertsOf(t.id)).filter((r) => r.kpi === "otif");
    expect(await moveAlert(agent, null, otif.id, { intent: "acknowledge" })).toBe("joint.performance.acknowledged");
    await expect(moveAlert(agent, null, otif.id, { intent: "acknowledge" })).rejects.toMatchObject({ status: 409 });
    expect(await plans(customer)).toEqual([]);
    const plan = "Second carrier on the Hamburg lane from 20 April; daily check of late pickups.";
    expect(await moveAlert(lead, null, otif.id, { intent: "publish", plan }, now)).toBe("joint.performance.published");

    const seen = await plans(customer);
    expect(seen).toEqual([
      {
        id: otif.id,
        kpi: "otif",
        periodKey: "FY2026-P03",
        periodLabel: "FY2026 P03 (Mar)",
        floorPct: 92,
        valuePct: 90,
        plan,
        publishedAt: now.toISOString(),
        status: "acknowledged",
        closedAt: null,
      },
    ]);
    // Only the published row, and never the evidence or who worked on it.
    expect(await count(customer)).toBe(1);
    expect(await errorAs(handle, customer, sql`select evidence from performance_alerts`)).toMatch(/permission denied/i);
    // Another account's customer: nothing, even asking for this account by id.
    expect(await plans(foreign)).toEqual([]);
    expect(await plans(foreign, other.id)).toEqual([]);
    expect(await count(foreign)).toBe(0);

    // The review's range: open during Q2, not during Q1 (published in April).
    const q2 = { from: new Date("2026-03-31T22:00:00Z"), to: new Date("2026-06-30T22:00:00Z") };
    const q1 = { from: new Date("2025-12-31T23:00:00Z"), to: new Date("2026-03-31T22:00:00Z") };
    expect((await plans(customer)).length).toBe(1);
    expect(await asRole(handle, customer, (tx) => listRecoveryPlans(tx, { id: t.id }, q2))).toHaveLength(1);
    expect(await asRole(handle, customer, (tx) => listRecoveryPlans(tx, { id: t.id }, q1))).toEqual([]);

    // Closing ends the open plan; the quarter it was open in still lists it.
    expect(await moveAlert(lead, null, otif.id, { intent: "close" })).toBe("joint.performance.closed");
    expect(await plans(customer)).toEqual([]);
    expect(await asRole(handle, customer, (tx) => listRecoveryPlans(tx, { id: t.id }, q2))).toHaveLength(1);
    await expect(moveAlert(lead, null, otif.id, { intent: "publish", plan })).rejects.toMatchObject({ status: 409 });
    const actions = await handle.db
      .select({ action: auditLog.action, staffOnly: auditLog.staffOnly })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t.id), eq(auditLog.targetId, otif.id)))
      .orderBy(auditLog.id);
    expect(actions).toEqual([
      { action: "performance_alert.opened", staffOnly: true },
      { action: "performance_alert.acknowledged", staffOnly: true },
      { action: "performance_alert.published", staffOnly: false },
      { action: "performance_alert.closed", staffOnly: false },
    ]);
  });
});
