// Why an exception request needs approval, on the staff escalation page in the reader's language:
// stored as facts (0055) and worded when shown, the threshold as money in the order's currency in
// the reader's number format. Rows written before 0055 held English sentences; 0055's backfill reads
// them back, and they show in the reader's language too (a sentence the code never wrote stays as
// written). Same on every database: PGlite by construction (createSeededTestDb(…, "pglite")).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { escalationApprovals, orders } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { createFormatter } from "#app/i18n/format";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { Client, createEscalationRow } from "../support/escalations";
import { startPortal, type TestPortal } from "../support/portal";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

const [, nordwind] = DEMO_TENANTS;
let handle: DbHandle;
let portal: TestPortal;
let ip = 1;
const client = () => new Client(portal.url, `198.51.100.${60 + ip++}`);
let raisedId = "";

beforeAll(async () => {
  handle = await createSeededTestDb({ ordersPerTenant: 2 }, "pglite");
  portal = await startPortal(handle);
  // Nordwind is a key account (a lead above 10,000) and orders in euros.
  const [order] = await handle.db
    .select({ id: orders.id, currency: orders.currency })
    .from(orders)
    .where(eq(orders.tenantId, nordwind.id))
    .limit(1);
  expect(order.currency).toBe("EUR");
  const admin = await client().signIn("admin@nordwind.example");
  const res = await admin.post("/escalations/new", {
    category: "billing",
    severity: "P3",
    title: "Invoice above the contract price",
    description: "We were charged more than the contract price for this order.",
    desiredOutcome: "A credit note for the difference.",
    orderId: order.id,
    duplicateConfirmed: "yes",
    requestCreditAmount: "12500",
  });
  expect(res.status, await res.clone().text()).toBe(302);
  raisedId = /^\/escalations\/([0-9a-f-]{36})/.exec(res.headers.get("location") ?? "")![1];
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

/** The lead's page of an escalation with their profile in a language (English again after). */
async function leadPageIn(locale: string, id: string): Promise<string> {
  const lead = await client().signIn("lead@sightline.example");
  expect((await lead.post("/profile", { locale, timeZone: "UTC" })).status).toBe(200);
  try {
    const res = await lead.get(`/staff/queue/${id}`);
    expect(res.status).toBe(200);
    return (await res.text()).replace(/<!-- -->/g, "");
  } finally {
    await lead.post("/profile", { locale: "en", timeZone: "UTC" });
  }
}

describe("why an exception request needs approval", () => {
  it("is stored as the rule's facts with the order's currency, not as a sentence", async () => {
    const [a] = await handle.db
      .select({
        facts: escalationApprovals.reasonFacts,
        reasons: escalationApprovals.reasons,
        request: escalationApprovals.request,
      })
      .from(escalationApprovals)
      .where(eq(escalationApprovals.escalationId, raisedId));
    expect(a.facts).toEqual([{ kind: "leadCredit", params: { above: 10_000, tier: "key" } }]);
    expect(a.reasons).toEqual([]);
    expect(a.request.currency).toBe("EUR");
  });

  it("reads in German with German money to a German lead", async () => {
    const page = await leadPageIn("de", raisedId);
    expect(page).toContain(
      "Eine Gutschrift über 10.000,00\u00a0€ für einen Schlüsselkunden muss eine Support-Leitung freigeben.",
    );
    expect(page).toContain("Gutschrift über 12.500,00\u00a0€");
    expect(page).not.toContain("needs a support lead");
  });

  it("dates the history in the lead's own zone, as the page's other times (not the account's)", async () => {
    const page = await leadPageIn("de", raisedId);
    const history = page.slice(page.indexOf('aria-label="Verlauf"'));
    const times = [...history.matchAll(/<time dateTime="([^"]+)" class="text-slate-500">([^<]+)<\/time>/gi)];
    expect(times.length).toBeGreaterThan(0);
    for (const [, iso, text] of times) expect(text).toBe(createFormatter("de", "UTC").dateTime(iso));
  });

  it("reads in Japanese with Japanese money to a Japanese lead", async () => {
    const page = await leadPageIn("ja", raisedId);
    expect(page).toContain("重要顧客への€10,000.00を超えるクレジットにはサポートリーダーの承認が必要です。");
    expect(page).not.toContain("needs a support lead");
  });

  it("still shows rows stored in English before 0055, read back by its backfill", async () => {
    const id = await createEscalationRow(handle, nordwind.id, { title: "Written by an older release" });
    await handle.db.insert(escalationApprovals).values({
      tenantId: nordwind.id,
      escalationId: id,
      request: { expedite: true, creditAmount: 60_000, policyOverride: null, currency: "EUR" },
      requiredRole: "platform_admin",
      reasons: [
        "A credit above 50,000 needs executive approval.",
        "Expediting for a key account needs a support lead.",
        "Call the plant manager before deciding.",
      ],
    });
    // 0055's own statements after adding the column: its backfill, as a database upgraded from
    // before 0055 ran it over its rows.
    const migration = await readFile(path.resolve("db/migrations/0055_approval_reason_facts.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint").slice(1))
      await handle.db.execute(sql.raw(statement));
    const page = await leadPageIn("de", id);
    expect(page).toContain("Eine Gutschrift über 50.000,00\u00a0€ muss die Geschäftsleitung freigeben.");
    expect(page).toContain("Eine Expresslieferung für einen Schlüsselkunden muss eine Support-Leitung freigeben.");
    expect(page).toContain("Call the plant manager before deciding.");
  });
});
