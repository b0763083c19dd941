// What a customer may read of its audit log (issue 13, item 4): after an agent takes one of
// Acme's escalations and adds an internal note, Acme's audit page and its data carry the agent
// by first name and role only — no staff id, e-mail or IP address — and the ids it shows are
// numbered per tenant among customer-visible entries, so staff-only entries leave no gap.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { DEMO_TENANTS } from "../../db/seed/demo-tenants";
import { seedDemo } from "../../db/seed/seed";
import { createTestDb } from "../support/db";
import { Browser, startPortal, type TestPortal } from "../support/portal";
import { errorAs, queryAs } from "../support/roles";

process.env.SIGHTLINE_SIMULATE = "off";
process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";

const acme = DEMO_TENANTS.find((t) => t.slug === "acme")!;
const AGENT_IP = "198.51.100.201";
let handle: DbHandle;
let portal: TestPortal;
let agentId = "";
let customerAdmin: Browser;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle, { ordersPerTenant: 2, progress: () => undefined });
  portal = await startPortal(handle);
  const r = await handle.db.execute<{ id: string }>(sql`select id from "user" where email = 'agent@sightline.example'`);
  agentId = r.rows[0].id;

  customerAdmin = new Browser(portal.url, "198.51.100.200");
  expect((await customerAdmin.signIn(`admin@${acme.emailDomain}`)).status).toBe(302);
  const raised = await customerAdmin.request("/api/v1/escalations", {
    method: "POST",
    contentType: "application/json",
    body: JSON.stringify({
      category: "late_delivery",
      severity: "P2",
      title: "Pallets late again",
      description: "Three pallets missed the promised date.",
      desiredOutcome: "A new delivery date",
    }),
  });
  expect(raised.status).toBe(201);
  const { id } = (await raised.json()) as { id: string };

  const agent = new Browser(portal.url, AGENT_IP);
  expect((await agent.signIn("agent@sightline.example")).status).toBe(302);
  expect((await agent.post("/staff/accounts", { tenantId: acme.id })).status).toBe(302);
  expect((await agent.post(`/staff/queue/${id}`, { intent: "take" })).status).toBe(200);
  const note = await agent.post(`/staff/queue/${id}`, {
    intent: "comment",
    body: "Internal: carrier blames our dock.",
    visibility: "internal",
  });
  expect(note.status).toBe(200);
  const reply = await agent.post(`/staff/queue/${id}`, {
    intent: "comment",
    body: "We are on it.",
    visibility: "public",
  });
  expect(reply.status).toBe(200);
}, 240_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

describe("the customer's audit log", () => {
  it("shows the agent by first name and role, without staff id, e-mail or IP, on the page and in its data", async () => {
    for (const path of ["/settings/audit", "/settings/audit.data"]) {
      const res = await customerAdmin.get(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(text, path).toContain("escalation.assigned");
      expect(text, path).toContain("Alex (support agent)");
      for (const secret of [agentId, "agent@sightline.example", "Alex Agent", AGENT_IP, "assigneeStaffId"])
        expect(text, `${path} must not contain ${secret}`).not.toContain(secret);
    }
  });

  it("refuses portal_customer the staff-only columns in the database itself", async () => {
    const ctx = { role: "portal_customer" as const, tenantId: acme.id };
    for (const column of ["ip", "actor_user_id", "actor_label", "detail", "user_agent", "id", "target_id"])
      expect(await errorAs(handle, ctx, sql.raw(`select ${column} from audit_log limit 1`)), column).toMatch(
        /permission denied/,
      );
    expect(await errorAs(handle, ctx, sql`select * from audit_log limit 1`)).toMatch(/permission denied/);
  });

  it("numbers the entries customers see 1, 2, 3, … per tenant, whatever staff-only entries lie between", async () => {
    const staffOnly = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where tenant_id = ${acme.id} and staff_only`,
    );
    expect(staffOnly.rows[0].n).toBeGreaterThan(0); // the internal note
    const seqs = await queryAs<{ customer_seq: number }>(
      handle,
      { role: "portal_customer", tenantId: acme.id },
      sql`select customer_seq from audit_log where tenant_id = ${acme.id} order by customer_seq`,
    );
    expect(seqs.map((r) => Number(r.customer_seq))).toEqual(seqs.map((_, i) => i + 1));
  });

  it("lists the entries newest first by time", async () => {
    const res = await customerAdmin.get("/settings/audit.data");
    const text = await res.text();
    const times = [...text.matchAll(/"D(\d{13})"|\["D",(\d{13})\]/g)].map((m) => Number(m[1] ?? m[2]));
    // Whatever the encoding, the seeded entries and the ones above must read newest first.
    const rows = await queryAs<{ at: Date }>(
      handle,
      { role: "portal_customer", tenantId: acme.id },
      sql`select at from audit_log where tenant_id = ${acme.id} and customer_seq is not null order by at desc, customer_seq desc limit 50`,
    );
    expect(rows.length).toBeGreaterThan(3);
    if (times.length) expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});
