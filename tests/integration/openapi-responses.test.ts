// Live answers against the published OpenAPI document (tests/support/openapi-check.ts): each
// documented operation is called for its success and its typical errors over real HTTP, and every
// answer must match the document — route, status, content type and body schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMBED_SECRET, demoIntranetOrigin } from "#db/seed/embed";
import { DEMO_PASSWORD, demoIngestSecret } from "#db/seed/seed";
import { createSeededTestDb } from "../support/seeded-snapshot";
import type { TestDb } from "../support/db";
import { documentMismatch, fetchChecked } from "../support/openapi-check";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.SIGHTLINE_SIMULATE = "off";

const INTRANET = demoIntranetOrigin(3001);
let db: TestDb;
let portal: TestPortal;
let token = "";
let cookie = "";
const mismatches: string[] = [];

const get = (path: string, headers: Record<string, string> = {}) =>
  fetchChecked(`${portal.url}${path}`, { headers }, mismatches);
const asWidget = () => ({ authorization: `Bearer ${token}`, origin: INTRANET });
const asPerson = () => ({ cookie });

beforeAll(async () => {
  db = await createSeededTestDb({ ordersPerTenant: 4 });
  portal = await startPortal(db);
  const minted = await fetchChecked(
    `${portal.url}/api/v1/embed/tokens`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${DEMO_EMBED_SECRET}`, "content-type": "application/json" },
      body: JSON.stringify({ origin: INTRANET }),
    },
    mismatches,
  );
  token = (JSON.parse(minted.body) as { token: string }).token;
  const login = await new Browser(portal.url).signIn("admin@acme.example", DEMO_PASSWORD);
  cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await db?.close();
});

describe("answers match the OpenAPI document", () => {
  it("orders: list, bad page size (errors keyed by parameter), detail, unknown id, no credentials", async () => {
    const list = await get("/api/v1/orders?limit=2", asWidget());
    expect(list.res.status).toBe(200);
    const firstId = (JSON.parse(list.body) as { data: { id: string }[] }).data[0]!.id;
    expect((await get("/api/v1/orders?limit=abc", asWidget())).res.status).toBe(400);
    expect((await get("/api/v1/orders?status=nope&cursor=zzz", asPerson())).res.status).toBe(400);
    expect((await get(`/api/v1/orders/${firstId}`, asWidget())).res.status).toBe(200);
    expect((await get("/api/v1/orders/00000000-0000-4000-8000-000000000000", asPerson())).res.status).toBe(404);
    expect((await get("/api/v1/orders")).res.status).toBe(401);
    expect(mismatches).toEqual([]);
  });

  it("SLA scorecard and calendar: success and bad queries", async () => {
    expect((await get("/api/v1/sla/scorecard?period=last-quarter", asWidget())).res.status).toBe(200);
    expect((await get("/api/v1/sla/scorecard?period=someday", asWidget())).res.status).toBe(400);
    expect((await get("/api/v1/calendar", asPerson())).res.status).toBe(200);
    expect((await get("/api/v1/calendar?from=yesterday&to=2026-01-01", asPerson())).res.status).toBe(400);
    expect((await get("/api/v1/calendar/periods?year=26", asPerson())).res.status).toBe(400);
    expect(mismatches).toEqual([]);
  });

  it("escalations list and ingestion (accepted batch, malformed envelope with errors by path)", async () => {
    expect((await get("/api/v1/escalations", asPerson())).res.status).toBe(200);
    expect((await get("/api/v1/escalations?q=ESC-1", asPerson())).res.status).toBe(200);
    expect((await get(`/api/v1/escalations?q=${"x".repeat(201)}`, asPerson())).res.status).toBe(400);
    const ingest = (body: unknown) =>
      fetchChecked(
        `${portal.url}/api/v1/ingest/events`,
        {
          method: "POST",
          headers: { authorization: `Bearer ${demoIngestSecret("acme")}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        },
        mismatches,
      );
    expect((await ingest({ items: "nope" })).res.status).toBe(400);
    const event = { source: "tms", eventId: "doc-1", orderSource: "erp", orderExternalId: "NOPE-1" };
    expect(
      (await ingest({ items: [{ ...event, type: "shipped", occurredAt: "2025-03-14T09:30:00Z" }] })).res.status,
    ).toBe(200);
    expect(mismatches).toEqual([]);
  });

  it("the check names the route and the mismatch when an answer differs from the document", () => {
    const mismatch = documentMismatch({
      method: "GET",
      url: "http://portal/api/v1/orders?limit=abc",
      status: 400,
      contentType: "application/problem+json",
      body: JSON.stringify({ type: "about:blank", title: "Bad request", status: 400, detail: "x", errors: 5 }),
    });
    expect(mismatch).toMatch(/^GET \/api\/v1\/orders → 400: body does not match the document: \/errors/);
    expect(
      documentMismatch({
        method: "DELETE",
        url: "http://portal/api/v1/orders",
        status: 200,
        contentType: null,
        body: "",
      }),
    ).toBe("DELETE /api/v1/orders → 200: the method is not in the document (and the answer is not a 405)");
    // An undocumented method or path may only be refused, with a problem.
    const refused = (status: number, body: unknown) => ({
      method: "DELETE",
      url: "http://portal/api/v1/orders",
      status,
      contentType: "application/problem+json",
      body: JSON.stringify(body),
    });
    const problem = { type: "about:blank", title: "Method not allowed", status: 405, detail: "Use GET." };
    expect(documentMismatch(refused(405, problem))).toBeNull();
    expect(documentMismatch(refused(405, { status: "405" }))).toBe(
      "DELETE /api/v1/orders → 405: the 405 body is not a Problem",
    );
    expect(
      documentMismatch({ ...refused(404, { ...problem, status: 404 }), url: "http://portal/api/v1/nothing" }),
    ).toBeNull();
  });
});
