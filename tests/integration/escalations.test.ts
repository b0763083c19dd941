// Escalations over real HTTP against a migrated, seeded database: raising from the portal and the
// API, the workflow (every allowed and refused move), SLA due times computed by hand in the
// customer's stored calendar, tiered approvals, bad input, notifications and e-mail.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import {
  escalationAlerts,
  escalationApprovals,
  escalationNotifications,
  escalations,
  orders,
  user,
} from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { DEMO_STAFF } from "#db/seed/seed";
import { ESCALATION_STATUSES, type EscalationStatus } from "#app/domain/escalations/workflow";
import {
  Client,
  createEscalationRow,
  eventually,
  officeCalendar,
  setTarget,
  startSmtp,
  storeCalendar,
} from "../support/escalations";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { startPortal, type TestPortal } from "../support/portal";
import { runEscalationChecks } from "#app/server/escalations/alerts.server";
import { createFormatter } from "#app/i18n/format";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

const [acme, nordwind] = DEMO_TENANTS;
let handle: DbHandle;
let portal: TestPortal;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let ip = 1;
const client = () => new Client(portal.url, `198.51.100.${ip++}`);

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  handle = await createSeededTestDb({ ordersPerTenant: 4 });
  portal = await startPortal(handle);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
  await smtp?.close();
});

