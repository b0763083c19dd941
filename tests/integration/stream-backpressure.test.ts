// Slow consumers and filters of the SSE stream, below HTTP: a subscriber whose unsent backlog
// exceeds the bound is closed with a retry hint; fixed filters fail closed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiPrincipal } from "#app/server/api/principal.server";
import { setDb } from "#app/server/db.server";
import { stopHub, type OrderEventFacets } from "#app/server/realtime/hub.server";
import { filterFor, openEventStream, parseLastEventId } from "#app/server/realtime/sse.server";
import { createTestDb, type TestDb } from "../support/db";

let db: TestDb;

beforeAll(async () => {
  db = await createTestDb();
  setDb(db);
});

afterAll(async () => {
  await stopHub();
  await db?.close();
});

function principal(): ApiPrincipal {
  const tenantId = crypto.randomUUID();
  return {
    via: "session",
    kind: "customer",
    userId: "u1",
    fixedFilters: {},
    tenant: { id: tenantId, name: "T", slug: "t", tier: "standard", timeZone: "UTC", country: "DE", region: null },
    db: { role: "portal_customer", tenantId, userId: "u1" },
  };
}

const facets = (over: Partial<OrderEventFacets> = {}): OrderEventFacets => ({
  seq: 1,
  orderId: "o",
  orderNumber: "SO-1",
  type: "picked",
  status: "picked",
  occurredAt: "2025-03-14T09:30:00.000Z",
  siteId: "site-a",
  siteCode: "A-1",
  priority: "standard",
  ...over,
});

describe("SSE slow consumers and filters", () => {
  it("closes a subscriber whose backlog exceeds the bound, with a retry hint, instead of buffering", async () => {
    const res = await openEventStream(new Request("http://portal/api/v1/stream"), principal(), {
      backlog: () => 10 * 1024 * 1024,
    });
    expect(res.status).toBe(200);
    const text = await res.text(); // ends: the server closed the stream
    expect(text).toMatch(/^retry: 10000\n: too slow/);
  });

  it("keeps a subscriber with a small backlog open and sends the retry and connected lines first", async () => {
    const controller = new AbortController();
    const res = await openEventStream(
      new Request("http://portal/api/v1/stream", { signal: controller.signal }),
      principal(),
      { backlog: () => 0 },
    );
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe("retry: 3000\n: connected\n\n");
    controller.abort();
    await reader.cancel();
  });

  it("applies site pins and fails closed on filters it does not know", () => {
    expect(filterFor({})).toBeUndefined();
    const site = filterFor({ site: ["site-a"] })!;
    expect(site(facets())).toBe(true);
    expect(site(facets({ siteId: "site-b", siteCode: "B-1" }))).toBe(false);
    expect(filterFor({ colour: ["blue"] })!(facets())).toBe(false);
  });

  it("reads Last-Event-ID only as a plain sequence number", () => {
    expect(parseLastEventId("42")).toBe(42);
    for (const bad of [null, "", "-1", "4e3", "1; drop", "9999999999999999"])
      expect(parseLastEventId(bad)).toBeUndefined();
  });
});
