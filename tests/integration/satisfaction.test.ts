// Satisfaction after resolution, on both databases: a customer rates a resolved escalation once
// (changing it for 7 days, then never), customers of other accounts can neither rate nor see the
// rating (pages, and SQL as portal_customer), staff read ratings per account and agent, and the
// SLA page's per-period figures are the hand-computed ones.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { auditLog, escalationRatings, escalations, user } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { setDb } from "#app/server/db.server";
import { stopEscalationListener } from "#app/server/escalations/live.server";
import { parsePeriodSelection } from "#app/domain/sla/periods";
import { DEFAULT_SLA_TARGETS } from "#app/domain/escalations/sla";
import { defaultTerms } from "#app/domain/joint/protocol";
import { tenantSummaryOf } from "#app/server/auth/guards.server";
import { satisfactionTrend } from "#app/server/joint/satisfaction-trend.server";
import { buildScorecard } from "#app/server/sla/scorecard.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb } from "../support/db";
import { Client, createEscalationRow, officeCalendar, setTarget, storeCalendar } from "../support/escalations";
import { createTenant } from "../support/factories";
import { insertAcceptedVersion } from "../support/protocol";
import { startPortal, type TestPortal } from "../support/portal";
import { errorAs, queryAs } from "../support/roles";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

const [acme, , sakura] = DEMO_TENANTS;

