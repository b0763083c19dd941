// The benchmark data set: the scale seeder (db/seed seedScale) on a PostgreSQL database that is
// kept between runs (`sightline_bench`, seeded only when absent or incomplete), or a smaller one
// on in-memory PGlite for --quick. Seeding time is recorded so the report can quote it.
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDb, type DbHandle } from "#db/client";
import { migrate } from "#db/migrate";
import { seedScale } from "#db/seed/seed";

export const BENCH_DB_NAME = process.env.BENCH_DB_NAME ?? "sightline_bench";
export const ADMIN_URL =
  process.env.BENCH_PG_ADMIN_URL ?? process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const FULL_SIZE = { tenants: 200, orders: 1_000_000 };
export const QUICK_SIZE = { tenants: 10, orders: 8_000 };

export interface DatasetInfo {
  kind: "postgres" | "pglite";
  url?: string;
  tenants: number;
  orders: number;
  largestTenantId: string;
  largestOrders: number;
  /** Seconds the seed took when this data set was created. */
  seedSeconds: number;
  seededAt: string;
  /** True when this run created the data (false: reused from an earlier run). */
  createdNow: boolean;
}

export interface Dataset {
  handle: DbHandle;
  info: DatasetInfo;
}

function benchUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function postgresAvailable(): Promise<boolean> {
  try {
    await admin((c) => c.query("select 1"));
    return true;
  } catch {
    return false;
  }
}

async function readMeta(handle: DbHandle): Promise<DatasetInfo | null> {
  try {
    const r = await handle.db.execute<{ value: DatasetInfo }>(sql`select value from bench_meta where key = 'dataset'`);
    return r.rows[0]?.value ?? null;
  } catch {
    return null;
  }
}

async function seed(
  handle: DbHandle,
  kind: "postgres" | "pglite",
  size: { tenants: number; orders: number },
  log: (line: string) => void,
): Promise<DatasetInfo> {
  await migrate(handle);
  const started = Date.now();
  let lastLog = 0;
  const result = await seedScale(handle, {
    ...size,
    progress: (line) => {
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(`  ${line}`);
      }
    },
  });
  // VACUUM as well: sets the visibility map, as autovacuum soon would on a live database, so
  // index-only scans (chip counts) are measured as they run in production.
  await handle.exec(kind === "postgres" ? "VACUUM ANALYZE" : "ANALYZE");
  const info: DatasetInfo = {
    kind,
    tenants: size.tenants,
    orders: size.orders,
    largestTenantId: result.largestTenantId,
    largestOrders: result.largestOrders,
    seedSeconds: Math.round((Date.now() - started) / 100) / 10,
    seededAt: new Date().toISOString(),
    createdNow: true,
  };
  await handle.exec(`CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
  await handle.db.execute(sql`insert into bench_meta (key, value) values ('dataset', ${JSON.stringify(info)}::jsonb)
    on conflict (key) do update set value = excluded.value`);
  return info;
}

/**
 * The PostgreSQL bench database, created and seeded on first use (a full seed takes minutes;
 * later runs reuse it). New migrations are applied to a kept database before use.
 */
export async function postgresDataset(
  opts: {
    size?: { tenants: number; orders: number };
    poolSize?: number;
    log?: (l: string) => void;
    /** Another kept database (e.g. a quick-size one), so the full one is never recreated for it. */
    name?: string;
  } = {},
): Promise<Dataset> {
  const size = opts.size ?? FULL_SIZE;
  const name = opts.name ?? BENCH_DB_NAME;
  const log = opts.log ?? ((l: string) => console.log(l));
  const exists = await admin(async (c) => {
    const r = await c.query("select 1 from pg_database where datname = $1", [name]);
    return r.rowCount === 1;
  });
  const url = benchUrl(name);
  if (exists) {
    const handle = await openDb({ url, poolSize: opts.poolSize ?? 10 });
    const meta = await readMeta(handle);
    if (meta && meta.tenants === size.tenants && meta.orders === size.orders) {
      await migrate(handle);
      return { handle, info: { ...meta, url, createdNow: false } };
    }
    await handle.close();
    log(`[bench] ${name} exists but is incomplete or of another size: recreating it`);
    await admin((c) => c.query(`DROP DATABASE ${pg.escapeIdentifier(name)} WITH (FORCE)`));
  }
  await admin((c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  const handle = await openDb({ url, poolSize: opts.poolSize ?? 10 });
  log(`[bench] seeding ${size.tenants} tenants / ${size.orders} orders into ${name} (once; kept for later runs)`);
  const info = await seed(handle, "postgres", size, log);
  log(`[bench] seeded in ${info.seedSeconds} s; largest tenant has ${info.largestOrders} orders`);
  return { handle, info: { ...info, url } };
}

/** A fresh in-memory PGlite data set (quick mode, or when no PostgreSQL server is reachable). */
export async function pgliteDataset(
  opts: { size?: { tenants: number; orders: number }; log?: (l: string) => void } = {},
): Promise<Dataset> {
  const size = opts.size ?? QUICK_SIZE;
  const log = opts.log ?? ((l: string) => console.log(l));
  const handle = await openDb({});
  log(`[bench] seeding ${size.tenants} tenants / ${size.orders} orders into in-memory PGlite`);
  const info = await seed(handle, "pglite", size, log);
  log(`[bench] seeded in ${info.seedSeconds} s; largest tenant has ${info.largestOrders} orders`);
  return { handle, info };
}

const cache = new Map<string, Promise<Dataset>>();

/**
 * The data set scenarios share within one `npm run bench` process: full size on PostgreSQL,
 * quick size on PGlite with --quick (or PostgreSQL quick size with BENCH_DB=postgres).
 */
export function sharedDataset(opts: { quick: boolean }): Promise<Dataset> {
  const key = opts.quick ? "quick" : "full";
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      if (!opts.quick && (await postgresAvailable())) return postgresDataset();
      if (!opts.quick) console.log("[bench] no PostgreSQL server reachable: using the quick PGlite data set");
      return pgliteDataset();
    })();
    cache.set(key, p);
  }
  return p;
}

/** Closes every data set opened by sharedDataset. */
export async function closeDatasets(): Promise<void> {
  for (const p of cache.values()) await (await p).handle.close().catch(() => undefined);
  cache.clear();
}
