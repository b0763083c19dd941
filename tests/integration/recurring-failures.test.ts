// Root causes and recurring failures, on both databases: every count of the recurring-failure
// view (by cause, site and carrier, per fiscal period of the account's calendar) equals the queue
// list its link opens; an agent not assigned to an account sees none of its causes or counts;
// customers read but never write causes; and the repeat-failure alert is raised once per
// account, cause and fiscal period, telling the leads.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { auditLog, escalationAlerts, escalationNotifications, escalations, orders } from "#db/schema/index";
import { parseRecurringFilter, recurringQueueLink } from "#app/domain/joint/recurring";
import type { RootCause } from "#app/domain/joint/root-causes";
import type { StaffContext } from "#app/server/auth/guards.server";
import { setDb } from "#app/server/db.server";
import { actorFor } from "#app/server/escalations/actor.server";
import { listEscalations } from "#app/server/escalations/list.server";
import { changeStatus } from "#app/server/escalations/workflow.server";
import { recurringReport, type RecurringAccount, type RecurringRow } from "#app/server/joint/recurring.server";
import { setRootCause } from "#app/server/joint/root-causes.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb } from "../support/db";
import { Client, createEscalationRow } from "../support/escalations";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { stopEscalationListener } from "#app/server/escalations/live.server";
import { startPortal, type TestPortal } from "../support/portal";
import { createOrder, createSite, createStaff, createTenant, staffCtx } from "../support/factories";
import { acceptProtocolWithExecutive, userEmail } from "../support/protocol";
import { errorAs, queryAs } from "../support/roles";
import { translator, type MessageId } from "#app/i18n/catalogue";
import { createFormatter } from "#app/i18n/format";
import type { Locale } from "#app/i18n/locales";
import { displayValues } from "#app/i18n/stored-message";
import { listNotifications } from "#app/server/escalations/notify.server";

process.env.SIGHTLINE_SIMULATE = "off";
process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";

const [acme, , sakura] = DEMO_TENANTS;