const count = async () =>
  (await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from escalations`)).rows[0].n;

const validForm = (overrides: Record<string, string> = {}) => ({
  category: "late_delivery",
  severity: "P2",
  title: "Order is late",
  description: "The order has not arrived and nobody told us why.",
  desiredOutcome: "A new delivery date.",
  ...overrides,
});

async function raise(c: Client, overrides: Record<string, string> = {}): Promise<string> {
  // Demo orders may already have an open escalation; these tests raise a separate one on purpose
  // (the duplicate warning itself is specified in staff-workspace.test.ts).
  const confirm: Record<string, string> = overrides.orderId ? { duplicateConfirmed: "yes" } : {};
  const res = await c.post("/escalations/new", validForm({ ...confirm, ...overrides }));
  expect(res.status, await res.clone().text()).toBe(302);
  const m = /^\/escalations\/([0-9a-f-]{36})/.exec(res.headers.get("location") ?? "");
  if (!m) throw new Error(`no escalation id in ${res.headers.get("location")}`);
  return m[1];
}

async function statusOf(id: string): Promise<EscalationStatus> {
  const [r] = await handle.db.select({ s: escalations.status }).from(escalations).where(eq(escalations.id, id));
  return r.s;
}

describe("raising an escalation", () => {
  it("raises one from an order with the order prefilled, and tells the account's agent in-app and by e-mail", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const [order] = await handle.db
      .select({ id: orders.id, number: orders.orderNumber })
      .from(orders)
      .where(eq(orders.tenantId, acme.id))
      .limit(1);
    const form = await viewer.get(`/escalations/new?order=${order.id}`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain(order.number);
    expect(html).toContain(`value="${order.id}"`);

    const mailsBefore = smtp.mails.length;
    const id = await raise(viewer, { orderId: order.id, title: "Marker raise <b>bold</b>" });
    const [row] = await handle.db.select().from(escalations).where(eq(escalations.id, id));
    expect(row).toMatchObject({ tenantId: acme.id, orderId: order.id, status: "open", raisedByName: "Vera Viewer" });

    const page = await (await viewer.get(`/escalations/${id}`)).text();
    expect(page).toContain(`ESC-${row.number}`);
    expect(page).toContain("Marker raise &lt;b&gt;bold&lt;/b&gt;");
    expect(page).not.toContain("<b>bold</b>");

    const notices = await handle.db
      .select({ title: escalationNotifications.title, kind: escalationNotifications.recipientKind })
      .from(escalationNotifications)
      .where(eq(escalationNotifications.escalationId, id));
    // Staff read the platform-wide key (ACME-12); the customer keeps ESC-12.
    expect(notices.some((n) => n.kind === "staff" && n.title.includes(`ACME-${row.number}`))).toBe(true);
    const mail = await eventually(() =>
      smtp.mails.slice(mailsBefore).find((m) => m.to.includes("agent@sightline.example")),
    );
    expect(mail.decoded).toContain(`ACME-${row.number}`);
    // The HTML part carries the typed markup escaped, never as tags.
    expect(mail.html).toContain(`order ${order.number}`);
    expect(mail.html).not.toContain("<b>bold</b>");
  });

  it("offers the escalation in the customer's list with owner, severity and SLA clock", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    await raise(viewer, { title: "Listed escalation marker" });
    const html = await (await viewer.get("/escalations")).text();
    expect(html).toContain("Listed escalation marker");
    expect(html).toMatch(/Response: .* left/);
  });
});

describe("workflow over HTTP", () => {
  // Every pair of statuses, as staff: allowed moves succeed, the rest answer 409 with a reason.
  const allowedForStaff = new Set([
    "open>acknowledged",
    "acknowledged>in_progress",
    "in_progress>awaiting_customer",
    "in_progress>resolved",
    "awaiting_customer>in_progress",
    "awaiting_customer>resolved",
    "resolved>closed",
    "resolved>in_progress",
    "closed>in_progress",
  ]);

  it("lets staff make exactly the allowed moves and refuses the others with a reason", async () => {
    const agent = await client().signIn("agent@sightline.example");
    for (const from of ESCALATION_STATUSES) {
      for (const to of ESCALATION_STATUSES) {
        if (from === to) continue;
        const id = await createEscalationRow(handle, acme.id, {
          status: from,
          resolvedAt: from === "resolved" || from === "closed" ? new Date(Date.now() - 3_600_000) : null,
        });
        const res = await agent.post(`/staff/queue/${id}`, { intent: "status", to });
        const body = await res.text();
        if (allowedForStaff.has(`${from}>${to}`)) {
          expect(res.status, `${from} -> ${to}`).toBe(200);
          expect(await statusOf(id), `${from} -> ${to}`).toBe(to);
        } else {
          expect(res.status, `${from} -> ${to}`).toBe(409);
          expect(body, `${from} -> ${to}`).toMatch(/cannot be|already/);
          expect(await statusOf(id), `${from} -> ${to}`).toBe(from);
        }
      }
    }
  }, 120_000);

  it("lets a customer only confirm, reopen within the window, or resume by replying", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const refused = await createEscalationRow(handle, acme.id, { status: "open" });
    const r1 = await viewer.post(`/escalations/${refused}`, { intent: "status", to: "acknowledged" });
    expect(r1.status).toBe(409);
    expect(await r1.text()).toContain("Only the support team");
    expect(await statusOf(refused)).toBe("open");

    const resolved = await createEscalationRow(handle, acme.id, {
      status: "resolved",
      resolvedAt: new Date(Date.now() - 86_400_000),
    });
    expect((await viewer.post(`/escalations/${resolved}`, { intent: "status", to: "closed" })).status).toBe(200);
    expect(await statusOf(resolved)).toBe("closed");
    expect((await viewer.post(`/escalations/${resolved}`, { intent: "status", to: "in_progress" })).status).toBe(200);
    expect(await statusOf(resolved)).toBe("in_progress");

    const old = await createEscalationRow(handle, acme.id, {
      status: "closed",
      resolvedAt: new Date(Date.now() - 30 * 86_400_000),
    });
    const late = await viewer.post(`/escalations/${old}`, { intent: "status", to: "in_progress" });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("within 14 days");
    expect(await statusOf(old)).toBe("closed");

    const waiting = await createEscalationRow(handle, acme.id, {
      status: "awaiting_customer",
      pauses: [{ start: new Date(Date.now() - 3_600_000).toISOString(), end: null, reason: "awaiting_customer" }],
    });
    const page = await (await viewer.get(`/escalations/${waiting}`)).text();
    expect(page).toContain("paused — waiting for your reply");
    expect(
      (await viewer.post(`/escalations/${waiting}`, { intent: "reply", body: "Here is the note number." })).status,
    ).toBe(200);
    expect(await statusOf(waiting)).toBe("in_progress");
  });

  it("records create, status, assignment, reply, note and pause/resume in the audit log with actor and time", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const agent = await client().signIn("agent@sightline.example");
    const id = await raise(viewer);
    await agent.post(`/staff/queue/${id}`, { intent: "status", to: "acknowledged" });
    await agent.post(`/staff/queue/${id}`, { intent: "status", to: "in_progress" });
    await agent.post(`/staff/queue/${id}`, { intent: "comment", visibility: "internal", body: "note" });
    await agent.post(`/staff/queue/${id}`, { intent: "comment", visibility: "public", body: "reply" });
    await agent.post(`/staff/queue/${id}`, { intent: "status", to: "awaiting_customer" });
    await viewer.post(`/escalations/${id}`, { intent: "reply", body: "answer" });
    const r = await handle.db.execute<{ action: string; actor_label: string; at: Date }>(
      sql`select action, actor_label, at from audit_log where target_id = ${id} order by id`,
    );
    const actions = r.rows.map((x) => x.action);
    for (const a of [
      "escalation.created",
      "escalation.assigned",
      "escalation.status_changed",
      "escalation.note_added",
      "escalation.reply_added",
      "escalation.sla_paused",
      "escalation.sla_resumed",
    ]) {
      expect(actions).toContain(a);
    }
    expect(r.rows.every((x) => x.actor_label && x.at)).toBe(true);
    expect(r.rows.find((x) => x.action === "escalation.created")?.actor_label).toBe("Vera Viewer");
    expect(r.rows.find((x) => x.action === "escalation.note_added")?.actor_label).toBe("Alex Agent (staff)");
    const history = await (await viewer.get(`/escalations/${id}`)).text();
    expect(history).toContain("SLA clock paused (waiting for the customer)");
  });
});

describe("SLA due times in the customer's stored calendar", () => {
  // Nordwind (Europe/Berlin, Bavaria) stores a 09:00-17:00 calendar, different from the default
  // 08:00-17:00, so the stored version is what counts. P4 is set to 4 business hours.
  beforeAll(async () => {
    await storeCalendar(
      handle,
      nordwind.id,
      officeCalendar("Europe/Berlin", { start: "09:00", end: "17:00" }, { country: "DE", region: "BY" }),
    );
    await setTarget(handle, nordwind.id, "P4", 240, 240);
    await setTarget(handle, nordwind.id, "P1", 60, 240, true);
  });

  async function dueAt(id: string): Promise<{ firstResponse: string | null; resolution: string | null }> {
    const admin = await client().signIn("admin@nordwind.example");
    const res = await admin.get(`/api/v1/escalations/${id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      sla: { firstResponse: { dueAt: string | null }; resolution: { dueAt: string | null } };
    };
    return { firstResponse: body.sla.firstResponse.dueAt, resolution: body.sla.resolution.dueAt };
  }

  it("raised Friday 16:30 in Berlin with a 4 business-hour target is due Monday 12:30 (30 min Friday + 3 h 30 Monday)", async () => {
    // 2026-11-20 is a Friday; Berlin is UTC+1 in November.
    const id = await createEscalationRow(handle, nordwind.id, {
      severity: "P4",
      createdAt: new Date("2026-11-20T15:30:00Z"),
    });
    const due = await dueAt(id);
    expect(due.firstResponse).toBe("2026-11-23T11:30:00.000Z");
    expect(due.resolution).toBe("2026-11-23T11:30:00.000Z");
  });

  it("skips Good Friday and Easter Monday: raised Thursday 2 April 2026 16:00 is due Tuesday 12:00", async () => {
    // 1 h on Thursday (16:00-17:00), then 3 h from 09:00 on Tuesday 7 April (Berlin is UTC+2).
    const id = await createEscalationRow(handle, nordwind.id, {
      severity: "P4",
      createdAt: new Date("2026-04-02T14:00:00Z"),
    });
    expect((await dueAt(id)).resolution).toBe("2026-04-07T10:00:00.000Z");
  });

  it("excludes paused time: 1 h, then waiting for the customer until the next day, then 3 h more", async () => {
    // Monday 16 Nov 2026 09:00 Berlin; paused 10:00 Monday to 10:00 Tuesday; due Tuesday 13:00.
    const id = await createEscalationRow(handle, nordwind.id, {
      severity: "P4",
      status: "in_progress",
      createdAt: new Date("2026-11-16T08:00:00Z"),
      firstResponseAt: new Date("2026-11-16T08:30:00Z"),
      pauses: [{ start: "2026-11-16T09:00:00.000Z", end: "2026-11-17T09:00:00.000Z", reason: "awaiting_customer" }],
    });
    expect((await dueAt(id)).resolution).toBe("2026-11-17T12:00:00.000Z");
  });

  it("has no deadline while waiting for the customer, and shows why", async () => {
    const id = await createEscalationRow(handle, nordwind.id, {
      severity: "P4",
      status: "awaiting_customer",
      createdAt: new Date("2026-11-16T08:00:00Z"),
      firstResponseAt: new Date("2026-11-16T08:30:00Z"),
      pauses: [{ start: "2026-11-16T09:00:00.000Z", end: null, reason: "awaiting_customer" }],
    });
    const admin = await client().signIn("admin@nordwind.example");
    const body = (await (await admin.get(`/api/v1/escalations/${id}`)).json()) as {
      sla: { resolution: { dueAt: string | null; status: string; pauseReason: string; elapsedMinutes: number } };
    };
    expect(body.sla.resolution).toMatchObject({ dueAt: null, status: "paused", pauseReason: "awaiting_customer" });
    expect(body.sla.resolution.elapsedMinutes).toBe(60);
  });

  it("counts a 24x7 P1 around the clock, weekend included", async () => {
    const id = await createEscalationRow(handle, nordwind.id, {
      severity: "P1",
      createdAt: new Date("2026-11-21T22:00:00Z"), // Saturday 23:00 Berlin
    });
    const due = await dueAt(id);
    expect(due.firstResponse).toBe("2026-11-21T23:00:00.000Z");
    expect(due.resolution).toBe("2026-11-22T02:00:00.000Z");
  });
});

