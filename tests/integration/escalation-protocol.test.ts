// The co-developed escalation protocol, on both databases: either side proposes, and a proposal
// takes effect only when the other side accepts it (neither side alone changes the protocol in
// effect — through the page, and in SQL as the runtime role); customer viewers and support agents
// read but cannot propose or decide; another account can neither read nor touch the protocol;
// escalations keep the version they were raised under; open escalations move up the protocol's
// levels at its business-time thresholds (hand-computed across a weekend and holidays), telling
// each contact in their own language.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import {
  auditLog,
  escalationNotifications,
  escalationProtocolVersions,
  escalations,
  member,
  user,
} from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import type { ProtocolTerms } from "#app/domain/joint/protocol";
import type { Locale } from "#app/i18n/locales";
import { runEscalationChecks } from "#app/server/escalations/alerts.server";
import { noticeWords } from "#app/server/escalations/notify.server";
import { stopEscalationListener } from "#app/server/escalations/live.server";
import { getEscalationProtocol } from "#app/server/joint/protocol-escalation.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb } from "../support/db";
import { Client, createEscalationRow, officeCalendar, storeCalendar } from "../support/escalations";
import { startPortal, type TestPortal } from "../support/portal";
import { proposalForm as formOf, insertAcceptedVersion, latestAcceptedVersion } from "../support/protocol";
import { errorAs, queryAs } from "../support/roles";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

const [acme, nordwind, sakura] = DEMO_TENANTS;

