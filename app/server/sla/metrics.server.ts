// Stored per-order SLA metrics. Written only by the tenant's system writer (portal_ingest):
//  - recomputeOrderMetrics(tx, tenantId, orderIds): ingestion calls it inside its own
//    transaction whenever an order's facts change;
//  - recomputeTenantMetrics(): every order of a tenant, in batches, for a metric job queued by a
//    calendar or tolerance change (the background service below works through metric_jobs).
// Figures are computed in TypeScript (app/domain/sla) and written with one UPDATE per batch.
import { eq, sql } from "drizzle-orm";
import { metricJobs, tenants } from "#db/schema/index";
import type { TenantTier } from "#db/schema/tenancy";
import type { MetricPolicy } from "#app/domain/sla/metrics";
import { LEASE_OWNER, msFromEnv } from "../jobs/lease.server";
import type { BackgroundService } from "../jobs/service.server";
import { getDb } from "../db.server";
import { withTenant, type TenantContext, type Tx } from "../tenant-db.server";
import { loadTenantCalendar, type TenantCalendar } from "../calendar/tenant-calendar.server";
import { arrayLiteral, computeRows, loadFacts, WRITE_CHUNK, writeMetrics } from "#db/sla-metrics-store";
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

// Leases (0020): a running job belongs to the process whose lease has not expired. The holder
// renews it after every batch and on a timer; a process that dies stops renewing, and once the
// lease has run out any process claims the job again (recomputing is idempotent).
export const JOB_LEASE_MS = msFromEnv("SIGHTLINE_JOB_LEASE_MS", 30_000);
const POLL_MS = msFromEnv("SIGHTLINE_JOB_POLL_MS", 5_000);

/** Thrown inside a job when this process no longer holds its lease, or is shutting down. */
class JobInterrupted extends Error {}

/** Set while the service stops: the job in hand ends after its batch and goes back to the queue. */
let stopping = false;
/** After the service stopped, kicks (late requests of a draining process) start nothing. */
let kicksOff = false;

type ClaimedJob = {
  tenant_id: string;
  id: string;
  version: number;
};

/**
 * Claims the newest claimable job — queued (while its tenant has no job running), or running
 * under an expired lease — and supersedes the tenant's older queued jobs, in one transaction on
 * the owner connection. FOR UPDATE SKIP LOCKED: processes claiming at the same time take
 * different rows instead of waiting for each other; the unique index on running jobs per tenant
 * turns a same-tenant race into a lost claim (null), tried again on the next poll.
 */
async function claimJob(): Promise<ClaimedJob | null> {
  const { db } = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const r = await tx.execute<ClaimedJob & { created_at: string }>(sql`
        with candidate as (
          select j.tenant_id, j.id from metric_jobs j
          where (j.status = 'queued' and not exists (
                   select 1 from metric_jobs r where r.tenant_id = j.tenant_id and r.status = 'running'))
             or (j.status = 'running' and (j.lease_expires_at is null or j.lease_expires_at < now()))
          order by j.created_at desc
          limit 1
          for update of j skip locked)
        update metric_jobs m set status = 'running', lease_owner = ${LEASE_OWNER},
          lease_expires_at = now() + ${JOB_LEASE_MS} * interval '1 millisecond',
          total = (select count(*)::int from orders o where o.tenant_id = m.tenant_id), done = 0
        from candidate c where m.tenant_id = c.tenant_id and m.id = c.id
        returning m.tenant_id, m.id, m.calendar_version as version, m.created_at::text as created_at`);
      const job = r.rows[0];
      if (!job) return null;
      await tx.execute(sql`update metric_jobs set status = 'done', active = false, finished_at = now(),
          error = ${SUPERSEDED}
        where tenant_id = ${job.tenant_id}::uuid and status = 'queued'
          and created_at <= ${job.created_at}::timestamptz and id <> ${job.id}::uuid`);
      return { tenant_id: job.tenant_id, id: job.id, version: job.version };
    });
  } catch (err) {
    if ((err as { code?: string }).code === "23505" || /metric_jobs_one_running_idx/.test(String(err))) return null;
    throw err;
  }
}

