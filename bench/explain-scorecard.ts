// `tsx bench/explain-scorecard.ts`: the scorecard's "this quarter" + trend for the largest account
// of the bench database (BENCH_DB_NAME, default sightline_bench), timed as the `scorecard`
// scenario times it (buildScorecard as portal_customer), without waiting for the whole data set:
// it needs only the largest account, which the seeder writes first. Stored SLA metrics are
// computed for that account when missing. With PGOPTIONS="-c session_preload_libraries=auto_explain
// -c auto_explain.log_min_duration=20 -c auto_explain.log_analyze=on" the server log gets the plans.
import { sql } from "drizzle-orm";
import { setDb } from "#app/server/db.server";
import { buildScorecard } from "#app/server/sla/scorecard.server";
import { openDb } from "#db/client";
import { ADMIN_URL, BENCH_DB_NAME } from "./lib/dataset";
import { round, summarize, timeMany } from "./lib/stats";
import { ensureMetrics, loadTenantSummary } from "./scenarios/scorecard";

const url = new URL(ADMIN_URL);
url.pathname = `/${BENCH_DB_NAME}`;
const handle = await openDb({ url: url.toString(), poolSize: 2 });
setDb(handle);
try {
  const largest = (
    await handle.db.execute<{ tenant_id: string; n: number }>(
      sql`select tenant_id, count(*)::int as n from orders group by tenant_id order by 2 desc limit 1`,
    )
  ).rows[0];
  const m = await ensureMetrics(handle, largest.tenant_id);
  if (m.orders) console.log(`metrics for ${m.orders} orders in ${m.seconds} s`);
  const tenant = await loadTenantSummary(handle, largest.tenant_id);
  const ctx = { role: "portal_customer" as const, tenantId: tenant.id, userId: null };
  for (const [label, period] of [
    ["this quarter", { kind: "relative", which: "this", granularity: "quarter" }],
    ["last period", { kind: "relative", which: "last", granularity: "period" }],
  ] as const) {
    const first = await buildScorecard(ctx, tenant, { period });
    if (!first.ok) throw new Error(first.message);
    const s = summarize(await timeMany(() => buildScorecard(ctx, tenant, { period }), { iterations: 30, warmup: 3 }));
    console.log(
      `${label} + trend, ${largest.n} orders: median ${round(s.median)} ms, p95 ${round(s.p95)} ms, p99 ${round(s.p99)} ms (30 calls)`,
    );
  }
} finally {
  await handle.close();
}
