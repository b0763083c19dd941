// The ingestion API over real HTTP: key auth, idempotency, versions, out-of-order events and
// malformed input (4xx with per-item reasons, never 5xx, nothing partially written).
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { demoIngestSecret, sha256 } from "#db/seed/seed";
import { createSeededTestDb } from "../support/seeded-snapshot";
import type { TestDb } from "../support/db";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.SIGHTLINE_SIMULATE = "off";
process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";

let db: TestDb;
let portal: TestPortal;
const [acme, nordwind] = DEMO_TENANTS;
const ACME_KEY = demoIngestSecret(acme.slug);
const NORDWIND_KEY = demoIngestSecret(nordwind.slug);
let uniq = 0;
const nextId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++uniq}`;

beforeAll(async () => {
  db = await createSeededTestDb({ ordersPerTenant: 3 });
  portal = await startPortal(db);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await db?.close();
});

async function post(path: string, body: unknown, opts: { key?: string | null; type?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { "content-type": opts.type ?? "application/json" };
  const key = opts.key === undefined ? ACME_KEY : opts.key;
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(`${portal.url}/api/v1/ingest/${path}`, {
    method: "POST",
    headers,
    body: opts.raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: leave empty; the assertions on status say what went wrong
  }
  return { status: res.status, type: res.headers.get("content-type") ?? "", json };
}

type Results = { index: number; status: string; orderId?: string; seq?: number; reasons?: { path: string }[] }[];

function order(overrides: Record<string, unknown> = {}) {
  return {
    source: "erp",
    externalId: nextId("EXT"),
    version: 1,
    orderNumber: nextId("SO"),
    customerPo: "PO-TEST-1",
    siteCode: acme.sites[0].code,
    status: "confirmed",
    orderedAt: "2025-03-10T14:00:00Z",
    statusAt: "2025-03-10T15:00:00Z",
    requestedDate: "2025-03-20",
    promisedDate: "2025-03-21",
    currency: "USD",
    value: 1234.5,
    cost: 800,
    lines: [
      { lineNo: 1, sku: "BRG-6204-2RS", description: "Bearing", qtyOrdered: 10, unitPrice: 4.8, unitCost: 2.1 },
      { lineNo: 2, sku: "MTR-0750-TEFC", description: "Motor", qtyOrdered: 2, unitPrice: 289 },
    ],
    ...overrides,
  };
}

function event(orderExternalId: string, overrides: Record<string, unknown> = {}) {
  return {
    source: "tms",
    eventId: nextId("EV"),
    orderSource: "erp",
    orderExternalId,
    type: "shipped",
    occurredAt: "2025-03-12T10:00:00Z",
    ...overrides,
  };
}

async function orderRow(externalId: string) {
  const r = await db.db.execute<{
    id: string;
    version: number;
    status: string;
    status_at: string;
    hold_reason: string | null;
    tracking_number: string | null;
    lines: number;
  }>(sql`select o.id, o.version, o.status, o.status_at::text, o.hold_reason, o.tracking_number,
          (select count(*)::int from order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.id) as lines
         from orders o where o.external_id = ${externalId}`);
  return r.rows[0];
}

async function count(table: "orders" | "order_events" | "audit_log", where = sql`true`): Promise<number> {
  const r = await db.db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
  );
  return r.rows[0].n;
}

describe("ingest keys", () => {
  it("refuses requests without a key, with an unknown key and with a revoked key (401 problem+json)", async () => {
    expect((await post("orders", { items: [order()] }, { key: null })).status).toBe(401);
    const unknown = await post("orders", { items: [order()] }, { key: "sl_ingest_acme_not-a-real-key-000000" });
    expect(unknown.status).toBe(401);
    expect(unknown.type).toContain("application/problem+json");
    const secret = `sl_ingest_acme_revoked_${nextId("k")}`;
    await db.db.execute(sql`insert into ingest_keys (tenant_id, name, prefix, secret_hash, revoked_at)
      values (${acme.id}, 'Old connector', 'sl_ingest_acme_r', ${sha256(secret)}, now())`);
    expect((await post("orders", { items: [order()] }, { key: secret })).status).toBe(401);
  });

  it("records when a key was last used", async () => {
    await post("orders", { items: [order()] });
    const r = await db.db.execute<{ used: boolean }>(
      sql`select last_used_at is not null as used from ingest_keys where secret_hash = ${sha256(ACME_KEY)}`,
    );
    expect(r.rows[0].used).toBe(true);
  });

  it("writes only into the key's own tenant", async () => {
    const o = order({ siteCode: nordwind.sites[0].code });
    const res = await post("orders", { items: [o] }, { key: NORDWIND_KEY });
    expect(res.status).toBe(200);
    const r = await db.db.execute<{ tenant_id: string }>(
      sql`select tenant_id from orders where external_id = ${o.externalId}`,
    );
    expect(r.rows).toEqual([{ tenant_id: nordwind.id }]);
    // Acme's key cannot touch Nordwind's order: the same external id creates an Acme order instead.
    const acmeTry = await post("orders", { items: [{ ...o, siteCode: acme.sites[0].code, version: 9 }] });
    expect((acmeTry.json.results as Results)[0].status).toBe("created");
    const both = await db.db.execute<{ tenant_id: string; version: number }>(
      sql`select tenant_id, version from orders where external_id = ${o.externalId} order by tenant_id`,
    );
    expect(both.rows).toContainEqual({ tenant_id: nordwind.id, version: 1 });
  });
});

describe("ingest key administration", () => {
  it("lets a platform admin create a key (secret shown once, works at once) and revoke it (401 after), audited", async () => {
    const admin = new Browser(portal.url, "198.51.100.40");
    expect((await admin.signIn("ops@sightline.example")).status).toBe(302);
    const created = await admin.post("/staff/admin/ingest-keys", {
      intent: "create",
      tenantId: acme.id,
      name: "Test WMS",
    });
    expect(created.status).toBe(200);
    const html = await created.text();
    const secret = /sl_ingest_acme_[A-Za-z0-9_-]{43}/.exec(html)?.[0];
    expect(secret, "the page shows the new secret").toBeDefined();
    const body = { secret: secret! };
    const stored = await db.db.execute<{ id: string; secret_hash: string }>(
      sql`select id, secret_hash from ingest_keys where name = 'Test WMS'`,
    );
    expect(stored.rows[0].secret_hash).toBe(sha256(body.secret));
    expect(JSON.stringify(stored.rows)).not.toContain(body.secret);
    expect((await post("orders", { items: [order()] }, { key: body.secret })).status).toBe(200);
    const revoked = await admin.post("/staff/admin/ingest-keys", {
      intent: "revoke",
      tenantId: acme.id,
      keyId: stored.rows[0].id,
    });
    expect(revoked.status).toBe(200);
    expect((await post("orders", { items: [order()] }, { key: body.secret })).status).toBe(401);
    expect(await count("audit_log", sql`action in ('ingest_key.created', 'ingest_key.revoked')`)).toBe(2);
    const page = await admin.get("/staff/admin/ingest-keys");
    expect(await page.text()).not.toContain(body.secret);
  });

  it("refuses the page to support agents and customers", async () => {
    const agent = new Browser(portal.url, "198.51.100.41");
    await agent.signIn("agent@sightline.example");
    expect((await agent.get("/staff/admin/ingest-keys")).status).toBe(403);
    const customer = new Browser(portal.url, "198.51.100.42");
    await customer.signIn("admin@acme.example");
    expect((await customer.get("/staff/admin/ingest-keys")).status).toBe(403);
  });

  it("shows a readable message next to the field for a bad form", async () => {
    const admin = new Browser(portal.url, "198.51.100.43");
    await admin.signIn("ops@sightline.example");
    const res = await admin.post("/staff/admin/ingest-keys", {
      intent: "create",
      tenantId: "not-a-uuid",
      name: "x",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Choose an account.");
    expect(html).toContain("Name the key after the system that uses it");
  });
});

describe("POST /api/v1/ingest/orders", () => {
  it("creates an order with lines, shipments and a first timeline event, then reports repeats as unchanged", async () => {
    const o = order({
      shipments: [{ externalId: "SHP-1", carrier: "UPS", trackingNumber: "1Z999", status: "planned" }],
    });
    const first = await post("orders", { items: [o] });
    expect(first.status).toBe(200);
    expect(first.json.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 0 });
    const row = await orderRow(o.externalId);
    expect(row).toMatchObject({ version: 1, status: "confirmed", lines: 2 });
    expect(await count("order_events", sql`order_id = ${row.id}`)).toBe(1);
    const again = await post("orders", { items: [o] });
    expect((again.json.results as Results)[0]).toMatchObject({ status: "unchanged", orderId: row.id });
    expect(await count("order_events", sql`order_id = ${row.id}`)).toBe(1);
  });

  it("applies newer versions, ignores older ones and replaces the lines whole", async () => {
    const o = order({ version: 2 });
    await post("orders", { items: [o] });
    const newer = await post("orders", {
      items: [
        { ...o, version: 3, lines: [{ lineNo: 1, sku: "X-1", description: "Only line", qtyOrdered: 1, unitPrice: 1 }] },
      ],
    });
    expect((newer.json.results as Results)[0].status).toBe("updated");
    const older = await post("orders", { items: [{ ...o, version: 1, orderNumber: "SO-STALE" }] });
    expect((older.json.results as Results)[0].status).toBe("unchanged");
    const row = await orderRow(o.externalId);
    expect(row).toMatchObject({ version: 3, lines: 1 });
    const n = await db.db.execute<{ order_number: string }>(
      sql`select order_number from orders where external_id = ${o.externalId}`,
    );
    expect(n.rows[0].order_number).toBe(o.orderNumber);
  });

  it("rejects an order for an unknown site on its own while applying the others, and audits the batch once", async () => {
    const before = await count("audit_log", sql`action = 'ingest.orders'`);
    const good = order();
    const bad = order({ siteCode: "NOPE-99" });
    const res = await post("orders", { items: [good, bad] });
    expect(res.status).toBe(200);
    const results = res.json.results as Results;
    expect(results.map((r) => r.status)).toEqual(["created", "rejected"]);
    expect(results[1].reasons?.[0].path).toBe("siteCode");
    expect(await orderRow(bad.externalId)).toBeUndefined();
    expect(await count("audit_log", sql`action = 'ingest.orders'`)).toBe(before + 1);
    const audit = await db.db.execute<{ detail: Record<string, number>; target_id: string }>(
      sql`select detail, target_id from audit_log where action = 'ingest.orders' order by id desc limit 1`,
    );
    expect(audit.rows[0].detail).toMatchObject({ items: 2, created: 1, rejected: 1 });
  });
});

describe("POST /api/v1/ingest/events", () => {
  it("stores an event once: a repeated (source, eventId) is a no-op", async () => {
    const o = order();
    await post("orders", { items: [o] });
    const e = event(o.externalId, { detail: { carrier: "UPS", trackingNumber: "1Z-TRACK" } });
    const first = await post("events", { items: [e, e] });
    expect((first.json.results as Results).map((r) => r.status)).toEqual(["created", "unchanged"]);
    expect((first.json.results as Results)[0].seq).toBeGreaterThan(0);
    const second = await post("events", { items: [e] });
    expect((second.json.results as Results)[0].status).toBe("unchanged");
    const row = await orderRow(o.externalId);
    expect(row).toMatchObject({ status: "shipped", tracking_number: "1Z-TRACK" });
    expect(await count("order_events", sql`order_id = ${row.id}`)).toBe(2);
  });

  it("follows the latest occurredAt, not the arrival order", async () => {
    const o = order();
    await post("orders", { items: [o] });
    await post("events", { items: [event(o.externalId, { type: "delivered", occurredAt: "2025-03-14T09:00:00Z" })] });
    await post("events", { items: [event(o.externalId, { type: "in_transit", occurredAt: "2025-03-13T09:00:00Z" })] });
    expect((await orderRow(o.externalId)).status).toBe("delivered");
  });

  it("rejects an event for an order that was never sent, and applies the rest of the batch", async () => {
    const o = order();
    await post("orders", { items: [o] });
    const res = await post("events", { items: [event("NEVER-SENT"), event(o.externalId, { type: "picked" })] });
    expect(res.status).toBe(200);
    expect((res.json.results as Results).map((r) => r.status)).toEqual(["rejected", "created"]);
    expect((await orderRow(o.externalId)).status).toBe("picked");
  });

  it("converges to the in-order state for any shuffle and duplication of a batch (property, over HTTP)", async () => {
    const types = ["allocated", "picked", "on_hold", "packed", "shipped", "in_transit", "exception", "delivered"];
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.record({
            type: fc.constantFrom(...types),
            minute: fc.integer({ min: 0, max: 5 }),
            id: fc.integer({ min: 0, max: 50 }),
          }),
          { selector: (e) => e.id, minLength: 1, maxLength: 6 },
        ),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        async (specs, dupes, seed) => {
          const make = (o: ReturnType<typeof order>) =>
            specs.map((s) =>
              event(o.externalId, {
                eventId: `p-${o.externalId}-${s.id}`,
                type: s.type,
                occurredAt: new Date(Date.UTC(2025, 2, 12, 10, s.minute)).toISOString(),
                detail: { reason: `r${s.id}` },
              }),
            );
          const a = order();
          const b = order();
          await post("orders", { items: [a, b] });
          // In order, one by one.
          const inOrder = make(a).sort((x, y) => x.occurredAt.localeCompare(y.occurredAt));
          for (const e of inOrder) await post("events", { items: [e] });
          // Shuffled with duplicates, split over two batches.
          const evs = make(b);
          const messy = [...evs, ...dupes.map((d) => evs[d % evs.length])];
          let s = seed;
          for (let i = messy.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2 ** 31;
            const j = s % (i + 1);
            [messy[i], messy[j]] = [messy[j], messy[i]];
          }
          const cut = Math.floor(messy.length / 2);
          for (const part of [messy.slice(0, cut), messy.slice(cut)])
            if (part.length) expect((await post("events", { items: part })).status).toBe(200);
          const ra = await orderRow(a.externalId);
          const rb = await orderRow(b.externalId);
          expect({ status: rb.status, at: rb.status_at, hold: rb.hold_reason }).toEqual({
            status: ra.status,
            at: ra.status_at,
            hold: ra.hold_reason,
          });
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);
});

describe("malformed input", () => {
  const expectNoWrite = async (fn: () => Promise<{ status: number }>, status: number) => {
    const orders = await count("orders");
    const events = await count("order_events");
    const res = await fn();
    expect(res.status).toBe(status);
    expect(await count("orders")).toBe(orders);
    expect(await count("order_events")).toBe(events);
  };

  it("answers invalid JSON with 400, a wrong content type with 415 and an oversized body with 413", async () => {
    await expectNoWrite(() => post("orders", null, { raw: '{"items": [' }), 400);
    await expectNoWrite(() => post("orders", { items: [order()] }, { type: "text/plain" }), 415);
    const big = "x".repeat(5 * 1024 * 1024);
    await expectNoWrite(() => post("orders", null, { raw: `{"items":[],"pad":"${big}"}` }), 413);
  });

  it("answers more than 1000 items with 413 and a non-batch body with 400", async () => {
    await expectNoWrite(() => post("events", { items: Array.from({ length: 1001 }, () => event("X")) }), 413);
    await expectNoWrite(() => post("events", [event("X")]), 400);
    await expectNoWrite(() => post("events", { items: [] }), 400);
  });

  it("rejects the whole batch with 422 and per-item reasons when any item is malformed", async () => {
    const good = order();
    const cases: [string, Record<string, unknown>][] = [
      ["version", { version: "2" }],
      ["orderedAt", { orderedAt: undefined }],
      ["status", { status: "teleported" }],
      ["orderedAt", { orderedAt: "2025-02-30T10:00:00Z" }],
      ["orderedAt", { orderedAt: "2025-03-10T10:00:00" }],
      ["orderedAt", { orderedAt: "2025-03-10T10:00:00+25:00" }],
      ["promisedDate", { promisedDate: "21/03/2025" }],
      ["lines", { lines: [] }],
      ["lines.0.qtyOrdered", { lines: [{ lineNo: 1, sku: "A", description: "B", qtyOrdered: -1, unitPrice: 1 }] }],
      ["customerPo", { customerPo: "bad\u0000po" }],
      ["surprise", { surprise: true }],
    ];
    for (const [path, change] of cases) {
      const res = await post("orders", { items: [good, order(change)] });
      expect(res.status, path).toBe(422);
      expect(res.type).toContain("application/problem+json");
      const results = res.json.results as Results;
      expect(results[0].status).toBe("rejected");
      expect(
        results[1].reasons?.map((r) => r.path),
        path,
      ).toContain(path);
    }
    expect(await orderRow(good.externalId)).toBeUndefined();
    const badEvents = await post("events", {
      items: [
        event("X", { type: "levitating" }),
        event("X", { occurredAt: "yesterday" }),
        event("X", { eventId: "" }),
        event("X", { type: "eta_changed" }),
        event("X", { detail: { nested: { deep: 1 } } }),
      ],
    });
    expect(badEvents.status).toBe(422);
    expect((badEvents.json.results as Results).every((r) => r.status === "rejected" && r.reasons?.length)).toBe(true);
  });

  it("never answers 5xx to arbitrary JSON items (fuzz)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 5 }), async (items) => {
        const res = await post("events", { items });
        expect(res.status).toBeLessThan(500);
        const res2 = await post("orders", { items });
        expect(res2.status).toBeLessThan(500);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