await describeEachDb("escalation protocol", (kind) => {
  let handle: DbHandle;
  let portal: TestPortal;
  let ip = 1;
  const client = () => new Client(portal.url, `198.51.100.${ip++}`);
  let acmeAdminId: string;
  let sakuraAdminId: string;

  const versionsOf = (tenantId: string) =>
    handle.db
      .select({ version: escalationProtocolVersions.version, status: escalationProtocolVersions.status })
      .from(escalationProtocolVersions)
      .where(eq(escalationProtocolVersions.tenantId, tenantId))
      .orderBy(escalationProtocolVersions.version);
  const inEffect = async (tenantId: string) => {
    const rows = (await versionsOf(tenantId)).filter((r) => r.status === "accepted");
    return rows[rows.length - 1]?.version ?? null;
  };
  const pending = async (tenantId: string) => (await versionsOf(tenantId)).find((r) => r.status === "pending") ?? null;
  const termsOf = async (tenantId: string, version: number) =>
    (
      await handle.db
        .select({ terms: escalationProtocolVersions.terms })
        .from(escalationProtocolVersions)
        .where(and(eq(escalationProtocolVersions.tenantId, tenantId), eq(escalationProtocolVersions.version, version)))
    )[0].terms;

  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 2 }, kind);
    portal = await startPortal(handle);
    const users = await handle.db.select({ id: user.id, email: user.email }).from(user);
    acmeAdminId = users.find((u) => u.email === "admin@acme.example")!.id;
    sakuraAdminId = users.find((u) => u.email === "admin@sakura.example")!.id;
  }, 180_000);

  afterAll(async () => {
    await stopEscalationListener();
    await portal?.close();
    await handle?.close();
  });

  it("shows the protocol in effect and the pending proposal as a list of changes to customers and staff", async () => {
    // The demo: version 2 in effect (one accepted change), version 3 proposed by Sightline.
    expect(await versionsOf(acme.id)).toEqual([
      { version: 1, status: "accepted" },
      { version: 2, status: "accepted" },
      { version: 3, status: "pending" },
    ]);
    const viewer = await client().signIn("viewer@acme.example");
    const page = await (await viewer.get("/protocol")).text();
    expect(page).toContain("Version 2, in effect since");
    expect(page).toContain("Proposed change: version 3");
    expect(page).toContain("Fill-rate floor: 95% → 96%");
    expect(page).toContain("Your account&#x27;s admins accept or decline proposals.");
    expect(page).not.toContain("Accept version 3");

    const lead = await client().signIn("lead@sightline.example");
    await lead.openAccount(acme.id);
    const staffPage = await (await lead.get("/protocol")).text();
    expect(staffPage).toContain("Withdraw the proposal");
    expect(staffPage).not.toContain("Accept version 3");
  });

  it("tells the platform admin on the targets page that the agreed protocol, not an override, sets the account's targets", async () => {
    const ops = await client().signIn("ops@sightline.example");
    const page = await (await ops.get(`/staff/queue/targets?tenant=${acme.id}`)).text();
    expect(page).toContain(`${acme.name} and Sightline agreed an escalation protocol (version 2)`);
  });

  it("lets neither side accept its own proposal: Sightline's waits for the customer's admin", async () => {
    const lead = await client().signIn("lead@sightline.example");
    await lead.openAccount(acme.id);
    const own = await lead.post("/protocol", { intent: "accept", version: "3" });
    expect(own.status).toBe(403);
    expect(await inEffect(acme.id)).toBe(2);

    const viewer = await client().signIn("viewer@acme.example");
    expect((await viewer.post("/protocol", { intent: "accept", version: "3" })).status).toBe(403);
    expect(await inEffect(acme.id)).toBe(2);

    const admin = await client().signIn("admin@acme.example");
    const accepted = await admin.post("/protocol", { intent: "accept", version: "3" });
    expect(accepted.status).toBe(200);
    expect(await inEffect(acme.id)).toBe(3);
    expect(await pending(acme.id)).toBeNull();

    const audit = await handle.db
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "escalation_protocol"), eq(auditLog.targetId, `${acme.id}:3`)));
    expect(audit).toContainEqual({ action: "escalation_protocol.accepted", actor: acmeAdminId });
  });

  it("takes the customer's proposal into effect only when a support lead accepts it", async () => {
    const current = await termsOf(acme.id, 3);
    const changed: ProtocolTerms = structuredClone(current);
    changed.severities.P2.resolutionMinutes = 300;
    changed.severities.P2.definition = "A named customer's order will be late unless we act today.";

    const admin = await client().signIn("admin@acme.example");
    const proposed = await admin.post("/protocol", formOf(changed, "Tighter P2"));
    expect(proposed.status).toBe(200);
    expect(await pending(acme.id)).toEqual({ version: 4, status: "pending" });
    expect(await inEffect(acme.id)).toBe(3);
    const page = await (await admin.get("/protocol")).text();
    expect(page).toContain("P2: resolution 6 h → 5 h");
    expect(page).toContain("Withdraw the proposal");

    // A second proposal waits until this one is answered; the proposer cannot accept it.
    expect((await admin.post("/protocol", formOf(changed, "Again"))).status).toBe(409);
    expect((await admin.post("/protocol", { intent: "accept", version: "4" })).status).toBe(403);
    // An agent reads the protocol but speaks for nobody.
    const agent = await client().signIn("agent@sightline.example");
    await agent.openAccount(acme.id);
    expect((await agent.post("/protocol", { intent: "accept", version: "4" })).status).toBe(403);
    expect(await inEffect(acme.id)).toBe(3);

    const lead = await client().signIn("lead@sightline.example");
    await lead.openAccount(acme.id);
    expect((await lead.post("/protocol", { intent: "accept", version: "4" })).status).toBe(200);
    expect(await inEffect(acme.id)).toBe(4);
    expect((await termsOf(acme.id, 4)).severities.P2.resolutionMinutes).toBe(300);
  });

  it("refuses a proposal from a customer viewer and a proposal that changes nothing", async () => {
    const before = await versionsOf(acme.id);
    const terms = await termsOf(acme.id, (await inEffect(acme.id))!);
    const changed: ProtocolTerms = structuredClone(terms);
    changed.review.otifFloorPct = 80;
    const viewer = await client().signIn("viewer@acme.example");
    expect((await viewer.post("/protocol", formOf(changed))).status).toBe(403);
    const admin = await client().signIn("admin@acme.example");
    expect((await admin.post("/protocol", formOf(terms))).status).toBe(400);
    const bad = await admin.post("/protocol", { ...formOf(changed), "P1.resolutionHours": "soon" });
    expect(bad.status).toBe(400);
    expect(await versionsOf(acme.id)).toEqual(before);
  });

  it("keeps a running escalation on the version it was raised under", async () => {
    const admin = await client().signIn("admin@acme.example");
    const raised = await admin.post("/escalations/new", {
      category: "late_delivery",
      severity: "P2",
      title: "Raised under version 4",
      description: "The order has not arrived and nobody told us why.",
      desiredOutcome: "A new delivery date.",
    });
    expect(raised.status).toBe(302);
    const id = /\/escalations\/([0-9a-f-]{36})/.exec(raised.headers.get("location") ?? "")![1];
    const [row] = await handle.db
      .select({ v: escalations.protocolVersion, level: escalations.level })
      .from(escalations)
      .where(eq(escalations.id, id));
    expect(row).toEqual({ v: 4, level: "agent" });

    const changed: ProtocolTerms = structuredClone(await termsOf(acme.id, 4));
    changed.severities.P2.resolutionMinutes = 600;
    await admin.post("/protocol", formOf(changed, "Looser P2"));
    const lead = await client().signIn("lead@sightline.example");
    await lead.openAccount(acme.id);
    expect((await lead.post("/protocol", { intent: "accept", version: "5" })).status).toBe(200);

    const page = await (await admin.get(`/escalations/${id}`)).text();
    expect(page).toContain("Protocol version 4");
    const detail = (await (await admin.get(`/api/v1/escalations/${id}`)).json()) as {
      sla: { resolution: { targetMinutes: number } };
    };
    expect(detail.sla.resolution.targetMinutes).toBe(300);
  });

  it("shows another account nothing of the protocol and lets it change nothing, on the page and in SQL", async () => {
    const before = await versionsOf(acme.id);
    const sakuraAdmin = await client().signIn("admin@sakura.example");
    const page = await (await sakuraAdmin.get("/protocol")).text();
    expect(page).toContain(sakura.name);
    expect(page).not.toContain(acme.name);
    // Sakura's own pending version 3 is Sightline's: accepting "3" touches Sakura's, never Acme's.
    expect((await sakuraAdmin.post("/protocol", { intent: "decline", version: "3" })).status).toBe(200);
    expect(await versionsOf(acme.id)).toEqual(before);
    expect(await pending(sakura.id)).toBeNull();

    const asSakura = { role: "portal_customer" as const, tenantId: sakura.id, userId: sakuraAdminId };
    const seen = await queryAs<{ n: number }>(
      handle,
      asSakura,
      sql`select count(*)::int as n from escalation_protocol_versions where tenant_id = ${acme.id}::uuid`,
    );
    expect(seen[0].n).toBe(0);
    const insert = await errorAs(
      handle,
      asSakura,
      sql`insert into escalation_protocol_versions (tenant_id, version, terms, proposed_side, proposed_by_user_id, proposed_by_name, based_on)
          values (${acme.id}::uuid, 99, '{}'::jsonb, 'customer', ${sakuraAdminId}, 'Intruder', ${await inEffect(acme.id)})`,
    );
    // Refused before the policy even looks: Acme's versions are invisible, so Sakura's "version in
    // effect" for Acme is none, and the trigger refuses a proposal on top of a version it cannot see.
    expect(insert).toMatch(/row-level security|on top of the protocol in effect/);
    expect(await versionsOf(acme.id)).toEqual(before);
  });

  it("refuses in SQL what the service refuses: accepting one's own side's proposal, or proposing for the other side", async () => {
    const asAcme = { role: "portal_customer" as const, tenantId: acme.id, userId: acmeAdminId };
    const version = (await inEffect(acme.id))!;
    const next = (await versionsOf(acme.id)).length + 1;
    const asProvider = await errorAs(
      handle,
      asAcme,
      sql`insert into escalation_protocol_versions (tenant_id, version, terms, proposed_side, proposed_by_user_id, proposed_by_name, based_on)
          values (${acme.id}::uuid, ${next}, '{}'::jsonb, 'provider', ${acmeAdminId}, 'Acme Admin', ${version})`,
    );
    expect(asProvider).toMatch(/your own side/);
    const acceptedAtOnce = await errorAs(
      handle,
      asAcme,
      sql`insert into escalation_protocol_versions (tenant_id, version, terms, proposed_side, proposed_by_user_id, proposed_by_name, based_on, status)
          values (${acme.id}::uuid, ${next}, '{}'::jsonb, 'customer', ${acmeAdminId}, 'Acme Admin', ${version}, 'accepted')`,
    );
    expect(acceptedAtOnce).toMatch(/your own side/);
    await queryAs(
      handle,
      asAcme,
      sql`insert into escalation_protocol_versions (tenant_id, version, terms, proposed_side, proposed_by_user_id, proposed_by_name, based_on)
          values (${acme.id}::uuid, ${next}, ${JSON.stringify(await termsOf(acme.id, version))}::jsonb, 'customer', ${acmeAdminId}, 'Acme Admin', ${version})`,
    );
    const selfAccept = await errorAs(
      handle,
      asAcme,
      sql`update escalation_protocol_versions set status = 'accepted', decided_side = 'customer',
            decided_by_user_id = ${acmeAdminId}, decided_by_name = 'Acme Admin'
          where tenant_id = ${acme.id}::uuid and version = ${next}`,
    );
    expect(selfAccept).toMatch(/other side/);
    const rewrite = await errorAs(
      handle,
      asAcme,
      sql`update escalation_protocol_versions set terms = '{}'::jsonb where tenant_id = ${acme.id}::uuid and version = ${next}`,
    );
    expect(rewrite).toMatch(/permission denied/);
    expect(await inEffect(acme.id)).toBe(version);
  });
});