await describeEachDb("satisfaction ratings", (kind) => {
  let handle: DbHandle;
  let portal: TestPortal;
  let ip = 1;
  const client = () => new Client(portal.url, `198.51.100.${ip++}`);
  let resolved: string;
  let open: string;
  let sakuraResolved: string;
  let viewerId: string;
  let sakuraAdminId: string;

  const ratingsOf = async (escalationId: string) =>
    handle.db.select().from(escalationRatings).where(eq(escalationRatings.escalationId, escalationId));

  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 2 }, kind);
    portal = await startPortal(handle);
    const resolvedAt = new Date(Date.now() - 3_600_000);
    resolved = await createEscalationRow(handle, acme.id, { status: "resolved", resolvedAt, title: "Rate me" });
    open = await createEscalationRow(handle, acme.id, { status: "in_progress", title: "Still open" });
    sakuraResolved = await createEscalationRow(handle, sakura.id, { status: "resolved", resolvedAt });
    const users = await handle.db.select({ id: user.id, email: user.email }).from(user);
    viewerId = users.find((u) => u.email === "viewer@acme.example")!.id;
    sakuraAdminId = users.find((u) => u.email === "admin@sakura.example")!.id;
  }, 180_000);

  afterAll(async () => {
    await stopEscalationListener();
    await portal?.close();
    await handle?.close();
  });

  it("takes one rating per resolved escalation, shows it on the page and lets the customer change it", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const first = await viewer.post(`/escalations/${resolved}/rating`, { score: "2", comment: "Slow to answer" });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, message: "joint.rating.thanks" });

    const page = await (await viewer.get(`/escalations/${resolved}`)).text();
    expect(page).toContain("How did we do?");
    expect(page).toContain("Slow to answer");
    expect(page).toContain("2 of 5");

    const again = await viewer.post(`/escalations/${resolved}/rating`, {
      score: "4",
      comment: "Solved well in the end",
    });
    expect(await again.json()).toMatchObject({ ok: true, message: "joint.rating.updated" });
    const rows = await ratingsOf(resolved);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 4, comment: "Solved well in the end", ratedByUserId: viewerId });

    const audit = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, resolved), sql`${auditLog.action} like 'escalation.rat%'`));
    expect(audit.map((a) => a.action).sort()).toEqual(["escalation.rated", "escalation.rating_changed"]);
  });

  it("refuses a rating before resolution, a score outside 1-5, and a rating by staff", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const early = await viewer.post(`/escalations/${open}/rating`, { score: "5", comment: "" });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ ok: false, message: "joint.rating.error.notResolved" });

    for (const score of ["0", "6", "4.5", "", "five"]) {
      const bad = await viewer.post(`/escalations/${resolved}/rating`, { score });
      expect(bad.status, score).toBe(400);
      expect(await bad.json()).toMatchObject({ errors: { score: "joint.rating.error.score" } });
    }
    const long = await viewer.post(`/escalations/${resolved}/rating`, { score: "3", comment: "x".repeat(2001) });
    expect(long.status).toBe(400);

    const agent = await client().signIn("agent@sightline.example");
    await agent.openAccount(acme.id);
    const staff = await agent.post(`/escalations/${resolved}/rating`, { score: "5" });
    expect(staff.status).toBe(403);
    expect((await ratingsOf(resolved))[0].score).toBe(4);
    expect(await ratingsOf(open)).toHaveLength(0);
  });

  it("locks a rating 7 days after it was given, in the service and in the database", async () => {
    const old = await createEscalationRow(handle, acme.id, { status: "closed", resolvedAt: new Date() });
    const given = new Date(Date.now() - 8 * 86_400_000);
    await handle.db.insert(escalationRatings).values({
      tenantId: acme.id,
      escalationId: old,
      score: 3,
      ratedByUserId: viewerId,
      ratedByName: "Acme Viewer",
      createdAt: given,
      updatedAt: given,
    });
    const viewer = await client().signIn("viewer@acme.example");
    const late = await viewer.post(`/escalations/${old}/rating`, { score: "5" });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ message: "joint.rating.error.locked" });
    const page = await (await viewer.get(`/escalations/${old}`)).text();
    expect(page).toContain("This rating can no longer be changed.");

    const direct = await errorAs(
      handle,
      { role: "portal_customer", tenantId: acme.id, userId: viewerId },
      sql`update escalation_ratings set score = 5 where escalation_id = ${old}::uuid`,
    );
    expect(direct).toMatch(/7 days/);
    expect((await ratingsOf(old))[0].score).toBe(3);
  });

  it("lets no customer of another account rate or see a rating, by page or by SQL", async () => {
    const sakuraAdmin = await client().signIn("admin@sakura.example");
    const foreign = await sakuraAdmin.post(`/escalations/${resolved}/rating`, { score: "1", comment: "sabotage" });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ message: "joint.rating.error.notFound" });
    expect((await sakuraAdmin.get(`/escalations/${resolved}`)).status).toBe(404);
    expect((await ratingsOf(resolved))[0].score).toBe(4);

    const asSakura = { role: "portal_customer" as const, tenantId: sakura.id, userId: sakuraAdminId };
    const visible = await queryAs<{ tenant_id: string }>(
      handle,
      asSakura,
      sql`select tenant_id from escalation_ratings`,
    );
    expect(visible.length).toBeGreaterThan(0); // the demo's own ratings
    expect(visible.filter((r) => r.tenant_id !== sakura.id)).toEqual([]);
    // Claiming the other tenant, or the other tenant's escalation under one's own tenant: refused.
    expect(
      await errorAs(
        handle,
        asSakura,
        sql`insert into escalation_ratings (tenant_id, escalation_id, score, rated_by_user_id, rated_by_name)
            values (${acme.id}::uuid, ${resolved}::uuid, 1, ${sakuraAdminId}, 'x')`,
      ),
    ).toMatch(/row-level security|only a resolved escalation can be rated/);
    expect(
      await errorAs(
        handle,
        asSakura,
        sql`insert into escalation_ratings (tenant_id, escalation_id, score, rated_by_user_id, rated_by_name)
            values (${sakura.id}::uuid, ${resolved}::uuid, 1, ${sakuraAdminId}, 'x')`,
      ),
    ).not.toBeNull();
    // Nor rates in someone else's name within the own account.
    expect(
      await errorAs(
        handle,
        asSakura,
        sql`insert into escalation_ratings (tenant_id, escalation_id, score, rated_by_user_id, rated_by_name)
            values (${sakura.id}::uuid, ${sakuraResolved}::uuid, 1, ${viewerId}, 'x')`,
      ),
    ).toMatch(/row-level security/);
    // Unrelated staff see nothing either: an agent assigned to no account.
    const staffId = randomUUID();
    expect(
      await queryAs(handle, { role: "portal_staff", tenantId: null, staffId }, sql`select * from escalation_ratings`),
    ).toEqual([]);
    expect(
      await errorAs(
        handle,
        { role: "portal_staff", tenantId: null, staffId },
        sql`update escalation_ratings set score = 1`,
      ),
    ).toMatch(/permission denied/);
  });

  it("shows staff the ratings of the accounts they may see, per account and per agent", async () => {
    const viewer = await client().signIn("admin@sakura.example");
    expect((await viewer.post(`/escalations/${sakuraResolved}/rating`, { score: "5" })).status).toBe(200);

    const agent = await client().signIn("agent@sightline.example"); // Acme and Nordwind only
    const agentPage = await (await agent.get("/staff/satisfaction")).text();
    expect(agentPage).toContain("Customer satisfaction");
    expect(agentPage).toContain(`data-testid="account-${acme.id}"`);
    expect(agentPage).not.toContain(`data-testid="account-${sakura.id}"`);
    expect(agentPage).toContain("Solved well in the end");

    const lead = await client().signIn("lead@sightline.example");
    const leadPage = await (await lead.get(`/staff/satisfaction?days=30&tenant=${sakura.id}`)).text();
    expect(leadPage).toContain(`data-testid="account-${sakura.id}"`);
    expect(leadPage).toContain(`data-testid="account-${acme.id}"`);
    expect(leadPage).not.toContain("Solved well in the end"); // the latest list follows the chosen account

    const customer = await client().signIn("viewer@acme.example");
    expect((await customer.get("/staff/satisfaction")).status).not.toBe(200);
  });

  it("puts satisfaction and escalation response beside OTIF per fiscal period (hand-computed)", async () => {
    const t = await createTenant(handle, { timeZone: "Europe/Berlin" });
    await storeCalendar(handle, t.id, officeCalendar("Europe/Berlin", { start: "08:00", end: "17:00" }, null));
    await setTarget(handle, t.id, "P3", 240, 2400);
    const at = (iso: string) => new Date(iso);
    // Berlin is UTC+1 in January: 09:00 local = 08:00Z. Office hours 08:00-17:00 Mon-Fri.
    const e1 = await createEscalationRow(handle, t.id, {
      status: "closed",
      createdAt: at("2026-01-05T08:00:00Z"), // Mon 09:00
      firstResponseAt: at("2026-01-05T10:00:00Z"), // 11:00: 120 business minutes, met
      resolvedAt: at("2026-01-06T10:00:00Z"),
    });
    const e2 = await createEscalationRow(handle, t.id, {
      status: "resolved",
      createdAt: at("2026-01-09T15:00:00Z"), // Fri 16:00
      firstResponseAt: at("2026-01-12T09:00:00Z"), // Mon 10:00: 60 + 120 = 180, met
      resolvedAt: at("2026-02-02T10:00:00Z"),
    });
    const e3 = await createEscalationRow(handle, t.id, {
      status: "resolved",
      createdAt: at("2026-01-20T08:00:00Z"), // Tue 09:00
      firstResponseAt: at("2026-01-20T14:00:00Z"), // 15:00: 360, missed
      resolvedAt: at("2026-02-03T10:00:00Z"),
    });
    for (const [escalationId, score] of [
      [e1, 5],
      [e2, 2],
      [e3, 4],
    ] as const)
      await handle.db
        .insert(escalationRatings)
        .values({ tenantId: t.id, escalationId, score, ratedByName: "Customer" });
    setDb(handle);
    const points = await satisfactionTrend(
      { role: "portal_customer", tenantId: t.id, userId: null },
      {
        id: t.id,
        name: t.name,
        slug: t.slug,
        tier: "standard",
        timeZone: "Europe/Berlin",
        country: "DE",
        region: null,
      },
      [
        { id: "FY2026-P01", label: "Jan 2026", start: "2026-01-01", end: "2026-01-31", otif: 91.5 },
        { id: "FY2026-P02", label: "Feb 2026", start: "2026-02-01", end: "2026-02-28", otif: null },
      ],
      at("2026-03-01T00:00:00Z"),
    );
    expect(points).toEqual([
      {
        id: "FY2026-P01",
        label: "Jan 2026",
        otif: 91.5,
        raised: 3,
        judged: 3,
        responseMetPct: 66.7,
        responseHours: 3.7, // (120 + 180 + 360) / 3 = 220 minutes
        count: 1,
        average: 5,
        satisfiedPct: 100,
        distribution: [0, 0, 0, 0, 1],
      },
      {
        id: "FY2026-P02",
        label: "Feb 2026",
        otif: null,
        raised: 0,
        judged: 0,
        responseMetPct: null,
        responseHours: null,
        count: 2,
        average: 3,
        satisfiedPct: 50,
        distribution: [0, 1, 0, 1, 0],
      },
    ]);
  });

  it("judges an escalation's first response by the protocol version it was raised under, not the one in effect now", async () => {
    const t = await createTenant(handle, { timeZone: "Europe/Berlin" });
    await storeCalendar(handle, t.id, officeCalendar("Europe/Berlin", { start: "08:00", end: "17:00" }, null));
    const raisedUnder = defaultTerms(DEFAULT_SLA_TARGETS.standard);
    raisedUnder.severities.P3.firstResponseMinutes = 240;
    await insertAcceptedVersion(handle, { tenantId: t.id, version: 1, terms: raisedUnder });
    const id = await createEscalationRow(handle, t.id, {
      status: "resolved",
      createdAt: new Date("2026-01-20T08:00:00Z"), // Tue 09:00 Berlin
      firstResponseAt: new Date("2026-01-20T14:00:00Z"), // 15:00: 360 business minutes, over version 1's 240
      resolvedAt: new Date("2026-01-21T10:00:00Z"),
    });
    await handle.db.update(escalations).set({ protocolVersion: 1 }).where(eq(escalations.id, id));
    // Version 2, agreed later, would call 360 minutes met.
    const later = structuredClone(raisedUnder);
    later.severities.P3.firstResponseMinutes = 480;
    await insertAcceptedVersion(handle, { tenantId: t.id, version: 2, terms: later, basedOn: 1 });
    await setTarget(handle, t.id, "P3", 480, 2400);
    setDb(handle);
    const [jan] = await satisfactionTrend(
      { role: "portal_customer", tenantId: t.id, userId: null },
      { ...tenantSummaryOf(acme), id: t.id, name: t.name, slug: t.slug, tier: "standard", timeZone: "Europe/Berlin" },
      [{ id: "FY2026-P01", label: "Jan 2026", start: "2026-01-01", end: "2026-01-31", otif: null }],
      new Date("2026-03-01T00:00:00Z"),
    );
    expect(jan).toMatchObject({ raised: 1, judged: 1, responseMetPct: 0, responseHours: 6 });
  });

  it("shows the customer's SLA page with the satisfaction of the current period", async () => {
    const db = { role: "portal_customer" as const, tenantId: acme.id, userId: viewerId };
    const viewer = await client().signIn("viewer@acme.example");
    const res = await viewer.get("/sla");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Reliability and satisfaction");
    // The newest row is the current period, as the service computes it (figures: the hand-computed test).
    setDb(handle);
    const sc = await buildScorecard(db, tenantSummaryOf(acme), { period: parsePeriodSelection("this-period")! });
    if (!sc.ok) throw new Error(sc.message);
    const points = await satisfactionTrend(db, tenantSummaryOf(acme), sc.scorecard.trend);
    const current = points[points.length - 1];
    expect(current.count).toBeGreaterThanOrEqual(2); // the two rated above, resolved within the last hour
    const row = /data-testid="satisfaction-([^"]+)">([\s\S]*?)<\/tr>/.exec(html);
    expect(row?.[1]).toBe(current.id);
    expect(row?.[2]).toContain(`${current.average!.toFixed(1).replace(/\.0$/, "")} / 5`);
  });
});
