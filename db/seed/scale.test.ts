// The benchmark's data set (`npm run bench -- --prepare`): many synthetic accounts from one
// seeder. Their slugs share a prefix (bench-0000, bench-0001, ...), so the escalation short codes
// derived from them would collide; each account must still get its own.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../tests/support/db";
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