await describeEachDb("recurring failures", (kind) => {
  let handle: DbHandle;
  let t: { id: string };
  let other: { id: string };
  let agent: StaffContext;
  let stranger: StaffContext;
  let leadId: string;
  const ids: Record<string, string> = {};
  let s1: string;
  let s2: string;
  let portal: TestPortal;
  let ip = 1;
  const client = () => new Client(portal.url, `198.51.100.${ip++}`);

  /** A resolved escalation (owner connection) with a cause and, optionally, an order. */
  async function resolvedRow(
    tenantId: string,
    resolvedAt: string,
    cause: RootCause | null,
    orderId: string | null = null,
    status: "resolved" | "closed" = "resolved",
  ): Promise<string> {
    const id = await createEscalationRow(handle, tenantId, {
      status,
      createdAt: new Date(new Date(resolvedAt).getTime() - 86_400_000),
      resolvedAt: new Date(resolvedAt),
    });
    await handle.db
      .update(escalations)
      .set({ rootCause: cause, orderId })
      .where(and(eq(escalations.tenantId, tenantId), eq(escalations.id, id)));
    return id;
  }

  async function orderAt(tenantId: string, siteId: string, carrier: string | null): Promise<string> {
    const o = await createOrder(handle, tenantId, siteId, { lines: 1, events: 0 });
    await handle.db
      .update(orders)
      .set({ carrier })
      .where(and(eq(orders.tenantId, tenantId), eq(orders.id, o.id)));
    return o.id;
  }

  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 2 }, kind);
    portal = await startPortal(handle);
    setDb(handle);
    t = await createTenant(handle, { tier: "strategic", timeZone: "Europe/Berlin" });
    other = await createTenant(handle, { tier: "strategic", timeZone: "Europe/Berlin" });
    s1 = await createSite(handle, t.id);
    s2 = await createSite(handle, t.id);
    const o1 = await orderAt(t.id, s1, "DHL");
    const o2 = await orderAt(t.id, s2, "UPS");
    agent = staffCtx(await createStaff(handle, "support_agent", [t.id]), "support_agent");
    stranger = staffCtx(await createStaff(handle, "support_agent", [other.id]), "support_agent");
    leadId = await createStaff(handle, "support_lead");
    // Calendar months in Berlin (the default calendar): P01 Jan, P02 Feb, P03 Mar 2026.
    ids.e1 = await resolvedRow(t.id, "2026-03-02T10:00:00Z", "carrier_delay", o1);
    ids.e2 = await resolvedRow(t.id, "2026-03-10T10:00:00Z", "carrier_delay", o2, "closed");
    ids.e3 = await resolvedRow(t.id, "2026-02-15T10:00:00Z", "picking_error", o1);
    ids.e4 = await resolvedRow(t.id, "2026-03-05T10:00:00Z", null);
    // 23:30Z on 28 Feb is 00:30 on 1 March in Berlin: a March resolution.
    ids.e6 = await resolvedRow(t.id, "2026-02-28T23:30:00Z", "carrier_delay");
    ids.e7 = await resolvedRow(t.id, "2025-12-20T10:00:00Z", "carrier_delay", o1); // before the window
    // Still being worked on: never counted, whatever its fields say.
    ids.open = await createEscalationRow(handle, t.id, { status: "in_progress" });
    await resolvedRow(other.id, "2026-03-03T10:00:00Z", "stock_shortage");
  }, 180_000);

  afterAll(async () => {
    await stopEscalationListener();
    await portal?.close();
    await handle?.close();
  });

  const now = new Date("2026-03-20T12:00:00Z");
  const row = (rows: RecurringRow[], key: string) => rows.find((r) => r.key === key)?.counts;

  /** Every cell's link, read back by the queue's parser, lists exactly that many escalations. */
  async function expectCountsEqualLists(staff: StaffContext, account: RecurringAccount, cause: string | null) {
    const actor = actorFor(staff);
    const cells: { count: number; link: string }[] = [];
    account.periods.forEach((p, i) => {
      const base = { tenantId: account.tenantId, from: new Date(p.from), to: new Date(p.to) };
      const narrowed = cause ? { ...base, cause: cause as RootCause } : base;
      cells.push({ count: account.resolved[i], link: recurringQueueLink(base) });
      for (const r of account.byCause)
        cells.push({ count: r.counts[i], link: recurringQueueLink({ ...base, cause: r.key as RootCause }) });
      for (const r of account.bySite)
        cells.push({ count: r.counts[i], link: recurringQueueLink({ ...narrowed, siteId: r.key }) });
      for (const r of account.byCarrier)
        cells.push({ count: r.counts[i], link: recurringQueueLink({ ...narrowed, carrier: r.key }) });
    });
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) {
      const filter = parseRecurringFilter(new URL(c.link, "http://x").searchParams);
      expect(filter, c.link).not.toBeNull();
      const list = await listEscalations(actor, { status: "all", recurring: filter! });
      expect(list.length, c.link).toBe(c.count);
    }
    return cells;
  }

  it("counts resolutions by cause, site and carrier per fiscal period, each equal to its drill-down list", async () => {
    const report = await recurringReport(agent, { periods: 3, tenantId: null, cause: null }, now);
    expect(report.accounts.map((a) => a.tenantId)).toEqual([t.id]);
    const a = report.accounts[0];
    expect(a.periods.map((p) => p.id)).toEqual(["FY2026-P01", "FY2026-P02", "FY2026-P03"]);
    // Berlin midnight of 1 March is 23:00Z on 28 February.
    expect(a.periods[2].from).toBe("2026-02-28T23:00:00.000Z");
    expect(a.resolved).toEqual([0, 1, 4]);
    expect(row(a.byCause, "carrier_delay")).toEqual([0, 0, 3]);
    expect(row(a.byCause, "picking_error")).toEqual([0, 1, 0]);
    expect(row(a.byCause, "none")).toEqual([0, 0, 1]);
    expect(row(a.bySite, s1)).toEqual([0, 1, 1]);
    expect(row(a.bySite, s2)).toEqual([0, 0, 1]);
    expect(row(a.byCarrier, "DHL")).toEqual([0, 1, 1]);
    expect(row(a.byCarrier, "UPS")).toEqual([0, 0, 1]);
    expect(a.repeats).toEqual([{ cause: "carrier_delay", period: 2 }]);
    await expectCountsEqualLists(agent, a, null);

    // The list behind "carrier delay in March" is exactly those three escalations.
    const march = parseRecurringFilter(
      new URL(
        recurringQueueLink({
          tenantId: t.id,
          from: new Date(a.periods[2].from),
          to: new Date(a.periods[2].to),
          cause: "carrier_delay",
        }),
        "http://x",
      ).searchParams,
    )!;
    const listed = await listEscalations(actorFor(agent), { status: "all", recurring: march });
    expect(listed.map((e) => e.id).sort()).toEqual([ids.e1, ids.e2, ids.e6].sort());
  });

  it("narrows site and carrier counts to one cause, still equal to their lists", async () => {
    const report = await recurringReport(agent, { periods: 3, tenantId: t.id, cause: "carrier_delay" }, now);
    const a = report.accounts[0];
    expect(row(a.bySite, s1)).toEqual([0, 0, 1]);
    expect(row(a.bySite, s2)).toEqual([0, 0, 1]);
    expect(row(a.byCarrier, "DHL")).toEqual([0, 0, 1]);
    await expectCountsEqualLists(agent, a, "carrier_delay");
  });

  it("shows an agent not assigned to the account none of its causes or counts", async () => {
    const all = await recurringReport(stranger, { periods: 3, tenantId: null, cause: null }, now);
    expect(all.accounts.map((a) => a.tenantId)).toEqual([other.id]);
    const scoped = await recurringReport(stranger, { periods: 3, tenantId: t.id, cause: null }, now);
    expect(scoped.accounts).toEqual([]);
    const drill = await listEscalations(actorFor(stranger), {
      status: "all",
      recurring: { tenantId: t.id, from: new Date("2026-01-01T00:00:00Z"), to: now, cause: "carrier_delay" },
    });
    expect(drill).toEqual([]);
    const sqlView = await queryAs(
      handle,
      { role: "portal_staff", tenantId: null, staffId: stranger.user.id },
      sql`select root_cause from escalations where tenant_id = ${t.id}::uuid`,
    );
    expect(sqlView).toEqual([]);
  });

  it("lets customers read their own causes but never write one", async () => {
    const asCustomer = { role: "portal_customer" as const, tenantId: t.id, userId: randomUUID() };
    const own = await queryAs<{ root_cause: string | null }>(
      handle,
      asCustomer,
      sql`select root_cause from escalations where id = ${ids.e1}::uuid`,
    );
    expect(own).toEqual([{ root_cause: "carrier_delay" }]);
    expect(
      await errorAs(handle, asCustomer, sql`update escalations set root_cause = 'other' where id = ${ids.e1}::uuid`),
    ).toMatch(/permission denied/);
    expect(
      await errorAs(
        handle,
        asCustomer,
        sql`insert into escalations (tenant_id, number, category, severity, title, description, desired_outcome,
                                     raised_by_name, root_cause)
            values (${t.id}::uuid, 0, 'other', 'P3', 'x', 'x', 'x', 'x', 'other')`,
      ),
    ).toMatch(/row-level security/);
    const foreign = await queryAs(
      handle,
      { role: "portal_customer", tenantId: other.id, userId: randomUUID() },
      sql`select root_cause from escalations where tenant_id = ${t.id}::uuid`,
    );
    expect(foreign).toEqual([]);
    // Only the fixed list is stored.
    expect(
      await errorAs(
        handle,
        { role: "portal_staff", tenantId: null, staffId: agent.user.id },
        sql`update escalations set root_cause = 'gremlins' where id = ${ids.e1}::uuid`,
      ),
    ).toMatch(/escalations_root_cause_known|check constraint/);
  });

  it("records a cause when staff resolve or afterwards, audited, and only once resolved", async () => {
    const actor = actorFor(agent);
    const working = await createEscalationRow(handle, t.id, { status: "in_progress" });
    await expect(setRootCause(actor, working, "other")).rejects.toMatchObject({
      status: 409,
      message: "joint.cause.error.notResolved",
    });
    await changeStatus(actor, working, "resolved", { rootCause: "documentation_error" });
    const [saved] = await handle.db
      .select({ rootCause: escalations.rootCause, status: escalations.status })
      .from(escalations)
      .where(eq(escalations.id, working));
    expect(saved).toEqual({ rootCause: "documentation_error", status: "resolved" });
    await setRootCause(actor, working, "system_error");
    await expect(setRootCause(actorFor(stranger), working, "other")).rejects.toMatchObject({ status: 404 });
    const audit = await handle.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, working), eq(auditLog.action, "escalation.root_cause_set")))
      .orderBy(auditLog.at);
    expect(audit.map((a) => a.detail)).toEqual([
      { cause: "documentation_error", previous: null },
      { cause: "system_error", previous: "documentation_error" },
    ]);
  });

  it("alerts the leads and the protocol's account executive once per account, cause and fiscal period when a cause repeats at a strategic account", async () => {
    const acct = await createTenant(handle, { tier: "strategic", timeZone: "Europe/Berlin" });
    const keyAcct = await createTenant(handle, { tier: "key", timeZone: "Europe/Berlin" });
    const lead = staffCtx(leadId, "support_lead");
    const actor = actorFor(lead);
    const alertsOf = (tenantId: string) =>
      handle.db
        .select({ dedupeKey: escalationAlerts.dedupeKey, kind: escalationAlerts.kind })
        .from(escalationAlerts)
        .where(eq(escalationAlerts.tenantId, tenantId));
    // The protocol in effect names a provider-side account executive (by e-mail), who is told too.
    const execId = await createStaff(handle, "support_agent");
    // Upper case: the executive is matched by e-mail regardless of case.
    await acceptProtocolWithExecutive(handle, acct.id, (await userEmail(handle, execId)).toUpperCase());
    const march = ["2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"];
    const rows: string[] = [];
    for (const d of march) rows.push(await resolvedRow(acct.id, `${d}T10:00:00Z`, null));
    const april = await resolvedRow(acct.id, "2026-04-02T10:00:00Z", null);
    await setRootCause(actor, rows[0], "picking_error");
    await setRootCause(actor, rows[1], "picking_error");
    await setRootCause(actor, april, "picking_error");
    expect(await alertsOf(acct.id)).toEqual([]); // two in March, one in April: below 3
    await setRootCause(actor, rows[2], "picking_error");
    expect(await alertsOf(acct.id)).toEqual([
      { kind: "repeat_failure", dedupeKey: "repeat_failure:picking_error:FY2026-P03" },
    ]);
    // A fourth, and a cause changed away and back: still the one alert for March.
    await setRootCause(actor, rows[3], "picking_error");
    await setRootCause(actor, rows[3], "other");
    await setRootCause(actor, rows[3], "picking_error");
    expect(await alertsOf(acct.id)).toHaveLength(1);
    const notes = await handle.db
      .select({ link: escalationNotifications.link })
      .from(escalationNotifications)
      .where(and(eq(escalationNotifications.tenantId, acct.id), eq(escalationNotifications.recipientUserId, leadId)));
    expect(notes).toEqual([{ link: `/staff/recurring?tenant=${acct.id}` }]);
    const execNotes = await handle.db
      .select({ link: escalationNotifications.link })
      .from(escalationNotifications)
      .where(and(eq(escalationNotifications.tenantId, acct.id), eq(escalationNotifications.recipientUserId, execId)));
    expect(execNotes).toEqual([{ link: `/staff/recurring?tenant=${acct.id}` }]);
    // Alert and notice are worded for each reader, the period and cause in their words too.
    const lead0 = { role: "portal_staff" as const, tenantId: null, staffId: leadId };
    const noticeIn = async (locale: Locale) =>
      (await listNotifications(lead0, { locale, timeZone: "Europe/Berlin" })).find((n) => n.link.includes(acct.id));
    expect(await noticeIn("de")).toMatchObject({
      title: "Wiederkehrender Fehler bei einem strategischen Kunden",
      body: expect.stringContaining("3 Eskalationen mit der Ursache „Kommissionierfehler im Lager“ in GJ2026 P03"),
    });
    expect(await noticeIn("ja")).toMatchObject({
      title: "戦略顧客で同じ原因の障害が繰り返されています",
      body: expect.stringContaining("根本原因「倉庫のピッキングミス」で解決したエスカレーションが 3 件あります。"),
    });
    expect(await noticeIn("en")).toMatchObject({
      body: expect.stringContaining("3 escalations resolved with root cause “Warehouse picking error” in FY2026 P03"),
    });
    const [alert] = await handle.db
      .select({ m: escalationAlerts.messageI18n })
      .from(escalationAlerts)
      .where(eq(escalationAlerts.tenantId, acct.id));
    const de = translator("de");
    expect(de(alert.m!.id as MessageId, displayValues(alert.m!.values, de, createFormatter("de", "UTC")))).toContain(
      "(strategisch): 3 Eskalationen mit der Ursache „Kommissionierfehler im Lager“ in GJ2026 P03",
    );

    // Not a strategic account: no alert however often a cause repeats.
    for (const d of march) await setRootCause(actor, await resolvedRow(keyAcct.id, `${d}T10:00:00Z`, null), "other");
    expect(await alertsOf(keyAcct.id)).toEqual([]);
  });

  it("lets staff resolve with a cause on the escalation page; the page's counts open lists of that length", async () => {
    const agentWeb = await client().signIn("agent@sightline.example"); // Acme and Nordwind
    const working = await createEscalationRow(handle, acme.id, { status: "in_progress", title: "Short again" });
    const bad = await agentWeb.post(`/staff/queue/${working}/cause`, { intent: "resolve", rootCause: "gremlins" });
    expect(bad.status).toBe(400);
    const res = await agentWeb.post(`/staff/queue/${working}/cause`, {
      intent: "resolve",
      rootCause: "stock_shortage",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, message: "joint.cause.resolved" });
    const [saved] = await handle.db
      .select({ status: escalations.status, rootCause: escalations.rootCause })
      .from(escalations)
      .where(eq(escalations.id, working));
    expect(saved).toEqual({ status: "resolved", rootCause: "stock_shortage" });

    // Another account's escalation: as if it did not exist.
    const foreign = await createEscalationRow(handle, sakura.id, { status: "resolved", resolvedAt: new Date() });
    const refused = await agentWeb.post(`/staff/queue/${foreign}/cause`, { intent: "set", rootCause: "other" });
    expect(refused.status).toBe(404);
    const customer = await client().signIn("viewer@acme.example");
    expect(
      (await customer.post(`/staff/queue/${working}/cause`, { intent: "set", rootCause: "other" })).status,
    ).not.toBe(200);
    expect(await (await customer.get(`/escalations/${working}`)).text()).toContain("Cause: Stock shortage");

    const page = await (await agentWeb.get(`/staff/recurring?tenant=${acme.id}&periods=3`)).text();
    expect(page).toContain(`data-testid="recurring-${acme.id}"`);
    const links = [...page.matchAll(/<a [^>]*data-count="(\d+)"[^>]*>/g)].map((m) => ({
      href: /href="([^"]+)"/.exec(m[0])![1].replace(/&amp;/g, "&"),
      count: Number(m[1]),
    }));
    expect(links.length).toBeGreaterThan(3);
    expect(links.some((l) => l.href.includes("cause=stock_shortage"))).toBe(true);
    expect(page).toMatch(/\d+ escalations?: Stock shortage/);
    for (const l of links) {
      const list = await (await agentWeb.get(l.href)).text();
      expect(list).toContain('data-testid="recurring-drill"');
      expect(list.split('data-testid="queue-row"').length - 1, l.href).toBe(l.count);
    }

    // An account the agent is not assigned to: no section, and its drill-down lists nothing.
    const all = await (await agentWeb.get(`/staff/recurring?tenant=${sakura.id}`)).text();
    expect(all).not.toContain(`recurring-${sakura.id}`);
    const sakuraLink = recurringQueueLink({
      tenantId: sakura.id,
      from: new Date(Date.now() - 400 * 86_400_000),
      to: new Date(Date.now() + 86_400_000),
    });
    const sakuraList = await (await agentWeb.get(sakuraLink)).text();
    expect(sakuraList.split('data-testid="queue-row"').length - 1).toBe(0);
  });
});
