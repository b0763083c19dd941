// `tsx bench/explain-scorecard.ts`: the scorecard's "this quarter" + trend for the largest account
// of the bench database (BENCH_DB_NAME, default sightline_bench), timed as the `scorecard`
// scenario times it (buildScorecard as portal_customer), without waiting for the whole data set:
// it needs only the largest account, which the seeder writes first. Stored SLA metrics are
// computed for that account when missing. With PGOPTIONS="-c session_preload_libraries=auto_explain
// -c auto_explain.log_min_duration=20 -c auto_explain.log_analyze=on" the server log gets the plans.
import { sql } from "drizzle-orm";
import { setDb } from "#app/server/db.server";
import { recomputeTenantMetrics } from "#app/server/sla/metrics.server";
import { buildScorecard } from "#app/server/sla/scorecard.server";
import type { TenantTier } from "#db/schema/tenancy";
import { openDb } from "#db/client";
import { ADMIN_URL, BENCH_DB_NAME } from "./lib/dataset";
import { round, summarize, timeMany } from "./lib/stats";

const url = new URL(ADMIN_URL);
url.pathname = `/${BENCH_DB_NAME}`;
const handle = await openDb({ url: url.toString(), poolSize: 2 });
setDb(handle);
try {
  const t = (
    await handle.db.execute<{
      id: string;
      name: string;
      slug: string;
      tier: TenantTier;
      time_zone: string;
      country: string;
      region: string | null;
      n: number;
    }>(sql`select t.id, t.name, t.slug, t.tier, t.time_zone, t.country, t.region, c.n
        from (select tenant_id, count(*)::int as n from orders group by tenant_id order by 2 desc limit 1) c
        join tenants t on t.id = c.tenant_id`)
  ).rows[0];
  const missing = await handle.db.execute<{ n: number }>(
    sql`select count(*)::int as n from orders where tenant_id = ${t.id} and metrics_calendar_version is null`,
  );
  if (missing.rows[0].n > 0) {
    const started = Date.now();
    await recomputeTenantMetrics(t.id, { batchSize: 2_000 });
    await handle.exec("ANALYZE orders");
    console.log(`metrics for ${missing.rows[0].n} orders in ${(Date.now() - started) / 1000} s`);
  }
  const tenant = {
    id: t.id,
    name: t.name,
    slug: t.slug,
    tier: t.tier,
    timeZone: t.time_zone,
    country: t.country,
    region: t.region,
  };
  const ctx = { role: "portal_customer" as const, tenantId: t.id, userId: null };
  for (const [label, period] of [
    ["this quarter", { kind: "relative", which: "this", granularity: "quarter" }],
    ["last period", { kind: "relative", which: "last", granularity: "period" }],
  ] as const) {
    const first = await buildScorecard(ctx, tenant, { period });
    if (!first.ok) throw new Error(first.message);
    const s = summarize(await timeMany(() => buildScorecard(ctx, tenant, { period }), { iterations: 30, warmup: 3 }));
    console.log(
      `${label} + trend, ${t.n} orders: median ${round(s.median)} ms, p95 ${round(s.p95)} ms, p99 ${round(s.p99)} ms (30 calls)`,
    );
  }
} finally {
  await handle.close();
}
