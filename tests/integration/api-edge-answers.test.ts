// The API's answers at its edges, each as the OpenAPI document describes it (every answer here is
// also checked against the document by the suite-wide tap, tests/support/setup-api-answers.ts):
// methods a route does not take, the refusals of the escalation endpoints before they read data,
// and the document describing itself.
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { embedKeys, type EmbedScope } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { demoIntranetOrigin } from "#db/seed/embed";
import { demoIngestSecret } from "#db/seed/seed";
import { openApiDocument } from "#app/server/api/openapi.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.SIGHTLINE_SIMULATE = "off";

const INTRANET = demoIntranetOrigin(3001);
const [acme] = DEMO_TENANTS;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** The media type of a problem (answers sent by middleware carry `; charset=utf-8`). */
const PROBLEM = /^application\/problem\+json(;|$)/;

let handle: DbHandle;
let portal: TestPortal;
let escalationId = "";

beforeAll(async () => {
  handle = await createSeededTestDb({ ordersPerTenant: 4 });
  portal = await startPortal(handle);
  const r = await handle.db.execute<{ id: string }>(
    sql`select id::text as id from escalations where tenant_id = ${acme.id} order by created_at limit 1`,
  );
  escalationId = r.rows[0].id;
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

/** A widget token of a key with only these scopes, for the demo intranet's origin. */
async function tokenWithScopes(scopes: EmbedScope[]) {
  const secret = `sl_embed_${randomBytes(24).toString("base64url")}`;
  await handle.db.insert(embedKeys).values({
    tenantId: acme.id,
    name: `Scopes ${scopes.join(" ")}`,
    prefix: secret.slice(0, 15),
    secretHash: createHash("sha256").update(secret).digest("hex"),
    allowedOrigins: [INTRANET],
    scopes,
    fixedFilters: {},
  });
  const res = await fetch(`${portal.url}/api/v1/embed/tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify({ origin: INTRANET }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** A path of the document with its parameters filled in. */
const concrete = (template: string) => template.replace(/\{[^}]+\}/g, escalationId);

describe("methods a route does not take", () => {
  it("every /api/v1 path answers them 405 problem+json, with Allow naming the methods the document lists", async () => {
    const wrong: string[] = [];
    for (const [template, item] of Object.entries(openApiDocument().paths)) {
      const documented = METHODS.filter((m) => m.toLowerCase() in (item as object));
      for (const method of METHODS.filter((m) => !documented.includes(m))) {
        const res = await fetch(`${portal.url}${concrete(template)}`, { method });
        const body = await res.text();
        const answer = `${method} ${template}: ${res.status} ${res.headers.get("content-type")} Allow=${res.headers.get("allow")}`;
        const ok =
          res.status === 405 &&
          res.headers.get("content-type") === "application/problem+json" &&
          res.headers.get("allow") === documented.join(", ") &&
          (JSON.parse(body) as { status: number }).status === 405;
        if (!ok) wrong.push(answer);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("ingestion answers 405 before it looks at the key or the body's size", async () => {
    for (const kind of ["orders", "events"]) {
      const res = await fetch(`${portal.url}/api/v1/ingest/${kind}`, {
        method: "PUT",
        headers: { "content-type": "application/json" }, // no key
        body: "x".repeat(5 * 1024 * 1024),
      });
      expect([res.status, res.headers.get("allow")]).toEqual([405, "POST"]);
    }
    const keyed = await fetch(`${portal.url}/api/v1/ingest/orders`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${demoIngestSecret("acme")}` },
    });
    expect([keyed.status, keyed.headers.get("allow")]).toEqual([405, "POST"]);
  });

  it("a cookie-authenticated write from another origin to a path that takes no POST is answered 405, not 403", async () => {
    const browser = new Browser(portal.url);
    expect((await browser.signIn("admin@acme.example")).status).toBe(302);
    const evil = { origin: "https://evil.example", headers: { "sec-fetch-site": "cross-site" } };
    const wrongMethod = await browser.request("/api/v1/orders", { method: "POST", body: "{}", ...evil });
    expect([wrongMethod.status, wrongMethod.headers.get("allow")]).toEqual([405, "GET"]);
    // A path that takes POST is still refused by the same-origin rule (documented 403).
    const write = await browser.request("/api/v1/ingest/orders", { method: "POST", body: "{}", ...evil });
    expect(write.status).toBe(403);
    expect(write.headers.get("content-type")).toMatch(PROBLEM);
  });

  it("the event stream answers a POST 405 problem+json instead of opening", async () => {
    const res = await fetch(`${portal.url}/api/v1/stream`, { method: "POST" });
    expect(res.status).toBe(405);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("allow")).toBe("GET");
  });
});

describe("paths", () => {
  it("an /api/v1 path the document does not describe is answered 404 problem+json", async () => {
    for (const path of ["/api/v1/order", "/api/v1/orders/1/lines", "/api/v1/orders/.."]) {
      const res = await fetch(`${portal.url}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers.get("content-type")).toMatch(PROBLEM);
    }
  });
});

describe("escalation endpoints", () => {
  it("GET /api/v1/escalations/{id} answers a token without escalations:read 403 problem+json", async () => {
    const token = await tokenWithScopes(["orders:read"]);
    const res = await fetch(`${portal.url}/api/v1/escalations/${escalationId}`, {
      headers: { authorization: `Bearer ${token}`, origin: INTRANET },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("a reply body over 64 KiB is answered 413 problem+json, before the caller is looked up", async () => {
    const res = await fetch(`${portal.url}/api/v1/escalations/${escalationId}/replies`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: INTRANET },
      body: JSON.stringify({ body: "x".repeat(70 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("a reply that is not JSON is answered 415 problem+json", async () => {
    const token = await tokenWithScopes(["escalations:write"]);
    const res = await fetch(`${portal.url}/api/v1/escalations/${escalationId}/replies`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, origin: INTRANET, "content-type": "text/plain" },
      body: "Any news?",
    });
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("the document", () => {
  it("describes GET /api/v1/openapi.json itself, and the answer is that document", async () => {
    const res = await fetch(`${portal.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const served = (await res.json()) as { paths: Record<string, { get?: { operationId?: string } }> };
    expect(served.paths["/api/v1/openapi.json"]?.get?.operationId).toBe("getOpenApiDocument");
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("says every operation that authenticates its caller may answer 503 (database or mail server away)", () => {
    const missing: string[] = [];
    type Operation = { security: unknown[]; responses: Record<string, unknown> };
    for (const [template, item] of Object.entries(openApiDocument().paths))
      for (const [method, op] of Object.entries(item as Record<string, Operation>))
        if (op.security.length && !op.responses["503"]) missing.push(`${method.toUpperCase()} ${template}`);
    expect(missing).toEqual([]);
  });
});
