// Order list for the largest tenant: the list query with common filters as portal_customer under
// RLS vs the same query as the owner without RLS (target <= 1.25x), on PostgreSQL (1M orders /
// 200 tenants) and PGlite (smaller set), and the /orders page rendered over HTTP under
// autocannon at 20 concurrent connections (target p95 <= 100 ms on PostgreSQL).
import { sql } from "drizzle-orm";
import { parseOrderQuery, type OrderQuery } from "#app/domain/orders/query";
import { localToday } from "#app/domain/orders/time";
import { fetchBatch, scopeOf, type RawListRow } from "#app/server/orders/list.server";
import { filterConditions, whereClause, type OrderScope } from "#app/server/orders/sql.server";
import type { Tx } from "#app/server/tenant-db.server";
import { pgliteDataset, sharedDataset, type Dataset } from "../lib/dataset";
import { load, signIn, startChildPortal } from "../lib/http";
import { round, summarize } from "../lib/stats";
import { asCustomer, asOwner, BENCH_PASSWORD, ensureBenchCustomer } from "../lib/tenant";
import type { BenchMetric, ScenarioOptions, ScenarioResult } from "../lib/types";

const RLS_TARGET = 1.25;
const PAGE_P95_TARGET_MS = 100;
const BENCH_PORT = 3170;

interface Case {
  label: string;
  run: (tx: Tx) => Promise<unknown>;
}

async function tenantInfo(ds: Dataset): Promise<{ id: string; timeZone: string; sampleNumber: string }> {
  const r = await ds.handle.db.execute<{ time_zone: string; order_number: string }>(
    sql`select t.time_zone, (select order_number from orders o where o.tenant_id = t.id order by ordered_at desc limit 1 offset 100) as order_number
        from tenants t where t.id = ${ds.info.largestTenantId}`,
  );
  return { id: ds.info.largestTenantId, timeZone: r.rows[0].time_zone, sampleNumber: r.rows[0].order_number };
}

function parse(qs: string): OrderQuery {
  const p = parseOrderQuery(new URLSearchParams(qs));
  if (!p.ok) throw new Error(`bench query ${qs} does not parse: ${JSON.stringify(p.errors)}`);
  return p.query;
}

/** The list queries a customer's page makes, with the filters people use most. */
async function cases(ds: Dataset): Promise<{ cases: Case[]; scope: OrderScope }> {
  const t = await tenantInfo(ds);
  const scope = scopeOf({
    db: { role: "portal_customer", tenantId: t.id, userId: null },
    tenant: { id: t.id, timeZone: t.timeZone },
  });
  const today = localToday(t.timeZone);
  const monthAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  const prefix = t.sampleNumber.slice(0, Math.max(3, t.sampleNumber.length - 2));
  const list = (qs: string): Case["run"] => {
    const q = parse(qs);
    return (tx) => fetchBatch(tx, scope, q, null, q.limit + 1);
  };
  // Page 5 of the default list: a keyset position 200 rows in.
  const first = parse("");
  const deep = await asOwner(ds.handle, t.id, (tx) => fetchBatch(tx, scope, first, null, 200));
  const at: RawListRow = deep[deep.length - 1];
  const counts = (qs: string): Case["run"] => {
    const q = parse(qs);
    return (tx) =>
      tx.execute(sql`select o.status, count(*)::int as n from orders o
        where ${whereClause(filterConditions(q.filters, scope, { withoutStatus: true }))} group by o.status`);
  };
  return {
    scope,
    cases: [
      { label: "list: newest first, 50 rows", run: list("") },
      { label: "list: status in_transit,shipped", run: list("status=in_transit,shipped") },
      { label: "list: late only", run: list("late=1") },
      {
        label: `list: ordered since ${monthAgo}, by promised date`,
        run: list(`ordered_from=${monthAgo}&sort=promised&dir=asc`),
      },
      { label: `list: search prefix "${prefix}"`, run: list(`q=${encodeURIComponent(prefix)}`) },
      {
        label: "list: page 5 (keyset cursor)",
        run: (tx) => fetchBatch(tx, scope, first, { value: at.sort_value, id: at.id, before: false }, 51),
      },
      { label: "status chip counts (all orders)", run: counts("") },
    ],
  };
}

/** Alternates RLS and owner runs of each case so drift affects both alike. */
async function rlsVsOwner(ds: Dataset, iterations: number, where: string): Promise<BenchMetric[]> {
  const { cases: list } = await cases(ds);
  const tenantId = ds.info.largestTenantId;
  const out: BenchMetric[] = [];
  for (const c of list) {
    for (let i = 0; i < 5; i++) {
      await asCustomer(ds.handle, tenantId, c.run);
      await asOwner(ds.handle, tenantId, c.run);
    }
    const rls: number[] = [];
    const owner: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const first = i % 2 === 0;
      for (const mode of first ? ["rls", "owner"] : ["owner", "rls"]) {
        const t0 = performance.now();
        if (mode === "rls") await asCustomer(ds.handle, tenantId, c.run);
        else await asOwner(ds.handle, tenantId, c.run);
        (mode === "rls" ? rls : owner).push(performance.now() - t0);
      }
    }
    const s = summarize(rls);
    const b = summarize(owner);
    const ratio = s.median / b.median;
    out.push({
      label: `${where} ${c.label}`,
      unit: "ms",
      median: round(s.median),
      p95: round(s.p95),
      p99: round(s.p99),
      baseline: round(b.median),
      ratio: round(ratio),
      target: `RLS <= ${RLS_TARGET}x owner`,
      met: ratio <= RLS_TARGET,
    });
  }
  return out;
}

