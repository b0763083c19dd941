// The benchmark's data set (`npm run bench -- --prepare`): many synthetic accounts from one
// seeder. Their slugs share a prefix (bench-0000, bench-0001, ...), so the escalation short codes
// derived from them would collide; each account must still get its own.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, describeEachDb, type TestDb } from "../../tests/support/db";
import { seedScaleSql } from "./scale";
import { seedScale } from "./seed";

let db: TestDb;

beforeAll(async () => {
  db = await createTestDb();
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("the benchmark seeder", () => {
  it("seeds many accounts with slugs of one prefix, each with its own short code", async () => {
    const result = await seedScale(db, { tenants: 12, orders: 700, progress: () => undefined });
    const r = await db.db.execute<{ accounts: number; codes: number; orders: number }>(
      sql`select count(*)::int as accounts, count(distinct short_code)::int as codes,
                 (select count(*)::int from orders) as orders
          from tenants where slug like 'bench-%'`,
    );
    expect(r.rows[0].accounts).toBe(12);
    expect(r.rows[0].codes).toBe(12);
    expect(r.rows[0].orders).toBeGreaterThanOrEqual(700);
    expect(result.largestOrders).toBeGreaterThanOrEqual(70);
  }, 300_000);
});

// The set-based seeder behind the bench's 1M-order database: the same accounts and sizes, and
// rows that say what the scenarios (and the triggers it switches off) expect of them.
await describeEachDb("the set-based benchmark seeder", (kind) => {
  let sdb: TestDb;
  beforeAll(async () => {
    sdb = await createTestDb(kind, { label: "perfpg" });
  }, 120_000);
  afterAll(async () => {
    await sdb?.close();
  });

  it("writes accounts of different sizes whose orders, lines, shipments and events agree", async () => {
    const result = await seedScaleSql(sdb, { tenants: 12, orders: 3_000, progress: () => undefined });
    const q = async <T extends Record<string, unknown>>(text: string) => (await sdb.db.execute<T>(sql.raw(text))).rows;
    const [counts] = await q<{ accounts: number; codes: number; orders: number; smallest: number }>(
      `select count(*)::int as accounts, count(distinct short_code)::int as codes,
              (select count(*)::int from orders) as orders,
              (select min(n)::int from (select count(*) as n from orders group by tenant_id) x) as smallest
       from tenants where slug like 'bench-%'`,
    );
    expect(counts).toMatchObject({ accounts: 12, codes: 12 });
    expect(counts.orders).toBeGreaterThan(2_900);
    expect(result.largestOrders).toBeGreaterThanOrEqual(300);
    expect(counts.smallest).toBeLessThan(result.largestOrders / 4);
    // Every order has lines and events; a shipment exactly when it has shipped.
    const [shape] = await q<{ no_lines: number; no_events: number; ship_mismatch: number; delivered: number }>(
      `select
         (select count(*)::int from orders o where not exists (select 1 from order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.id)) as no_lines,
         (select count(*)::int from orders o where not exists (select 1 from order_events e where e.tenant_id = o.tenant_id and e.order_id = o.id)) as no_events,
         (select count(*)::int from orders o where (o.shipped_at is not null) <> exists (select 1 from shipments s where s.tenant_id = o.tenant_id and s.order_id = o.id)) as ship_mismatch,
         (select count(*)::int from orders where status = 'delivered') as delivered`,
    );
    expect(shape).toMatchObject({ no_lines: 0, no_events: 0, ship_mismatch: 0 });
    expect(shape.delivered).toBeGreaterThan(counts.orders * 0.7);
    // Perfect-order flags equal what the events say (the trigger of 0060 was off during the load).
    const [flags] = await q<{ differ: number; damaged: number }>(
      `select count(*) filter (where o.m_damaged <> coalesce(e.damaged, false) or o.m_document_error <> coalesce(e.doc, false))::int as differ,
              count(*) filter (where o.m_damaged)::int as damaged
       from orders o left join (select tenant_id, order_id, bool_or(type in ('damaged', 'claim_filed')) as damaged,
                                       bool_or(type = 'document_error') as doc
                                from order_events group by tenant_id, order_id) e
         on e.tenant_id = o.tenant_id and e.order_id = o.id`,
    );
    expect(flags.differ).toBe(0);
    expect(flags.damaged).toBeGreaterThan(0);
    // Sequences gapless per account, and the counter the trigger continues from is their last.
    const seqs = await q<{ tenant_id: string; n: number; max: number; last: number }>(
      `select e.tenant_id, count(*)::int as n, max(e.seq)::int as max, c.last_seq::int as last
       from order_events e join tenant_event_counters c using (tenant_id) group by e.tenant_id, c.last_seq`,
    );
    expect(seqs).toHaveLength(12);
    for (const s of seqs) expect([s.max, s.last]).toEqual([s.n, s.n]);
    // The status is the last status event; the version counts the events; nothing in the future.
    const [status] = await q<{ wrong_status: number; wrong_version: number; future: number }>(
      `select count(*) filter (where o.status <> e.last_type)::int as wrong_status,
              count(*) filter (where o.version <> e.n)::int as wrong_version,
              (select count(*)::int from order_events where occurred_at > now()) as future
       from orders o join lateral (
         select count(*)::int as n,
                (array_agg(type order by occurred_at desc) filter (where type not in ('damaged', 'claim_filed', 'document_error')))[1] as last_type
         from order_events e where e.tenant_id = o.tenant_id and e.order_id = o.id) e on true`,
    );
    expect(status.future).toBe(0);
    expect(status.wrong_version).toBe(0);
    // By time, not plan order: an exception planned a day before delivery can follow in_transit.
    expect(status.wrong_status).toBeLessThan(counts.orders * 0.05);
    // Indexes the load dropped are back.
    const [idx] = await q<{ n: number }>(
      `select count(*)::int as n from pg_indexes where tablename = 'orders' and indexname in ('orders_ordered_idx', 'orders_fiscal_idx')`,
    );
    expect(idx.n).toBe(2);
  }, 300_000);
});