describe("tiered approvals", () => {
  it("keeps a credit above the threshold waiting for a lead, whatever an agent posts", async () => {
    // Nordwind is a key account: credit above 10,000 needs a support lead.
    const admin = await client().signIn("admin@nordwind.example");
    const id = await raise(admin, { category: "billing", requestCreditAmount: "12,500" });
    const [approval] = await handle.db
      .select()
      .from(escalationApprovals)
      .where(eq(escalationApprovals.escalationId, id));
    expect(approval).toMatchObject({ requiredRole: "support_lead", decision: "pending" });

    const agent = await client().signIn("agent@sightline.example");
    const page = await (await agent.get(`/staff/queue/${id}`)).text();
    expect(page).toContain("Your role cannot decide this request");
    for (const decision of ["approved", "rejected"]) {
      const res = await agent.post(`/staff/queue/${id}`, {
        intent: "decide",
        approvalId: approval.id,
        decision,
        reason: "I approve it anyway",
      });
      expect(res.status).toBe(403);
    }
    const [still] = await handle.db
      .select({ decision: escalationApprovals.decision })
      .from(escalationApprovals)
      .where(eq(escalationApprovals.id, approval.id));
    expect(still.decision).toBe("pending");

    const lead = await client().signIn("lead@sightline.example");
    const ok = await lead.post(`/staff/queue/${id}`, {
      intent: "decide",
      approvalId: approval.id,
      decision: "approved",
      reason: "Contract price confirmed.",
    });
    expect(ok.status).toBe(200);
    const [row] = await handle.db
      .select({ exceptionStatus: escalations.exceptionStatus })
      .from(escalations)
      .where(eq(escalations.id, id));
    expect(row.exceptionStatus).toBe("approved");
    const customerView = await (await admin.get(`/api/v1/escalations/${id}`)).json();
    expect(customerView.approvals[0]).toMatchObject({ decision: "approved", reason: "Contract price confirmed." });
    const again = await lead.post(`/staff/queue/${id}`, {
      intent: "decide",
      approvalId: approval.id,
      decision: "rejected",
      reason: "Changed my mind",
    });
    expect(again.status).toBe(409);
  });

  it("needs an executive above the executive threshold; a lead is refused and the database agrees", async () => {
    const admin = await client().signIn("admin@nordwind.example");
    const id = await raise(admin, { category: "billing", requestCreditAmount: "60000" });
    const [approval] = await handle.db
      .select()
      .from(escalationApprovals)
      .where(eq(escalationApprovals.escalationId, id));
    expect(approval.requiredRole).toBe("platform_admin");
    const lead = await client().signIn("lead@sightline.example");
    const refused = await lead.post(`/staff/queue/${id}`, {
      intent: "decide",
      approvalId: approval.id,
      decision: "approved",
      reason: "Looks fine to me.",
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("executive");
    const ops = await client().signIn("ops@sightline.example");
    const ok = await ops.post(`/staff/queue/${id}`, {
      intent: "decide",
      approvalId: approval.id,
      decision: "rejected",
      reason: "Above the contract's liability cap.",
    });
    expect(ok.status).toBe(200);
  });
});

describe("bad input", () => {
  const long = (n: number) => "x".repeat(n);
  const cases: [string, Record<string, string>, RegExp][] = [
    ["an empty title", { title: "" }, /short summary/],
    ["a blank description", { description: "     " }, /description/],
    ["an oversized description", { description: long(10_001) }, /10,000 characters/],
    ["an unknown severity", { severity: "P9" }, /severity/],
    ["an unknown category", { category: "alien_invasion" }, /what the problem is about/],
    ["a negative credit", { requestCreditAmount: "-5" }, /cannot be negative/],
    ["an absurd credit", { requestCreditAmount: "1e12" }, /cannot be requested here/],
    ["a credit that is not a number", { requestCreditAmount: "lots" }, /as a number/],
    ["a credit with three decimals", { requestCreditAmount: "10.123" }, /two decimal/],
    ["an order id that is not a uuid", { orderId: "../../etc" }, /not valid/],
  ];
  for (const [label, overrides, message] of cases) {
    it(`refuses ${label} in the portal form with 400, a message by the field, and saves nothing`, async () => {
      const viewer = await client().signIn("viewer@acme.example");
      const before = await count();
      const res = await viewer.post("/escalations/new", validForm(overrides));
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(message);
      expect(await count()).toBe(before);
    });
  }

  it("refuses another tenant's order id without saving", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const [foreign] = await handle.db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.tenantId, nordwind.id))
      .limit(1);
    const before = await count();
    const res = await viewer.post("/escalations/new", validForm({ orderId: foreign.id }));
    expect(res.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("answers bad API bodies with problem+json 4xx and saves nothing", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const before = await count();
    const json = {
      category: "late_delivery",
      severity: "P2",
      title: "API raise",
      description: "Raised through the API by a test.",
      desiredOutcome: "Something.",
    };
    const bad: [unknown, number][] = [
      [{ ...json, severity: "urgent" }, 400],
      [{ ...json, category: 7 }, 400],
      [{ ...json, title: "" }, 400],
      [{ ...json, description: long(20_000) }, 400],
      [{ ...json, requestCreditAmount: -1 }, 400],
      [{ ...json, requestCreditAmount: 1e15 }, 400],
      [{ ...json, requestCreditAmount: "100" }, 400],
      [{ ...json, requestExpedite: "yes" }, 400],
      [[json], 400],
      ["null", 400],
    ];
    for (const [body, status] of bad) {
      const res = await viewer.postJson("/api/v1/escalations", body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const problem = (await res.json()) as { detail: string; status: number };
      expect(problem.detail.length).toBeGreaterThan(0);
    }
    const notJson = await viewer.postJson("/api/v1/escalations", "{not json", true);
    expect(notJson.status).toBe(400);
    const huge = await viewer.postJson("/api/v1/escalations", { ...json, description: long(70_000) });
    expect(huge.status).toBe(413);
    expect(await count()).toBe(before);

    const created = await viewer.postJson("/api/v1/escalations", json);
    expect(created.status).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it("refuses empty and oversized replies, in the portal and the API, without saving", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const id = await raise(viewer);
    const comments = async () =>
      (
        await handle.db.execute<{ n: number }>(
          sql`select count(*)::int as n from escalation_comments where escalation_id = ${id}::uuid`,
        )
      ).rows[0].n;
    expect((await viewer.post(`/escalations/${id}`, { intent: "reply", body: "   " })).status).toBe(400);
    expect((await viewer.post(`/escalations/${id}`, { intent: "reply", body: long(10_001) })).status).toBe(400);
    expect((await viewer.postJson(`/api/v1/escalations/${id}/replies`, { body: "" })).status).toBe(400);
    expect((await viewer.postJson(`/api/v1/escalations/${id}/replies`, { text: "wrong field" })).status).toBe(400);
    expect(await comments()).toBe(0);
    const ok = await viewer.postJson(`/api/v1/escalations/${id}/replies`, { body: "Added through the API." });
    expect(ok.status).toBe(201);
    expect(await comments()).toBe(1);
  });

  it("renders script typed by a customer as inert text on the staff page and in the e-mail", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const payload = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const mailsBefore = smtp.mails.length;
    const id = await raise(viewer, { title: "Script test", description: `Look: ${payload}` });
    await viewer.post(`/escalations/${id}`, { intent: "reply", body: payload });
    const agent = await client().signIn("agent@sightline.example");
    const html = await (await agent.get(`/staff/queue/${id}`)).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;");
    const mail = await eventually(() =>
      smtp.mails
        .slice(mailsBefore)
        .find((m) => m.to.includes("agent@sightline.example") && m.decoded.includes("alert")),
    );
    expect(mail.html).toContain("&#60;script&#62;");
    expect(mail.html).not.toContain("<script>alert");
    expect(mail.html).not.toContain("<img src=x");
  });

  it("answers unknown or malformed escalation ids with 404, never 5xx", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    for (const path of ["/escalations/not-a-uuid", "/escalations/00000000-0000-4000-8000-000000000000"]) {
      expect((await viewer.get(path)).status).toBe(404);
    }
    expect((await viewer.get("/api/v1/escalations/nope")).status).toBe(404);
    const agent = await client().signIn("agent@sightline.example");
    expect((await agent.get("/staff/queue/'; drop table escalations; --")).status).toBe(404);
    expect(
      (await agent.post("/staff/queue/00000000-0000-4000-8000-000000000000", { intent: "status", to: "closed" }))
        .status,
    ).toBe(404);
    expect(
      (
        await agent.post(`/staff/queue/${await createEscalationRow(handle, acme.id)}`, {
          intent: "status",
          to: "sideways",
        })
      ).status,
    ).toBe(400);
  });
});

describe("notifications", () => {
  it("tells the customer about a staff reply in-app, lists it and marks it read", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const id = await raise(viewer, { title: "Notify me" });
    const agent = await client().signIn("agent@sightline.example");
    await agent.post(`/staff/queue/${id}`, { intent: "comment", visibility: "public", body: "We are on it." });
    const list = await (await viewer.get("/notifications")).text();
    expect(list).toContain("New reply on ESC-");
    expect(list).toContain("We are on it.");
    expect((await viewer.post("/notifications", {})).status).toBe(200);
    const unread = await handle.db
      .select({ id: escalationNotifications.id })
      .from(escalationNotifications)
      .where(
        and(
          eq(escalationNotifications.escalationId, id),
          sql`${escalationNotifications.readAt} is null`,
          eq(escalationNotifications.recipientKind, "customer"),
        ),
      );
    expect(unread).toHaveLength(0);
  });
});

