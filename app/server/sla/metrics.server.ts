// Stored per-order SLA metrics. Written only by the tenant's system writer (portal_ingest):
//  - recomputeOrderMetrics(tx, tenantId, orderIds): ingestion calls it inside its own
//    transaction whenever an order's facts change;
//  - recomputeTenantMetrics(): every order of a tenant, in batches, for a metric job queued by a
//    calendar or tolerance change (the background service below works through metric_jobs).
// Figures are computed in TypeScript (app/domain/sla) and written with one UPDATE per batch.
import { and, eq, sql } from "drizzle-orm";
import { metricJobs, tenants } from "../../../db/schema/index";
import type { TenantTier } from "../../../db/schema/tenancy";
import type { MetricPolicy } from "#app/domain/sla/metrics";
import type { BackgroundService } from "../background.server";
import { getDb } from "../db.server";
import { withTenant, type TenantContext, type Tx } from "../tenant-db.server";
import { loadTenantCalendar, type TenantCalendar } from "./calendar.server";
import { arrayLiteral, computeRows, loadFacts, WRITE_CHUNK, writeMetrics } from "./store.server";
import { loadTargets } from "./targets.server";
import { logger, logJobRun } from "../log.server";

const log = logger("sla");

export const RECOMPUTE_BATCH = 500;

/** The system writer for one tenant; recompute jobs run as it, exactly like ingestion. */
export function systemWriter(tenantId: string): TenantContext {
  return { role: "portal_ingest", tenantId, keyId: "sla-recompute" };
}

export interface MetricsContext {
  calendar: TenantCalendar;
  policy: MetricPolicy;
}

