// Cookie-authenticated writes from another origin (issue 13, item 1), over real HTTP: a signed-in
// customer's session cookie rides along with a "simple" cross-origin POST (no preflight), so every
// such write must prove it comes from the portal's own pages, and JSON bodies must really be JSON.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { tenants } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { DEMO_EMBED_SECRET, demoIntranetOrigin } from "#db/seed/embed";
import { demoIngestSecret } from "#db/seed/seed";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.SIGHTLINE_SIMULATE = "off";
process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";

const EVIL = "http://evil.example";
const acme = DEMO_TENANTS.find((t) => t.slug === "acme")!;
const ESCALATION = JSON.stringify({
  category: "late_delivery",
  severity: "P1",
  title: "Forged P1",
  description: "Raised by a page on another site.",
  desiredOutcome: "Nothing at all",
});

let handle: DbHandle;
let portal: TestPortal;
let customer: Browser;
let ip = 1;

beforeAll(async () => {
  handle = await createSeededTestDb({ ordersPerTenant: 3 });
  portal = await startPortal(handle);
  customer = new Browser(portal.url, `198.51.100.${ip++}`);
  expect((await customer.signIn(`admin@${acme.emailDomain}`)).status).toBe(302);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

async function escalationCount(): Promise<number> {
  const r = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from escalations`);
  return r.rows[0].n;
}

async function someEscalationId(): Promise<string> {
  const r = await handle.db.execute<{ id: string }>(
    sql`select id from escalations where tenant_id = ${acme.id} order by created_at limit 1`,
  );
  return r.rows[0].id;
}

/** A sibling origin of the same site: SameSite=Lax still sends the cookie from there. */
const sibling = () => {
  const u = new URL(portal.url);
  return `${u.protocol}//${u.hostname}:${Number(u.port) + 1}`;
};

describe("cookie-authenticated API writes from another origin", () => {
  it("refuses POST /api/v1/escalations from another origin with text/plain; charset=application/json and creates nothing", async () => {
    const before = await escalationCount();
    const res = await customer.request("/api/v1/escalations", {
      method: "POST",
      origin: EVIL,
      contentType: "text/plain; charset=application/json",
      body: ESCALATION,
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await escalationCount()).toBe(before);
  });

  it("refuses a reply from a sibling origin of the same site, whatever the content type", async () => {
    const id = await someEscalationId();
    for (const contentType of ["application/json", "text/plain", "application/x-www-form-urlencoded"]) {
      const res = await customer.request(`/api/v1/escalations/${id}/replies`, {
        method: "POST",
        origin: sibling(),
        contentType,
        body: JSON.stringify({ body: "forged reply" }),
      });
      expect(res.status, contentType).toBe(403);
    }
    const r = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from escalation_comments where body = 'forged reply'`,
    );
    expect(r.rows[0].n).toBe(0);
  });

  it("goes by Sec-Fetch-Site when there is no Origin: same-site and cross-site are refused, same-origin passes", async () => {
    const before = await escalationCount();
    for (const site of ["cross-site", "same-site", "none"]) {
      const res = await customer.request("/api/v1/escalations", {
        method: "POST",
        origin: null,
        headers: { "sec-fetch-site": site },
        contentType: "application/json",
        body: ESCALATION,
      });
      expect(res.status, site).toBe(403);
    }
    expect(await escalationCount()).toBe(before);
    const ok = await customer.request("/api/v1/escalations", {
      method: "POST",
      origin: null,
      headers: { "sec-fetch-site": "same-origin" },
      contentType: "application/json",
      body: ESCALATION,
    });
    expect(ok.status).toBe(201);
  });

  it("refuses a cookie-authenticated write that names no origin at all", async () => {
    const res = await customer.request("/api/v1/escalations", {
      method: "POST",
      origin: null,
      contentType: "application/json",
      body: ESCALATION,
    });
    expect(res.status).toBe(403);
  });
});

describe("JSON bodies", () => {
  it("answers 415 for same-origin bodies whose media type only mentions JSON, and writes nothing", async () => {
    const before = await escalationCount();
    for (const contentType of [
      "text/plain; charset=application/json",
      "text/plain;application/json",
      "application/x-www-form-urlencoded; a=application/json",
      "multipart/form-data; boundary=application/json",
      "application/jsonp",
      "application/json-seq",
      "text/json",
    ]) {
      const res = await customer.request("/api/v1/escalations", { method: "POST", contentType, body: ESCALATION });
      expect(res.status, contentType).toBe(415);
    }
    expect(await escalationCount()).toBe(before);
  });

  it("accepts application/json with parameters and +json types from the portal's own pages", async () => {
    for (const contentType of ["application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"]) {
      const res = await customer.request("/api/v1/escalations", { method: "POST", contentType, body: ESCALATION });
      expect(res.status, contentType).toBe(201);
    }
  });
});

describe("token-authenticated calls and CORS", () => {
  it("still lets an embed token raise an escalation from the key's registered origin", async () => {
    const origin = demoIntranetOrigin();
    const minted = await fetch(`${portal.url}/api/v1/embed/tokens`, {
      method: "POST",
      headers: { Authorization: `Bearer ${DEMO_EMBED_SECRET}`, "Content-Type": "application/json" },
      body: JSON.stringify({ origin }),
    });
    expect(minted.status).toBe(200);
    const { token } = (await minted.json()) as { token: string };
    const res = await fetch(`${portal.url}/api/v1/escalations`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, Origin: origin, "Content-Type": "application/json" },
      body: ESCALATION,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("access-control-allow-origin")).toBe(origin);
  });

  it("still takes ingest batches from servers (an ingest key, no cookie, no origin)", async () => {
    const res = await fetch(`${portal.url}/api/v1/ingest/events`, {
      method: "POST",
      headers: { Authorization: `Bearer ${demoIngestSecret(acme.slug)}`, "Content-Type": "application/json" },
      body: JSON.stringify({ source: "erp", events: [] }),
    });
    expect(res.status).toBeLessThan(500);
    expect(res.status).not.toBe(403);
  });

  it("answers a preflight only on the widget endpoints: never on the embed token exchange or ingestion", async () => {
    const origin = demoIntranetOrigin();
    const preflight = (path: string) =>
      fetch(portal.url + path, {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "authorization, content-type",
        },
      });
    for (const path of ["/api/v1/embed/tokens", "/api/v1/ingest/orders", "/api/v1/ingest/events"]) {
      const res = await preflight(path);
      expect(res.headers.get("access-control-allow-origin"), path).toBeNull();
      expect(res.headers.get("access-control-allow-methods"), path).toBeNull();
    }
    const widget = await preflight("/api/v1/escalations");
    expect(widget.status).toBe(204);
    expect(widget.headers.get("access-control-allow-origin")).toBe(origin);
  });
});

describe("API sessions follow the account's state", () => {
  it("refuses a signed-in customer's API calls once their organisation is deactivated, like the pages do", async () => {
    const b = new Browser(portal.url, `198.51.100.${ip++}`);
    expect((await b.signIn(`viewer@${acme.emailDomain}`)).status).toBe(302);
    expect((await b.get("/api/v1/orders")).status).toBe(200);
    await handle.db.update(tenants).set({ active: false }).where(eq(tenants.id, acme.id));
    try {
      const res = await b.get("/api/v1/orders");
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect((await b.get("/orders")).status).toBe(403);
    } finally {
      await handle.db.update(tenants).set({ active: true }).where(eq(tenants.id, acme.id));
    }
  });
});