await describeEachDb("escalation protocol levels", (kind) => {
  let handle: DbHandle;
  let portal: TestPortal;
  let version: number;
  let id: string;
  let leadId: string;

  // Nordwind works 09:00-17:00 in Berlin with Bavarian holidays. P3 under this version moves to
  // the lead after 4, the account executive after 8 and leadership after 16 business hours.
  // Raised Thursday 2 April 2026 15:00 Berlin (13:00Z, UTC+2): 2 h on Thursday; Good Friday,
  // the weekend and Easter Monday count nothing; then Tuesday 7 April from 09:00.
  //   lead:              2 h + 2 h → Tuesday 11:00 Berlin = 09:00Z
  //   account executive: 2 h + 6 h → Tuesday 15:00 Berlin = 13:00Z
  //   leadership:        2 h + 8 h (Tuesday) + 6 h → Wednesday 8 April 15:00 Berlin = 13:00Z
  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 2 }, kind);
    portal = await startPortal(handle);
    await storeCalendar(
      handle,
      nordwind.id,
      officeCalendar("Europe/Berlin", { start: "09:00", end: "17:00" }, { country: "DE", region: "BY" }),
    );
    const current = await latestAcceptedVersion(handle, nordwind.id);
    if (!current) throw new Error("the demo seed gave Nordwind no accepted protocol");
    const terms: ProtocolTerms = structuredClone(current.terms);
    terms.severities.P3.twentyFourSeven = false;
    terms.severities.P3.levelAfterMinutes = { lead: 240, account_executive: 480, leadership: 960 };
    version = 10;
    await insertAcceptedVersion(handle, {
      tenantId: nordwind.id,
      version,
      terms,
      basedOn: current.version,
      proposedSide: "customer",
      decidedAt: new Date("2026-03-01T00:00:00Z"),
    });
    id = await createEscalationRow(handle, nordwind.id, {
      severity: "P3",
      status: "in_progress",
      createdAt: new Date("2026-04-02T13:00:00Z"),
      firstResponseAt: new Date("2026-04-02T13:10:00Z"),
      title: "Level-up across Easter",
    });
    await handle.db.update(escalations).set({ protocolVersion: version }).where(eq(escalations.id, id));
    leadId = (await handle.db.select({ id: user.id }).from(user).where(eq(user.email, "lead@sightline.example")))[0].id;
  }, 180_000);

  afterAll(async () => {
    await stopEscalationListener();
    await portal?.close();
    await handle?.close();
  });

  const levelOf = async () =>
    (await handle.db.select({ level: escalations.level }).from(escalations).where(eq(escalations.id, id)))[0].level;

  it("moves to the lead at Tuesday 11:00 Berlin, not a minute before, across Good Friday, the weekend and Easter Monday", async () => {
    // Each contact reads the notice in their own language: Nordwind's second admin chose Japanese
    // (the first follows the account's German), the Sightline lead chose none (English).
    const [second] = await handle.db
      .insert(user)
      .values({ id: randomUUID(), name: "Nordwind Zweit", email: "zweit@nordwind.example", locale: "ja" })
      .returning({ id: user.id });
    await handle.db.insert(member).values({
      id: randomUUID(),
      organizationId: nordwind.id,
      userId: second.id,
      role: "customer_admin",
    });
    const withSecond: ProtocolTerms = structuredClone(
      (
        await handle.db
          .select({ terms: escalationProtocolVersions.terms })
          .from(escalationProtocolVersions)
          .where(
            and(eq(escalationProtocolVersions.tenantId, nordwind.id), eq(escalationProtocolVersions.version, version)),
          )
      )[0].terms,
    );
    const adminContact = withSecond.contacts.find((c) => c.email === "admin@nordwind.example" && c.level === "lead")!;
    withSecond.contacts.push({ ...adminContact, name: "Nordwind Zweit", email: "zweit@nordwind.example" });
    await handle.db
      .update(escalationProtocolVersions)
      .set({ terms: withSecond })
      .where(
        and(eq(escalationProtocolVersions.tenantId, nordwind.id), eq(escalationProtocolVersions.version, version)),
      );
    await runEscalationChecks(handle, new Date("2026-04-07T08:59:00Z"));
    expect(await levelOf()).toBe("agent");
    const report = await runEscalationChecks(handle, new Date("2026-04-07T09:00:00Z"));
    expect(report.levelUps).toBeGreaterThanOrEqual(1);
    expect(await levelOf()).toBe("lead");
    // Once: a second run at the same time moves nothing and tells nobody again.
    await runEscalationChecks(handle, new Date("2026-04-07T09:00:00Z"));
    const notices = await handle.db
      .select({
        to: escalationNotifications.recipientUserId,
        title: escalationNotifications.title,
        body: escalationNotifications.body,
        messageKey: escalationNotifications.messageKey,
        messageParams: escalationNotifications.messageParams,
      })
      .from(escalationNotifications)
      .where(eq(escalationNotifications.escalationId, id));
    // Nordwind's protocol names its admins and the Sightline lead at this level. Staff read the
    // platform key, the customer the account's own number; each in their own language.
    const adminId = (
      await handle.db.select({ id: user.id }).from(user).where(eq(user.email, "admin@nordwind.example"))
    )[0].id;
    // Stored as key and values (worded when read): each reader's language.
    const localeOf: Record<string, Locale> = { [adminId]: "de", [second.id]: "ja", [leadId]: "en" };
    const byRecipient = Object.fromEntries(
      notices.map((n) => [
        n.to,
        noticeWords(n as Parameters<typeof noticeWords>[0], localeOf[n.to] ?? "en", "UTC").title,
      ]),
    );
    expect(Object.keys(byRecipient).sort()).toEqual([adminId, leadId, second.id].sort());
    expect(byRecipient[adminId]).toMatch(/^ESC-\d+ ist an Support-Leitung eskaliert$/);
    expect(byRecipient[second.id]).toMatch(/^ESC-\d+ がサポートリーダーへエスカレーションされました$/);
    expect(byRecipient[leadId]).toMatch(/^[A-Z]+-\d+ moved up to Support lead$/);
  });

  it("shows the customer the move in the escalation's timeline and when the next level comes", async () => {
    const admin = await new Client(portal.url, "198.51.100.200").signIn("admin@nordwind.example");
    const page = await (await admin.get(`/escalations/${id}`)).text();
    // In Nordwind's language, as the rest of the page.
    expect(page).toContain("Hochgestuft zu: Support-Leitung (Protokollversion 10)");
    const view = await getEscalationProtocol(
      {
        kind: "customer",
        db: { role: "portal_customer", tenantId: nordwind.id, userId: null },
        tenantId: nordwind.id,
        userId: null,
        name: "Test",
      },
      id,
      new Date("2026-04-07T10:00:00Z"),
    );
    expect(view).toMatchObject({
      version: 10,
      level: "lead",
      next: { level: "account_executive", at: "2026-04-07T13:00:00.000Z" },
    });
  });

  it("shows the support team the escalation's level and who is on it beside its clocks", async () => {
    const lead = await new Client(portal.url, "198.51.100.201").signIn("lead@sightline.example");
    const page = await (await lead.get(`/staff/queue/${id}`)).text();
    expect(page).toContain("Level: Support lead");
    expect(page).toContain("Lee Lead, Support lead (Sightline)");
  });

  it("moves on to the account executive at Tuesday 15:00 and to leadership at Wednesday 15:00 Berlin", async () => {
    await runEscalationChecks(handle, new Date("2026-04-07T12:59:00Z"));
    expect(await levelOf()).toBe("lead");
    await runEscalationChecks(handle, new Date("2026-04-07T13:00:00Z"));
    expect(await levelOf()).toBe("account_executive");
    await runEscalationChecks(handle, new Date("2026-04-08T12:59:00Z"));
    expect(await levelOf()).toBe("account_executive");
    await runEscalationChecks(handle, new Date("2026-04-08T13:00:00Z"));
    expect(await levelOf()).toBe("leadership");
    const moves = await handle.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "escalation.level_raised")))
      .orderBy(auditLog.id);
    expect(moves.map((m) => m.detail.to)).toEqual(["lead", "account_executive", "leadership"]);
  });
});
