// What a customer may read of its audit log (issue 13, item 4): after an agent takes one of
// Acme's escalations and adds an internal note, Acme's audit page and its data carry the agent
// by first name and role only — no staff id, e-mail or IP address — and the ids it shows are
// numbered per tenant among customer-visible entries, so staff-only entries leave no gap.
import { sql } from "drizzle-orm";
import { auditLog } from "#db/schema/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { createSeededTestDb } from "../support/seeded-snapshot";
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
  handle = await createSeededTestDb({ ordersPerTenant: 2 });
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
      // The page words the role (0053: a stored key, not English frozen at write time); its data carries the key.
      if (path.endsWith(".data")) expect(text, path).toContain("support_agent");
      else expect(text, path).toContain("Alex (support agent)");
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

  it("filters by who acted (person, integration, system), what it concerns and dates, folds machine runs, and never shows staff-only entries", async () => {
    const ids = await handle.db.execute<{ id: string; email: string }>(
      sql`select id, email from "user" where email in ('agent@sightline.example', ${`admin@${acme.emailDomain}`})`,
    );
    const idOf = (email: string) => ids.rows.find((r) => r.email === email)!.id;
    const day = "2020-03-10";
    const entry = (
      minute: number,
      actorUserId: string | null,
      action: string,
      targetType: string,
      staffOnly = false,
    ) => ({
      tenantId: acme.id,
      actorUserId,
      actorLabel: actorUserId ? "Someone" : action.startsWith("ingest.") ? 'ingest key "erp"' : "Sightline",
      action,
      targetType,
      targetId: `customer-audit-${minute}`,
      at: new Date(`${day}T15:0${minute}:00Z`),
      staffOnly,
    });
    await handle.db
      .insert(auditLog)
      .values([
        entry(0, null, "ingest.events", "ingest_key"),
        entry(1, null, "ingest.orders", "ingest_key"),
        entry(2, idOf(`admin@${acme.emailDomain}`), "embed_key.created", "embed_key"),
        entry(3, idOf("agent@sightline.example"), "escalation.comment_added", "escalation", true),
        entry(4, idOf("agent@sightline.example"), "escalation.assigned", "escalation"),
        entry(5, null, "calendar.updated", "calendar"),
      ]);
    const page = async (query: string, from = day, to = day) => {
      const res = await customerAdmin.get(`/settings/audit?from=${from}&to=${to}${query}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain("escalation.comment_added");
      return {
        actions: [...html.matchAll(/data-testid="audit-entry"[^>]*>[\s\S]*?data-action="([^"]+)"/g)].map((m) => m[1]),
        groups: (html.match(/data-testid="audit-machine-group"/g) ?? []).length,
      };
    };
    // Newest first; the staff-only note is not there; the two ingestion batches fold into one row.
    expect(await page("")).toEqual({
      actions: ["calendar.updated", "escalation.assigned", "embed_key.created", "ingest.orders", "ingest.events"],
      groups: 1,
    });
    // A person is the customer's own user or support staff (shown by first name and role).
    expect(await page("&actor=person")).toEqual({ actions: ["escalation.assigned", "embed_key.created"], groups: 0 });
    expect(await page("&actor=integration")).toEqual({ actions: ["ingest.orders", "ingest.events"], groups: 1 });
    expect((await page("&actor=system")).actions).toEqual(["calendar.updated"]);
    expect((await page("&entity=escalation")).actions).toEqual(["escalation.assigned"]);
    expect((await page("", "2020-03-11", "2020-03-12")).actions).toEqual([]);
    const html = await (await customerAdmin.get(`/settings/audit?from=${day}&to=${day}`)).text();
    // Human labels for the kinds, never the codes.
    expect(html).toContain(">person<");
    expect(html).toContain(">integration<");
    // Nonsense filters are ignored, never a server error.
    expect(
      (await customerAdmin.get("/settings/audit?from=2020-02-31&actor=robot&entity=escalation_alert&before=-1")).status,
    ).toBe(200);
  });
});