describe("automatic alerts", () => {
  it("notifies the assignee and leads once when an escalation breaches, and shows it on the queue", async () => {
    const [agentRow] = await handle.db
      .select({ id: user.id })
      .from(user)
      .where(eq(user.email, "agent@sightline.example"));
    const [leadRow] = await handle.db
      .select({ id: user.id })
      .from(user)
      .where(eq(user.email, "lead@sightline.example"));
    const id = await createEscalationRow(handle, acme.id, {
      severity: "P3",
      status: "in_progress",
      createdAt: new Date(Date.now() - 40 * 86_400_000),
      firstResponseAt: new Date(Date.now() - 39 * 86_400_000),
      title: "Breaching escalation marker",
    });
    await handle.db
      .update(escalations)
      .set({ assigneeStaffId: agentRow.id, assigneeFirstName: "Alex" })
      .where(eq(escalations.id, id));
    await runEscalationChecks(handle);
    await runEscalationChecks(handle);
    const alerts = await handle.db.select().from(escalationAlerts).where(eq(escalationAlerts.escalationId, id));
    expect(alerts.map((a) => a.kind)).toEqual(["sla_breach"]);
    const notes = await handle.db
      .select({ to: escalationNotifications.recipientUserId, title: escalationNotifications.title })
      .from(escalationNotifications)
      .where(eq(escalationNotifications.escalationId, id));
    expect(notes.map((n) => n.to).sort()).toEqual([agentRow.id, leadRow.id].sort());
    expect(notes[0].title).toMatch(/^SLA breached: [A-Z0-9]+-\d+$/);
    const agent = await client().signIn("agent@sightline.example");
    const queue = await (await agent.get("/staff/queue?sla=breached")).text();
    expect(queue).toContain("Breaching escalation marker");
    expect(queue).toContain("breached its resolution target");
    // Each reader sees the alert in their own language, the duration in their format.
    const lead = await client().signIn("lead@sightline.example");
    const german = await (await lead.get("/staff/queue?sla=breached", { "accept-language": "de" })).text();
    expect(german).toMatch(/hat das Ziel für die Lösung um \d[^<]* überschritten\./);
    expect(alerts[0].messageI18n).toMatchObject({ id: "staff.alert.breached", values: { clock: "resolution" } });
  });

  it("shows the time raised in the agent's zone, with the account's local time and zone in its title", async () => {
    const agent = await client().signIn("agent@sightline.example");
    const queue = await (await agent.get("/staff/queue?status=all")).text();
    const cells = [
      ...queue.matchAll(
        /title="([^"]+) \(([^)"]+)\)" data-testid="queue-raised"[^>]*>[\s\S]*?<time dateTime="([^"]+)"[^>]*>([^<]+)<\/time>/g,
      ),
    ].map((m) => ({ local: m[1], zone: m[2], at: m[3], shown: m[4] }));
    expect(cells.length).toBeGreaterThan(0);
    // The demo agent's profile zone is Asia/Kolkata; they work Acme (Chicago) and Nordwind
    // (Berlin), whose local times the formatter writes with their own UTC offsets.
    const agentZone = DEMO_STAFF.find((s) => s.email === "agent@sightline.example")?.timeZone;
    expect(agentZone).toBe("Asia/Kolkata");
    const own = createFormatter("en", agentZone!);
    for (const c of cells) {
      expect(c.shown).toBe(own.dateTime(c.at));
      expect(c.local).toBe(createFormatter("en", c.zone).dateTime(c.at));
    }
    expect(new Set(cells.map((c) => c.zone))).toEqual(new Set(["America/Chicago", "Europe/Berlin"]));
  });

  it("raises one internal alert for a strategic account with 3 late orders in 7 days", async () => {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: acme.timeZone }).format(new Date());
    const twoDaysAgo = new Date(`${today}T12:00:00Z`);
    twoDaysAgo.setUTCDate(twoDaysAgo.getUTCDate() - 2);
    const late = await handle.db.select({ id: orders.id }).from(orders).where(eq(orders.tenantId, acme.id)).limit(3);
    expect(late).toHaveLength(3);
    for (const o of late) {
      await handle.db
        .update(orders)
        .set({ promisedDate: twoDaysAgo.toISOString().slice(0, 10), status: "in_transit", deliveredAt: null })
        .where(eq(orders.id, o.id));
    }
    await runEscalationChecks(handle);
    await runEscalationChecks(handle);
    const alerts = await handle.db
      .select({ message: escalationAlerts.message })
      .from(escalationAlerts)
      .where(and(eq(escalationAlerts.tenantId, acme.id), eq(escalationAlerts.kind, "late_orders")));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message).toMatch(/late orders in the last 7 days/);
    // Internal: customers cannot see alerts anywhere.
    const viewer = await client().signIn("viewer@acme.example");
    expect(await (await viewer.get("/escalations")).text()).not.toContain("late orders in the last 7 days");
  });
});