async function page(ds: Dataset, seconds: number): Promise<{ metrics: BenchMetric[]; notes: string[] }> {
  if (!ds.info.url)
    return {
      metrics: [],
      notes: ["Page over HTTP is measured on PostgreSQL only (a child process needs a shared database)."],
    };
  const email = await ensureBenchCustomer(ds.handle, ds.info.largestTenantId);
  const portal = await startChildPortal({
    databaseUrl: ds.info.url,
    port: BENCH_PORT,
    needsRoute: "routes/orders._index",
  });
  const notes: string[] = [];
  const metrics: BenchMetric[] = [];
  try {
    if (portal.dev)
      notes.push(
        "The production build has no /orders route yet, so the page ran under the Vite dev server (slower SSR; figures are pessimistic). Run `npm run build` and re-run for production figures.",
      );
    else notes.push("Page served by the production build (NODE_ENV=production, build/server) in a child process.");
    const cookie = await signIn(portal.url, email, BENCH_PASSWORD);
    const probe = await fetch(`${portal.url}/orders`, { headers: { cookie }, redirect: "manual" });
    const html = await probe.text();
    if (probe.status !== 200) throw new Error(`/orders answered ${probe.status} for the bench customer`);
    notes.push(`/orders HTML is ${Math.round(html.length / 1024)} KB for the largest tenant.`);
    for (const [label, qs] of [
      ["page /orders (default view)", ""],
      ["page /orders?late=1", "?late=1"],
    ] as const) {
      // Warm-up: compile caches, fill the pool.
      await load(`${portal.url}/orders${qs}`, { connections: 4, seconds: 2, cookie });
      // One client at a time: the page's own cost, without queueing behind other requests.
      const one = await load(`${portal.url}/orders${qs}`, { connections: 1, seconds: Math.ceil(seconds / 3), cookie });
      metrics.push({
        label: `PostgreSQL ${label}, 1 at a time`,
        unit: "ms",
        median: round(one.latency.median),
        p95: round(one.latency.p95),
        p99: round(one.latency.p99),
      });
      const r = await load(`${portal.url}/orders${qs}`, { connections: 20, seconds, cookie });
      metrics.push({
        label: `PostgreSQL ${label}, 20 concurrent`,
        unit: "ms",
        median: round(r.latency.median),
        p95: round(r.latency.p95),
        p99: round(r.latency.p99),
        target: `p95 <= ${PAGE_P95_TARGET_MS} ms`,
        met: r.latency.p95 <= PAGE_P95_TARGET_MS && r.non2xx === 0 && r.errors === 0,
      });
      metrics.push({ label: `PostgreSQL ${label}, throughput`, unit: "req/s", value: round(r.rps, 1) });
      if (r.non2xx || r.errors) notes.push(`${label}: ${r.non2xx} non-2xx responses, ${r.errors} errors/timeouts.`);
    }
  } finally {
    await portal.stop();
  }
  return { metrics, notes };
}

export async function run(opts: ScenarioOptions): Promise<ScenarioResult> {
  const notes: string[] = [];
  const metrics: BenchMetric[] = [];
  const iterations = opts.quick ? 40 : 150;

  if (opts.quick) {
    const ds = await sharedDataset({ quick: true });
    notes.push(
      `PGlite: ${ds.info.tenants} tenants, ${ds.info.orders} orders (largest tenant ${ds.info.largestOrders}); seeded in ${ds.info.seedSeconds} s.`,
    );
    metrics.push(...(await rlsVsOwner(ds, iterations, "PGlite")));
  } else {
    const pgds = await sharedDataset({ quick: false });
    const where = pgds.info.kind === "postgres" ? "PostgreSQL" : "PGlite";
    notes.push(
      `${where}: ${pgds.info.tenants} tenants, ${pgds.info.orders.toLocaleString("en-US")} orders; largest tenant ${pgds.info.largestOrders.toLocaleString("en-US")} orders. ` +
        `Seeded ${pgds.info.createdNow ? "in this run" : `earlier (${pgds.info.seededAt})`} in ${pgds.info.seedSeconds} s.`,
    );
    metrics.push(...(await rlsVsOwner(pgds, iterations, where)));
    const p = await page(pgds, 15);
    metrics.push(...p.metrics);
    notes.push(...p.notes);
    const small = await pgliteDataset();
    notes.push(
      `PGlite: ${small.info.tenants} tenants, ${small.info.orders} orders (largest tenant ${small.info.largestOrders}); seeded in ${small.info.seedSeconds} s.`,
    );
    metrics.push(...(await rlsVsOwner(small, Math.round(iterations / 2), "PGlite")));
    await small.handle.close();
  }
  notes.push(
    "Queries are H3's fetchBatch (app/server/orders/list.server.ts) with parseOrderQuery; chip counts mirror statusCounts' SQL. " +
      "RLS = one transaction with SET LOCAL ROLE portal_customer + app.tenant_id (as withTenant); baseline = the owner (superuser, no policies) with the same round trips. " +
      `${iterations} alternating iterations per case after 5 warm-ups; ratio = RLS median / owner median.`,
  );
  return { name: "orders", metrics, notes };
}
