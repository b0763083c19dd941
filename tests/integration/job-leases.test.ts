// Background work runs once across processes (issue 17): metric jobs are claimed under leases
// that expire when their process dies, and periodic tasks run only in the holder of a named
// lease. "Another process" is played by rows whose lease owner is not this process's id; the
// multi-process version of the same promises is tests/hardening/cluster.test.ts.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setDb } from "../../app/server/db.server";
import { holdLease, LEASE_OWNER, releaseLease } from "../../app/server/jobs/lease.server";
import { metricJobsService, runPendingJobs } from "../../app/server/sla/metrics.server";
import { createTenantWithOrders } from "../support/factories";
import { createTestDb, describeEachDb, type TestDb } from "../support/db";

const OTHER_PROCESS = randomUUID();

interface JobRow extends Record<string, unknown> {
  status: string;
  lease_owner: string | null;
  done: number;
  total: number;
}

await describeEachDb("job leases", (kind) => {
  let handle: TestDb;

  beforeAll(async () => {
    handle = await createTestDb(kind);
    setDb(handle);
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
  });

  /** A tenant with orders and one job in the given state; the lease's expiry is relative to now. */
  async function jobFor(status: "queued" | "running", lease?: { owner: string; expiresInMs: number }) {
    const { tenant } = await createTenantWithOrders(handle, 3);
    const id = randomUUID();
    await handle.db.execute(sql`
      insert into metric_jobs (tenant_id, id, calendar_version, status, lease_owner, lease_expires_at)
      values (${tenant.id}, ${id}, 0, ${status}, ${lease?.owner ?? null},
              ${lease ? sql`now() + ${lease.expiresInMs} * interval '1 millisecond'` : null})`);
    return { tenantId: tenant.id, id };
  }

  async function job(id: string): Promise<JobRow> {
    const r = await handle.db.execute<JobRow>(
      sql`select status, lease_owner, done, total from metric_jobs where id = ${id}`,
    );
    return r.rows[0];
  }

  async function clearQueue() {
    await handle.db.execute(sql`update metric_jobs set status = 'done', lease_owner = null where status <> 'done'`);
  }

  it("leaves a job alone while another process holds its lease, even when this process starts", async () => {
    await clearQueue();
    const held = await jobFor("running", { owner: OTHER_PROCESS, expiresInMs: 60_000 });
    const stop = await metricJobsService.start(handle);
    await stop();
    expect(await runPendingJobs()).toBe(0);
    expect(await job(held.id)).toMatchObject({ status: "running", lease_owner: OTHER_PROCESS });
  });

  it("finishes a job whose process died (its lease expired) and clears the lease", async () => {
    await clearQueue();
    const orphan = await jobFor("running", { owner: OTHER_PROCESS, expiresInMs: -1_000 });
    expect(await runPendingJobs()).toBe(1);
    expect(await job(orphan.id)).toMatchObject({ status: "done", lease_owner: null, done: 3, total: 3 });
  });

  it("keeps a queued job waiting while its tenant's recompute runs in another process", async () => {
    await clearQueue();
    const running = await jobFor("running", { owner: OTHER_PROCESS, expiresInMs: 60_000 });
    const queued = randomUUID();
    await handle.db.execute(sql`insert into metric_jobs (tenant_id, id, calendar_version, status)
      values (${running.tenantId}, ${queued}, 0, 'queued')`);
    expect(await runPendingJobs()).toBe(0);
    expect((await job(queued)).status).toBe("queued");
  });

  it("refuses a second running job for one tenant in the database itself", async () => {
    await clearQueue();
    const first = await jobFor("running", { owner: OTHER_PROCESS, expiresInMs: 60_000 });
    const second = randomUUID();
    await expect(
      handle.db.execute(sql`insert into metric_jobs (tenant_id, id, calendar_version, status)
        values (${first.tenantId}, ${second}, 0, 'running')`),
    ).rejects.toThrow();
  });

  it("gives a periodic task's lease to one process until it expires or is released", async () => {
    const name = `test task ${randomUUID()}`;
    await handle.db.execute(sql`insert into background_leases (name, owner, expires_at)
      values (${name}, ${OTHER_PROCESS}, now() + interval '1 minute')`);
    expect(await holdLease(handle.db, name, 10_000)).toBe(false);
    await handle.db.execute(
      sql`update background_leases set expires_at = now() - interval '1 second' where name = ${name}`,
    );
    expect(await holdLease(handle.db, name, 10_000)).toBe(true);
    expect(await holdLease(handle.db, name, 10_000)).toBe(true); // renewing our own
    const owner = await handle.db.execute<{ owner: string }>(
      sql`select owner from background_leases where name = ${name}`,
    );
    expect(owner.rows[0].owner).toBe(LEASE_OWNER);
    await releaseLease(handle.db, name);
    const left = await handle.db.execute(sql`select 1 from background_leases where name = ${name}`);
    expect(left.rows).toHaveLength(0);
  });
});
