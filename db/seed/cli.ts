// `npm run seed`: demo data into an empty database, or benchmark data at scale:
//   npm run seed                                  # the five demo customers (as npm start does)
//   npm run seed -- --tenants 200 --orders 1000000   # skewed benchmark data set
// Targets DATABASE_URL when set, else the PGlite directory (PGLITE_DIR, default .data/pglite).
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDb } from "../client";
import { migrate } from "../migrate";
import { isSeeded, seedDemo, seedScale } from "./seed";

const { values } = parseArgs({
  options: {
    tenants: { type: "string" },
    orders: { type: "string" },
  },
});

const url = process.env.DATABASE_URL;
const dir = process.env.PGLITE_DIR ?? ".data/pglite";
if (!url) mkdirSync(dir, { recursive: true });
const handle = await openDb({ url, pgliteDir: url ? undefined : dir });
await migrate(handle);
const started = Date.now();
if (values.tenants || values.orders) {
  const tenants = Number(values.tenants ?? 200);
  const orders = Number(values.orders ?? 1_000_000);
  if (!Number.isInteger(tenants) || tenants < 1 || !Number.isInteger(orders) || orders < tenants) {
    console.error("--tenants and --orders must be positive integers, with at least one order per tenant");
    process.exit(2);
  }
  const r = await seedScale(handle, { tenants, orders });
  console.log(`largest tenant ${r.largestTenantId} has ${r.largestOrders} orders`);
} else if (await isSeeded(handle)) {
  console.log("the database already has tenants; demo data was not added");
} else {
  await seedDemo(handle);
}
await handle.db.execute(sql`ANALYZE`);
console.log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
await handle.close();
