// The status-count cache (app/server/orders/count-cache.server.ts) is per process and crosses
// requests, so it must never answer one tenant (or one filter) with another's entry — even when
// both tenants' event sequences stand at the same number, the one thing the cache compares.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOrderParams, statusCounts, type OrderReader } from "#app/server/orders/list.server";
import { setDb } from "#app/server/db.server";
import { createTestDb, type TestDb } from "../support/db";
import { createOrder, createSite, createTenant } from "../support/factories";

let handle: TestDb;
const tenants: { id: string; sites: string[]; reader: OrderReader }[] = [];

/** Filters from a query string, the way the list page and the API parse them. */
function filters(query: string) {
  const r = parseOrderParams(new URLSearchParams(query));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.query.filters;
}

async function lastSeq(tenantId: string): Promise<number> {
  const r = await handle.db.execute<{ n: number }>(
    sql`select coalesce(max(seq), 0)::int as n from order_events where tenant_id = ${tenantId}`,
  );
  return r.rows[0].n;
}

beforeAll(async () => {
  handle = await createTestDb();
  setDb(handle);
  // Tenant 0: 3 orders at its first site, 1 at its second. Tenant 1: 1 order. Both get the same
  // number of events, so their sequences are equal and only the key can tell them apart.
  for (const [first, second] of [
    [3, 1],
    [1, 0],
  ]) {
    const t = await createTenant(handle);
    const sites = [await createSite(handle, t.id), await createSite(handle, t.id)];
    for (let i = 0; i < first; i++) await createOrder(handle, t.id, sites[0], { events: 1 });
    for (let i = 0; i < second; i++) await createOrder(handle, t.id, sites[1], { events: 1 });
    tenants.push({
      id: t.id,
      sites,
      reader: { db: { role: "portal_customer", tenantId: t.id, userId: null }, tenant: { id: t.id, timeZone: "UTC" } },
    });
  }
  // Equalise the sequences with events on tenant 1's order.
  const gap = (await lastSeq(tenants[0].id)) - (await lastSeq(tenants[1].id));
  const [o] = (
    await handle.db.execute<{ id: string }>(sql`select id::text as id from orders where tenant_id = ${tenants[1].id}`)
  ).rows;
  for (let i = 0; i < gap; i++)
    await handle.db.execute(sql`insert into order_events (tenant_id, order_id, source, event_id, type, occurred_at)
      values (${tenants[1].id}, ${o.id}, 'test', ${`EV-${i}`}, 'shipped', now())`);
});
afterAll(async () => {
  await handle?.close();
});

describe("status count cache", () => {
  it("starts from two tenants whose event sequences are equal", async () => {
    expect(await lastSeq(tenants[0].id)).toBeGreaterThan(0);
    expect(await lastSeq(tenants[1].id)).toBe(await lastSeq(tenants[0].id));
  });

  it("never answers one tenant with another tenant's cached counts for the same filters", async () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const a = await statusCounts(tenants[0].reader, filters(""), now);
    const b = await statusCounts(tenants[1].reader, filters(""), now);
    expect(a.shipped).toBe(4);
    expect(b.shipped).toBe(1);
    // And again, now that both entries are cached.
    expect((await statusCounts(tenants[0].reader, filters(""), now)).shipped).toBe(4);
    expect((await statusCounts(tenants[1].reader, filters(""), now)).shipped).toBe(1);
  });

  it("never answers one filter with another filter's cached counts", async () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const [first, second] = tenants[0].sites;
    expect((await statusCounts(tenants[0].reader, filters(`site=${first}`), now)).shipped).toBe(3);
    expect((await statusCounts(tenants[0].reader, filters(`site=${second}`), now)).shipped).toBe(1);
    expect((await statusCounts(tenants[0].reader, filters(`site=${first}`), now)).shipped).toBe(3);
    expect((await statusCounts(tenants[0].reader, filters(""), now)).shipped).toBe(4);
  });

  it("does not let a tenant's reader see counts of a tenant it names in its filters", async () => {
    const now = new Date("2026-03-10T12:00:00Z");
    await statusCounts(tenants[0].reader, filters(`site=${tenants[0].sites[0]}`), now);
    const crossed = await statusCounts(tenants[1].reader, filters(`site=${tenants[0].sites[0]}`), now);
    expect(Object.values(crossed).reduce((x, y) => x + y, 0)).toBe(0);
  });
});