/** Renews the lease (and records progress); throws JobInterrupted when it is no longer ours. */
async function renewLease(job: ClaimedJob, done?: number): Promise<void> {
  if (stopping) throw new JobInterrupted("shutting down");
  const { db } = await getDb();
  const r = await db.execute(sql`
    update metric_jobs set lease_expires_at = now() + ${JOB_LEASE_MS} * interval '1 millisecond'
      ${done === undefined ? sql`` : sql`, done = ${done}`}
    where tenant_id = ${job.tenant_id}::uuid and id = ${job.id}::uuid
      and status = 'running' and lease_owner = ${LEASE_OWNER}
    returning id`);
  if (r.rows.length === 0) throw new JobInterrupted("lease lost to another process");
}

/** Ends the job if this process still holds it: done, failed, or back to queued (shutdown). */
async function finishJob(
  job: ClaimedJob,
  outcome: { status: "done" | "failed" | "queued"; done?: number; error?: string },
) {
  const { db } = await getDb();
  const final = outcome.status !== "queued";
  await db.execute(sql`
    update metric_jobs set status = ${outcome.status}, lease_owner = null, lease_expires_at = null,
      done = coalesce(${outcome.done ?? null}::int, done), total = coalesce(${outcome.done ?? null}::int, total),
      error = ${outcome.error ?? null}, finished_at = ${final ? sql`now()` : sql`null`}, active = ${!final}
    where tenant_id = ${job.tenant_id}::uuid and id = ${job.id}::uuid and lease_owner = ${LEASE_OWNER}`);
}

/** Runs one claimed job under its lease. */
async function runJob(job: ClaimedJob): Promise<void> {
  const heartbeat = setInterval(() => void renewLease(job).catch(() => undefined), JOB_LEASE_MS / 3);
  heartbeat.unref();
  try {
    const done = await recomputeTenantMetrics(job.tenant_id, {
      version: job.version > 0 ? job.version : undefined,
      onBatch: (n) => renewLease(job, n),
    });
    await finishJob(job, { status: "done", done });
  } catch (err) {
    if (err instanceof JobInterrupted) {
      log.info({ jobId: job.id, tenantId: job.tenant_id, reason: err.message }, "SLA recompute interrupted");
      if (stopping) await finishJob(job, { status: "queued" });
      return;
    }
    log.error({ err, jobId: job.id, tenantId: job.tenant_id }, "SLA recompute failed");
    await finishJob(job, { status: "failed", error: (err as Error).message.slice(0, 500) });
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Works through claimable jobs, newest first, one at a time in this process; other processes
 * work through the same queue concurrently without taking the same job. Finding and claiming
 * jobs is a system task on the owner connection; every read and write of tenant data runs as
 * that tenant's portal_ingest. Returns the number of jobs run.
 */
export async function runPendingJobs(): Promise<number> {
  let ran = 0;
  while (!stopping) {
    const job = await claimJob();
    if (!job) break;
    await runJob(job);
    ran++;
  }
  return ran;
}

let running: Promise<number> | null = null;
let again = false;

/** Starts working through the queue now (e.g. right after a calendar save); never runs twice at once. */
export function kickRecompute(): void {
  if (stopping || kicksOff) return;
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

export const metricJobsService: BackgroundService = {
  name: "SLA metric recompute",
  async start() {
    kicksOff = false;
    kickRecompute();
    const timer = setInterval(kickRecompute, POLL_MS);
    timer.unref();
    return async () => {
      // The job in hand stops after its current batch and goes back to the queue for another process.
      stopping = true;
      kicksOff = true;
      clearInterval(timer);
      await recomputeIdle();
      stopping = false;
    };
  },
};
