// "Running escalations keep the version they started under unless both agree otherwise", on both
// databases: a proposal may say it also applies to running escalations; when the other side
// accepts it, every unfinished escalation of the account moves to the new version in the same
// transaction — its targets, stored deadlines and level thresholds are the new version's, and its
// timeline says who agreed — while resolved and closed ones stay. Without the flag nothing moves.
// Neither side alone can move anything (no runtime role may write protocol_version; the 0090
// function moves only for an acceptance the caller just made), and another account cannot.
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { auditLog, escalationAlerts, escalationProtocolVersions, escalations, user } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import type { ProtocolTerms } from "#app/domain/joint/protocol";
import { runEscalationChecks } from "#app/server/escalations/alerts.server";
import { stopEscalationListener } from "#app/server/escalations/live.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb } from "../support/db";
import { Client, createEscalationRow } from "../support/escalations";
import { startPortal, type TestPortal } from "../support/portal";
import { proposalForm } from "../support/protocol";
import { asRole, errorAs } from "../support/roles";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

const [acme, nordwind, sakura] = DEMO_TENANTS;
const deccan = DEMO_TENANTS.find((d) => d.emailDomain === "deccan.example")!;
const MINUTE = 60_000;

await describeEachDb("running escalations and protocol changes", (kind) => {
  let handle: DbHandle;
  let portal: TestPortal;
  let ip = 1;
  const client = () => new Client(portal.url, `198.51.100.${ip++}`);
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};
  const raisedAt = new Date(Date.now() - 120 * MINUTE);

  const inEffect = async (tenantId: string) => {
    const [row] = await handle.db
      .select({ version: escalationProtocolVersions.version, terms: escalationProtocolVersions.terms })
      .from(escalationProtocolVersions)
      .where(and(eq(escalationProtocolVersions.tenantId, tenantId), eq(escalationProtocolVersions.status, "accepted")))
      .orderBy(sql`version desc`)
      .limit(1);
    return row;
  };
  const rowsOf = (tenantId: string) =>
    handle.db
      .select({
        id: escalations.id,
        status: escalations.status,
        version: escalations.protocolVersion,
        responseDueAt: escalations.responseDueAt,
        resolutionDueAt: escalations.resolutionDueAt,
        level: escalations.level,
      })
      .from(escalations)
      .where(eq(escalations.tenantId, tenantId));
  const row = async (id: string) => (await handle.db.select().from(escalations).where(eq(escalations.id, id)))[0];
  const movedEntries = (tenantId: string) =>
    handle.db
      .select({ target: auditLog.targetId, detail: auditLog.detail, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, "escalation.protocol_moved")));
  /** An escalation raised two hours ago under `version` (owner connection, as history is written). */
  async function raise(tenantId: string, version: number, status: "open" | "in_progress" | "resolved" | "closed") {
    const id = await createEscalationRow(handle, tenantId, {
      severity: "P2",
      status,
      createdAt: raisedAt,
      resolvedAt: status === "resolved" || status === "closed" ? new Date(raisedAt.getTime() + 60 * MINUTE) : null,
      title: `P2 ${status} under version ${version}`,
    });
    await handle.db.update(escalations).set({ protocolVersion: version }).where(eq(escalations.id, id));
    return id;
  }

  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 2 }, kind);
    portal = await startPortal(handle);
    for (const u of await handle.db.select({ id: user.id, email: user.email, name: user.name }).from(user)) {
      ids[u.email] = u.id;
      names[u.email] = u.name;
    }
  }, 180_000);

  afterAll(async () => {
    await stopEscalationListener();
    await portal?.close();
    await handle?.close();
  });

  it("moves every open escalation of the account when the support lead accepts the customer's proposal that says so, and leaves finished ones", async () => {
    // The demo's pending version 3 (Sightline's) is answered first: one proposal at a time.
    const admin = await client().signIn("admin@acme.example");
    expect((await admin.post("/protocol", { intent: "decline", version: "3" })).status).toBe(200);
    const open = await raise(acme.id, 2, "open");
    const working = await raise(acme.id, 1, "in_progress");
    const resolved = await raise(acme.id, 2, "resolved");
    const closed = await raise(acme.id, 1, "closed");
    const before = await row(open);

    // Version 4: P2 counts every hour, answer in 30 min, resolve in 3 h, lead after 1 h.
    const terms: ProtocolTerms = structuredClone((await inEffect(acme.id)).terms);
    Object.assign(terms.severities.P2, {
      twentyFourSeven: true,
      firstResponseMinutes: 30,
      resolutionMinutes: 180,
      levelAfterMinutes: { lead: 60, account_executive: 240, leadership: 480 },
    });
    const proposed = await admin.post(
      "/protocol",
      proposalForm(terms, "Faster P2, for running ones too", { applyToRunning: true }),
    );
    expect(proposed.status).toBe(200);
    expect(await (await admin.get("/protocol")).text()).toContain(
      `Also applies to running escalations: when accepted, every open escalation of ${acme.name} moves to version 4`,
    );
    // The proposer alone moves nothing: accepting one's own proposal is refused.
    expect((await admin.post("/protocol", { intent: "accept", version: "4" })).status).toBe(403);
    expect((await row(open)).protocolVersion).toBe(2);

    const running = (await rowsOf(acme.id)).filter((r) => r.status !== "resolved" && r.status !== "closed");
    const lead = await client().signIn("lead@sightline.example");
    await lead.openAccount(acme.id);
    const leadPage = await (await lead.get("/protocol")).text();
    expect(leadPage).toContain("Also applies to running escalations");
    const accepted = await lead.post("/protocol", { intent: "accept", version: "4" });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain(`${running.length} running escalations moved to it.`);

    const after = await rowsOf(acme.id);
    for (const r of after) {
      const finished = r.status === "resolved" || r.status === "closed";
      if (!finished) expect(r.version, r.id).toBe(4);
    }
    expect((await row(working)).protocolVersion).toBe(4);
    expect((await row(resolved)).protocolVersion).toBe(2);
    expect((await row(closed)).protocolVersion).toBe(1);

    // The new version's clocks, hand-computed: 24x7 from the raise, no pauses.
    const moved = await row(open);
    expect(moved.responseDueAt?.toISOString()).toBe(new Date(raisedAt.getTime() + 30 * MINUTE).toISOString());
    expect(moved.resolutionDueAt?.toISOString()).toBe(new Date(raisedAt.getTime() + 180 * MINUTE).toISOString());
    expect(moved.resolutionDueAt?.getTime()).not.toBe(before.resolutionDueAt?.getTime());
    const detail = (await (await admin.get(`/api/v1/escalations/${open}`)).json()) as {
      sla: { resolution: { targetMinutes: number; dueAt: string } };
    };
    expect(detail.sla.resolution).toMatchObject({ targetMinutes: 180, dueAt: moved.resolutionDueAt?.toISOString() });

    // One timeline entry per moved escalation, naming both sides; none for finished ones.
    const entries = await movedEntries(acme.id);
    expect(entries.map((e) => e.target).sort()).toEqual(running.map((r) => r.id).sort());
    expect(entries.find((e) => e.target === working)?.detail).toMatchObject({
      from: 1,
      to: 4,
      proposedSide: "customer",
      acceptedSide: "provider",
    });
    expect(entries.every((e) => e.actor === ids["lead@sightline.example"])).toBe(true);
    const customerPage = await (await admin.get(`/escalations/${open}`)).text();
    const leadFirst = names["lead@sightline.example"].split(" ")[0];
    expect(customerPage).toContain(
      `Moved to protocol version 4 by agreement of ${names["admin@acme.example"]} and ${leadFirst}`,
    );
    expect(customerPage).not.toContain(`and ${names["lead@sightline.example"]}`);
    expect(await (await lead.get(`/staff/queue/${open}`)).text()).toContain(
      `Moved to protocol version 4 by agreement of ${names["admin@acme.example"]} and ${names["lead@sightline.example"]}`,
    );
    const resolvedPage = await (await admin.get(`/escalations/${resolved}`)).text();
    expect(resolvedPage).not.toContain("Moved to protocol version 4");

    // Level thresholds are the new version's: two hours in, past "lead after 1 h" (v2 said later).
    await runEscalationChecks(handle, new Date());
    expect((await row(open)).level).toBe("lead");
    expect((await row(resolved)).level).toBe("agent");
  });

  it("moves nothing when the accepted proposal does not say so, and moves when the customer accepts Sightline's that does", async () => {
    const admin = await client().signIn("admin@nordwind.example");
    expect((await admin.post("/protocol", { intent: "decline", version: "3" })).status).toBe(200);
    const open = await raise(nordwind.id, 2, "open");
    const lead = await client().signIn("lead@sightline.example");
    await lead.openAccount(nordwind.id);

    const plain: ProtocolTerms = structuredClone((await inEffect(nordwind.id)).terms);
    plain.severities.P2.resolutionMinutes += 60;
    expect((await lead.post("/protocol", proposalForm(plain, "Looser P2", { applyToRunning: false }))).status).toBe(
      200,
    );
    expect(await (await admin.get("/protocol")).text()).toContain(
      "Laufende Eskalationen behalten die Version, unter der sie eröffnet wurden.",
    );
    const before = await rowsOf(nordwind.id);
    expect((await admin.post("/protocol", { intent: "accept", version: "4" })).status).toBe(200);
    expect((await inEffect(nordwind.id)).version).toBe(4);
    expect(await rowsOf(nordwind.id)).toEqual(before);
    expect(await movedEntries(nordwind.id)).toEqual([]);

    const flagged: ProtocolTerms = structuredClone(plain);
    flagged.severities.P2.resolutionMinutes += 60;
    const body = proposalForm(flagged, "Looser P2 for everyone", { applyToRunning: true });
    expect((await lead.post("/protocol", body)).status).toBe(200);
    // Accepted by the customer: portal_customer cannot write protocol_version, the 0090 function does.
    const accepted = await admin.post("/protocol", { intent: "accept", version: "5" });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toMatch(/laufende Eskalationen? wechselten? zu ihr\./);
    expect((await row(open)).protocolVersion).toBe(5);
    const page = await (await admin.get(`/escalations/${open}`)).text();
    expect(page).toContain(
      `Zu Protokollversion 5 gewechselt, vereinbart von ${names["lead@sightline.example"].split(" ")[0]} und ${names["admin@nordwind.example"]}`,
    );
  });

  it("measures a running escalation's SLA alerts by the version it runs under, not the one in effect", async () => {
    // Version 4: P3 answered within 10 h, around the clock; version 5 (in effect): within 30 min.
    const base = await inEffect(deccan.id);
    const versionWith = (firstResponseMinutes: number): ProtocolTerms => {
      const terms: ProtocolTerms = structuredClone(base.terms);
      Object.assign(terms.severities.P3, { twentyFourSeven: true, firstResponseMinutes, resolutionMinutes: 1200 });
      return terms;
    };
    for (const [version, minutes] of [
      [4, 600],
      [5, 30],
    ] as const)
      await handle.db.insert(escalationProtocolVersions).values({
        tenantId: deccan.id,
        version,
        terms: versionWith(minutes),
        basedOn: version - 1,
        proposedSide: "customer",
        proposedByName: "Test",
        status: "accepted",
        decidedSide: "provider",
        decidedByName: "Test",
        decidedAt: new Date(),
      });
    const id = await createEscalationRow(handle, deccan.id, { severity: "P3", createdAt: raisedAt });
    await handle.db.update(escalations).set({ protocolVersion: 4 }).where(eq(escalations.id, id));
    // Two hours in: within version 4's first response, long past version 5's.
    await runEscalationChecks(handle, new Date());
    const alerts = await handle.db
      .select({ kind: escalationAlerts.kind })
      .from(escalationAlerts)
      .where(eq(escalationAlerts.escalationId, id));
    expect(alerts).toEqual([]);
    await handle.db.update(escalations).set({ protocolVersion: 5 }).where(eq(escalations.id, id));
    await runEscalationChecks(handle, new Date());
    expect(
      await handle.db
        .select({ kind: escalationAlerts.kind })
        .from(escalationAlerts)
        .where(eq(escalationAlerts.escalationId, id)),
    ).toEqual([{ kind: "sla_breach" }]);
  });

  it("lets neither side move escalations alone in SQL, nor another account", async () => {
    const asAcme = { role: "portal_customer" as const, tenantId: acme.id, userId: ids["admin@acme.example"] };
    const asLead = { role: "portal_staff" as const, tenantId: acme.id, staffId: ids["lead@sightline.example"] };
    const open = await raise(acme.id, 1, "open");

    // No runtime role writes the column itself.
    for (const who of [asAcme, asLead])
      expect(
        await errorAs(handle, who, sql`update escalations set protocol_version = 4 where id = ${open}::uuid`),
      ).toMatch(/permission denied/);

    // A pending proposal that says it applies to running escalations: the proposer calling the
    // function moves nothing, nor does the side that has not accepted it.
    const terms: ProtocolTerms = structuredClone((await inEffect(acme.id)).terms);
    terms.severities.P4.resolutionMinutes += 60;
    const admin = await client().signIn("admin@acme.example");
    expect((await admin.post("/protocol", proposalForm(terms, "P4", { applyToRunning: true }))).status).toBe(200);
    const [pending] = await handle.db
      .select({ version: escalationProtocolVersions.version })
      .from(escalationProtocolVersions)
      .where(and(eq(escalationProtocolVersions.tenantId, acme.id), eq(escalationProtocolVersions.status, "pending")));
    for (const who of [asAcme, asLead])
      expect(
        await errorAs(handle, who, sql`select * from move_running_escalations(${acme.id}::uuid, ${pending.version})`),
      ).toMatch(/only when you accept the other side's proposal/);
    // Version 4 was accepted (with the flag) in an earlier transaction: it cannot be replayed.
    expect(await errorAs(handle, asLead, sql`select * from move_running_escalations(${acme.id}::uuid, 4)`)).toMatch(
      /only when you accept the other side's proposal/,
    );
    expect((await row(open)).protocolVersion).toBe(1);

    // Another account: Sakura's admin for Acme, Acme's admin naming Sakura, an ingest key.
    const asSakura = { role: "portal_customer" as const, tenantId: sakura.id, userId: ids["admin@sakura.example"] };
    expect(await errorAs(handle, asSakura, sql`select * from move_running_escalations(${acme.id}::uuid, 4)`)).toMatch(
      /not an account you work in/,
    );
    expect(await errorAs(handle, asAcme, sql`select * from move_running_escalations(${sakura.id}::uuid, 2)`)).toMatch(
      /not an account you work in/,
    );
    expect(
      await errorAs(
        handle,
        { role: "portal_ingest", tenantId: acme.id },
        sql`select * from move_running_escalations(${acme.id}::uuid, 4)`,
      ),
    ).toMatch(/permission denied/);

    // The legitimate path in SQL: the lead accepts and moves in one transaction; a later
    // transaction cannot move again under that acceptance.
    const moved = await asRole(handle, asLead, async (tx) => {
      await tx.execute(sql`update escalation_protocol_versions set status = 'accepted', decided_side = 'provider',
            decided_by_user_id = ${ids["lead@sightline.example"]}, decided_by_name = 'Lee Lead'
          where tenant_id = ${acme.id}::uuid and version = ${pending.version}`);
      return (
        await tx.execute<{ escalation_id: string; from_version: number }>(
          sql`select * from move_running_escalations(${acme.id}::uuid, ${pending.version})`,
        )
      ).rows;
    });
    expect(moved).toContainEqual({ escalation_id: open, from_version: 1 });
    expect((await row(open)).protocolVersion).toBe(pending.version);
    expect(
      await errorAs(handle, asLead, sql`select * from move_running_escalations(${acme.id}::uuid, ${pending.version})`),
    ).toMatch(/only when you accept the other side's proposal/);
    const sakuraRows = await handle.db
      .select({ v: escalations.protocolVersion })
      .from(escalations)
      .where(and(eq(escalations.tenantId, sakura.id), inArray(escalations.protocolVersion, [4, 5, 6])));
    expect(sakuraRows).toEqual([]);
  });
});