/** The calendar (latest or a given version) and tolerances metrics of this tenant are computed with. */
export async function metricsContext(tx: Tx, tenantId: string, version?: number): Promise<MetricsContext> {
  const [tenant] = await tx
    .select({
      id: tenants.id,
      tier: tenants.tier,
      timeZone: tenants.timeZone,
      country: tenants.country,
      region: tenants.region,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) throw new Error(`metrics: tenant ${tenantId} is not visible`);
  const calendar = await loadTenantCalendar(tx, tenant, version);
  const { targets } = await loadTargets(tx, tenantId, tenant.tier as TenantTier);
  return {
    calendar,
    policy: { onTimeToleranceDays: targets.onTimeToleranceDays, inFullTolerancePct: targets.inFullTolerancePct },
  };
}

/**
 * Recomputes the stored metrics of the given orders. The contract with ingestion: call inside
 * the transaction that changed the orders' facts, running as portal_ingest for `tenantId`.
 */
export async function recomputeOrderMetrics(tx: Tx, tenantId: string, orderIds: readonly string[]): Promise<void> {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return;
  const ctx = await metricsContext(tx, tenantId);
  for (let i = 0; i < ids.length; i += WRITE_CHUNK) {
    const chunk = arrayLiteral(ids.slice(i, i + WRITE_CHUNK));
    const facts = await loadFacts(tx, tenantId, sql`o.id = any(${chunk}::uuid[])`);
    await writeMetrics(tx, tenantId, ctx.calendar.version, computeRows(facts, ctx));
  }
}

/**
 * Recomputes every order of a tenant under a calendar version, one short transaction per batch
 * (so progress is visible and ingestion is never blocked for long). Returns the rows done.
 */
export async function recomputeTenantMetrics(
  tenantId: string,
  opts: { version?: number; batchSize?: number; onBatch?: (done: number) => Promise<void> } = {},
): Promise<number> {
  const writer = systemWriter(tenantId);
  let lastId: string | null = null;
  let done = 0;
  let ctx: MetricsContext | null = null;
  for (;;) {
    const batch = await withTenant(writer, async (tx) => {
      ctx ??= await metricsContext(tx, tenantId, opts.version);
      const facts = await loadFacts(tx, tenantId, lastId ? sql`o.id > ${lastId}::uuid` : sql`true`, {
        limit: opts.batchSize ?? RECOMPUTE_BATCH,
        lock: true,
      });
      await writeMetrics(tx, tenantId, ctx.calendar.version, computeRows(facts, ctx));
      return facts.map((f) => f.id);
    });
    if (batch.length === 0) break;
    lastId = batch[batch.length - 1];
    done += batch.length;
    if (opts.onBatch) await opts.onBatch(done);
  }
  return done;
}

// ---------------------------------------------------------------------------------------------
// Metric jobs

/** Queues a recompute of the tenant's stored metrics (customer admins, staff or the system). */
export async function enqueueRecompute(tx: Tx, tenantId: string, calendarVersion: number): Promise<string> {
  const [job] = await tx
    .insert(metricJobs)
    .values({ tenantId, calendarVersion, status: "queued" })
    .returning({ id: metricJobs.id });
  return job.id;
}

export interface JobView {
  id: string;
  calendarVersion: number;
  status: "queued" | "running" | "done" | "failed";
  total: number;
  done: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** The tenant's most recent jobs, newest first (any role that may read metric_jobs). */
export async function recentJobs(tx: Tx, tenantId: string, limit = 5): Promise<JobView[]> {
  return tx
    .select({
      id: metricJobs.id,
      calendarVersion: metricJobs.calendarVersion,
      status: metricJobs.status,
      total: metricJobs.total,
      done: metricJobs.done,
      error: metricJobs.error,
      createdAt: metricJobs.createdAt,
      finishedAt: metricJobs.finishedAt,
    })
    .from(metricJobs)
    .where(eq(metricJobs.tenantId, tenantId))
    .orderBy(sql`${metricJobs.createdAt} desc`)
    .limit(limit);
}

export const SUPERSEDED = "Superseded by a newer recompute.";

/** Runs one queued job (the newest of its tenant; older queued ones are superseded). */
async function runJob(tenantId: string, jobId: string): Promise<boolean> {
  const writer = systemWriter(tenantId);
  const claimed = await withTenant(writer, async (tx) => {
    const r = await tx.execute<{ version: number; created_at: string }>(sql`
      update metric_jobs set status = 'running',
        total = (select count(*)::int from orders where tenant_id = ${tenantId}::uuid), done = 0
      where tenant_id = ${tenantId}::uuid and id = ${jobId}::uuid and status = 'queued'
      returning calendar_version as version, created_at::text as created_at`);
    const job = r.rows[0];
    if (!job) return null;
    await tx.execute(sql`update metric_jobs set status = 'done', active = false, finished_at = now(),
        error = ${SUPERSEDED}
      where tenant_id = ${tenantId}::uuid and status = 'queued' and created_at <= ${job.created_at}::timestamptz
        and id <> ${jobId}::uuid`);
    return job;
  });
  if (!claimed) return false;
  try {
    const version = claimed.version > 0 ? claimed.version : undefined;
    const done = await recomputeTenantMetrics(tenantId, {
      version,
      onBatch: (n) =>
        withTenant(writer, async (tx) => {
          await tx
            .update(metricJobs)
            .set({ done: n })
            .where(and(eq(metricJobs.tenantId, tenantId), eq(metricJobs.id, jobId)));
        }),
    });
    await withTenant(writer, (tx) =>
      tx
        .update(metricJobs)
        .set({ status: "done", done, total: done, finishedAt: new Date(), active: false })
        .where(and(eq(metricJobs.tenantId, tenantId), eq(metricJobs.id, jobId))),
    );
  } catch (err) {
    log.error({ err, jobId, tenantId }, "SLA recompute failed");
    await withTenant(writer, (tx) =>
      tx
        .update(metricJobs)
        .set({ status: "failed", error: (err as Error).message.slice(0, 500), finishedAt: new Date(), active: false })
        .where(and(eq(metricJobs.tenantId, tenantId), eq(metricJobs.id, jobId))),
    );
  }
  return true;
}

/**
 * Works through queued jobs, newest per tenant first. A system task across tenants: finding
 * the jobs uses the owner connection (as the escalation checks do); every read and write of
 * tenant data runs as that tenant's portal_ingest. Returns the number of jobs run.
 */
export async function runPendingJobs(): Promise<number> {
  const { db } = await getDb();
  const pending = await db.execute<{ tenant_id: string; id: string }>(sql`
    select distinct on (tenant_id) tenant_id, id from metric_jobs
    where status = 'queued' order by tenant_id, created_at desc`);
  let ran = 0;
  for (const job of pending.rows) if (await runJob(job.tenant_id, job.id)) ran++;
  return ran;
}

let running: Promise<number> | null = null;
let again = false;

/** Starts working through the queue now (e.g. right after a calendar save); never runs twice at once. */
export function kickRecompute(): void {
  if (running) {
    again = true;
    return;
  }
  running = logJobRun(log, "SLA recompute", async () => ({ jobs: await runPendingJobs() }))
    .then((r) => r?.jobs ?? 0)
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        kickRecompute();
      }
    });
}

/** Resolves once no kicked recompute is running (tests, and shutdown). */
export async function recomputeIdle(): Promise<void> {
  while (running) await running;
}

const POLL_MS = 5_000;

export const metricJobsService: BackgroundService = {
  name: "SLA metric recompute",
  async start() {
    const { db } = await getDb();
    // A process that stopped mid-job left it running; recomputing is idempotent, so start it again.
    await db.execute(sql`update metric_jobs set status = 'queued' where status = 'running'`);
    kickRecompute();
    const timer = setInterval(kickRecompute, POLL_MS);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  },
};
